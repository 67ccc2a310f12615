"""Floor exercises as keyframed joint angles: on hands and knees, on the back, side planks.

The figure faces right (see exercises.py for near/far and sides). Lying exercises put
the head on the left. Each exercise states the variant it shows (`variant=`).
"""

from __future__ import annotations

from .body import Pose, Support, lay_shins
from .motion import Exercise
from .props import Prop
from .variants import Check, Variant

# --- On hands and knees -------------------------------------------------------------
QUAD_SUPPORT = Support(anchor="n_knee", level="n_wrist")


def quad(trunk: float = 80, spine: float = 0, neck: float = 0, **extra: float) -> Pose:
    """On hands and knees: thighs and arms vertical, shins flat on the floor."""
    thorax = trunk + spine
    pose = Pose(
        trunk=trunk,
        spine=spine,
        neck=neck,
        n_hip=trunk,
        f_hip=trunk,
        n_knee=90,
        f_knee=90,
        n_ankle=88,
        f_ankle=88,
        n_shoulder=thorax,
        f_shoulder=thorax,
        n_wrist=thorax,
        f_wrist=thorax,
    ).but(**extra)
    return lay_shins(pose, QUAD_SUPPORT, 270)


QUAD = quad()

CAT_CAMEL = Exercise(
    name="Cat-camel",
    clip="cat-camel",
    variant=Variant(
        "on hands and knees, the back rounds then arches, well short of the end of range",
        (
            Check("spine flexion", 20, 45, "start"),
            Check("spine flexion", -35, -10),
            Check("right hip flexion", 60, 100, "always"),
            Check("right knee lift", 0, 0.03, "always"),
            Check("right hand lift", 0, 0.03, "always"),
        ),
    ),
    # Rounded (cat): low back lifts, head drops.  Sagging (camel): back dips, head lifts.
    start=quad(trunk=66, spine=36, neck=26),
    active={"none": quad(trunk=92, spine=-24, neck=-22)},
    supports={"none": QUAD_SUPPORT},
    props=(Prop("mat", -0.6, 0.7),),
    demo_tempo=(3, 3),
    scale=330,
)

BIRD_DOG = Exercise(
    name="Bird dog",
    clip="bird-dog",
    variant=Variant(
        "opposite arm and leg reach long, the back stays neutral and level",
        (
            Check("spine flexion", -5, 5, "always"),
            Check("trunk lean", 75, 95, "always"),
            Check("left shoulder flexion", 155, 185, side="left"),
            Check("right hip flexion", -15, 15, side="left"),
            Check("right knee bend", 0, 15, side="left"),
            Check("left knee lift", 0, 0.03, "always", side="left"),
            Check("right hand lift", 0, 0.03, "always", side="left"),
            Check("right shoulder flexion", 155, 185, side="right"),
            Check("left hip flexion", -15, 15, side="right"),
            Check("left knee bend", 0, 15, side="right"),
            Check("right knee lift", 0, 0.03, "always", side="right"),
            Check("left hand lift", 0, 0.03, "always", side="right"),
        ),
    ),
    start=QUAD,
    active={
        # left arm (far) reaches forward, right leg (near) reaches back
        "left": QUAD.but(f_shoulder=172, f_wrist=0, n_hip=-2, n_knee=0, n_ankle=20, neck=-4),
        "right": QUAD.but(n_shoulder=172, n_wrist=0, f_hip=-2, f_knee=0, f_ankle=20, neck=-4),
    },
    supports={
        "left": Support(anchor="f_knee", level="n_wrist"),
        "right": Support(anchor="n_knee", level="f_wrist"),
    },
    props=(Prop("mat", -0.6, 0.7),),
    demo=("left", "right"),
    demo_hold=5,
    scale=330,
)

# --- Lying on the back (head on the left) ----------------------------------------------
SUPINE = Pose(trunk=270, n_hip=0, f_hip=0, n_ankle=10, f_ankle=10)
HOOK = {"n_hip": 50, "n_knee": 100, "n_ankle": 40}
HOOK_FAR = {"f_hip": 46, "f_knee": 96, "f_ankle": 40}

