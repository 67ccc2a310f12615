"""What each demonstration must show, stated as joint angles and checked on the drawn poses.

A clip that shows the wrong variant is a safety problem: someone in rehab copies
what they see, so a "knees bent" side plank drawn with straight legs teaches the
harder exercise. Each exercise therefore declares its variant next to its
keyframes (`Exercise.variant`): the key angles of the movement with the range
they must stay in. The measures are taken from the placed joints, the very
points the frames are drawn from, so they describe the picture a person sees.
`make_media.py` refuses to encode a clip that breaks its variant and
`tests/test_media_poses.py` checks every clip.

Angles are in degrees, in the body's sense (see `body.py`): flexion positive.
Pure Python on purpose (no Pillow): the test runs wherever the app's tests run.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from .body import RADIUS, Point, Pose, Support, place

Joints = dict[str, Point]
SAMPLES = 48  # poses sampled per side and loop
THIGH_HALF_WIDTH = 0.035  # as drawn (draw.py)
SHIN_HALF_WIDTH = 0.0275


def _dir(joints: Joints, a: str, b: str) -> float:
    """Direction of the segment a -> b: 0 = up, 90 = the way the figure faces."""
    (ax, ay), (bx, by) = joints[a], joints[b]
    return math.degrees(math.atan2(bx - ax, by - ay))


def _rel(angle: float) -> float:
    return math.remainder(angle, 360.0)


def _interior(joints: Joints, a: str, b: str, c: str) -> float:
    """The angle at b between b -> a and b -> c (180 = a straight line)."""
    return abs(_rel(_dir(joints, b, a) - _dir(joints, b, c)))


def _hip(side: str) -> Callable[[Joints], float]:
    return lambda j: _rel(_dir(j, "pelvis", "mid") + 180 - _dir(j, "pelvis", f"{side}_knee"))


def _knee(side: str) -> Callable[[Joints], float]:
    # Unsigned: a side-lying figure is drawn from the front, where the bend of a knee
    # shows as the shin leaving the thigh's line in either direction.
    return lambda j: 180 - _interior(j, "pelvis", f"{side}_knee", f"{side}_ankle")


def _shoulder(side: str) -> Callable[[Joints], float]:
    return lambda j: _rel(_dir(j, "mid", "shoulder") + 180 - _dir(j, "shoulder", f"{side}_elbow"))


def _elbow(side: str) -> Callable[[Joints], float]:
    return lambda j: 180 - _interior(j, "shoulder", f"{side}_elbow", f"{side}_wrist")


def _lift(joint: str) -> Callable[[Joints], float]:
    """Height of the joint's skin above the floor (body heights)."""
    radius = RADIUS.get(joint.removeprefix("n_").removeprefix("f_"), 0.0)
    return lambda j: j[joint][1] - radius


def _from_low_back(joint: str) -> Callable[[Joints], float]:
    """Distance along the floor from the middle of the lumbar spine (body heights)."""
    return lambda j: abs(j[joint][0] - (j["pelvis"][0] + j["mid"][0]) / 2)


def _under_shoulder(joint: str) -> Callable[[Joints], float]:
    """Distance along the floor between the joint and the shoulder (body heights)."""
    return lambda j: abs(j[joint][0] - j["shoulder"][0])


def _from_thigh(side: str) -> Callable[[Joints], float]:
    """Gap between the hand and the thigh it should rest on (body heights, 0 = touching)."""

    def measure(j: Joints) -> float:
        (px, py), (kx, ky), (hx, hy) = j["pelvis"], j[f"{side}_knee"], j[f"{side}_hand"]
        dx, dy = kx - px, ky - py
        t = max(0.0, min(1.0, ((hx - px) * dx + (hy - py) * dy) / (dx * dx + dy * dy)))
        gap = math.hypot(hx - (px + t * dx), hy - (py + t * dy))
        return max(0.0, gap - RADIUS["hand"] - THIGH_HALF_WIDTH)

    return measure


def _foot_from_shin(foot: str, shin: str) -> Callable[[Joints], float]:
    """Gap between a lifted foot and the standing leg's shin as drawn (0 = touching)."""

    def measure(j: Joints) -> float:
        (kx, ky), (ax, ay) = j[f"{shin}_knee"], j[f"{shin}_ankle"]
        dx, dy = ax - kx, ay - ky
        gaps = []
        for part in ("ankle", "heel", "toe"):
            px, py = j[f"{foot}_{part}"]
            t = max(0.0, min(1.0, ((px - kx) * dx + (py - ky) * dy) / (dx * dx + dy * dy)))
            gaps.append(math.hypot(px - (kx + t * dx), py - (ky + t * dy)))
        return max(0.0, min(gaps) - SHIN_HALF_WIDTH - RADIUS["heel"])

    return measure


