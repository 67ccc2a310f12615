"""The bundled self-checks: every check step validates, is explained, is safe to skip, and
names a check of the shipped norms whose rows all have a source."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import WORKOUTS
from workout_player.domain.checks import load_norms
from workout_player.domain.loader import load_workout
from workout_player.domain.model import CheckStep, RestStep, Workout
from workout_player.domain.timeline import build_plan

CHECK_FILES = [p for p in sorted(WORKOUTS.glob("*.yaml")) if "check:" in p.read_text("utf-8")]
STABILITY = WORKOUTS / "stability-check.yaml"
CLIPS = {
    "mcgill_flexor": "check-trunk-flexor-hold.mp4",
    "sorensen_extensor": "check-extensor-hold.mp4",
    "side_bridge_right": "check-side-bridge.mp4",
    "side_bridge_left": "check-side-bridge.mp4",
    "single_leg_stance_eyes_open": "check-single-leg-stance.mp4",
    "single_leg_stance_eyes_closed": "check-single-leg-stance-eyes-closed.mp4",
    "chair_stand_30s": "check-chair-stand.mp4",
    "tandem_walk": "check-line-walk.mp4",
}


def _checks(path: Path) -> tuple[Workout, tuple[CheckStep, ...]]:
    result = load_workout(path)
    errors = [str(p) for p in result.errors]
    assert result.workout is not None and errors == []
    return result.workout, result.workout.checks


def test_the_check_files_are_bundled() -> None:
    assert {p.name for p in CHECK_FILES} == {
        "stability-check.yaml",
        "mcgill-endurance-check.yaml",
        "balance-check.yaml",
    }


@pytest.mark.parametrize("path", CHECK_FILES, ids=lambda p: p.name)
def test_every_bundled_check_validates_and_is_explained_with_a_safety_note(path: Path) -> None:
    _, checks = _checks(path)
    assert checks
    for step in checks:
        assert step.instructions and len(step.instructions) > 80, step.check
        assert step.safety and ("stop" in step.safety.lower()), step.check
        assert step.cue, step.check
        assert step.clip is not None and step.clip.name == CLIPS[step.check], step.check


@pytest.mark.parametrize("path", CHECK_FILES, ids=lambda p: p.name)
def test_every_bundled_check_is_a_norms_check_and_every_row_it_uses_has_a_source(
    path: Path,
) -> None:
    norms = load_norms()
    _, checks = _checks(path)
    for step in checks:
        known = norms.checks[step.check]  # a KeyError names a check without its norms entry
        assert known.unit == step.unit
        if known.cap is not None:
            assert step.cap == known.cap
        rows = [row for row in norms.rows if row.check == step.check]
        assert rows or known.no_norm_reason, step.check
        for row in rows:
            assert row.source in norms.sources and norms.sources[row.source].citation
            assert row.read_in and all(key in norms.sources for key in row.read_in)


def test_the_stability_check_holds_every_check_once_in_a_sensible_order() -> None:
    workout, checks = _checks(STABILITY)
    assert workout.title == "Stability check"
    assert [c.check for c in checks] == [
        "chair_stand_30s",
        "single_leg_stance_eyes_open",
        "single_leg_stance_eyes_closed",
        "tandem_walk",
        "mcgill_flexor",
        "sorensen_extensor",
        "side_bridge_right",
        "side_bridge_left",
    ]
    # A rest between every two checks (standing first, then the floor).
    kinds = [type(step) for step in workout.steps]
    assert (
        all(kinds[i] is RestStep for i in range(1, len(kinds), 2))
        and kinds.count(RestStep) == len(checks) - 1
    )
    stance = checks[1]
    assert (stance.cap, stance.trials, stance.sides) == (45.0, 3, "both")
    assert checks[5].cap == 240.0


def test_the_stability_check_takes_about_15_minutes_for_typical_results() -> None:
    """Holds end on Enter: with typical results (a flexor hold of 90 s, extensor 100 s,
    side bridges 60 s, one-leg stance 30 s eyes open and 8 s closed, a line walk of 20 s
    per try) the session lasts 12 to 20 minutes; the plan's total is the longest it can."""
    workout, _ = _checks(STABILITY)
    typical = {
        "mcgill_flexor": 90.0,
        "sorensen_extensor": 100.0,
        "side_bridge_right": 60.0,
        "side_bridge_left": 60.0,
        "single_leg_stance_eyes_open": 30.0,
        "single_leg_stance_eyes_closed": 8.0,
        "tandem_walk": 20.0,
    }
    plan = build_plan(workout)
    seconds = sum(
        typical.get(s.check, s.duration or 0.0) if s.check else (s.duration or 0.0)
        for s in plan.segments
    )
    assert 12 * 60 <= seconds <= 20 * 60, seconds / 60
