"""McGill's torso endurance battery as keyframed joint angles (issue 13's static checks).

The trunk flexor hold, the Biering-Sørensen extensor hold and the side bridge on each side.
Each states its variant from the test's protocol, not from the drawing: a person copies the
picture, and a flexor test drawn at the wrong angle measures something else. The figure
faces right (see exercises.py for near/far and sides). The folded arms every self-check
uses are defined here too (checks.py draws the balance and walking checks).
"""

from __future__ import annotations

import math

from .body import RADIUS, THIGH, Pose, Support, place
from .motion import Exercise
from .props import Prop
from .variants import Check, Variant

# Arms folded across the chest, as every test here asks (it keeps the arms out of it): seen
# from the side the forearms point across the body, so they are drawn shortened.
FOLDED = {
    "n_shoulder": 28,
    "n_elbow": 135,
    "n_wrist": 35,
    "f_shoulder": 24,
    "f_elbow": 130,
    "f_wrist": 35,
    "forearms": 0.7,
}
ARMS_CROSSED = (
    Check("right elbow bend", 110, 165, "always"),
    Check("right shoulder flexion", -5, 45, "always"),
)


def _flat_feet(pose: Pose) -> Pose:
    """Set both ankles so the soles lie flat (sole direction 90) whatever the leg angles."""
    changes = {}
    for side in "nf":
        shin = pose.trunk + 180 - getattr(pose, f"{side}_hip") + getattr(pose, f"{side}_knee")
        changes[f"{side}_ankle"] = 180 - shin
    return pose.but(**changes)


# --- McGill trunk flexor endurance test -----------------------------------------------------
# Sitting, the back resting on a wedge at 60 degrees from the floor, knees and hips bent to
# about a right angle, arms folded across the chest, feet held down. The wedge is pulled back
# about 10 cm and the person holds the same 60 degrees for as long as they can.
FLEXOR_SEAT = Support(anchor="pelvis", floor=False)  # pelvis skin on the floor (y = 0)


def _flexor_pose() -> Pose:
    """Trunk 30 degrees behind vertical, knees at 90; the hips bend until the feet are flat."""
    low, high = 85.0, 125.0
    pose = Pose()
    for _ in range(40):  # bisection: more hip flexion lifts the feet towards the floor line
        hip = (low + high) / 2
        pose = _flat_feet(
            Pose(trunk=-30, neck=22, n_hip=hip, f_hip=hip, n_knee=90, f_knee=90, **FOLDED)
        )
        heel = place(pose, FLEXOR_SEAT)["n_heel"][1] - RADIUS["heel"]
        low, high = (hip, high) if heel < 0 else (low, hip)
    return pose


FLEXOR = _flexor_pose()
_FLEXOR_AT = place(FLEXOR, FLEXOR_SEAT)
WEDGE_H = 0.3
WEDGE_PULL = -0.08  # the wedge slides back (about 10 cm for a 1.75 m person)


def _wedge() -> Prop:
    """A wedge whose slope lies along the back: the back line meets the floor at its toe."""
    pelvis, shoulder = _FLEXOR_AT["pelvis"], _FLEXOR_AT["shoulder"]
    ux, uy = shoulder[0] - pelvis[0], shoulder[1] - pelvis[1]
    length = math.hypot(ux, uy)
    ux, uy = ux / length, uy / length
    bx, by = -uy, ux  # towards the back
    ox, oy = pelvis[0] + bx * RADIUS["mid"], pelvis[1] + by * RADIUS["mid"]
    toe = ox - oy / uy * ux
    return Prop("wedge", toe - WEDGE_H / math.tan(math.radians(60)), toe, WEDGE_H, moves=True)


FLEXOR_FEET = _FLEXOR_AT["n_ankle"][0]
TRUNK_FLEXOR_HOLD = Exercise(
    name="Trunk flexor hold",
    clip="check-trunk-flexor-hold",
    variant=Variant(
        "sitting, back at 60 degrees from the floor, knees and hips bent to about a right angle,"
        " arms folded across the chest, feet held down; the support slides back and the back"
        " stays at 60 degrees",
        (
            Check("trunk lean", -35, -25, "always"),  # 55-65 degrees from the floor
            Check("spine flexion", -5, 5, "always"),
            Check("right hip flexion", 85, 115, "always"),
            Check("right knee bend", 80, 100, "always"),
            Check("pelvis lift", -0.005, 0.01, "always"),
            Check("right heel lift", -0.01, 0.02, "always"),
            *ARMS_CROSSED,
        ),
    ),
    start=FLEXOR,
    active={"none": FLEXOR.but(slide=WEDGE_PULL)},
    supports={"none": FLEXOR_SEAT},
    props=(
        _wedge(),
        # The strap (or a partner's hands) holding the feet down, over the insteps.
        Prop("strap", FLEXOR_FEET - 0.02, FLEXOR_FEET + 0.025, 0.1, base=0.0),
    ),
    captions={"none": "support pulled back: hold the 60°"},
    demo_hold=6,
    scale=340,
)

