"""The frame-coded test video of the cue-timing benchmarks, and reading it back.

cue_timing.py (libvlc) and cue_timing_qt.py (QtMultimedia) play the same video and read the
same bands out of whatever buffer their backend hands over, so the two figures are measured
alike: the drawing (`make_video`), where the band centres are in a buffer (`band_offsets`),
the number they spell (`decode`) and which showings count (`first_displays`) live here.

Every frame shows its own number as 12 black/white vertical bands (most significant first),
then a white and a black guard band, drawn 14x2 and scaled up without smoothing (H.264 CRF
12), so compression cannot flip a band.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from common import ffmpeg

WIDTH, HEIGHT, FPS, SECONDS = 640, 360, 30, 40
BITS = 12
BANDS = BITS + 2  # the bits (most significant first), then a white and a black guard band
ROW = HEIGHT // 2


def make_video(path: Path) -> Path:
    """Draw the numbered frames small with geq, then scale up without smoothing."""
    if path.exists():
        return path
    band = "floor(X)"
    bit = f"mod(floor(N/pow(2,{BITS - 1}-{band})),2)"
    expr = f"if(lt({band},{BITS}),255*{bit},if(eq({band},{BITS}),255,0))"
    tmp = path.with_suffix(".part.mp4")
    ffmpeg(
        "-f", "lavfi",
        "-i", f"color=c=black:size={BANDS}x2:rate={FPS}:duration={SECONDS}",
        "-vf", f"format=gray,geq=lum='{expr}',scale={WIDTH}:{HEIGHT}:flags=neighbor,format=yuv420p",
        "-c:v", "libx264", "-preset", "veryfast", "-crf", "12", "-g", str(FPS),
        str(tmp),
    )  # fmt: skip
    tmp.replace(path)
    return path


def video_path(folder: Path) -> Path:
    return make_video(folder / f"framecount-{WIDTH}x{HEIGHT}-{FPS}fps.mp4")


def band_offsets(
    width: int, height: int, pitch: int, pixel: int = 1, channel: int = 0
) -> list[int]:
    """Byte offsets of the band centres on the middle row of a `width` x `height` buffer with
    `pitch` bytes a line, `pixel` bytes a pixel, reading byte `channel` of each pixel.

    The buffer may be wider than the video (QtMultimedia hands over the picture stretched to
    its display aspect): the bands scale with it."""
    row = ROW * height // HEIGHT
    return [row * pitch + int((i + 0.5) * width / BANDS) * pixel + channel for i in range(BANDS)]


def decode(samples: bytes) -> int | None:
    """Frame number from the band samples (green or luma), None when the guards disagree."""
    bits = [value > 127 for value in samples]
    if not bits[BITS] or bits[BITS + 1]:
        return None
    number = 0
    for bit in bits[:BITS]:
        number = number * 2 + int(bit)
    return number


def asked_seeks(log: list[tuple[float, str, Any]], asked: set[float]) -> list[tuple[float, float]]:
    """(t, target) of the benchmark's own seeks in the clock's log: the first seek to each
    `asked` target (a player may seek its clock to the same value again when the picture
    there shows; its other jumps, at load or a loop, go to other values)."""
    seeks: dict[float, float] = {}
    for t, name, target in log:
        if name == "seek" and target in asked:
            seeks.setdefault(target, t)
    return sorted((t, target) for target, t in seeks.items())


def first_displays(
    shown: list[tuple[float, bytes]], log: list[tuple[float, str, Any]], asked: set[float]
) -> tuple[list[tuple[float, int]], int, int, list[tuple[float, int]]]:
    """(t, frame) when each new picture appears; also how many were unreadable and stale,
    and the pre-roll pictures.

    `shown` is (time, band samples) for every picture the backend handed over; `log` the
    player's clock calls (RecordingClock), for the seeks to the `asked` targets (the
    benchmark's own, not the clock jumps the player makes on its own).

    While paused libvlc shows the same picture again every ~75 ms: only its first showing
    counts. A picture from before a seek that is still shown after seek() was called (it was
    already on its way) is stale: the person asked to leave it, so it is counted apart. A
    picture short of the seek target, flashed while the backend decodes its way there
    (libvlc: a few frames for ~10 ms with --file-caching=100; QtMultimedia: the frame that
    ends at the target, ~1 ms before the one that starts there), is pre-roll: reported apart
    too, and counted in the cue_max_all figures.
    """
    seeks = asked_seeks(log, asked)
    frames: list[tuple[float, int]] = []
    bad = stale = 0
    preroll: list[tuple[float, int]] = []
    previous = None
    arrived = set()  # seeks whose target picture has been shown
    for t, samples in shown:
        number = decode(samples)
        if number is None:
            bad += 1
            continue
        if number == previous:
            continue
        previous = number
        open_seeks = [(at, target) for at, target in seeks if at <= t and at not in arrived]
        if open_seeks:
            _, target = open_seeks[-1]
            if abs(number / FPS - target) > 1.0:
                stale += 1
                continue
            if number / FPS < target - 0.5 / FPS:
                preroll.append((t, number))
                continue
            arrived.update(a for a, _ in open_seeks)
        frames.append((t, number))
    return frames, bad, stale, preroll
