"""Frames of one exercise, and the looping demonstration clip written through ffmpeg."""

from __future__ import annotations

import math
import subprocess
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

from PIL import Image

from .body import Pose, place
from .draw import (
    HEIGHT,
    WIDTH,
    Camera,
    Canvas,
    draw_body,
    draw_caption,
    draw_floor,
    draw_title,
)
from .motion import Exercise, sample


@cache
def framing(exercise: Exercise) -> float:
    """World x to put mid-screen: the middle of everything the figure reaches in its loop."""
    xs: list[float] = []
    for side, keys in exercise.demo_keyframes():
        period = keys[-1][0]
        for i in range(48):
            joints = place(sample(keys, period * i / 48), exercise.support(side))
            xs.extend(p[0] for name, p in joints.items() if name != "head_dir")
    for prop in exercise.props:
        if prop.kind in ("wall", "step", "wedge", "bench", "chair"):
            xs.extend((prop.x0, prop.x0 if prop.kind == "wall" else prop.x1))
    return (min(xs) + max(xs)) / 2


def camera_for(
    exercise: Exercise, pose: Pose, *, floor_y: float | None = None, side: str = "none"
) -> Camera:
    camera = Camera(
        centre=pose.x if exercise.follow else framing(exercise),
        screen_x=WIDTH / 2,
        ticks=exercise.follow,
        tick=exercise.tick,
        props=tuple(prop.at(pose.slide) for prop in exercise.props),
        scale=exercise.scale,
        mirror=side in exercise.mirror,
    )
    if floor_y is not None:
        camera.floor_y = floor_y
    return camera


def paint_figure(canvas: Canvas, exercise: Exercise, side: str, pose: Pose, camera: Camera) -> None:
    joints = place(pose, exercise.support(side))
    draw_floor(canvas, camera)
    draw_body(canvas, joints, camera, eyes=exercise.eyes, far_in_front=exercise.far_in_front)


def clip_frame(exercise: Exercise, side: str, pose: Pose) -> Image.Image:
    canvas = Canvas()
    paint_figure(canvas, exercise, side, pose, camera_for(exercise, pose, side=side))
    draw_title(canvas, exercise.name)
    caption = exercise.captions.get(side) or exercise.captions.get("none")
    if caption:
        draw_caption(canvas, caption)
    return canvas.finish()


def clip_frames(exercise: Exercise, fps: int) -> Iterator[Image.Image]:
    """One loop of the demonstration: every side in `demo`, one rep (or cycle) each.

    The loop's last frame is the one just before its first, so it repeats seamlessly.
    """
    for side, keys in exercise.demo_keyframes():
        period = keys[-1][0]
        count = round(period * fps)
        for i in range(count):
            yield clip_frame(exercise, side, sample(keys, i * period / count))


def clip_seconds(exercise: Exercise) -> float:
    return math.fsum(keys[-1][0] for _, keys in exercise.demo_keyframes())


def ffmpeg_command(target: Path, fps: int, *, crf: int = 30, gop: int = 0) -> list[str]:
    """Raw RGB frames on stdin -> H.264 MP4 that libvlc and browsers play (yuv420p, faststart).

    Bitexact flags, one encoder thread and no metadata keep the output identical run to run.
    """
    return [
        "ffmpeg", "-hide_banner", "-loglevel", "error", "-y",
        "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", f"{WIDTH}x{HEIGHT}", "-r", str(fps),
        "-i", "-",
        "-an", "-c:v", "libx264", "-preset", "slow", "-crf", str(crf), "-tune", "animation",
        "-pix_fmt", "yuv420p", "-profile:v", "high", "-threads", "1",
        *(["-g", str(gop)] if gop else []),
        "-movflags", "+faststart", "-map_metadata", "-1",
        "-fflags", "+bitexact", "-flags:v", "+bitexact",
        str(target),
    ]  # fmt: skip


def encode(frames: Iterable[Image.Image], target: Path, fps: int, **options: int) -> int:
    """Pipe frames into ffmpeg; returns the number of frames written."""
    target.parent.mkdir(parents=True, exist_ok=True)
    process = subprocess.Popen(ffmpeg_command(target, fps, **options), stdin=subprocess.PIPE)
    assert process.stdin is not None
    count = 0
    try:
        for image in frames:
            assert image.size == (WIDTH, HEIGHT)
            process.stdin.write(image.tobytes())
            count += 1
    finally:
        process.stdin.close()
        if process.wait() != 0:
            raise SystemExit(f"ffmpeg failed writing {target}")
    return count