# --- Biering-Sørensen extensor test ---------------------------------------------------------
# Face down with the pelvis, hips and knees on a bench, the legs strapped, the upper body
# out over the edge held level, arms across the chest; it starts from resting forward.
BENCH_H = 0.4
BENCH_SUPPORT = Support(anchor="pelvis", floor=False)  # pelvis skin on the bench top
# The thighs slope down from the thicker pelvis to the knees, so both rest on the bench
# while the trunk itself is level; the shins then lie flat, the feet pointed.
LEVEL_HIPS = math.degrees(math.asin((RADIUS["pelvis"] - RADIUS["knee"]) / THIGH))
PRONE = Pose(
    trunk=90,
    n_hip=LEVEL_HIPS,
    f_hip=LEVEL_HIPS,
    n_knee=LEVEL_HIPS,
    f_knee=LEVEL_HIPS,
    n_ankle=90,
    f_ankle=90,
    y=BENCH_H,
    **FOLDED,
)
_PRONE_AT = place(PRONE, BENCH_SUPPORT)
BENCH_EDGE = _PRONE_AT["pelvis"][0] + 0.04  # the upper rim of the pelvis at the edge


def _strap(x: float) -> Prop:
    return Prop("strap", x - 0.022, x + 0.022, BENCH_H + 0.085, base=BENCH_H - 0.035)


EXTENSOR_HOLD = Exercise(
    name="Trunk extensor hold",
    clip="check-extensor-hold",
    variant=Variant(
        "face down, pelvis, hips and knees on the bench, legs strapped, the upper body out over"
        " the edge held level, arms across the chest",
        (
            Check("trunk lean", 80, 100),  # within 10 degrees of horizontal
            Check("right hip flexion", -10, 10),
            Check("spine flexion", -5, 5, "always"),
            Check("right knee bend", 0, 10, "always"),
            Check("pelvis lift", BENCH_H - 0.01, BENCH_H + 0.03, "always"),
            Check("right knee lift", BENCH_H - 0.01, BENCH_H + 0.01, "always"),
            *ARMS_CROSSED,
        ),
    ),
    # Resting forward over the edge first, then up to level and held.
    start=PRONE.but(trunk=140, n_hip=50 + LEVEL_HIPS, f_hip=50 + LEVEL_HIPS, neck=10),
    active={"none": PRONE},
    supports={"none": BENCH_SUPPORT},
    props=(
        Prop("bench", _PRONE_AT["n_toe"][0] - 0.04, BENCH_EDGE, BENCH_H),
        _strap(_PRONE_AT["n_knee"][0] - 0.06),
        _strap(_PRONE_AT["n_ankle"][0] + 0.03),
    ),
    captions={"none": "Biering-Sørensen: hold the trunk level"},
    demo_hold=6,
    scale=300,
)

# --- McGill side bridge ---------------------------------------------------------------------
# Seen from the front and a little above, like the side planks: on the elbow (under the
# shoulder) and the feet, the top foot in front of the lower one, hips lifted into one straight
# line, the top arm across the chest. Mat drawn in depth: the lower foot and the elbow rest on
# its far part, the top foot (drawn over the other leg) on its near edge.
MAT_DEPTH = 0.06
ON_MAT = 0.035  # height of the body's plane on the mat as drawn
BRIDGE_SUPPORT = Support(anchor="n_heel", level="n_elbow", floor=False)
# The top arm folded across the chest: seen from the front it lies along the trunk, the
# hand back at the shoulders.
TOP_ARM = {"f_shoulder": -6, "f_elbow": 162, "f_wrist": 70}
BRIDGE = Pose(
    trunk=290,
    n_hip=0,
    f_hip=-3.5,
    n_ankle=50,
    f_ankle=50,
    n_shoulder=-70,
    n_elbow=-92,
    y=ON_MAT,
    **TOP_ARM,
)
BRIDGE_DOWN = BRIDGE.but(trunk=292, n_hip=16, f_hip=13, n_shoulder=-50, n_elbow=-100, neck=-6)
_BRIDGE_AT = place(BRIDGE, BRIDGE_SUPPORT)
SIDE_BRIDGE = Exercise(
    name="Side bridge",
    clip="check-side-bridge",
    variant=Variant(
        "on one elbow (under the shoulder) and the feet, top foot in front of the lower one,"
        " hips lifted into one straight line, top arm across the chest; each side",
        (
            Check("right knee bend", 0, 10, "always"),
            Check("left knee bend", 0, 10, "always"),
            Check("body line to ankle", 0, 8),
            Check("right elbow from under shoulder", 0, 0.06),
            Check("right elbow lift", ON_MAT - 0.02, ON_MAT + 0.02),
            Check("right heel lift", ON_MAT - 0.01, ON_MAT + 0.01, "always"),
            Check("left heel lift", -0.01, 0.015),  # the top foot on the near edge: in front
            Check("pelvis lift", 0.08, 0.25),
            Check("left elbow bend", 120, 170, "always"),
            Check("left shoulder flexion", -20, 30, "always"),
        ),
    ),
    start=BRIDGE_DOWN,
    active={"right": BRIDGE, "left": BRIDGE},
    # The left side is the same bridge on the left elbow: drawn mirrored, head on the right.
    supports={"right": BRIDGE_SUPPORT, "left": BRIDGE_SUPPORT},
    props=(
        Prop("mat", _BRIDGE_AT["head"][0] - 0.12, _BRIDGE_AT["n_toe"][0] + 0.1, height=MAT_DEPTH),
    ),
    demo=("right", "left"),
    demo_hold=5,
    mirror=("left",),
    captions={"right": "right side: on the right elbow", "left": "left side: on the left elbow"},
    far_in_front=True,
    scale=330,
)
