"""Cue timing against the displayed frame for the QtMultimedia backend (QtPlayer).

    python bench/cue_timing_qt.py

The same frame-coded video and the same script as cue_timing.py (play 8 s, pause 2 s,
resume, seek to 30 s at 18 s, stop at 26 s), played through the project's QtPlayer. The
frames come from the QVideoSink of its QVideoWidget: each videoFrameChanged is a picture
handed to the screen, noted with `time.monotonic()`; its number is decoded from the bands
drawn in it (as cue_timing.py does) and checked against its presentation time. The player's
MediaClock logs every call and is replayed at each frame's instant, so the error is exactly
what the session engine would have read then.

Also: how coarse QMediaPlayer's position reports are (median and largest step between
reports while playing), the time from play() to the first frame, and the process's RSS.
Keys: qt_cue_p50_ms, qt_cue_p95_ms, qt_cue_max_ms, qt_naive_p95_ms, qt_position_step_ms,
qt_position_step_max_ms, qt_first_frame_ms, qt_rss_mb, qt_frames.
"""

from __future__ import annotations

import itertools
import os
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import figure, median, note, out_dir, percentile, rss_mb
from cue_timing import BANDS, FPS, HEIGHT, ROW, WIDTH, RecordingClock, make_video, replay
from cue_timing import decode as decode_bands

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PULSE_SERVER", "none")


def band_samples(frame: Any) -> bytes | None:
    """The centre of each band on the middle row (green channel), like cue_timing.py."""
    image = frame.toImage()
    if image.isNull():
        return None
    scale_x = image.width() / WIDTH
    y = int(ROW * image.height() / HEIGHT)
    return bytes(
        image.pixelColor(int((i + 0.5) * WIDTH / BANDS * scale_x), y).green() for i in range(BANDS)
    )


def run(video: Path) -> dict[str, float | int]:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from workout_player.playback.qt_player import QtPlayer, qt_status

    app = QApplication.instance() or QApplication([])
    usable, problem = qt_status()
    if not usable:
        raise SystemExit(f"cue_timing_qt needs QtMultimedia: {problem}")
    player = QtPlayer()
    clock = RecordingClock()
    player.clock = clock
    player.set_muted(True)
    sink = player._surface.video.videoSink()  # the benchmark's one reach inside

    shown: list[tuple[float, int | None, int]] = []  # (t, decoded number, presentation us)

    def on_frame(frame: Any) -> None:
        t = time.monotonic()
        if not frame.isValid():
            return
        samples = band_samples(frame)
        number = decode_bands(samples) if samples is not None else None
        shown.append((t, number, frame.startTime()))

    sink.videoFrameChanged.connect(on_frame)
    reported: list[tuple[float, float]] = []
    player.time_changed.connect(lambda s: reported.append((time.monotonic(), s)))

    script = [(8.0, "pause"), (10.0, "resume"), (18.0, "seek"), (26.0, "stop")]
    begun = [0.0]

    def step() -> None:
        elapsed = time.monotonic() - begun[0]
        while script and elapsed >= script[0][0]:
            _, action = script.pop(0)
            if action == "pause":
                player.pause()
            elif action == "resume":
                player.play()
            elif action == "seek":
                player.seek(30.0)
            else:
                app.quit()

    driver = QTimer()
    driver.setInterval(10)
    driver.timeout.connect(step)
    player.load(video)
    begun[0] = time.monotonic()
    player.play()
    driver.start()
    app.exec()
    driver.stop()
    rss, peak = rss_mb()
    player.close()
    if player.problem:
        raise SystemExit(f"playback failed: {player.problem}")
    if not shown:
        raise SystemExit("no frame reached the video sink")

    seeks = [(t, target) for t, name, target in clock.log if name == "seek" and t > begun[0]]
    frames: list[tuple[float, int]] = []
    bad = stale = mismatched = 0
    previous = None
    for t, number, start_us in shown:
        if number is None:
            bad += 1
            continue
        if abs(number / FPS - start_us / 1e6) > 0.5 / FPS:
            mismatched += 1  # the picture is not the one its timestamp says: count it
        if number == previous:
            continue
        previous = number
        after = [target for at, target in seeks if at <= t]
        if after and abs(number / FPS - after[-1]) > 1.0 and t - seeks[-1][0] < 1.0:
            stale += 1  # shown after seek() was called, from before it
            continue
        frames.append((t, number))
    points = replay(clock.log, frames)
    errors = [abs(value - true) * 1000 for _, value, true in points]
    signed = [(value - true) * 1000 for _, value, true in points]
    naive = []
    cursor = 0
    for t, number in frames:
        while cursor + 1 < len(reported) and reported[cursor + 1][0] <= t:
            cursor += 1
        if reported and reported[0][0] <= t:
            naive.append(abs(reported[cursor][1] - number / FPS) * 1000)
    steps = [(b - a) * 1000 for (_, a), (_, b) in itertools.pairwise(reported) if 0 < b - a < 1.0]
    worst = max(range(len(errors)), key=errors.__getitem__)
    note(
        f"cue_timing_qt: worst at frame {points[worst][2] * FPS:.0f} ({signed[worst]:+.1f} ms), "
        f"{(points[worst][0] - begun[0]):.2f} s into the run"
    )
    note(
        f"cue_timing_qt: {len(frames)} frames shown ({bad} unreadable, {stale} stale after "
        f"the seek, {mismatched} whose timestamp disagrees with their picture), "
        f"{len(reported)} position reports; signed error mean "
        f"{sum(signed) / len(signed):+.1f} ms; peak RSS {peak:.0f} MiB"
    )
    return {
        "qt_cue_p50_ms": percentile(errors, 50),
        "qt_cue_p95_ms": percentile(errors, 95),
        "qt_cue_max_ms": max(errors),
        "qt_naive_p95_ms": percentile(naive, 95),
        "qt_position_step_ms": median(steps),
        "qt_position_step_max_ms": max(steps),
        "qt_first_frame_ms": (shown[0][0] - begun[0]) * 1000,
        "qt_rss_mb": rss,
        "qt_frames": len(frames),
    }


def main() -> int:
    video = make_video(out_dir() / f"framecount-{WIDTH}x{HEIGHT}-{FPS}fps.mp4")
    for key, value in run(video).items():
        figure(key, value)
    return 0


if __name__ == "__main__":
    sys.exit(main())