UNDER_BACK = {
    "n_shoulder": -6,
    "f_shoulder": -6,
    "n_elbow": 30,
    "f_elbow": 30,
    "n_wrist": -20,
    "f_wrist": -20,
    "forearms": 0.45,
}

CURL_UP = Exercise(
    name="McGill curl-up",
    clip="mcgill-curl-up",
    variant=Variant(
        "one knee bent, one leg straight, hands under the low back; head and shoulders lift a"
        " little while the low back stays neutral on the floor",
        (
            Check("right knee bend", 80, 110, "always"),
            Check("left knee bend", 0, 10, "always"),
            Check("left hip flexion", -5, 10, "always"),
            Check("right hand from low back", 0, 0.06, "always"),
            Check("pelvis lift", 0, 0.03, "always"),
            Check("spine flexion", -2, 2, "start"),
            Check("spine flexion", 5, 20),
            Check("head lift", 0.05, 0.12),
        ),
    ),
    # One knee bent, the other leg straight, hands flat under the low back: the upper arms
    # lie along the sides, the forearms point across under the lumbar curve (shortened).
    start=SUPINE.but(**HOOK, **UNDER_BACK),
    active={"none": SUPINE.but(**HOOK, spine=11, **UNDER_BACK)},
    supports={"none": Support(anchor="pelvis", level="n_heel")},
    props=(Prop("mat", -0.75, 0.75),),
    demo_hold=6,
    scale=330,
)

DEAD_BUG = Exercise(
    name="Dead bug",
    clip="dead-bug",
    variant=Variant(
        "on the back, hips and knees at right angles; the opposite arm and leg lower slowly"
        " while the low back stays on the floor",
        (
            Check("pelvis lift", 0, 0.02, "always"),
            Check("spine flexion", -5, 5, "always"),
            Check("right hip flexion", 80, 100, "start"),
            Check("right knee bend", 80, 100, "start"),
            Check("left hip flexion", 80, 100, "start"),
            Check("left knee bend", 80, 100, "start"),
            Check("right shoulder flexion", 80, 100, "start"),
            Check("left shoulder flexion", 80, 100, "start"),
            Check("left shoulder flexion", 150, 185, side="left"),
            Check("right hip flexion", 0, 40, side="left"),
            Check("left hip flexion", 80, 100, side="left"),
            Check("right shoulder flexion", 80, 100, side="left"),
            Check("right shoulder flexion", 150, 185, side="right"),
            Check("left hip flexion", 0, 40, side="right"),
            Check("right hip flexion", 80, 100, side="right"),
            Check("left shoulder flexion", 80, 100, side="right"),
        ),
    ),
    start=SUPINE.but(
        n_hip=90,
        f_hip=92,
        n_knee=90,
        f_knee=90,
        n_ankle=0,
        f_ankle=0,
        n_shoulder=90,
        f_shoulder=88,
        n_wrist=0,
    ),
    active={
        "left": SUPINE.but(
            n_hip=18,
            f_hip=92,
            n_knee=4,
            f_knee=90,
            n_ankle=10,
            f_ankle=0,
            n_shoulder=90,
            f_shoulder=168,
        ),
        "right": SUPINE.but(
            n_hip=90,
            f_hip=18,
            n_knee=90,
            f_knee=4,
            n_ankle=0,
            f_ankle=10,
            n_shoulder=168,
            f_shoulder=88,
        ),
    },
    supports={"none": Support(anchor="pelvis")},
    props=(Prop("mat", -0.75, 0.75),),
    demo=("left", "right"),
    demo_tempo=(2.5, 1, 2.5),
    scale=330,
)

