"""The timeline: the format's worked example, self-paced minimums, video-led starts."""

from __future__ import annotations

from pathlib import Path

import pytest

from workout_player.domain.durations import format_clock
from workout_player.domain.loader import parse_workout
from workout_player.domain.model import ExerciseStep, RestStep, Workout
from workout_player.domain.timeline import Plan, build_plan

WORKED_EXAMPLE = """\
title: Worked example
countdown: 5
steps:
  - exercise: Bird dog
    sets: 2
    reps: 8
    tempo: [2, 2, 2]
    sides: both
    rest: 30
"""


def plan_of(text: str, video_length: float | None = None) -> Plan:
    result = parse_workout(text)
    assert result.workout is not None, [str(p) for p in result.problems]
    return build_plan(result.workout, video_length)


def kinds(plan: Plan) -> list[tuple[str, float, float | None]]:
    return [(s.kind, s.start, s.duration) for s in plan.segments]


def test_worked_example_is_237_seconds_exact() -> None:
    plan = plan_of(WORKED_EXAMPLE)
    assert plan.total_seconds == 237.0 and plan.exact
    assert kinds(plan) == [
        ("countdown", 0, 5),
        ("work", 5, 48),
        ("switch", 53, 5),
        ("work", 58, 48),
        ("rest", 106, 30),
        ("work", 136, 48),
        ("switch", 184, 5),
        ("work", 189, 48),
    ]
    sides = [(s.set, s.side) for s in plan.segments if s.kind == "work"]
    assert sides == [(1, "left"), (1, "right"), (2, "left"), (2, "right")]


def test_self_paced_sets_make_the_total_a_minimum() -> None:
    plan = plan_of("title: T\nsteps:\n  - exercise: Wall hinge\n    reps: 10\n  - rest: 30\n")
    assert not plan.exact
    assert kinds(plan) == [("countdown", 0, 5), ("work", 5, None), ("rest", 5, 30)]
    assert plan.total_seconds == 35.0


def test_no_rest_after_the_last_set_no_countdown_when_zero_no_switch_when_zero() -> None:
    text = (
        "title: T\ncountdown: 0\nswitch: 0\nsteps:\n"
        "  - exercise: A\n    sets: 2\n    duration: 10\n    sides: both\n    rest: 20\n"
        "  - exercise: B\n    duration: 5\n    sides: right\n    countdown: 3\n"
    )
    assert kinds(plan_of(text)) == [
        ("work", 0, 10),
        ("work", 10, 10),
        ("rest", 20, 20),
        ("work", 40, 10),
        ("work", 50, 10),
        ("countdown", 60, 3),
        ("work", 63, 5),
    ]


def test_single_number_tempo_and_hold() -> None:
    plan = plan_of("title: T\ncountdown: 0\nsteps:\n  - exercise: A\n    reps: 4\n    tempo: 2.5\n")
    assert plan.segments[0].duration == 10.0
    plan = plan_of("title: T\ncountdown: 0\nsteps:\n  - exercise: A\n    reps: 3\n    hold: 10\n")
    assert plan.segments[0].duration == 30.0


def test_video_led_steps_start_at_their_at_and_the_total_is_the_video() -> None:
    text = (
        "title: T\nvideo: v.mp4\nsteps:\n"
        "  - exercise: A\n    duration: 20\n    at: 0:10\n"
        "  - rest: 15\n    at: 1:00\n"
    )
    plan = plan_of(text)
    assert plan.mode == "video"
    assert kinds(plan) == [("work", 10, 20), ("rest", 60, 15)]  # video-led countdown is 0
    assert plan.total_seconds == 75.0 and plan.warnings == ()
    assert plan_of(text, video_length=300.0).total_seconds == 300.0


def test_overlapping_video_steps_warn_with_the_step_location() -> None:
    text = (
        "title: T\nvideo: v.mp4\nsteps:\n"
        "  - exercise: A\n    duration: 90\n    at: 0\n"
        "  - rest: 15\n    at: 1:00\n"
    )
    plan = plan_of(text)
    assert len(plan.warnings) == 1
    warning = plan.warnings[0]
    assert warning.location is not None and (warning.location.line, warning.location.column) == (
        4,
        5,
    )
    assert "runs until 1:30, past the next step's start at 1:00" in warning.message


@pytest.mark.parametrize(
    ("duration", "at", "until", "starts"),
    [
        (6.4, "0:06", "0:06.4", "0:06.0"),  # both round to 0:06
        (5.54, "0:05.52", "0:05.54", "0:05.52"),  # both 0:06, both 0:05.5
        (60.0006, "1:00", "1:00.001", "1:00.000"),  # differ only in milliseconds
    ],
)
def test_overlap_warning_times_differ_where_rounding_would_hide_it(
    duration: float, at: str, until: str, starts: str
) -> None:
    text = (
        f"title: T\nvideo: v.mp4\nsteps:\n"
        f"  - exercise: A\n    duration: {duration}\n    at: 0\n"
        f"  - rest: 15\n    at: {at}\n"
    )
    (warning,) = plan_of(text).warnings
    assert f"runs until {until}, past the next step's start at {starts};" in warning.message


def test_plan_json_shape() -> None:
    data = plan_of(WORKED_EXAMPLE).to_json()
    assert list(data) == ["title", "mode", "total_seconds", "exact", "segments"]
    segments = data["segments"]
    assert isinstance(segments, list)
    assert list(segments[1]) == [
        "kind",
        "start",
        "duration",
        "step",
        "exercise",
        "set",
        "side",
        "reps",
    ]
    assert segments[1] == {
        "kind": "work",
        "start": 5.0,
        "duration": 48.0,
        "step": 0,
        "exercise": "Bird dog",
        "set": 1,
        "side": "left",
        "reps": 8,
    }


def test_model_built_by_hand_gives_the_same_plan() -> None:
    step = ExerciseStep("Bird dog", sets=2, reps=8, tempo=(2.0, 2.0, 2.0), sides="both", rest=30)
    workout = Workout("Worked example", (step,), countdown=5)
    assert build_plan(workout).segments == plan_of(WORKED_EXAMPLE).segments
    assert build_plan(Workout("R", (RestStep(10),))).total_seconds == 10


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (None, "--"),
        (0, "0:00"),
        (59.4, "0:59"),
        (237, "3:57"),
        (3600, "1:00:00"),
        (3723, "1:02:03"),
    ],
)
def test_format_clock(seconds: float | None, text: str) -> None:
    assert format_clock(seconds) == text


def test_bundled_video_workout_has_no_overlapping_steps() -> None:
    """The video-led daily routine's at: times were drawn from the timer-led plan."""
    root = Path(__file__).resolve().parent.parent / "workouts"
    video, timer = root / "daily-back-care-video.yaml", root / "daily-back-care.yaml"
    if not video.exists():
        pytest.skip("no video-led twin bundled")
    video_plan = plan_of(video.read_text(encoding="utf-8"))
    assert video_plan.warnings == ()
    assert video_plan.exact and plan_of(timer.read_text(encoding="utf-8")).exact


def test_an_overlap_below_a_millisecond_is_no_overlap() -> None:
    text = (
        "title: T\nvideo: v.mp4\nsteps:\n"
        "  - exercise: A\n    duration: 60.0004\n    at: 0\n"
        "  - rest: 15\n    at: 1:00\n"
    )
    assert plan_of(text).warnings == ()
