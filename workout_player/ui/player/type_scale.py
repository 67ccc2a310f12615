"""The player's type sizes, as fractions of the height the player has (the screen's own in
full screen), so the words read the same from the mat on a 768 px laptop and a 4K screen.

The rule and its reasoning are in docs/architecture.md ("The player's type"): the cue,
the one sentence a person reads mid-movement, is at least 5 % of the height (38 px at
768, 54 px at 1080); nothing on the player is smaller than 3 % except the buttons, which
are for a mouse at arm's length (their keys are what a person on the mat uses).
"""

from __future__ import annotations

import math
from typing import Literal

Role = Literal[
    "exercise",
    "set",
    "rep",
    "rep_caption",
    "phase",
    "cue",
    "next_up",
    "clock",
    "pain",
    "stage",
    "confirm",
    "check_small",
    "button",
]

TYPE_SCALE: dict[Role, float] = {
    "exercise": 0.056,  # the exercise name: two lines at most
    "set": 0.045,  # SET 2 / 3, and the LEFT / RIGHT badge
    "rep": 0.105,  # 3 / 8: the largest number but the ring's
    "rep_caption": 0.032,
    "phase": 0.047,  # LOWER, SLOWLY, 4 s
    "cue": 0.050,  # the coaching cue: two lines, never below CUE_MIN
    "next_up": 0.042,
    "clock": 0.034,  # elapsed and time left
    "pain": 0.032,  # the pain-before prompt (its value is twice this)
    "stage": 0.047,  # the words in the video's place when there is no clip
    "confirm": 0.040,  # "End session?"
    "check_small": 0.030,  # a check's cap, typed count and keys (its trial is "set", count "rep")
    "button": 0.022,
}
CUE_MIN = 0.045
"""A cue too long for two lines at its size shrinks to this, then is cut with "…"."""
FLOOR_PX = 12
"""No type smaller than this, whatever the height (a tiny window)."""


def type_px(role: Role, height: int) -> int:
    """The pixel size of `role` for a player `height` px tall."""
    return max(FLOOR_PX, round(TYPE_SCALE[role] * height))


def cue_min_px(height: int) -> int:
    return max(FLOOR_PX, math.ceil(CUE_MIN * height))
