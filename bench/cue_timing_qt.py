"""Cue timing against the displayed frame for the QtMultimedia backend (QtPlayer).

    python bench/cue_timing_qt.py

The same frame-coded video (framecode.py) and the same script as cue_timing.py (play 8 s,
pause 2 s, resume, seek to 30.5 s at 18 s, back to 12.4 s at 21 s, ahead to 36.7 s at 24 s,
stop at 27 s), played through the project's QtPlayer.

A picture counts as displayed when the QVideoSink of QtPlayer's QVideoWidget receives it:
FFmpeg's video renderer thread hands it over at its presentation time and emits
videoFrameChanged there. A DirectConnection notes `time.monotonic()` on that thread and
reads the band centres straight from the mapped luma plane (a few bytes, no conversion),
as cue_timing.py does in libvlc's display callback; a frame that cannot be mapped that way
(a GPU texture, an RGB format) is kept and read after the run. Its number is checked
against its presentation time (`startTime()`). The player's MediaClock logs every call and
is replayed at each frame's instant, so the error is exactly what the session engine would
have read then. Also noted: when the GUI thread got the same frame (QVideoWidget paints it
from there), as qt_gui_lag_p95_ms / qt_gui_lag_max_ms.

A Python slot on the renderer thread needs the GIL, and QMediaPlayer.stop() keeps the GIL
while it waits for that thread: so the run pauses, lets the last frame through, and
disconnects before the player is closed (a hang dumps the stacks and exits after 120 s).

Also: how coarse QMediaPlayer's position reports are (median and largest step between
reports while playing), the time from play() to the first frame, and the process's RSS.
Keys: qt_cue_p50_ms, qt_cue_p95_ms, qt_cue_max_ms, qt_cue_max_all_ms (pre-roll pictures
included), qt_seek_ms, qt_seek_max_ms, qt_seek_cue_max_ms, qt_naive_p95_ms,
qt_position_step_ms, qt_position_step_max_ms, qt_first_frame_ms, qt_gui_lag_p95_ms,
qt_gui_lag_max_ms, qt_rss_mb, qt_frames, qt_stale_frames, qt_preroll_frames.
"""

from __future__ import annotations

import faulthandler
import itertools
import os
import sys
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import figure, median, note, out_dir, percentile, rss_mb
from cue_timing import SEEK_TARGETS, RecordingClock, ScriptDriver, replay, seek_figures
from framecode import BANDS, FPS, band_offsets, decode, first_displays, video_path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PULSE_SERVER", "none")


def luma_formats() -> frozenset[Any]:
    """Pixel formats whose plane 0 is 8-bit luma, one byte a pixel."""
    from PySide6.QtMultimedia import QVideoFrameFormat

    names = ("YUV420P", "YUV422P", "YV12", "NV12", "NV21", "IMC1", "IMC2", "IMC3", "IMC4", "Y8")
    pixel = QVideoFrameFormat.PixelFormat
    return frozenset(getattr(pixel, f"Format_{name}") for name in names)


def mapped_samples(frame: Any, formats: frozenset[Any]) -> bytes | None:
    """The band centres from the frame's luma plane, or None when it has none to map."""
    from PySide6.QtMultimedia import QVideoFrame

    if frame.pixelFormat() not in formats or not frame.map(QVideoFrame.MapMode.ReadOnly):
        return None
    try:
        plane = frame.bits(0)
        offsets = band_offsets(frame.width(), frame.height(), frame.bytesPerLine(0))
        return bytes(plane[o] for o in offsets)
    finally:
        frame.unmap()


def image_samples(frame: Any) -> bytes | None:
    """The band centres through QVideoFrame.toImage() (green channel): for frames kept."""
    image = frame.toImage()
    if image.isNull():
        return None
    y = image.height() // 2
    return bytes(
        image.pixelColor(int((i + 0.5) * image.width() / BANDS), y).green() for i in range(BANDS)
    )


