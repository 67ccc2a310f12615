"""Paint a placed body and its props with Pillow onto a 640x360 frame.

Pillow rather than QPainter: a generator that draws tens of thousands of frames
must not depend on the GUI toolkit's state, and plain Pillow output is the same
on every run. Frames are drawn at twice the size and halved, which smooths the
edges (Pillow's lines are not anti-aliased).

Calm colours on a light background; the near limbs are darker than the far
ones so that a side view still tells left from right.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from .body import HEAD_R, Point
from .props import Prop

WIDTH, HEIGHT = 640, 360
SS = 2  # supersampling factor
FLOOR_Y = 330.0  # screen y of the floor line
SCALE = 225.0  # pixels per world unit (body height)

Color = tuple[int, int, int]


def _rgb(hex_colour: str) -> Color:
    value = int(hex_colour.lstrip("#"), 16)
    return (value >> 16 & 255, value >> 8 & 255, value & 255)


BACKGROUND = _rgb("#f4f1ea")
INK = _rgb("#24343d")
MUTED = _rgb("#5f7480")
NEAR = _rgb("#2e6b86")
FAR = _rgb("#9dbccb")
TORSO = _rgb("#27596f")
FLOOR = _rgb("#7d8f87")
MAT = _rgb("#cfe0d6")
PROP = _rgb("#b89b74")
ACCENT = _rgb("#c8643c")
CARD = _rgb("#e4ebe7")

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")


@cache
def font(pixels: int, *, bold: bool = False) -> ImageFont.FreeTypeFont:
    """DejaVu Sans from its file, so every machine draws the same letters."""
    path = FONT_DIR / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")
    if not path.exists():
        raise SystemExit(f"{path} is missing: install fonts-dejavu-core")
    return ImageFont.truetype(str(path), pixels * SS)


class Canvas:
    """One frame; coordinates are output pixels (the supersampling is hidden)."""

    def __init__(self, background: Color = BACKGROUND) -> None:
        self.image = Image.new("RGB", (WIDTH * SS, HEIGHT * SS), background)
        self.draw = ImageDraw.Draw(self.image)

    def line(
        self, a: tuple[float, float], b: tuple[float, float], color: Color, width: float
    ) -> None:
        """A thick line with round caps."""
        w = max(1, round(width * SS))
        ax, ay, bx, by = a[0] * SS, a[1] * SS, b[0] * SS, b[1] * SS
        self.draw.line([(ax, ay), (bx, by)], fill=color, width=w)
        r = w / 2
        for x, y in ((ax, ay), (bx, by)):
            self.draw.ellipse([x - r, y - r, x + r, y + r], fill=color)

    def polygon(self, points: list[tuple[float, float]], color: Color) -> None:
        self.draw.polygon([(x * SS, y * SS) for x, y in points], fill=color)

    def circle(self, c: tuple[float, float], radius: float, color: Color) -> None:
        x, y, r = c[0] * SS, c[1] * SS, radius * SS
        self.draw.ellipse([x - r, y - r, x + r, y + r], fill=color)

    def rect(self, x0: float, y0: float, x1: float, y1: float, color: Color) -> None:
        if x1 - x0 >= 1 / SS and y1 - y0 >= 1 / SS:  # an empty progress bar draws nothing
            self.draw.rectangle([x0 * SS, y0 * SS, x1 * SS - 1, y1 * SS - 1], fill=color)

    def text(
        self,
        text: str,
        x: float,
        y: float,
        size: int,
        *,
        bold: bool = False,
        color: Color = INK,
        anchor: str = "mt",
    ) -> None:
        """Text placed by Pillow's anchor (default: middle-top at x, y)."""
        self.draw.text(
            (x * SS, y * SS), text, font=font(size, bold=bold), fill=color, anchor=anchor
        )

    def text_width(self, text: str, size: int, *, bold: bool = False) -> float:
        return self.draw.textlength(text, font=font(size, bold=bold)) / SS

    def wrapped(
        self, text: str, x: float, y: float, size: int, max_width: float, **options: object
    ) -> float:
        """Centred lines of text within max_width; returns the y below the last line."""
        words, lines, current = text.split(), [], ""
        for word in words:
            trial = f"{current} {word}".strip()
            if current and self.text_width(trial, size) > max_width:
                lines.append(current)
                current = word
            else:
                current = trial
        if current:
            lines.append(current)
        for line in lines:
            self.text(line, x, y, size, **options)  # type: ignore[arg-type]
            y += size * 1.3
        return y

    def finish(self) -> Image.Image:
        return self.image.reduce(SS)


