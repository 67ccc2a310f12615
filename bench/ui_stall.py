"""Smoothness: the GUI thread's longest stall while a session writes its sets.

    python bench/ui_stall.py [--seconds 10]

A QTimer at 1 ms (PreciseTimer) in the GUI thread notes the gap between its firings, which
is how long the thread was busy elsewhere. Meanwhile the real SessionController ticks a
timer-led workout of many 1-second sets (sides: both, so every 2 s of session time writes
two sets) with the real PlayerScreen shown offscreen, on a Store whose file sits on this
machine's disk (bench/out/, not tmpfs) with synchronous=FULL: each record_set() waits for
fsync, in the GUI thread, as the app does. The session's clock runs 10x faster than real
time so it writes a set every ~100 ms of wall time.

Figures: ui_stall_ms (longest gap minus the 1 ms interval, while writing),
ui_stall_idle_ms (the same without a store: the machine's own noise floor),
record_set_max_ms (the slowest record_set call).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import REPO, figure, note, out_dir
from memory import SilentAnnouncer

SPEED = 10.0
WORKOUT = """title: Stall bench
countdown: 0
switch: 0
steps:
  - exercise: Side plank
    sets: 100
    duration: 1
    sides: both
    rest: 0
"""


class FastClock:
    """Session time running SPEED times faster than the monotonic clock."""

    def __init__(self) -> None:
        self._start = time.monotonic()

    def now(self) -> float:
        return (time.monotonic() - self._start) * SPEED


def measure(seconds: float, with_store: bool) -> tuple[float, float, int]:
    """(longest gap ms, slowest record_set ms, sets written) over `seconds` of wall time."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from workout_player.domain.loader import parse_workout
    from workout_player.playback import TimerPlayer
    from workout_player.store import open_store
    from workout_player.ui.player_screen import PlayerScreen
    from workout_player.ui.session_controller import SessionController

    app = QApplication.instance() or QApplication([])
    result = parse_workout(WORKOUT, REPO / "stall.yaml")
    assert result.workout is not None, result.problems
    folder = tempfile.TemporaryDirectory(dir=out_dir())
    store = open_store(Path(folder.name) / "history.sqlite3") if with_store else None
    writes: list[float] = []
    if store is not None:
        record = store.record_set

        def timed(*args: object, **kwargs: object) -> int:
            started = time.perf_counter()
            try:
                return record(*args, **kwargs)  # type: ignore[arg-type]
            finally:
                writes.append((time.perf_counter() - started) * 1000)

        store.record_set = timed  # type: ignore[method-assign]
    player = TimerPlayer()
    controller = SessionController(
        result.workout,
        player,
        SilentAnnouncer(),
        store,
        clock=FastClock(),  # type: ignore[arg-type]
    )
    screen = PlayerScreen(controller)
    screen.resize(1366, 768)
    screen.show()

    gaps: list[float] = []
    last = [0.0]

    def beat() -> None:
        now = time.perf_counter()
        if last[0]:
            gaps.append((now - last[0]) * 1000)
        last[0] = now

    heart = QTimer()
    heart.setTimerType(Qt.TimerType.PreciseTimer)
    heart.setInterval(1)
    heart.timeout.connect(beat)
    QTimer.singleShot(int(seconds * 1000), app.quit)
    controller.start()
    heart.start()
    app.exec()
    heart.stop()
    controller.shutdown()
    screen.close()
    player.close()
    if store is not None:
        store.close()
    folder.cleanup()
    # The first gaps include the start-up of the loop; skip the first 200 ms of beats.
    steady = gaps[200:] if len(gaps) > 400 else gaps
    return max(steady) - 1.0, max(writes, default=0.0), len(writes)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0)
    args = parser.parse_args(argv)
    idle, _, _ = measure(args.seconds, with_store=False)
    stall, slowest, sets = measure(args.seconds, with_store=True)
    note(f"ui_stall: {sets} sets written in {args.seconds:.0f} s; slowest write {slowest:.1f} ms")
    figure("ui_stall_ms", stall)
    figure("ui_stall_idle_ms", idle)
    figure("record_set_max_ms", slowest)
    return 0


if __name__ == "__main__":
    sys.exit(main())