def run(video: Path) -> dict[str, float | int]:
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtMultimedia import QVideoFrame
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
    formats = luma_formats()
    gui = threading.get_ident()

    # (t, band samples or a kept frame, presentation us, on the GUI thread)
    handed: list[tuple[float, bytes | Any, int, bool]] = []

    def on_frame(frame: Any) -> None:  # on the renderer's thread: note the time, read 14 bytes
        t = time.monotonic()
        if not frame.isValid():
            return
        samples = mapped_samples(frame, formats)
        kept = samples if samples is not None else QVideoFrame(frame)
        handed.append((t, kept, frame.startTime(), threading.get_ident() == gui))

    painted: dict[int, float] = {}  # presentation us -> when the GUI thread got it

    def on_gui_frame(frame: Any) -> None:
        if frame.isValid():
            painted.setdefault(frame.startTime(), time.monotonic())

    sink.videoFrameChanged.connect(on_frame, Qt.ConnectionType.DirectConnection)
    sink.videoFrameChanged.connect(on_gui_frame, Qt.ConnectionType.QueuedConnection)
    reported: list[tuple[float, float]] = []
    player.time_changed.connect(lambda s: reported.append((time.monotonic(), s)))

    def stop() -> None:
        # Pause first, so no frame is on its way when stop() waits for the renderer.
        player.pause()
        QTimer.singleShot(300, app.quit)

    faulthandler.dump_traceback_later(120, exit=True)
    driver = ScriptDriver(player, stop)
    player.load(video)
    driver.start()
    app.exec()
    driver.halt()
    sink.videoFrameChanged.disconnect(on_frame)
    rss, peak = rss_mb()
    player.close()
    faulthandler.cancel_dump_traceback_later()
    if player.problem:
        raise SystemExit(f"playback failed: {player.problem}")
    if not handed:
        raise SystemExit("no frame reached the video sink")

    shown: list[tuple[float, bytes]] = []
    unread = mismatched = kept = 0
    for t, samples, start_us, _ in handed:
        if not isinstance(samples, bytes):
            kept += 1
            samples = image_samples(samples)
            if samples is None:
                unread += 1
                continue
        number = decode(samples)
        if number is not None and abs(number / FPS - start_us / 1e6) > 0.5 / FPS:
            mismatched += 1  # the picture is not the one its timestamp says: count it
        shown.append((t, samples))
    frames, bad, stale, preroll = first_displays(shown, clock.log, SEEK_TARGETS)
    if not frames:
        raise SystemExit("no frame in the video sink could be read")
    points = replay(clock.log, frames)
    errors = [abs(value - true) * 1000 for _, value, true in points]
    signed = [(value - true) * 1000 for _, value, true in points]
    every = replay(clock.log, sorted(frames + preroll))
    errors_all = [abs(value - true) * 1000 for _, value, true in every]
    naive = []
    cursor = 0
    for t, number in frames:
        while cursor + 1 < len(reported) and reported[cursor + 1][0] <= t:
            cursor += 1
        if reported and reported[0][0] <= t:
            naive.append(abs(reported[cursor][1] - number / FPS) * 1000)
    steps = [(b - a) * 1000 for (_, a), (_, b) in itertools.pairwise(reported) if 0 < b - a < 1.0]
    lags = [(painted[s] - t) * 1000 for t, _, s, _ in handed if s in painted]
    worst = max(range(len(errors)), key=errors.__getitem__)
    on_gui = sum(1 for *_, here in handed if here)
    note(
        f"cue_timing_qt: worst at frame {points[worst][2] * FPS:.0f} ({signed[worst]:+.1f} ms), "
        f"{(points[worst][0] - driver.begun):.2f} s into the run"
    )
    note(
        f"cue_timing_qt: {len(frames)} frames shown ({bad + unread} unreadable, {stale} stale "
        f"after a seek, {len(preroll)} pre-roll before a seek target, {mismatched} whose "
        f"timestamp disagrees with their picture, {kept} read after the run, {on_gui} handed "
        f"over on the GUI thread), {len(reported)} position reports; signed error mean "
        f"{sum(signed) / len(signed):+.1f} ms; peak RSS {peak:.0f} MiB"
    )
    return {
        "qt_cue_p50_ms": percentile(errors, 50),
        "qt_cue_p95_ms": percentile(errors, 95),
        "qt_cue_max_ms": max(errors),
        "qt_cue_max_all_ms": max(errors_all),
        **seek_figures(clock.log, points, prefix="qt_"),
        "qt_naive_p95_ms": percentile(naive, 95),
        "qt_position_step_ms": median(steps),
        "qt_position_step_max_ms": max(steps),
        "qt_first_frame_ms": (handed[0][0] - driver.begun) * 1000,
        "qt_gui_lag_p95_ms": percentile(lags, 95),
        "qt_gui_lag_max_ms": max(lags, default=float("nan")),
        "qt_rss_mb": rss,
        "qt_frames": len(frames),
        "qt_stale_frames": stale,
        "qt_preroll_frames": len(preroll),
    }


def main() -> int:
    for key, value in run(video_path(out_dir())).items():
        figure(key, value)
    return 0


if __name__ == "__main__":
    sys.exit(main())