def _heel_to_toe(j: Joints) -> float:
    """Gap between the front foot's heel and the back foot's toes (body heights)."""
    front, back = ("n", "f") if j["n_heel"][0] > j["f_heel"][0] else ("f", "n")
    return j[f"{front}_heel"][0] - j[f"{back}_toe"][0]


MEASURES: dict[str, Callable[[Joints], float]] = {
    # Trunk: lean of the pelvis -> shoulder line from vertical (forward positive), the
    # bend between the lumbar and thoracic segments (rounding positive, arching negative),
    # and how far the pelvis leaves the straight line between shoulder and knee or ankle.
    "trunk lean": lambda j: _rel(_dir(j, "pelvis", "shoulder")),
    "spine flexion": lambda j: _rel(_dir(j, "mid", "shoulder") - _dir(j, "pelvis", "mid")),
    "body line to knee": lambda j: 180 - _interior(j, "shoulder", "pelvis", "n_knee"),
    "body line to ankle": lambda j: 180 - _interior(j, "shoulder", "pelvis", "n_ankle"),
    "heel-to-toe gap": _heel_to_toe,
    **{
        f"{word} {name}": measure(side)
        for side, word in (("n", "right"), ("f", "left"))
        for name, measure in (
            ("hip flexion", _hip),
            ("knee bend", _knee),
            ("shoulder flexion", _shoulder),
            ("elbow bend", _elbow),
        )
    },
    **{
        f"{word} {part} lift": _lift(f"{side}_{part}")
        for side, word in (("n", "right"), ("f", "left"))
        for part in ("knee", "heel", "toe", "elbow", "hand")
    },
    **{f"{part} lift": _lift(part) for part in ("pelvis", "shoulder", "head")},
    **{
        f"{word} hand from low back": _from_low_back(f"{side}_hand")
        for side, word in (("n", "right"), ("f", "left"))
    },
    **{
        f"{word} hand from thigh": _from_thigh(side)
        for side, word in (("n", "right"), ("f", "left"))
    },
    "right foot from left shin": _foot_from_shin("n", "f"),
    "left foot from right shin": _foot_from_shin("f", "n"),
    **{
        f"{word} elbow from under shoulder": _under_shoulder(f"{side}_elbow")
        for side, word in (("n", "right"), ("f", "left"))
    },
}

WHEN = ("start", "active", "always", "peak", "least")


@dataclass(frozen=True)
class Check:
    """One key angle (or height, or distance) of a variant and the range it must stay in.

    when: "start" the first pose of each side, "active" the held pose, "always" every
      pose of the loop, "peak"/"least" the largest/smallest value over the loop (a
      march's highest knee). side: only for these sides ("left", "right", "none");
      otherwise for every side the exercise can be drawn with.
    """

    measure: str
    low: float
    high: float
    when: str = "active"
    side: str | tuple[str, ...] | None = None

    def applies_to(self, side: str) -> bool:
        if self.side is None:
            return True
        return side in ((self.side,) if isinstance(self.side, str) else self.side)

    def __post_init__(self) -> None:
        if self.measure not in MEASURES:
            raise ValueError(f"unknown measure '{self.measure}'; known: {', '.join(MEASURES)}")
        if self.when not in WHEN:
            raise ValueError(f"unknown moment '{self.when}'; known: {', '.join(WHEN)}")


@dataclass(frozen=True)
class Variant:
    """What the clip must show, in a sentence for people and as checks for the test."""

    summary: str
    checks: tuple[Check, ...]


Keyframes = tuple[tuple[float, Pose], ...]


def _poses(
    keys: Keyframes, when: str, sample: Callable[[Keyframes, float], Pose]
) -> Iterator[Pose]:
    if when == "start":
        yield keys[0][1]
    elif when == "active":
        # A rep's keyframes are start, active, active (held), start, start.
        yield keys[1][1]
        yield sample(keys, (keys[1][0] + keys[2][0]) / 2)
        yield keys[2][1]
    else:
        period = keys[-1][0]
        for i in range(SAMPLES):
            yield sample(keys, period * i / SAMPLES)


def violations(
    variant: Variant,
    sides: Sequence[tuple[str, Keyframes]],
    support: Callable[[str], Support],
    sample: Callable[[Keyframes, float], Pose],
) -> list[str]:
    """Every check the demonstrated poses break, in words ('' when the clip is right)."""
    problems: list[str] = []
    for check in variant.checks:
        measure = MEASURES[check.measure]
        for side, keys in sides:
            if not check.applies_to(side):
                continue
            values = [measure(place(p, support(side))) for p in _poses(keys, check.when, sample)]
            if check.when == "peak":
                values = [max(values)]
            elif check.when == "least":
                values = [min(values)]
            bad = [v for v in values if not check.low <= v <= check.high]
            if bad:
                worst = max(bad, key=lambda v: max(check.low - v, v - check.high))
                problems.append(
                    f"{check.measure} ({check.when}, side {side}) is {worst:.3g}, "
                    f"should be {check.low:g} to {check.high:g}"
                )
    return problems
