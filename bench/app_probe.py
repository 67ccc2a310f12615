"""Runs the real `workout-player` command line with timing probes, for startup.py and memory.py.

    python bench/app_probe.py [workout-player arguments]      (under X: DISPLAY, xcb)

The app is not changed: this script swaps `MainWindow` for a subclass before the command
line imports it, then calls `workout_player.cli.main`. It prints on stderr, with
`time.monotonic()` (one clock for every process on Linux, so the parent can subtract its own
launch time):

    bench-ready T        the main window is shown, exposed, and the event loop went idle
    bench-play T         start_workout() was called (what the Start button and `play` do)
    bench-first-frame T  the first non-black pixels appeared on the X screen under the video
    bench-rss CUR PEAK   MiB, at the end

Environment: BENCH_QUIT=ready|frame (quit at that point) or BENCH_PLAY_SECONDS=N (quit N s
after the first frame, printing RSS samples every second).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import rss_mb

POLL_MS = 4
PATCH = 24  # side of the square grabbed at the centre of the video


def say(*parts: object) -> None:
    print("bench-" + " ".join(str(p) for p in parts), file=sys.stderr, flush=True)


def install() -> None:
    from PySide6.QtCore import QPoint, QTimer
    from PySide6.QtGui import QGuiApplication, QShowEvent
    from PySide6.QtWidgets import QApplication

    from workout_player.ui import main_window

    quit_at = os.environ.get("BENCH_QUIT", "")
    play_seconds = float(os.environ.get("BENCH_PLAY_SECONDS", "0") or 0)
    peak = [0.0]

    def finish() -> None:
        current, hwm = rss_mb()
        say("rss", f"{current:.1f}", f"{max(hwm, peak[0]):.1f}")
        app = QApplication.instance()
        if app is not None:
            app.quit()

    class ProbedWindow(main_window.MainWindow):
        _ready_said = False

        def showEvent(self, event: QShowEvent) -> None:
            super().showEvent(event)
            QTimer.singleShot(0, self._wait_exposed)

        def _wait_exposed(self) -> None:
            handle = self.windowHandle()
            if self._ready_said:
                return
            if handle is None or not handle.isExposed():
                QTimer.singleShot(1, self._wait_exposed)
                return
            # Exposed: one more pass of the loop lets the first paint go out, then idle.
            QTimer.singleShot(0, self._ready)

        def _ready(self) -> None:
            self._ready_said = True
            say("ready", f"{time.monotonic():.6f}")
            if quit_at == "ready":
                finish()

        def start_workout(self, workout: Any) -> None:
            say("play", f"{time.monotonic():.6f}")
            super().start_workout(workout)
            controller = self.controller
            if controller is not None:
                self._watch_first_frame(controller.player.video_widget())

        def _watch_first_frame(self, surface: Any) -> None:
            timer = QTimer(self)
            timer.setInterval(POLL_MS)
            started = time.monotonic()

            def look() -> None:
                if not surface.isVisible() or surface.width() < PATCH:
                    return
                centre = surface.mapToGlobal(QPoint(surface.width() // 2, surface.height() // 2))
                shot = QGuiApplication.primaryScreen().grabWindow(
                    0, centre.x() - PATCH // 2, centre.y() - PATCH // 2, PATCH, PATCH
                )
                image = shot.toImage()
                for y in range(0, PATCH, 4):
                    for x in range(0, PATCH, 4):
                        colour = image.pixelColor(x, y)
                        if max(colour.red(), colour.green(), colour.blue()) > 48:
                            timer.stop()
                            say("first-frame", f"{time.monotonic():.6f}")
                            after_first_frame()
                            return
                if time.monotonic() - started > 30:
                    timer.stop()
                    say("no-frame")
                    finish()

            timer.timeout.connect(look)
            timer.start()

    def after_first_frame() -> None:
        if quit_at == "frame":
            finish()
        elif play_seconds > 0:
            sampler = QTimer(QApplication.instance())
            sampler.setInterval(1000)

            def sample() -> None:
                peak[0] = max(peak[0], rss_mb()[0])

            sampler.timeout.connect(sample)
            sampler.start()
            QTimer.singleShot(int(play_seconds * 1000), finish)

    main_window.MainWindow = ProbedWindow  # type: ignore[misc]


def main() -> int:
    install()
    from workout_player.cli import main as cli_main

    return cli_main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
