"""Standing exercises as keyframed joint angles: the hip hinge family, balance, stepping.

The figure faces right (see exercises.py for near/far and sides). Each exercise states
the variant it shows (`variant=`).
"""

from __future__ import annotations

from .body import Pose, Support, place
from .motion import Exercise, Keyframes, concat, legs
from .props import Prop
from .variants import Check, Variant

STAND = Pose(n_elbow=8, f_elbow=8, n_shoulder=4, f_shoulder=-4, f_hip=1, n_hip=-1)


# --- Hip hinge family (standing) ---------------------------------------------------------
def hinge(trunk: float, knee_bend: float, hips_back: float) -> dict[str, float]:
    """Legs for a hinge: feet flat, shins near vertical, hips pushed back."""
    ankle = (hips_back, -0.49 + knee_bend)
    return legs(trunk, ankle, (ankle[0] + 0.005, ankle[1]))


STAND_FEET = legs(0, (0.0, -0.49), (0.005, -0.49))
HANG = {"n_shoulder": 0, "f_shoulder": 0}

WALL_HINGED = STAND.but(
    trunk=52, neck=-18, **hinge(52, 0.02, 0.1), n_shoulder=40, f_shoulder=36, n_elbow=20, f_elbow=20
)
WALL_HINGE = Exercise(
    name="Wall hinge",
    clip="wall-hinge",
    variant=Variant(
        "hips back to the wall, knees soft, the back neutral while the hips bend",
        (
            Check("spine flexion", -8, 8, "always"),
            Check("right knee bend", 0, 30, "always"),
            Check("right heel lift", 0, 0.02, "always"),
            Check("trunk lean", -5, 5, "start"),
            Check("right hip flexion", 50, 100),
            Check("trunk lean", 40, 75),
        ),
    ),
    start=STAND.but(**STAND_FEET),
    active={"none": WALL_HINGED},
    supports={"none": Support(anchor="n_heel")},
    # The wall stands where the hinged buttocks just touch it.
    props=(Prop("wall", place(WALL_HINGED, Support(anchor="n_heel"))["pelvis"][0] - 0.062),),
    demo_tempo=(2, 1, 2),
)

DOWEL_ARMS = {"n_shoulder": 150, "n_elbow": 150, "f_shoulder": -40, "f_elbow": 70}
DOWEL_HINGE = Exercise(
    name="Dowel hip hinge",
    clip="dowel-hip-hinge",
    variant=Variant(
        "dowel along the back, hips back, knees soft, the back neutral while the hips bend",
        (
            Check("spine flexion", -8, 8, "always"),
            Check("right knee bend", 0, 30, "always"),
            Check("right heel lift", 0, 0.02, "always"),
            Check("trunk lean", -5, 5, "start"),
            Check("right hip flexion", 50, 100),
            Check("trunk lean", 40, 75),
        ),
    ),
    start=STAND.but(**STAND_FEET, **DOWEL_ARMS),
    active={"none": STAND.but(trunk=50, **hinge(50, 0.02, 0.1), **DOWEL_ARMS)},
    supports={"none": Support(anchor="n_heel")},
    props=(Prop("dowel"),),
    demo_tempo=(3, 1, 2),
)

# Hands across the chest (the cue's easier variant; hands behind the head lengthens the lever).
CHEST_ARMS = {
    "n_shoulder": 24,
    "n_elbow": 140,
    "n_wrist": 60,
    "f_shoulder": 20,
    "f_elbow": 136,
    "f_wrist": 60,
}
GOOD_MORNING = Exercise(
    name="Good morning",
    clip="good-morning",
    variant=Variant(
        "hands across the chest, knees soft, hips back, the back neutral while the hips bend",
        (
            Check("spine flexion", -8, 8, "always"),
            Check("right knee bend", 0, 30, "always"),
            Check("right heel lift", 0, 0.02, "always"),
            Check("trunk lean", -5, 5, "start"),
            Check("right hip flexion", 60, 100),
            Check("trunk lean", 50, 80),
            Check("right elbow bend", 110, 160, "always"),
            Check("right shoulder flexion", 0, 45, "always"),
        ),
    ),
    start=STAND.but(**STAND_FEET, **CHEST_ARMS),
    active={"none": STAND.but(trunk=70, neck=-20, **hinge(70, 0.025, 0.12), **CHEST_ARMS)},
    supports={"none": Support(anchor="n_heel")},
    demo_tempo=(3, 1, 2),
)

