"""Cue timing against the displayed frame: the project's MediaClock versus what is on screen.

    python bench/cue_timing.py

Makes a 640x360 30 fps video whose every frame shows its own number as 12 black/white
vertical bands (plus a white and a black guard band; framecode.py), and plays it through the
project's VlcPlayer with libvlc display callbacks (`video_set_callbacks`, RV32). The display
callback runs on libvlc's video output thread when a picture is shown; it only samples the
band centres and notes `time.monotonic()`.

The player's clock is a MediaClock that logs every call the player makes (report on every
MediaPlayerTimeChanged, set_playing on Playing/Paused, seek) with the monotonic time it used.
Afterwards the log is replayed into a fresh MediaClock, evaluating it at each displayed
frame's instant: exactly the value the session engine would have read then. The error is
`clock - frame_number / fps`. The naive baseline is the last time libvlc reported (what a
cue fires on without interpolation), and `get_time()` polled every 5 ms in the GUI thread.

The run: play 8 s, pause 2 s, resume, play to 18 s, seek to 30.5 s, at 21 s back to 12.4 s,
at 24 s ahead to 36.7 s (between key frames, as step starts are), stop at 27 s. Keys:
cue_p50_ms, cue_p95_ms, cue_max_ms, naive_p95_ms (+ cue_mean_ms, naive_poll_p95_ms, frames,
vlc_first_frame_ms: play() to the first picture displayed, vlc_rss_mb: the process's RSS at
the end, both for the side-by-side table with cue_timing_qt.py); seek_ms / seek_max_ms
(median / worst of the three: seek() to the first picture of the target on screen) and
seek_cue_max_ms (worst cue error from that picture on, until the next seek).
"""

from __future__ import annotations

import ctypes
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import figure, note, out_dir, percentile, rss_mb
from framecode import FPS, HEIGHT, WIDTH, asked_seeks, band_offsets, first_displays, video_path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PULSE_SERVER", "none")

from workout_player.domain.clock import MediaClock

#: (run time, media seconds): a jump ahead, one back and one ahead again, like N, P, N.
SEEKS: list[tuple[float, float]] = [(18.0, 30.5), (21.0, 12.4), (24.0, 36.7)]
SEEK_TARGETS = {target for _, target in SEEKS}
#: (run time, action): what both cue benchmarks do to their player.
SCRIPT: list[tuple[float, str | float]] = [(8.0, "pause"), (10.0, "resume"), *SEEKS, (27.0, "stop")]


class ScriptDriver:
    """Plays SCRIPT on a player from `start()` (which also presses play): pause, resume, a
    seek to each float, then `stop()`; both cue-timing benches run the same script."""

    def __init__(self, player: Any, stop: Callable[[], None]) -> None:
        from PySide6.QtCore import QTimer

        self.begun = 0.0
        """time.monotonic() when play was pressed."""
        self._player, self._stop, self._script = player, stop, list(SCRIPT)
        self._timer = QTimer()
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._step)

    def start(self) -> None:
        self.begun = time.monotonic()
        self._player.play()
        self._timer.start()

    def halt(self) -> None:
        self._timer.stop()

    def _step(self) -> None:
        elapsed = time.monotonic() - self.begun
        while self._script and elapsed >= self._script[0][0]:
            _, action = self._script.pop(0)
            if action == "pause":
                self._player.pause()
            elif action == "resume":
                self._player.play()
            elif isinstance(action, float):
                self._player.seek(action)
            else:
                self._stop()


def seek_figures(
    log: list[tuple[float, str, Any]], points: list[tuple[float, float, float]], prefix: str = ""
) -> dict[str, float]:
    """Per seek: seek() to the first picture of the target on screen, and the worst cue error
    from that picture until the next seek (or the end)."""
    seeks = asked_seeks(log, SEEK_TARGETS)
    latencies, worst = [], []
    for index, (at, _target) in enumerate(seeks):
        until = seeks[index + 1][0] if index + 1 < len(seeks) else float("inf")
        after = [(t, abs(value - true) * 1000) for t, value, true in points if at <= t < until]
        if not after:
            raise SystemExit(f"no picture was shown after the seek at {at:.1f}")
        latencies.append((after[0][0] - at) * 1000)
        if os.environ.get("BENCH_DEBUG"):
            note(f"seek at {at:.3f} to {_target}: first {after[0]} then {after[1:3]}")
        worst.append(max(error for _, error in after))
    note("seeks: " + ", ".join(f"{ms:.0f} ms" for ms in latencies) + " to the new picture")
    return {
        f"{prefix}seek_ms": percentile(latencies, 50),
        f"{prefix}seek_max_ms": max(latencies),
        f"{prefix}seek_cue_max_ms": max(worst),
    }


class RecordingClock(MediaClock):
    """A MediaClock that logs each call with the monotonic time it used, for exact replay."""

    def __init__(self) -> None:
        self.log: list[tuple[float, str, Any]] = []
        super().__init__(time.monotonic)

    def _call(self, name: str, arg: Any, method: Callable[[Any], None]) -> None:
        t = time.monotonic()
        self.log.append((t, name, arg))
        self._monotonic = lambda: t
        try:
            method(arg)
        finally:
            self._monotonic = time.monotonic

    def report(self, media_seconds: float) -> None:
        self._call("report", media_seconds, super().report)

    def set_playing(self, playing: bool) -> None:
        self._call("set_playing", playing, super().set_playing)

    def seek(self, media_seconds: float) -> None:
        self._call("seek", media_seconds, super().seek)

    def set_rate(self, rate: float) -> None:
        self._call("set_rate", rate, super().set_rate)


