"""Things in the room that the figure uses: plain data, so the pose checks need no Pillow."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Prop:
    """Something in the room: a mat, a wall, a step, a dowel held along the back."""

    kind: str  # "mat" | "wall" | "step" | "dowel"
    x0: float = 0.0
    x1: float = 0.0
    height: float = 0.0