RDL = Exercise(
    name="Romanian deadlift pattern",
    clip="romanian-deadlift",
    variant=Variant(
        "hands down the front of the thighs, knees soft, hips back, the back neutral",
        (
            Check("spine flexion", -8, 8, "always"),
            Check("right knee bend", 0, 30, "always"),
            Check("right heel lift", 0, 0.02, "always"),
            Check("trunk lean", -5, 5, "start"),
            Check("right hip flexion", 60, 105),
            Check("trunk lean", 50, 80),
            Check("right elbow bend", 0, 15, "always"),
            Check("right hand from thigh", 0, 0.03, "always"),
            Check("left hand from thigh", 0, 0.03, "always"),
        ),
    ),
    start=STAND.but(**STAND_FEET, n_shoulder=-6, f_shoulder=-8, n_elbow=4, f_elbow=4),
    active={
        "none": STAND.but(
            trunk=66,
            neck=-22,
            **hinge(66, 0.03, 0.12),
            # The hands slide down the front of the thighs to just above the knees.
            n_shoulder=46,
            f_shoulder=44,
            n_elbow=4,
            f_elbow=4,
        )
    },
    supports={"none": Support(anchor="n_heel")},
    demo_tempo=(3, 1, 2),
)

# --- Balance and stepping ------------------------------------------------------------------
HANDS_ON_HIPS = {"n_shoulder": -25, "n_elbow": 105, "f_shoulder": -22, "f_elbow": 100}


def _balance(lift: str, stand: str) -> Keyframes:
    up = STAND.but(
        **HANDS_ON_HIPS,
        **{
            f"{lift}_hip": 80,
            f"{lift}_knee": 85,
            f"{lift}_ankle": 15,
            f"{stand}_knee": 4,
            f"{stand}_hip": 2,
        },
    )
    sway_a = up.but(trunk=2.5, **{f"{stand}_ankle": 2.5, f"{stand}_hip": 4.5})
    sway_b = up.but(trunk=-2.0, **{f"{stand}_ankle": -2.0, f"{stand}_hip": 0.0})
    return ((0.0, up), (1.3, sway_a), (2.6, up), (3.9, sway_b), (5.2, up))


SINGLE_LEG_BALANCE = Exercise(
    name="Single-leg balance",
    clip="single-leg-balance",
    variant=Variant(
        "tall on one leg, that knee soft, the other knee lifted in front, hips level",
        (
            Check("trunk lean", -5, 5, "always"),
            Check("spine flexion", -3, 3, "always"),
            # left (and a one-sided step): standing on the left leg, the right knee lifted
            Check("left knee bend", 0, 15, "always", side=("left", "none")),
            Check("left heel lift", 0, 0.02, "always", side=("left", "none")),
            Check("right hip flexion", 60, 95, "always", side=("left", "none")),
            Check("right heel lift", 0.12, 0.4, "always", side=("left", "none")),
            Check("right knee bend", 0, 15, "always", side="right"),
            Check("right heel lift", 0, 0.02, "always", side="right"),
            Check("left hip flexion", 60, 95, "always", side="right"),
            Check("left heel lift", 0.12, 0.4, "always", side="right"),
        ),
    ),
    start=STAND,
    # left: standing on the left (far) leg, the right (near) knee lifted
    cycle={"left": _balance("n", "f"), "right": _balance("f", "n"), "none": _balance("n", "f")},
    supports={
        "left": Support(anchor="f_heel"),
        "right": Support(anchor="n_heel"),
        "none": Support(anchor="f_heel"),
    },
    demo=("left",),
)


def _march() -> Keyframes:
    base = STAND.but(**STAND_FEET, n_elbow=80, f_elbow=80)
    n_up = base.but(n_hip=65, n_knee=75, n_ankle=10, n_shoulder=-30, f_shoulder=30)
    f_up = base.but(f_hip=65, f_knee=75, f_ankle=10, f_shoulder=-30, n_shoulder=30)
    return ((0.0, base), (0.5, n_up), (1.0, base), (1.5, f_up), (2.0, base))


MARCH = Exercise(
    name="March on the spot",
    clip="march-on-the-spot",
    variant=Variant(
        "tall, each knee in turn lifts to a comfortable height and the foot comes back down",
        (
            Check("trunk lean", -5, 5, "always"),
            Check("right hip flexion", 45, 90, "peak"),
            Check("left hip flexion", 45, 90, "peak"),
            Check("right heel lift", 0, 0.02, "least"),
            Check("left heel lift", 0, 0.02, "least"),
        ),
    ),
    start=STAND,
    cycle={"none": _march()},
    supports={"none": Support(anchor="pelvis")},
)