@dataclass
class Camera:
    """World x `centre` is drawn at screen x `screen_x`; the floor sits at `floor_y`."""

    centre: float = 0.0
    screen_x: float = WIDTH / 2
    floor_y: float = FLOOR_Y
    scale: float = SCALE
    ticks: bool = False  # floor marks that show travel when the camera follows a walker
    tick: float = 0.25
    props: tuple[Prop, ...] = field(default_factory=tuple)
    mirror: bool = False  # world x drawn right to left (the other side of a two-sided check)

    def to_screen(self, p: Point) -> tuple[float, float]:
        dx = (p[0] - self.centre) * self.scale
        return (self.screen_x + (-dx if self.mirror else dx), self.floor_y - p[1] * self.scale)

    def box(self, x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float, float]:
        """Screen rectangle (left, top, right, bottom) of a world box, mirrored or not."""
        a, b = self.to_screen((x0, y1)), self.to_screen((x1, y0))
        return (min(a[0], b[0]), a[1], max(a[0], b[0]), b[1])


def draw_floor(canvas: Canvas, camera: Camera) -> None:
    for prop in camera.props:
        if prop.kind == "mat":
            # A mat with a height is seen a little from above: its far part rises behind
            # the figure, where shins that point away from the viewer rest.
            left, top, right, bottom = camera.box(prop.x0, 0.0, prop.x1, prop.height)
            canvas.rect(left, top - 5, right, bottom + 2, MAT)
        elif prop.kind == "wall":
            top = camera.to_screen((prop.x0, 1.15))
            bottom = camera.to_screen((prop.x0, 0.0))
            canvas.rect(top[0] - 16, top[1], top[0], bottom[1], PROP)
        elif prop.kind == "step":
            canvas.rect(*camera.box(prop.x0, 0.0, prop.x1, prop.height), PROP)
        elif prop.kind in ("wedge", "bench", "chair"):
            _draw_furniture(canvas, prop, camera)
    canvas.line((-10, camera.floor_y), (WIDTH + 10, camera.floor_y), FLOOR, 3)
    if any(prop.kind == "line" for prop in camera.props):
        # A line taped on the floor, seen a little from above: a band just in front of it.
        canvas.rect(-10, camera.floor_y + 3, WIDTH + 10, camera.floor_y + 8, ACCENT)
    if camera.ticks:
        # Marks at fixed world positions, so travel shows while the camera follows.
        first = math.floor((camera.centre - 3.0) / camera.tick)
        count = math.ceil(6.0 / camera.tick) + 1
        for k in range(first, first + count):
            x, y = camera.to_screen((k * camera.tick, 0.0))
            canvas.line((x, y + 5), (x - 8, y + 15), FLOOR, 2)


def _draw_furniture(canvas: Canvas, prop: Prop, camera: Camera) -> None:
    """A support wedge (its slope at 60 degrees, facing +x), a bench or a chair (back at x0)."""
    if prop.kind == "wedge":
        points = [(prop.x0, 0.0), (prop.x1, 0.0), (prop.x0, prop.height)]
        canvas.polygon([camera.to_screen(p) for p in points], PROP)
        return
    top = 0.035 if prop.kind == "bench" else 0.03
    canvas.rect(*camera.box(prop.x0, prop.height - top, prop.x1, prop.height), PROP)
    for x in (prop.x0 + 0.02, prop.x1 - 0.02):
        canvas.rect(*camera.box(x - 0.012, 0.0, x + 0.012, prop.height), PROP)
    if prop.kind == "chair":
        canvas.rect(*camera.box(prop.x0, prop.height, prop.x0 + 0.028, prop.height + 0.3), PROP)