def replay(
    log: list[tuple[float, str, Any]], frames: list[tuple[float, int]]
) -> list[tuple[float, float, float]]:
    """(t, clock value, true time) at each frame, from a fresh MediaClock fed the same calls."""
    now = [0.0]
    clock = MediaClock(lambda: now[0])
    merged: list[tuple[float, int, str, Any]] = [(t, 0, name, arg) for t, name, arg in log]
    merged += [(t, 1, "frame", number) for t, number in frames]
    merged.sort(key=lambda item: (item[0], item[1]))
    out = []
    for t, _, name, arg in merged:
        now[0] = t
        if name == "frame":
            out.append((t, clock.now(), arg / FPS))
        else:
            getattr(clock, name)(arg)
    return out


def last_before(series: list[tuple[float, float]], t: float, start: int) -> tuple[float, int]:
    """The value of a time-sorted (t, value) series in force at t; start/returns a cursor."""
    index = start
    while index + 1 < len(series) and series[index + 1][0] <= t:
        index += 1
    return series[index][1], index


def run(video: Path) -> dict[str, float | int]:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from workout_player.playback import vlc_status
    from workout_player.playback.vlc_player import VlcPlayer

    usable, problem = vlc_status()
    if not usable:
        raise SystemExit(f"cue_timing needs libvlc: {problem}")
    app = QApplication.instance() or QApplication([])
    player = VlcPlayer()
    clock = RecordingClock()
    player.clock = clock
    mp = player._mp  # the benchmark's one reach inside: the display callbacks

    vlc = player._vlc
    pitch = WIDTH * 4
    buffer = (ctypes.c_ubyte * (pitch * HEIGHT))()
    address = ctypes.addressof(buffer)
    offsets = band_offsets(WIDTH, HEIGHT, pitch, pixel=4, channel=1)  # RV32: B G R A
    shown: list[tuple[float, bytes]] = []

    @vlc.CallbackDecorators.VideoLockCb
    def lock(_opaque: Any, planes: Any) -> None:
        planes[0] = address

    @vlc.CallbackDecorators.VideoUnlockCb
    def unlock(_opaque: Any, _picture: Any, _planes: Any) -> None:
        pass

    @vlc.CallbackDecorators.VideoDisplayCb
    def display(_opaque: Any, _picture: Any) -> None:
        t = time.monotonic()
        shown.append((t, bytes(buffer[o] for o in offsets)))

    mp.video_set_callbacks(lock, unlock, display, None)
    mp.video_set_format("RV32", WIDTH, HEIGHT, pitch)
    player.set_muted(True)

    reported: list[tuple[float, float]] = []
    polled: list[tuple[float, float]] = []
    player.time_changed.connect(lambda s: reported.append((time.monotonic(), s)))

    poll = QTimer()
    poll.setInterval(5)
    poll.timeout.connect(lambda: polled.append((time.monotonic(), mp.get_time() / 1000.0)))

    driver = ScriptDriver(player, app.quit)
    player.load(video)
    driver.start()
    poll.start()
    app.exec()
    poll.stop()
    driver.halt()
    rss, _peak = rss_mb()
    player.close()
    if player.problem:
        raise SystemExit(f"playback failed: {player.problem}")

    frames, bad, stale, preroll = first_displays(shown, clock.log, SEEK_TARGETS)
    if not frames:
        raise SystemExit("no frame was displayed through the callbacks")
    points = replay(clock.log, frames)
    errors = [abs(value - true) * 1000 for _, value, true in points]
    every = replay(clock.log, sorted(frames + preroll))
    errors_all = [abs(value - true) * 1000 for _, value, true in every]
    signed = [(value - true) * 1000 for _, value, true in points]
    naive, poll_errors = [], []
    cursor_r = cursor_p = 0
    for t, number in frames:
        if reported and reported[0][0] <= t:
            value, cursor_r = last_before(reported, t, cursor_r)
            naive.append(abs(value - number / FPS) * 1000)
        if polled and polled[0][0] <= t:
            value, cursor_p = last_before(polled, t, cursor_p)
            poll_errors.append(abs(value - number / FPS) * 1000)
    worst = max(range(len(errors)), key=errors.__getitem__)
    note(
        f"cue_timing: {len(frames)} frames shown ({bad} unreadable, {stale} stale after the "
        f"seek, {len(preroll)} pre-roll before the seek target), {len(reported)} time "
        f"reports; signed error mean {sum(signed) / len(signed):+.1f} ms; worst at frame "
        f"{points[worst][2] * FPS:.0f} ({signed[worst]:+.1f} ms)"
    )
    return {
        **seek_figures(clock.log, points),
        "cue_p50_ms": percentile(errors, 50),
        "cue_p95_ms": percentile(errors, 95),
        "cue_max_ms": max(errors),
        "cue_max_all_ms": max(errors_all),
        "cue_mean_signed_ms": sum(signed) / len(signed),
        "naive_p95_ms": percentile(naive, 95),
        "naive_poll_p95_ms": percentile(poll_errors, 95),
        "frames": len(frames),
        "vlc_first_frame_ms": (shown[0][0] - driver.begun) * 1000 if shown else -1.0,
        "vlc_rss_mb": rss,
        "stale_frames": stale,
        "preroll_frames": len(preroll),
    }


def main() -> int:
    video = video_path(out_dir())
    for key, value in run(video).items():
        figure(key, value)
    return 0


if __name__ == "__main__":
    sys.exit(main())
