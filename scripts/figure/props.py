"""Things in the room that the figure uses: plain data, so the pose checks need no Pillow."""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Prop:
    """Something in the room: a mat, a wall, a step, a dowel held along the back."""

    kind: str  # "mat" | "wall" | "step" | "dowel" | "wedge" | "bench" | "chair" | "strap" | "line"
    x0: float = 0.0
    x1: float = 0.0
    height: float = 0.0
    base: float = 0.0  # a strap's lower edge (it is drawn over the limb it holds)
    moves: bool = False  # slides with Pose.slide (the support pulled away in a check)

    def at(self, slide: float) -> Prop:
        """Where this prop is once the moving props have slid by `slide`."""
        if not self.moves or slide == 0.0:
            return self
        return replace(self, x0=self.x0 + slide, x1=self.x1 + slide)