GLUTE_BRIDGE = Exercise(
    name="Glute bridge",
    clip="glute-bridge",
    variant=Variant(
        "feet flat, knees bent; the hips lift into one line from shoulders to knees, no arching",
        (
            Check("right knee bend", 70, 115, "always"),
            Check("right heel lift", 0, 0.03, "always"),
            Check("right toe lift", 0, 0.03, "always"),
            Check("shoulder lift", 0, 0.03, "always"),
            Check("spine flexion", -5, 5, "always"),
            Check("body line to knee", 0, 8),
            Check("right hip flexion", -8, 8),
            Check("pelvis lift", 0.1, 0.25),
        ),
    ),
    start=SUPINE.but(**HOOK, **HOOK_FAR, n_shoulder=0, f_shoulder=0),
    active={
        "none": SUPINE.but(
            trunk=246,
            n_hip=0,
            f_hip=-2,
            n_knee=104,
            f_knee=104,
            n_ankle=14,
            f_ankle=16,
            n_shoulder=-24,
            f_shoulder=-24,
            # The head stays on the floor (chin towards the chest) so that it does not dip
            # below the shoulders and lift the feet off the floor.
            neck=24,
        )
    },
    supports={"none": Support(anchor="n_heel", level="shoulder")},
    props=(Prop("mat", -0.75, 0.75),),
    demo_tempo=(2, 2, 2),
    scale=330,
)

# --- Side plank (seen from the front: one straight line from knees or feet to head) ----
SIDE_DOWN = Pose(
    trunk=292, n_hip=24, f_hip=26, n_shoulder=-50, n_elbow=-100, f_shoulder=40, f_elbow=20, neck=-6
)
SIDE_KNEES = Support(anchor="n_knee", level="n_elbow")
# Knees bent to a right angle, the shins lying on the mat behind the body: seen from the
# front and a little above, they rise from the knees, shortened (see Pose.shins), onto the
# far part of the mat. The feet continue the shins (toes pointing back).
KNEES_BEHIND = {"n_ankle": 90, "f_ankle": 90, "shins": 0.5}
SHINS_BACK = 8  # drawn direction of the shins: up, a touch towards the feet
SIDE_PLANK_KNEES = Exercise(
    name="Side plank (knees bent)",
    clip="side-plank-knees",
    variant=Variant(
        "on the elbow and the knees, knees bent to about a right angle (shins behind), hips"
        " lifted into one straight line from knee to head",
        (
            Check("right knee bend", 70, 110, "always"),
            Check("left knee bend", 70, 110, "always"),
            Check("right knee lift", 0, 0.04, "always"),
            Check("right elbow lift", 0, 0.04, "always"),
            Check("right elbow from under shoulder", 0, 0.06, "always"),
            Check("body line to knee", 0, 8),
            Check("pelvis lift", 0.04, 0.2),
        ),
    ),
    start=lay_shins(SIDE_DOWN.but(**KNEES_BEHIND), SIDE_KNEES, SHINS_BACK),
    active={
        "none": lay_shins(
            SIDE_DOWN.but(
                trunk=296,
                n_hip=0,
                f_hip=2,
                n_shoulder=-64,
                n_elbow=-92,
                f_shoulder=122,
                f_elbow=0,
                neck=0,
                **KNEES_BEHIND,
            ),
            SIDE_KNEES,
            SHINS_BACK,
        )
    },
    supports={"none": SIDE_KNEES},
    props=(Prop("mat", -0.75, 0.75, height=0.14),),
    demo_hold=6,
    scale=330,
)

SIDE_PLANK = Exercise(
    name="Side plank",
    clip="side-plank",
    variant=Variant(
        "on the elbow and the feet, legs straight, hips lifted into one line from ankle to head",
        (
            Check("right knee bend", 0, 10, "always"),
            Check("left knee bend", 0, 10, "always"),
            Check("right heel lift", 0, 0.05, "always"),
            Check("right elbow lift", 0, 0.05, "always"),
            Check("right elbow from under shoulder", 0, 0.06),
            Check("body line to ankle", 0, 8),
            Check("right knee lift", 0.05, 0.2),
            Check("pelvis lift", 0.06, 0.25),
        ),
    ),
    start=SIDE_DOWN.but(n_hip=16, f_hip=18, n_ankle=50, f_ankle=50),
    active={
        "none": SIDE_DOWN.but(
            trunk=290,
            n_hip=0,
            f_hip=2,
            n_ankle=50,
            f_ankle=50,
            n_shoulder=-70,
            n_elbow=-92,
            f_shoulder=122,
            f_elbow=0,
            neck=0,
        )
    },
    supports={"none": Support(anchor="n_heel", level="n_elbow")},
    props=(Prop("mat", -0.85, 0.75),),
    demo_hold=6,
    scale=330,
)
