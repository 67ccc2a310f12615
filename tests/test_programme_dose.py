"""Dose levels: level N of a workout is the file plus N-1 dose steps, each with its cap."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from tests.ui_support import TIMER_WORKOUT, load, write_workout
from workout_player.domain.loader import parse_workout
from workout_player.domain.model import ExerciseStep, Workout
from workout_player.domain.programme.dose import MAX_HOLD, MAX_REPS, MAX_SETS, at_level, steps_for

WORKOUT = """\
title: Dose test
steps:
  - exercise: Curl-up
    reps: 6
    hold: 8
  - exercise: Bird dog
    sets: 2
    reps: 14
    tempo: [1, 1]
    sides: both
    rest: 10
  - exercise: Bridge
    sets: 5
    reps: 3
    hold: 29
  - rest: 20
"""


def _workout() -> Workout:
    result = parse_workout(WORKOUT)
    assert result.workout is not None
    return result.workout


def _exercises(workout: Workout) -> list[tuple[int | None, float | None, int]]:
    return [(s.reps, s.hold, s.sets) for s in workout.steps if isinstance(s, ExerciseStep)]


def test_level_1_is_the_file_as_written() -> None:
    workout = _workout()
    assert at_level(workout, 1) == workout


def test_each_level_adds_the_next_step_of_the_progression() -> None:
    workout = _workout()
    assert steps_for(4) == ["hold", "reps", "sets"]
    assert steps_for(5, ("reps", "sets")) == ["reps", "sets", "reps", "sets"]
    # hold +2 s (the 29 s hold stops at 30), then +1 rep (14 -> 15, the cap), then +1 set
    # for steps done in two sets or more (5 is the cap; one set is left alone).
    assert _exercises(at_level(workout, 2)) == [(6, 10.0, 1), (14, None, 2), (3, MAX_HOLD, 5)]
    assert _exercises(at_level(workout, 3)) == [(7, 10.0, 1), (15, None, 2), (4, MAX_HOLD, 5)]
    assert _exercises(at_level(workout, 4)) == [(7, 10.0, 1), (15, None, 3), (4, MAX_HOLD, 5)]


def test_a_video_led_workout_is_never_changed(tmp_path: Path) -> None:
    (tmp_path / "v.mp4").write_bytes(b"")
    text = "title: V\nvideo: v.mp4\nsteps:\n  - exercise: A\n    reps: 3\n    hold: 5\n    at: 0\n"
    result = parse_workout(text, tmp_path / "v.yaml")
    assert result.workout is not None
    assert at_level(result.workout, 5) == result.workout


def test_the_source_file_stays_so_history_knows_the_workout(tmp_path: Path) -> None:
    workout = load(write_workout(tmp_path, TIMER_WORKOUT))
    assert at_level(workout, 3).source == workout.source


@given(st.integers(1, 30), st.lists(st.sampled_from(["hold", "reps", "sets"]), max_size=4))
def test_levels_only_go_up_and_never_past_the_caps(level: int, progression: list[str]) -> None:
    workout = _workout()
    steps = tuple(progression)
    lower = _exercises(at_level(workout, level, steps))  # type: ignore[arg-type]
    higher = _exercises(at_level(workout, level + 1, steps))  # type: ignore[arg-type]
    written = _exercises(workout)
    for (r0, h0, s0), (r1, h1, s1), (rw, hw, sw) in zip(lower, higher, written, strict=True):
        assert (r0 or 0) <= (r1 or 0) and (h0 or 0) <= (h1 or 0) and s0 <= s1
        assert (r1 or 0) <= max(MAX_REPS, rw or 0)
        assert (h1 or 0) <= max(MAX_HOLD, hw or 0)
        assert s1 <= max(MAX_SETS, sw)
