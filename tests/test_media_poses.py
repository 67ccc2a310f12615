"""Every demonstration clip shows the variant its exercise names (issue 12, item 1).

A clip that shows the wrong variant is a safety problem: the "knees bent" side plank
was drawn with straight legs, and someone in rehab copies what they see. Each drawing
in scripts/figure/ (floor.py, standing.py) declares its variant as key joint angles; these tests
take the angles from the same placed joints the frames are drawn from. Pure Python:
the generator's poses, no Pillow, no video decoding.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import replace
from types import ModuleType

import pytest

from tests.conftest import MEDIA, REPO, WORKOUTS
from workout_player.domain.loader import load_workout
from workout_player.domain.model import ExerciseStep

FOLLOW_ALONG = "daily-back-care-follow-along.mp4"  # drawn from the same exercises, not a clip


def _figure() -> Iterator[ModuleType]:
    sys.path.insert(0, str(REPO / "scripts"))
    try:
        import figure.exercises

        yield figure.exercises
    finally:
        sys.path.remove(str(REPO / "scripts"))


@pytest.fixture(scope="module")
def exercises() -> Iterator[ModuleType]:
    yield from _figure()


def _clip_names() -> list[str]:
    return sorted(p.name for p in MEDIA.glob("*.mp4") if p.name != FOLLOW_ALONG)


def _referenced() -> list[tuple[str, str, str]]:
    """(workout file, exercise, clip file name) for every clip a bundled workout uses."""
    out = []
    for path in sorted(WORKOUTS.glob("*.yaml")):
        workout = load_workout(path).workout
        assert workout is not None, path.name
        for step in workout.steps:
            if isinstance(step, ExerciseStep) and step.clip is not None:
                out.append((path.name, step.exercise, str(step.clip)))
    return out


@pytest.mark.parametrize("name", _clip_names())
def test_every_clip_has_a_drawing_with_a_declared_variant(exercises: ModuleType, name: str) -> None:
    exercise = exercises.BY_CLIP.get(name.removesuffix(".mp4"))
    assert exercise is not None, f"{name} has no drawing: add one to scripts/figure/ and EXERCISES"
    assert exercise.variant is not None, f"{name}: declare its variant (Exercise.variant)"
    assert exercise.variant.summary
    angles = [c for c in exercise.variant.checks if c.measure in ANGLE_MEASURES]
    assert angles, f"{name}: the variant states no joint angle"


ANGLE_MEASURES = {"trunk lean", "spine flexion", "body line to knee", "body line to ankle"} | {
    f"{side} {joint}"
    for side in ("right", "left")
    for joint in ("hip flexion", "knee bend", "shoulder flexion", "elbow bend")
}


def test_every_drawing_has_its_clip_in_media(exercises: ModuleType) -> None:
    missing = [e.clip for e in exercises.EXERCISES if not (MEDIA / f"{e.clip}.mp4").is_file()]
    assert missing == []


@pytest.mark.parametrize("clip", sorted(c.removesuffix(".mp4") for c in _clip_names()))
def test_clip_poses_show_the_declared_variant(exercises: ModuleType, clip: str) -> None:
    exercise = exercises.BY_CLIP[clip]
    assert exercise.variant_problems() == []


@pytest.mark.parametrize(("workout", "exercise", "clip"), _referenced())
def test_every_clip_a_bundled_workout_uses_exists_and_is_declared(
    exercises: ModuleType, workout: str, exercise: str, clip: str
) -> None:
    path = (WORKOUTS / clip).resolve()
    assert path.is_file(), f"{workout}: '{exercise}' uses {clip}, which does not exist"
    drawing = exercises.BY_CLIP.get(path.stem)
    assert drawing is not None, f"{workout}: {clip} has no drawing"
    assert drawing.variant is not None
    assert drawing.name == exercise, f"{workout}: '{exercise}' uses the clip of '{drawing.name}'"


# -- the checks can fail: the mistakes they exist for ----------------------------------------


def test_straight_legs_fail_the_knees_bent_side_plank(exercises: ModuleType) -> None:
    """The issue's defect: the 'knees bent' clip drawn with the full side plank's legs."""
    wrong = replace(
        exercises.SIDE_PLANK_KNEES,
        start=exercises.SIDE_PLANK.start,
        active=exercises.SIDE_PLANK.active,
        supports=exercises.SIDE_PLANK.supports,
    )
    problems = wrong.variant_problems()
    assert any("right knee bend" in p for p in problems)
    assert any("left knee bend" in p for p in problems)


def test_bent_knees_fail_the_full_side_plank(exercises: ModuleType) -> None:
    wrong = replace(
        exercises.SIDE_PLANK,
        start=exercises.SIDE_PLANK_KNEES.start,
        active=exercises.SIDE_PLANK_KNEES.active,
        supports=exercises.SIDE_PLANK_KNEES.supports,
    )
    assert any("knee bend" in p for p in wrong.variant_problems())


def test_a_rounded_back_fails_the_hinge(exercises: ModuleType) -> None:
    """A hinge bends at the hips; the same lean made by rounding the back is not a hinge."""
    hinge = exercises.WALL_HINGE
    rounded = hinge.active["none"].but(spine=30)
    wrong = replace(hinge, active={"none": rounded})
    assert any("spine flexion" in p for p in wrong.variant_problems())


def test_the_same_arm_and_leg_fail_the_bird_dog(exercises: ModuleType) -> None:
    """Bird dog's 'left' is the left arm with the right leg; left arm with left leg is wrong."""
    bird = exercises.BIRD_DOG
    left = bird.active["left"]
    same_side = left.but(n_hip=bird.start.n_hip, n_knee=bird.start.n_knee, f_hip=-2, f_knee=0)
    wrong = replace(bird, active={**bird.active, "left": same_side})
    problems = wrong.variant_problems()
    assert any("right hip flexion" in p and "side left" in p for p in problems)


def test_a_clip_without_a_variant_is_reported(exercises: ModuleType) -> None:
    undeclared = replace(exercises.MARCH, variant=None)
    assert undeclared.variant_problems() == [
        "march-on-the-spot: no variant declared (Exercise.variant)"
    ]


def test_an_unknown_measure_is_refused(exercises: ModuleType) -> None:
    with pytest.raises(ValueError, match="unknown measure"):
        exercises.Check("knee flexion", 70, 110)


def test_hands_hanging_in_front_fail_the_romanian_deadlift(exercises: ModuleType) -> None:
    """The cue says the hands slide down the thighs: arms hanging free are another variant."""
    rdl = exercises.RDL
    hanging = rdl.active["none"].but(n_shoulder=64, f_shoulder=62)
    wrong = replace(rdl, active={"none": hanging})
    assert any("hand from thigh" in p for p in wrong.variant_problems())


def test_every_side_is_checked_not_only_the_looping_clips(exercises: ModuleType) -> None:
    """The clip loops the left side only; the follow-along video also draws the right."""
    balance = exercises.SINGLE_LEG_BALANCE
    assert balance.demo == ("left",)
    wrong = replace(balance, cycle={**balance.cycle, "right": balance.cycle["left"]})
    problems = wrong.variant_problems()
    assert problems and all("side right" in p for p in problems)
