"""Every demonstration clip shows the variant its exercise names (issue 12, item 1).

A clip that shows the wrong variant is a safety problem: the "knees bent" side plank
was drawn with straight legs, and someone in rehab copies what they see. Each drawing
in scripts/figure/ (floor.py, standing.py) declares its variant as key joint angles; these tests
take the angles from the same placed joints the frames are drawn from. Pure Python:
the generator's poses, no Pillow, no video decoding.
"""

from __future__ import annotations

import math
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


def _referenced() -> list[tuple[str, str, str, bool]]:
    """(workout file, step name, clip file name, is an exercise) for every clip a workout uses.

    Exercise steps and check steps (format 1.1) alike: a check's demonstration is a clip too.
    """
    out = []
    for path in sorted(WORKOUTS.glob("*.yaml")):
        workout = load_workout(path).workout
        assert workout is not None, path.name
        for step in workout.steps:
            clip = getattr(step, "clip", None)
            if clip is None:
                continue
            is_exercise = isinstance(step, ExerciseStep)
            name = step.exercise if is_exercise else str(getattr(step, "name", ""))
            out.append((path.name, name, str(clip), is_exercise))
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


@pytest.mark.parametrize(("workout", "exercise", "clip", "is_exercise"), _referenced())
def test_every_clip_a_bundled_workout_uses_exists_and_is_declared(
    exercises: ModuleType, workout: str, exercise: str, clip: str, is_exercise: bool
) -> None:
    path = (WORKOUTS / clip).resolve()
    assert path.is_file(), f"{workout}: '{exercise}' uses {clip}, which does not exist"
    drawing = exercises.BY_CLIP.get(path.stem)
    assert drawing is not None, f"{workout}: {clip} has no drawing"
    assert drawing.variant is not None
    if is_exercise:  # a check's step name adds its side or trials; its clip is named by file
        assert drawing.name == exercise, (
            f"{workout}: '{exercise}' uses the clip of '{drawing.name}'"
        )


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


# -- the self-checks' demonstrations (issue 13) ----------------------------------------------

CHECK_CLIPS = (
    "check-trunk-flexor-hold",
    "check-extensor-hold",
    "check-side-bridge",
    "check-single-leg-stance",
    "check-single-leg-stance-eyes-closed",
    "check-chair-stand",
    "check-line-walk",
)


def test_every_self_check_has_its_demonstration(exercises: ModuleType) -> None:
    """The names workouts/stability-check.yaml refers to, each drawn, declared and in media/."""
    assert tuple(e.clip for e in exercises.CHECKS) == CHECK_CLIPS
    for clip in CHECK_CLIPS:
        assert (MEDIA / f"{clip}.mp4").is_file(), clip
        assert exercises.BY_CLIP[clip].variant is not None


def _held(exercise: object) -> object:
    keys = exercise.keyframes("none", exercise.demo_tempo, exercise.demo_hold)  # type: ignore[attr-defined]
    return keys[1][1], keys[2][1]


def _back_from_wedge(checks: ModuleType, pose: object) -> float:
    """Gap between the skin of the back (mid spine) and the wedge's slope, where it has slid."""
    from figure.body import RADIUS, place  # scripts/ is on the path while the module is used

    flexor = checks.TRUNK_FLEXOR_HOLD
    wedge = next(p for p in flexor.props if p.kind == "wedge").at(pose.slide)  # type: ignore[attr-defined]
    mx, my = place(pose, flexor.support("none"))["mid"]
    # The slope runs from (x1, 0) up to (x0, height); distance of the point from that line.
    ax, ay, bx, by = wedge.x1, 0.0, wedge.x0, wedge.height
    cross = (bx - ax) * (my - ay) - (by - ay) * (mx - ax)
    return abs(cross) / math.hypot(bx - ax, by - ay) - RADIUS["mid"]


def test_the_flexor_support_is_pulled_away_for_the_hold(exercises: ModuleType) -> None:
    """The back rests on the wedge at the start; during the hold nothing holds it up."""
    checks = sys.modules["figure.checks"]
    flexor = checks.TRUNK_FLEXOR_HOLD
    assert abs(_back_from_wedge(checks, flexor.start)) < 0.005
    for pose in _held(flexor):
        assert _back_from_wedge(checks, pose) > 0.03


def test_a_flexor_hold_sitting_upright_fails(exercises: ModuleType) -> None:
    flexor = exercises.BY_CLIP["check-trunk-flexor-hold"]
    upright = flexor.start.but(trunk=-10)
    wrong = replace(flexor, start=upright, active={"none": upright.but(slide=-0.08)})
    assert any("trunk lean" in p for p in wrong.variant_problems())