STEP_H = 0.08
STEP_DOWN = Exercise(
    name="Step-down",
    clip="step-down",
    variant=Variant(
        "standing on the step, the standing knee bends and the hips sit back until the other"
        " heel taps the floor",
        (
            Check("spine flexion", -5, 5, "always"),
            Check("left heel lift", 0.06, 0.1, "always"),
            Check("right heel lift", 0.06, 0.14, "start"),
            Check("right heel lift", -0.02, 0.02),
            Check("left knee bend", 40, 95),
            Check("trunk lean", 10, 40),
        ),
    ),
    # Standing on the step on the left (far) leg; the right heel lowers to tap the floor.
    start=STAND.but(y=STEP_H, **legs(0, (0.1, -0.47), (0.0, -0.49), n_foot=84)),
    active={
        "none": STAND.but(
            trunk=26,
            y=STEP_H,
            n_shoulder=30,
            f_shoulder=26,
            n_elbow=10,
            f_elbow=10,
            **legs(26, (0.2, -0.37 - STEP_H), (0.1, -0.37), n_foot=70),
        )
    },
    supports={"none": Support(anchor="f_heel", floor=False)},
    props=(Prop("step", -0.2, 0.16, STEP_H),),
    demo_tempo=(3, 1, 2),
)


def _lunge_rep(lead: str, trail: str, x0: float, stride: float) -> Keyframes:
    """One walking-lunge rep: step, lower, pause, rise and bring the back foot through."""
    stand = STAND.but(**STAND_FEET, x=x0)
    half = stride / 2
    # Pelvis-relative ankle targets: the lead foot lands `stride` ahead of the trail foot.
    step_in = STAND.but(
        trunk=2,
        x=x0 + half * 0.7,
        **_pair(
            lead, (stride - half * 0.7, -0.47), trail, (-half * 0.7, -0.47), trail_foot=118, trunk=2
        ),
    )
    bottom = STAND.but(
        trunk=4,
        x=x0 + half,
        **_pair(lead, (half, -0.26), trail, (-half, -0.22), trail_foot=150, trunk=4),
    )
    lift = STAND.but(
        x=x0 + stride * 0.85,
        **_pair(lead, (stride * 0.15, -0.49), trail, (0.02, -0.3), trail_foot=110),
    )
    end = STAND.but(**STAND_FEET, x=x0 + stride)
    return ((0.0, stand), (1.2, step_in), (3.0, bottom), (4.0, bottom), (5.2, lift), (6.0, end))


def _pair(
    lead: str,
    lead_at: tuple[float, float],
    trail: str,
    trail_at: tuple[float, float],
    *,
    trail_foot: float = 90,
    trunk: float = 0,
) -> dict[str, float]:
    out = legs(trunk, lead_at, trail_at, n_foot=90, f_foot=trail_foot)
    if lead == "f":  # legs() names its first leg "n": swap for a far lead
        out = {("f" + k[1:] if k[0] == "n" else "n" + k[1:]): v for k, v in out.items()}
    return out


WALKING_LUNGE = Exercise(
    name="Walking lunge",
    clip="walking-lunge",
    variant=Variant(
        "a long step, then straight down until both knees bend to about a right angle, trunk"
        " upright",
        (
            Check("trunk lean", -5, 8, "always"),
            Check("spine flexion", -5, 5, "always"),
            Check("right knee bend", 75, 115, "peak"),
            Check("left knee bend", 75, 115, "peak"),
        ),
    ),
    start=STAND,
    cycle={
        "left": concat(_lunge_rep("f", "n", 0.0, 0.5), _lunge_rep("n", "f", 0.5, 0.5)),
        "right": concat(_lunge_rep("n", "f", 0.0, 0.5), _lunge_rep("f", "n", 0.5, 0.5)),
        "none": concat(_lunge_rep("f", "n", 0.0, 0.5), _lunge_rep("n", "f", 0.5, 0.5)),
    },
    supports={"none": Support(anchor="pelvis")},
    follow=True,
    tick=0.25,
)


def _tandem_step(lead: str, trail: str, x0: float, step: float) -> Keyframes:
    """Heel-to-toe: the back foot swings past and lands with its heel at the front toes."""
    half = step / 2
    arms = {"n_shoulder": 12, "f_shoulder": 12, "n_elbow": 20, "f_elbow": 20}
    start = STAND.but(x=x0, **arms, **_pair(lead, (half, -0.485), trail, (-half, -0.485)))
    mid = STAND.but(
        x=x0 + half, **arms, **_pair(lead, (0.0, -0.49), trail, (0.03, -0.43), trail_foot=96)
    )
    end = STAND.but(x=x0 + step, **arms, **_pair(trail, (half, -0.485), lead, (-half, -0.485)))
    return ((0.0, start), (0.7, mid), (1.4, end), (1.6, end))


TANDEM = 0.175
HEEL_TO_TOE = Exercise(
    name="Heel-to-toe walk",
    clip="heel-to-toe-walk",
    variant=Variant(
        "walking tall in a line, the front heel landing against the back foot's toes",
        (
            Check("trunk lean", -5, 5, "always"),
            Check("heel-to-toe gap", -0.02, 0.03, "start"),
        ),
    ),
    start=STAND,
    cycle={
        "none": concat(_tandem_step("n", "f", 0.0, TANDEM), _tandem_step("f", "n", TANDEM, TANDEM))
    },
    supports={"none": Support(anchor="pelvis")},
    follow=True,
    tick=TANDEM,
)
