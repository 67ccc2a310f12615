"""The bundled self-checks (issue 13) as keyframed joint angles: what each test looks like.

McGill's torso battery is drawn in mcgill.py; here are single-leg stance with the eyes open
and closed, the 30-second chair stand and the heel-to-toe line walk, and the list of all
seven. Each states its variant from the test's protocol, not from the drawing. The figure
faces right (see exercises.py for near/far and sides).
"""

from __future__ import annotations

from .body import RADIUS, Pose, Support, place
from .mcgill import ARMS_CROSSED, EXTENSOR_HOLD, FOLDED, SIDE_BRIDGE, TRUNK_FLEXOR_HOLD
from .motion import Exercise, Keyframes, concat, legs
from .props import Prop
from .standing import STAND, TANDEM, _tandem_step
from .variants import Check, Variant


# --- Single-leg stance ---------------------------------------------------------------------
# Springer et al.: arms across the chest, one foot lifted off the floor beside the standing
# ankle without touching the standing leg; timed until the foot touches down or the arms
# come off. Here the figure stands on the left leg with the right foot lifted.
def _stance(sway: float) -> Keyframes:
    up = STAND.but(**FOLDED, n_hip=50, n_knee=55, n_ankle=0, f_knee=3, f_hip=1)
    lean_a = up.but(trunk=sway, f_ankle=sway, f_hip=1 + sway)
    lean_b = up.but(trunk=-0.8 * sway, f_ankle=-0.8 * sway, f_hip=1 - 0.8 * sway)
    return ((0.0, up), (1.0, lean_a), (2.0, up), (3.0, lean_b), (4.0, up))


def _stance_variant(eyes: str) -> Variant:
    return Variant(
        f"standing on one leg, the other foot lifted clear of the floor without touching the"
        f" standing leg, arms across the chest, eyes {eyes}",
        (
            Check("trunk lean", -5, 5, "always"),
            Check("left knee bend", 0, 12, "always"),
            Check("left heel lift", 0, 0.02, "always"),
            Check("right heel lift", 0.04, 0.2, "always"),
            Check("right toe lift", 0.04, 0.25, "always"),
            Check("right foot from left shin", 0.02, 0.3, "always"),
            Check("right hip flexion", 20, 60, "always"),
            *ARMS_CROSSED,
        ),
    )


ON_LEFT = Support(anchor="f_heel")
SINGLE_LEG_STANCE = Exercise(
    name="Single-leg stance, eyes open",
    clip="check-single-leg-stance",
    variant=_stance_variant("open"),
    start=STAND,
    cycle={"none": _stance(2.0)},
    supports={"none": ON_LEFT},
    captions={"none": "eyes open"},
    eyes="open",
)
SINGLE_LEG_STANCE_EYES_CLOSED = Exercise(
    name="Single-leg stance, eyes closed",
    clip="check-single-leg-stance-eyes-closed",
    variant=_stance_variant("closed"),
    start=STAND,
    cycle={"none": _stance(3.0)},  # without sight the body sways more
    supports={"none": ON_LEFT},
    captions={"none": "eyes closed"},
    eyes="closed",
)


# --- 30-second chair stand ------------------------------------------------------------------
# Arms crossed at the chest, from sitting to standing fully and back down, again and again.
FEET = (0.25, 0.063)  # ankle of the flat foot in world terms, relative to the sitting pelvis


def _chair_pose(trunk: float, pelvis: tuple[float, float]) -> Pose:
    ankle = (FEET[0] - pelvis[0], FEET[1] - pelvis[1] - 0.308)
    return STAND.but(trunk=trunk, neck=-trunk * 0.5, **FOLDED, **legs(trunk, ankle, ankle))


CHAIR_FEET = Support(anchor="n_heel")
SIT = _chair_pose(8, (0.0, 0.0))
SEAT_H = place(SIT, CHAIR_FEET)["pelvis"][1] - RADIUS["pelvis"]
LEAN = _chair_pose(40, (0.03, 0.005))
RISE = _chair_pose(24, (0.15, 0.14))
UP = _chair_pose(0, (0.25, 0.245))
_SIT_X = place(SIT, CHAIR_FEET)["pelvis"][0]
CHAIR_STAND = Exercise(
    name="30-second chair stand",
    clip="check-chair-stand",
    variant=Variant(
        "arms crossed at the chest, from sitting on the chair up to standing fully and back"
        " down, feet flat",
        (
            Check("right knee bend", 80, 105, "peak"),
            Check("right knee bend", 0, 8, "least"),
            Check("right hip flexion", -5, 8, "least"),
            Check("right hip flexion", 90, 140, "peak"),
            Check("trunk lean", -5, 5, "least"),
            Check("pelvis lift", SEAT_H - 0.005, SEAT_H + 0.005, "least"),
            Check("right heel lift", -0.005, 0.02, "always"),
            *ARMS_CROSSED,
        ),
    ),
    start=SIT,
    cycle={
        "none": (
            (0.0, SIT),
            (0.5, LEAN),
            (0.9, RISE),
            (1.4, UP),
            (1.7, UP),
            (2.2, RISE),
            (2.6, LEAN),
            (3.0, SIT),
            (3.2, SIT),
        )
    },
    supports={"none": CHAIR_FEET},
    props=(Prop("chair", _SIT_X - 0.19, _SIT_X + 0.07, SEAT_H),),
    captions={"none": "arms crossed: stand up fully, sit down"},
)

# --- Heel-to-toe line walk ------------------------------------------------------------------
LINE_WALK = Exercise(
    name="Heel-to-toe line walk",
    clip="check-line-walk",
    variant=Variant(
        "walking tall along a line on the floor, each heel set against the other foot's toes",
        (
            Check("trunk lean", -5, 5, "always"),
            Check("spine flexion", -3, 3, "always"),
            Check("heel-to-toe gap", -0.02, 0.03, "start"),
            Check("right knee bend", 0, 15, "start"),
        ),
    ),
    start=STAND,
    cycle={
        "none": concat(_tandem_step("n", "f", 0.0, TANDEM), _tandem_step("f", "n", TANDEM, TANDEM))
    },
    supports={"none": Support(anchor="pelvis")},
    props=(Prop("line"),),
    captions={"none": "along a line: heel against toes"},
    follow=True,
    tick=TANDEM,
)

CHECKS: tuple[Exercise, ...] = (
    TRUNK_FLEXOR_HOLD,
    EXTENSOR_HOLD,
    SIDE_BRIDGE,
    SINGLE_LEG_STANCE,
    SINGLE_LEG_STANCE_EYES_CLOSED,
    CHAIR_STAND,
    LINE_WALK,
)