def _draw_eyes(canvas: Canvas, joints: dict[str, Point], camera: Camera, eyes: str) -> None:
    """An open eye (a light dot) or closed eyes (a light line across the face)."""
    head, up = joints["head"], math.radians(joints["head_dir"][0])
    face = up + math.pi / 2

    def at(forward: float, upward: float) -> tuple[float, float]:
        return camera.to_screen(
            (
                head[0] + (math.sin(face) * forward + math.sin(up) * upward) * HEAD_R,
                head[1] + (math.cos(face) * forward + math.cos(up) * upward) * HEAD_R,
            )
        )

    if eyes == "open":
        canvas.circle(at(0.55, 0.25), 0.013 * camera.scale, BACKGROUND)
    else:
        canvas.line(at(-0.05, 0.22), at(1.05, 0.22), BACKGROUND, 0.018 * camera.scale)


def draw_body(
    canvas: Canvas,
    joints: dict[str, Point],
    camera: Camera,
    *,
    eyes: str | None = None,
    far_in_front: bool = False,
) -> None:
    s = camera.scale

    def chain(names: list[str], color: Color, width: float) -> None:
        points = [camera.to_screen(joints[n]) for n in names]
        for a, b in itertools.pairwise(points):
            canvas.line(a, b, color, width * s)

    def leg(side: str, color: Color) -> None:
        chain(["pelvis", f"{side}_knee"], color, 0.07)
        chain([f"{side}_knee", f"{side}_ankle"], color, 0.055)
        chain([f"{side}_ankle", f"{side}_heel"], color, 0.04)
        chain([f"{side}_heel", f"{side}_toe"], color, 0.036)

    def arm(side: str, color: Color) -> None:
        chain(["shoulder", f"{side}_elbow"], color, 0.05)
        chain([f"{side}_elbow", f"{side}_wrist"], color, 0.044)
        chain([f"{side}_wrist", f"{side}_hand"], color, 0.036)

    if not far_in_front:
        arm("f", FAR)
        leg("f", FAR)
    chain(["pelvis", "mid", "shoulder"], TORSO, 0.12)
    chain(["shoulder", "neck"], TORSO, 0.05)
    canvas.circle(camera.to_screen(joints["head"]), HEAD_R * s, TORSO)
    # A nose shows which way the face points (up when lying on the back, down on all fours).
    face = math.radians(joints["head_dir"][0] + 90)
    nose = (
        joints["head"][0] + math.sin(face) * HEAD_R * 1.02,
        joints["head"][1] + math.cos(face) * HEAD_R * 1.02,
    )
    canvas.circle(camera.to_screen(nose), 0.02 * s, TORSO)
    if eyes is not None:
        _draw_eyes(canvas, joints, camera, eyes)
    leg("n", NEAR)
    arm("n", NEAR)
    if far_in_front:
        leg("f", FAR)
        arm("f", FAR)
    for prop in camera.props:
        if prop.kind == "dowel":
            _draw_dowel(canvas, joints, camera)
        elif prop.kind == "strap":  # over the limb it holds down
            canvas.rect(*camera.box(prop.x0, prop.base, prop.x1, prop.height), INK)


def _draw_dowel(canvas: Canvas, joints: dict[str, Point], camera: Camera) -> None:
    """A straight stick touching the sacrum and the back of the head."""
    pelvis, head = joints["pelvis"], joints["head"]
    dx, dy = head[0] - pelvis[0], head[1] - pelvis[1]
    length = math.hypot(dx, dy)
    ux, uy = dx / length, dy / length
    bx, by = -uy, ux  # perpendicular, towards the back when facing +x
    off_low, off_high = 0.07, HEAD_R + 0.012
    low = (pelvis[0] + bx * off_low - ux * 0.12, pelvis[1] + by * off_low - uy * 0.12)
    high = (head[0] + bx * off_high + ux * 0.1, head[1] + by * off_high + uy * 0.1)
    canvas.line(camera.to_screen(low), camera.to_screen(high), PROP, 0.022 * camera.scale)


def draw_title(canvas: Canvas, text: str, *, y: float = 10, size: int = 34) -> None:
    canvas.text(text, WIDTH / 2, y, size, bold=True)


def draw_caption(canvas: Canvas, text: str, *, y: float = 52, size: int = 22) -> None:
    """A line under the title saying what the title cannot show ("eyes closed")."""
    canvas.text(text, WIDTH / 2, y, size, bold=True, color=ACCENT)
