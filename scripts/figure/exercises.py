"""Every bundled exercise as keyframed joint angles.

The drawings live in floor.py and standing.py; this module lists them. The figure
faces right. "near" limbs are the figure's right side (towards the
viewer), "far" limbs its left side; a step's `left` side means the left arm or
the left leg leads (bird dog: left arm with right leg), as a physiotherapist
would call it. Lying exercises put the head on the left.
"""

from __future__ import annotations

from .checks import CHECKS
from .floor import (
    BIRD_DOG,
    CAT_CAMEL,
    CURL_UP,
    DEAD_BUG,
    GLUTE_BRIDGE,
    SIDE_PLANK,
    SIDE_PLANK_KNEES,
)
from .motion import Exercise
from .standing import (
    DOWEL_HINGE,
    GOOD_MORNING,
    HEEL_TO_TOE,
    MARCH,
    RDL,
    SINGLE_LEG_BALANCE,
    STEP_DOWN,
    WALKING_LUNGE,
    WALL_HINGE,
)
from .variants import Check, Variant

EXERCISES: tuple[Exercise, ...] = (
    CAT_CAMEL,
    BIRD_DOG,
    CURL_UP,
    DEAD_BUG,
    GLUTE_BRIDGE,
    SIDE_PLANK_KNEES,
    SIDE_PLANK,
    WALL_HINGE,
    DOWEL_HINGE,
    GOOD_MORNING,
    RDL,
    SINGLE_LEG_BALANCE,
    MARCH,
    STEP_DOWN,
    WALKING_LUNGE,
    HEEL_TO_TOE,
    *CHECKS,  # the self-checks' demonstrations (issue 13)
)
BY_NAME = {exercise.name: exercise for exercise in EXERCISES}
BY_CLIP = {exercise.clip: exercise for exercise in EXERCISES}

__all__ = [
    "BIRD_DOG",
    "BY_CLIP",
    "BY_NAME",
    "CAT_CAMEL",
    "CHECKS",
    "CURL_UP",
    "DEAD_BUG",
    "DOWEL_HINGE",
    "EXERCISES",
    "GLUTE_BRIDGE",
    "GOOD_MORNING",
    "HEEL_TO_TOE",
    "MARCH",
    "RDL",
    "SIDE_PLANK",
    "SIDE_PLANK_KNEES",
    "SINGLE_LEG_BALANCE",
    "STEP_DOWN",
    "WALKING_LUNGE",
    "WALL_HINGE",
    "Check",
    "Variant",
]
