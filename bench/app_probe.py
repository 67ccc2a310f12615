"""Runs the real `workout-player` command line with timing probes, for startup.py and memory.py.

    python bench/app_probe.py [workout-player arguments]      (under X: DISPLAY, xcb)

The app is not changed: this script swaps `MainWindow` for a subclass before the command
line imports it, then calls `workout_player.cli.main`. It prints on stderr, with
`time.monotonic()` (one clock for every process on Linux, so the parent can subtract its own
launch time):

    bench-ready T        the main window is shown, exposed, and the event loop went idle
    bench-key T          a key press posted at `ready` reached the focused widget
    bench-loaded T       the library page said `loaded` (every workout file read)
    bench-play T         start_workout() was called (what the Start button and `play` do)
    bench-first-frame T  the first non-black pixels appeared on the X screen under the video
    bench-sound KIND DUE CALLED TEXT   a sound of the session (BENCH_SOUNDS=1): when the
                         SoundSchedule had it due and when it went to the announcer
    bench-rss CUR PEAK   MiB, at the end

BENCH_START=WORKOUT (with the library open: `app_probe.py` and no `play`): once the library
is listed, every warm-up step has run and libvlc's warm-up thread is done, and 300 ms more
have gone by (a person reading the list), the workout is loaded and `start_workout()` is
called, as the Start button does: `play` and `first-frame` then time pressing Start.

Environment: BENCH_QUIT=ready|loaded|frame|finished (quit there; `ready` waits for the key
round-trip, `finished` is 1.5 s after the session ended, for the end beep) or
BENCH_PLAY_SECONDS=N (quit N s after the first frame, printing RSS samples every second).
floor_probe.py uses the same helpers on a bare window, for the floors beside these figures.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import rss_mb

POLL_MS = 4
PATCH = 24  # side of the square grabbed at the centre of the video
#: BENCH_QUIT values that wait for start-up events, and the events each waits for.
QUIT_NEEDS = {"ready": {"key"}, "loaded": {"key", "loaded"}}


def say(*parts: object) -> None:
    print("bench-" + " ".join(str(p) for p in parts), file=sys.stderr, flush=True)


def stamp() -> str:
    return f"{time.monotonic():.6f}"


def when_shown_and_idle(window: Any, then: Callable[[], None]) -> None:
    """Call `then` once `window` is exposed and one more pass of the event loop went by."""
    from PySide6.QtCore import QTimer

    def wait() -> None:
        handle = window.windowHandle()
        if handle is None or not handle.isExposed():
            QTimer.singleShot(1, wait)
            return
        # Exposed: one more pass of the loop lets the first paint go out, then idle.
        QTimer.singleShot(0, then)

    QTimer.singleShot(0, wait)


def key_round_trip(window: Any, then: Callable[[], None]) -> None:
    """Post a Down key press to the focused widget (behind whatever the loop has queued)
    and say `key` when the application delivers it."""
    from PySide6.QtCore import QEvent, QObject, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    target = QApplication.focusWidget() or window
    press = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Down, Qt.KeyboardModifier.NoModifier)

    class Watch(QObject):
        def eventFilter(self, watched: Any, event: Any) -> bool:
            if event.type() == QEvent.Type.KeyPress and watched is target:
                say("key", stamp())
                app.removeEventFilter(self)
                then()
            return False

    watch = Watch(app)
    app.installEventFilter(watch)
    QApplication.postEvent(target, press)


def watch_first_frame(parent: Any, surface: Any, then: Callable[[], None]) -> None:
    """Grab a small square at the centre of `surface` every POLL_MS until it is not black;
    say `first-frame` then (or `no-frame` after 30 s)."""
    from PySide6.QtCore import QPoint, QTimer
    from PySide6.QtGui import QGuiApplication

    timer = QTimer(parent)
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
                    say("first-frame", stamp())
                    then()
                    return
        if time.monotonic() - started > 30:
            timer.stop()
            say("no-frame")
            then()

    timer.timeout.connect(look)
    timer.start()


def log_sounds() -> None:
    """Say each sound the session plays: when it was due on the schedule's clock (turned
    into time.monotonic()) and when the sound router handed it to the announcer."""
    from workout_player.domain import sounds
    from workout_player.ui.player import sound_router

    due_at: dict[int, float] = {}
    original_due = sounds.SoundSchedule.due
    original_play = sound_router.SoundRouter._play

    def due(self: Any, *, paused: bool) -> list[Any]:
        before = list(self._pending)
        out = original_due(self, paused=paused)
        offset = time.monotonic() - self.clock.now()
        for pending in before:
            if pending not in self._pending:
                due_at[id(pending.sound)] = pending.at + offset
        return out

    def play(self: Any, sound: Any) -> None:
        called = time.monotonic()
        kind = "say" if isinstance(sound, sounds.Speech) else sound.kind
        text = getattr(sound, "text", "").replace(" ", "_") or "-"
        when = due_at.pop(id(sound), called)
        say("sound", kind, f"{when:.6f}", f"{called:.6f}", text)
        original_play(self, sound)

    sounds.SoundSchedule.due = due  # type: ignore[method-assign]
    sound_router.SoundRouter._play = play  # type: ignore[method-assign]


def install() -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QShowEvent
    from PySide6.QtWidgets import QApplication

    from workout_player.ui import main_window

    quit_at = os.environ.get("BENCH_QUIT", "")
    play_seconds = float(os.environ.get("BENCH_PLAY_SECONDS", "0") or 0)
    peak = [0.0]
    if os.environ.get("BENCH_SOUNDS"):
        log_sounds()

    def finish() -> None:
        current, hwm = rss_mb()
        say("rss", f"{current:.1f}", f"{max(hwm, peak[0]):.1f}")
        app = QApplication.instance()
        if app is not None:
            # exit(), not quit(): Qt 6's quit() asks the windows to close first, and the
            # main window answers a close mid-session with "End session?" and stays open.
            app.exit(0)

    class ProbedWindow(main_window.MainWindow):
        _ready_said = False
        _seen: set[str]

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            self._seen = set()
            super().__init__(*args, **kwargs)
            self.library.loaded.connect(self._library_loaded)

        def _library_loaded(self) -> None:
            if "loaded" not in self._seen:
                say("loaded", stamp())
                self._reached("loaded")
                self._start_when_idle()

        def warm_up_steps(self) -> list[Callable[[], object]]:
            def warmed() -> None:
                self._seen.add("warmed")
                self._start_when_idle()

            return [*super().warm_up_steps(), warmed]

        def _start_when_idle(self) -> None:
            """BENCH_START: press Start on an idle library (see the module's docstring)."""
            import threading

            path = os.environ.get("BENCH_START")
            if not path or not {"loaded", "warmed"} <= self._seen or "started" in self._seen:
                return
            warming = any(t.name == "libvlc-warm-up" for t in threading.enumerate())
            if warming or self.store_gate.pending:
                QTimer.singleShot(POLL_MS, self._start_when_idle)
                return
            self._seen.add("started")

            def press_start() -> None:
                from workout_player.domain.loader import load_workout_or_raise

                self.start_workout(load_workout_or_raise(path))  # says `play`

            QTimer.singleShot(300, press_start)

        def _reached(self, what: str) -> None:
            needed = QUIT_NEEDS.get(quit_at)
            before = needed is not None and needed <= self._seen
            self._seen.add(what)
            if needed is not None and needed <= self._seen and not before:
                finish()

        def showEvent(self, event: QShowEvent) -> None:
            super().showEvent(event)
            if not self._ready_said:
                when_shown_and_idle(self, self._ready)

        def _ready(self) -> None:
            if self._ready_said:
                return
            self._ready_said = True
            say("ready", stamp())
            if quit_at in QUIT_NEEDS:  # only then: a key on the player screen would act
                key_round_trip(self, lambda: self._reached("key"))

        def start_workout(self, workout: Any) -> None:
            say("play", stamp())
            super().start_workout(workout)
            controller = self.controller
            if controller is not None:
                watch_first_frame(self, controller.player.video_widget(), after_first_frame)

        def _session_finished(self, completed: bool) -> None:
            super()._session_finished(completed)
            say("finished", stamp())
            if quit_at == "finished":
                QTimer.singleShot(1500, finish)

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
