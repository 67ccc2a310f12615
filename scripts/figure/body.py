"""A jointed side-view body: pose angles in, joint positions out (forward kinematics).

World units: the standing figure is about 1.0 tall; x points the way the figure
faces, y points up, the floor is y = 0. Every angle is in degrees. Segment
directions are measured from straight up, clockwise (0 = up, 90 = forward,
180 = down); joint angles are relative to the parent segment, positive in the
joint's usual flexion sense, so keyframes read like a physiotherapist's notes:
hip 90 = thigh at a right angle to the trunk, knee 90 = shin at a right angle.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields, replace

# Segment lengths (fractions of body height).
LUMBAR = 0.15
THORAX = 0.16
NECK = 0.05
HEAD_R = 0.062
UPPER_ARM = 0.165
FOREARM = 0.145
HAND = 0.07
THIGH = 0.245
SHIN = 0.245
ANKLE_DROP = 0.045
HEEL = 0.04
TOE = 0.13

# Half the drawn thickness of each part: used to put the skin, not the bone, on the floor.
RADIUS = {
    "pelvis": 0.06,
    "mid": 0.06,
    "shoulder": 0.055,
    "head": HEAD_R,
    "knee": 0.035,
    "heel": 0.018,
    "toe": 0.018,
    "elbow": 0.025,
    "wrist": 0.022,
    "hand": 0.02,
}

Point = tuple[float, float]


@dataclass(frozen=True)
class Pose:
    """Joint angles of one moment. `n_` is the limb nearer the viewer, `f_` the far one."""

    trunk: float = 0.0  # direction of the lumbar segment (pelvis -> mid back)
    spine: float = 0.0  # thoracic flexion relative to the lumbar segment
    neck: float = 0.0  # head flexion relative to the thorax
    n_hip: float = 0.0
    n_knee: float = 0.0
    n_ankle: float = 0.0  # plantar flexion (toes down) positive
    f_hip: float = 0.0
    f_knee: float = 0.0
    f_ankle: float = 0.0
    n_shoulder: float = 0.0  # flexion: 90 = arm straight forward, 180 = overhead
    n_elbow: float = 0.0
    n_wrist: float = 0.0  # extension positive (hand bends back, as on the floor)
    f_shoulder: float = 0.0
    f_elbow: float = 0.0
    f_wrist: float = 0.0
    # Drawn length of the shins and feet (1 = full). Below 1 when they point away from the
    # viewer: a side plank on the knees is drawn from the front and a little above, so the
    # shins lying on the mat behind the knees rise from them, shortened by the view.
    shins: float = 1.0
    # The same for the forearms and hands: hands slid under the low back point across the body.
    forearms: float = 1.0
    x: float = 0.0  # world x of the exercise's anchor joint
    y: float = 0.0  # world y of the anchor when the exercise does not stand on the floor
    slide: float = 0.0  # world x by which the props marked `moves` have slid (a pulled wedge)

    def but(self, **changes: float) -> Pose:
        return replace(self, **changes)


def _dir(angle: float) -> Point:
    rad = math.radians(angle)
    return (math.sin(rad), math.cos(rad))


def _step(p: Point, angle: float, length: float) -> Point:
    d = _dir(angle)
    return (p[0] + d[0] * length, p[1] + d[1] * length)


def lerp_pose(a: Pose, b: Pose, t: float) -> Pose:
    values = {
        f.name: getattr(a, f.name) + (getattr(b, f.name) - getattr(a, f.name)) * t
        for f in fields(Pose)
    }
    return Pose(**values)


def ease(t: float) -> float:
    """Slow in, slow out (cosine), so a move starts and ends gently like a controlled rep."""
    t = min(1.0, max(0.0, t))
    return 0.5 - 0.5 * math.cos(math.pi * t)


def skeleton(pose: Pose) -> dict[str, Point]:
    """Joint positions with the pelvis at the origin."""
    j: dict[str, Point] = {"pelvis": (0.0, 0.0)}
    j["mid"] = _step(j["pelvis"], pose.trunk, LUMBAR)
    thorax = pose.trunk + pose.spine
    j["shoulder"] = _step(j["mid"], thorax, THORAX)
    head_dir = thorax + pose.neck
    j["neck"] = _step(j["shoulder"], head_dir, NECK)
    j["head"] = _step(j["neck"], head_dir, HEAD_R)
    j["head_dir"] = (head_dir, 0.0)
    for side in ("n", "f"):
        thigh = pose.trunk + 180 - getattr(pose, f"{side}_hip")
        j[f"{side}_knee"] = _step(j["pelvis"], thigh, THIGH)
        shin = thigh + getattr(pose, f"{side}_knee")
        j[f"{side}_ankle"] = _step(j[f"{side}_knee"], shin, SHIN * pose.shins)
        foot = shin - 90 + getattr(pose, f"{side}_ankle")
        # A pointed foot (kneeling, lying face down) continues the shin instead of hanging
        # below the ankle.
        drop = ANKLE_DROP * max(0.0, math.cos(math.radians(getattr(pose, f"{side}_ankle"))))
        sole = _step(j[f"{side}_ankle"], foot + 90, drop * pose.shins)
        j[f"{side}_heel"] = _step(sole, foot, -HEEL * pose.shins)
        j[f"{side}_toe"] = _step(sole, foot, TOE * pose.shins)
        upper = thorax + 180 - getattr(pose, f"{side}_shoulder")
        j[f"{side}_elbow"] = _step(j["shoulder"], upper, UPPER_ARM)
        fore = upper - getattr(pose, f"{side}_elbow")
        j[f"{side}_wrist"] = _step(j[f"{side}_elbow"], fore, FOREARM * pose.forearms)
        hand = fore - getattr(pose, f"{side}_wrist")
        j[f"{side}_hand"] = _step(j[f"{side}_wrist"], hand, HAND * pose.forearms)
    return j


def _radius(name: str) -> float:
    return RADIUS.get(name.removeprefix("n_").removeprefix("f_"), 0.0)


def _contact_points(joints: dict[str, Point]) -> list[tuple[str, Point]]:
    return [(name, p) for name, p in joints.items() if name != "head_dir"]


@dataclass(frozen=True)
class Support:
    """How the body rests on the world.

    anchor: the joint placed at world x = pose.x (it stays put while others move).
    level: a second joint that must touch the same surface as the anchor (hands and
      knees, feet and shoulders): the whole body is tilted about the anchor to make it so.
    floor: when True, the lowest skin point is put on the floor (y = 0); otherwise
      the anchor's skin is put at y = pose.y (standing on a step).
    """

    anchor: str = "n_heel"
    level: str | None = None
    floor: bool = True


def place(pose: Pose, support: Support) -> dict[str, Point]:
    """World positions of every joint for `pose` resting as `support` says."""
    joints = skeleton(pose)
    if support.level is not None:
        joints = _level(joints, support.anchor, support.level)
    ax, ay = joints[support.anchor]
    if support.floor:
        lowest = min(p[1] - _radius(name) for name, p in _contact_points(joints))
        dy = -lowest
    else:
        dy = pose.y - (ay - _radius(support.anchor))
    dx = pose.x - ax
    return {
        name: (p if name == "head_dir" else (p[0] + dx, p[1] + dy)) for name, p in joints.items()
    }


def _level(joints: dict[str, Point], anchor: str, other: str) -> dict[str, Point]:
    a, b = joints[anchor], joints[other]
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy)
    target = _radius(other) - _radius(anchor)  # skin of both on the same line
    if length < 1e-9 or abs(target) > length:
        return joints
    # Rotate by alpha (counter-clockwise) so that b's height above a equals target.
    psi = math.atan2(dy, dx)
    base = math.asin(target / length)
    candidates = [base - psi, math.pi - base - psi]
    alpha = min((math.remainder(c, 2 * math.pi) for c in candidates), key=abs)
    cos_a, sin_a = math.cos(alpha), math.sin(alpha)
    out: dict[str, Point] = {}
    for name, p in joints.items():
        if name == "head_dir":
            out[name] = (p[0] - math.degrees(alpha), 0.0)
            continue
        px, py = p[0] - a[0], p[1] - a[1]
        out[name] = (a[0] + px * cos_a - py * sin_a, a[1] + px * sin_a + py * cos_a)
    return out


def lay_shins(pose: Pose, support: Support, target: float, sides: str = "nf") -> Pose:
    """Bend the knees so the shins lie at `target` degrees once the body is placed.

    Kneeling and side-lying poses want the shins flat on the floor, but how the
    body tilts depends on every other angle; the knee angle moves neither the
    anchor nor the levelled joint, so one correction is exact.
    """
    joints = place(pose, support)
    changes: dict[str, float] = {}
    for side in sides:
        knee, ankle = joints[f"{side}_knee"], joints[f"{side}_ankle"]
        current = math.degrees(math.atan2(ankle[0] - knee[0], ankle[1] - knee[1]))
        delta = math.remainder(target - current, 360)
        changes[f"{side}_knee"] = getattr(pose, f"{side}_knee") + delta
    return pose.but(**changes)
