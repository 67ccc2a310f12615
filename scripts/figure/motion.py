"""Keyframed motion: exercises as a start pose and an active pose per side, or a cycle.

A rep follows the step's tempo: phase 1 moves from the start pose to the active
pose, phase 2 holds it, phase 3 returns, phase 4 pauses (the format's `[2, 1, 2]`
reads "move 2 s, pause 1 s, return 2 s"). A hold moves in about a second, holds,
and returns. Cycles (marching, walking, balance) loop their own keyframes.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from .body import SHIN, THIGH, Pose, Support, ease, lerp_pose
from .props import Prop
from .variants import Variant, violations

Keyframes = tuple[tuple[float, Pose], ...]


def rep_phases(tempo: Sequence[float] | None, hold: float | None) -> tuple[float, ...]:
    """Seconds of (move, hold, return, pause) for one rep."""
    if hold is not None:
        move = min(1.2, hold * 0.15)
        return (move, hold - 2 * move, move, 0.0)
    if tempo is None:
        return (1.5, 0.5, 1.5, 0.5)  # self-paced: a calm demonstration speed
    t = list(tempo)
    if len(t) == 1:
        return (t[0] / 2, 0.0, t[0] / 2, 0.0)
    if len(t) == 2:
        return (t[0], 0.0, t[1], 0.0)
    if len(t) == 3:
        return (t[0], t[1], t[2], 0.0)
    return (t[0], t[1], t[2], t[3])


def rep_keyframes(start: Pose, active: Pose, phases: Sequence[float]) -> Keyframes:
    move, hold, back, pause = phases
    return (
        (0.0, start),
        (move, active),
        (move + hold, active),
        (move + hold + back, start),
        (move + hold + back + pause, start),
    )


def sample(keys: Keyframes, t: float) -> Pose:
    """The pose at time t (looped over the keyframes' span), eased between keys."""
    period = keys[-1][0]
    if period <= 0:
        return keys[0][1]
    t = t % period
    for (t0, a), (t1, b) in itertools.pairwise(keys):
        if t0 <= t <= t1:
            if t1 - t0 < 1e-9:
                return b
            return lerp_pose(a, b, ease((t - t0) / (t1 - t0)))
    return keys[-1][1]


def shift(keys: Keyframes, dx: float) -> Keyframes:
    return tuple((t, p.but(x=p.x + dx)) for t, p in keys)


def concat(*parts: Keyframes) -> Keyframes:
    """Play keyframe lists one after another (each must start where the last ended)."""
    out: list[tuple[float, Pose]] = []
    offset = 0.0
    for part in parts:
        for t, p in part:
            if out and t == 0.0:
                continue
            out.append((offset + t, p))
        offset += part[-1][0]
    return tuple(out)


def angle_of(dx: float, dy: float) -> float:
    """Direction of a vector in the body's convention (0 = up, 90 = forward)."""
    return math.degrees(math.atan2(dx, dy))


def leg_ik(trunk: float, ankle: tuple[float, float], foot: float = 90.0) -> dict[str, float]:
    """Hip, knee and ankle angles that put the ankle at `ankle` (relative to the pelvis).

    The knee bends forward, as knees do; `foot` is the sole's direction (90 = flat).
    Used to write keyframes for stepping, where a foot must land on a spot.
    """
    dx, dy = ankle
    d = min(math.hypot(dx, dy), THIGH + SHIN - 1e-6)
    interior = math.degrees(math.acos((THIGH**2 + SHIN**2 - d**2) / (2 * THIGH * SHIN)))
    offset = math.degrees(math.acos((THIGH**2 + d**2 - SHIN**2) / (2 * THIGH * d)))
    # Below the pelvis a leg points between 90 (forward) and 270 (back): keep angles in that
    # range so that interpolating between two keyframes never swings a leg the long way round.
    thigh = angle_of(dx, dy) % 360 - offset
    knee = 180 - interior
    shin = thigh + knee
    return {"hip": trunk + 180 - thigh, "knee": knee, "ankle": foot - shin + 90}


def legs(
    trunk: float, near: tuple[float, float], far: tuple[float, float], **feet: float
) -> dict[str, float]:
    n = leg_ik(trunk, near, feet.get("n_foot", 90.0))
    f = leg_ik(trunk, far, feet.get("f_foot", 90.0))
    return {
        "n_hip": n["hip"],
        "n_knee": n["knee"],
        "n_ankle": n["ankle"],
        "f_hip": f["hip"],
        "f_knee": f["knee"],
        "f_ankle": f["ankle"],
    }


@dataclass(frozen=True, eq=False)
class Exercise:
    """How to draw one bundled exercise."""

    name: str
    clip: str  # file stem in media/
    start: Pose
    active: dict[str, Pose] = field(default_factory=dict)  # side ("none"/"left"/"right")
    supports: dict[str, Support] = field(default_factory=dict)  # side -> support
    cycle: dict[str, Keyframes] = field(default_factory=dict)  # side -> looping keyframes
    props: tuple[Prop, ...] = ()
    demo: tuple[str, ...] = ("none",)  # sides shown, in order, by the looping clip
    demo_tempo: tuple[float, ...] | None = None
    demo_hold: float | None = None
    follow: bool = False  # the camera follows the pelvis (walking), floor marks show travel
    tick: float = 0.25
    scale: float = 225.0  # pixels per body height: floor exercises are drawn larger
    # What the clip must show (the variant's key angles), checked before encoding and by
    # tests/test_media_poses.py; None is an error there, so every clip states one.
    variant: Variant | None = None
    # A line under the title per side ("eyes closed", "left side"), sides drawn mirrored
    # (the left side bridge lies the other way round), the eyes drawn ("open"/"closed",
    # None: not drawn), and whether the far limbs are drawn in front of the body (a figure
    # seen from the front with the top arm across the chest and the top foot in front).
    captions: dict[str, str] = field(default_factory=dict)
    mirror: tuple[str, ...] = ()
    eyes: str | None = None
    far_in_front: bool = False

    def support(self, side: str) -> Support:
        return self.supports.get(side) or self.supports.get("none") or Support()

    def keyframes(
        self, side: str, tempo: Sequence[float] | None = None, hold: float | None = None
    ) -> Keyframes:
        """One loop of the motion for `side` at this tempo (cycles ignore the tempo)."""
        if self.cycle:
            return self.cycle.get(side) or self.cycle["none"]
        active = self.active.get(side) or self.active["none"]
        return rep_keyframes(self.start, active, rep_phases(tempo, hold))

    def demo_keyframes(self) -> list[tuple[str, Keyframes]]:
        return [(side, self.keyframes(side, self.demo_tempo, self.demo_hold)) for side in self.demo]

    def variant_problems(self) -> list[str]:
        """How the drawn poses break the declared variant (empty when they do not).

        Every side the exercise can be drawn with is checked, not only the looping
        clip's: the follow-along video draws each side of a two-sided step.
        """
        if self.variant is None:
            return [f"{self.clip}: no variant declared (Exercise.variant)"]
        if self.cycle and any(c.when == "active" for c in self.variant.checks):
            return [f"{self.clip}: a looping clip has no held pose: check 'always' or 'peak'"]
        sides = [
            (side, self.keyframes(side, self.demo_tempo, self.demo_hold))
            for side in (self.cycle or self.active)
        ]
        found = violations(self.variant, sides, self.support, sample)
        return [f"{self.clip}: {problem}" for problem in found]