def test_the_extensor_hold_is_out_over_the_bench_edge(exercises: ModuleType) -> None:
    """Pelvis on the bench, the whole upper body beyond its edge, level in the hold."""
    from figure.body import place

    extensor = exercises.BY_CLIP["check-extensor-hold"]
    bench = next(p for p in extensor.props if p.kind == "bench")
    for pose in _held(extensor):
        joints = place(pose, extensor.support("none"))
        assert bench.x0 < joints["pelvis"][0] < bench.x1
        assert joints["mid"][0] > bench.x1
        assert joints["n_toe"][0] > bench.x0 and joints["n_knee"][0] < bench.x1
    straps = [p for p in extensor.props if p.kind == "strap"]
    assert straps and all(bench.x0 < s.x0 < s.x1 < bench.x1 for s in straps)


def test_a_drooping_trunk_fails_the_extensor_hold(exercises: ModuleType) -> None:
    extensor = exercises.BY_CLIP["check-extensor-hold"]
    held = extensor.active["none"]
    droop = held.but(trunk=held.trunk + 25, n_hip=held.n_hip + 25, f_hip=held.f_hip + 25)
    wrong = replace(extensor, active={"none": droop})
    assert any("trunk lean" in p for p in wrong.variant_problems())


def test_the_side_bridge_shows_both_sides_and_says_which(exercises: ModuleType) -> None:
    bridge = exercises.BY_CLIP["check-side-bridge"]
    assert bridge.demo == ("right", "left")
    assert bridge.mirror == ("left",)  # the left side lies the other way round
    assert "right" in bridge.captions["right"] and "left" in bridge.captions["left"]


def test_sagging_hips_fail_the_side_bridge(exercises: ModuleType) -> None:
    bridge = exercises.BY_CLIP["check-side-bridge"]
    sag = bridge.active["right"].but(n_hip=18, f_hip=14)
    wrong = replace(bridge, active={"right": sag, "left": bridge.active["left"]})
    problems = wrong.variant_problems()
    assert any("body line to ankle" in p and "side right" in p for p in problems)
    assert not any("side left" in p for p in problems)


def _stance_cycle(exercise: object, **changes: float) -> dict[str, object]:
    keys = exercise.cycle["none"]  # type: ignore[attr-defined]
    return {"none": tuple((t, pose.but(**changes)) for t, pose in keys)}


def test_a_foot_on_the_floor_fails_the_single_leg_stance(exercises: ModuleType) -> None:
    stance = exercises.BY_CLIP["check-single-leg-stance"]
    down = replace(stance, cycle=_stance_cycle(stance, n_hip=-1, n_knee=0, n_ankle=0))
    assert any("right heel lift" in p for p in down.variant_problems())


def test_a_foot_resting_on_the_standing_leg_fails_the_stance(exercises: ModuleType) -> None:
    """Springer's protocol: the lifted foot must not touch (or hook round) the standing leg."""
    stance = exercises.BY_CLIP["check-single-leg-stance"]
    tucked = replace(stance, cycle=_stance_cycle(stance, n_hip=30, n_knee=70, n_ankle=0))
    assert any("right foot from left shin" in p for p in tucked.variant_problems())


def test_eyes_open_and_closed_are_drawn_and_said(exercises: ModuleType) -> None:
    opened = exercises.BY_CLIP["check-single-leg-stance"]
    closed = exercises.BY_CLIP["check-single-leg-stance-eyes-closed"]
    assert (opened.eyes, closed.eyes) == ("open", "closed")
    assert closed.captions["none"] == "eyes closed"
    assert opened.captions["none"] == "eyes open"


def test_stopping_short_of_standing_fails_the_chair_stand(exercises: ModuleType) -> None:
    chair = exercises.BY_CLIP["check-chair-stand"]
    checks = sys.modules["figure.checks"]
    short = tuple(
        (t, checks.RISE if pose == checks.UP else pose) for t, pose in chair.cycle["none"]
    )
    wrong = replace(chair, cycle={"none": short})
    assert any("right knee bend (least" in p for p in wrong.variant_problems())


def test_arms_swinging_free_fail_the_chair_stand(exercises: ModuleType) -> None:
    """The test is done with the arms crossed: pushing off with them is another test."""
    chair = exercises.BY_CLIP["check-chair-stand"]
    free = replace(chair, cycle=_stance_cycle(chair, n_shoulder=20, n_elbow=10, forearms=1))
    assert any("right elbow bend" in p for p in free.variant_problems())


def test_an_ordinary_step_fails_the_line_walk(exercises: ModuleType) -> None:
    walk = exercises.BY_CLIP["check-line-walk"]
    checks = sys.modules["figure.checks"]
    stride = checks.TANDEM * 2.5
    normal = checks.concat(
        checks._tandem_step("n", "f", 0.0, stride), checks._tandem_step("f", "n", stride, stride)
    )
    wrong = replace(walk, cycle={"none": normal})
    assert any("heel-to-toe gap" in p for p in wrong.variant_problems())
    assert any(p.kind == "line" for p in walk.props)
