"""Smoothness: the GUI thread's longest stall while a session writes its sets.

    python bench/ui_stall.py [--seconds 10]

A QTimer at 1 ms (PreciseTimer) in the GUI thread notes the gap between its firings, which
is how long the thread was busy elsewhere. Meanwhile the real SessionController ticks a
timer-led workout of many 1-second sets (sides: both, so every 2 s of session time writes
two sets) with the real PlayerScreen shown offscreen, on a Store whose file sits on this
machine's disk (bench/out/, not tmpfs) with synchronous=FULL. The session's clock runs 10x
faster than real time so it writes a set every ~100 ms of wall time. The sets go through
the app's history writer (store/writer.py), whose thread waits for each fsync, as the app
does.

Cases, each in a fresh window and database:
- idle: no store (the screen's and the machine's own noise floor);
- disk-idle: no store, beside the disk-heavy process below (its own cost to the GUI);
- disk: writing, while another process rewrites a 64 MiB file with an fsync per 1 MiB
  on the same disk (the "disk-heavy" neighbour: each commit's fsync queues behind it);
- locked: writing, while another process holds the database locked (BEGIN EXCLUSIVE)
  for the first half of the run: the writer journals, retries and catches up.

Figures: ui_stall_ms (longest gap minus the 1 ms interval, disk case: the goal),
ui_stall_idle_ms, ui_stall_disk_idle_ms, ui_stall_locked_ms, record_set_max_ms (the
slowest record_set on the writer thread, disk case), gui_store_call_max_ms (the slowest
history call made on the GUI thread: it only queues, so this is what the store itself
can cost the GUI), the 99th percentile gaps (ui_stall_p99_ms, ui_stall_idle_p99_ms,
ui_stall_disk_idle_p99_ms: how often the machine stalls at all), sets_written (disk
case), locked_caught_up (1 when every set of the locked case was stored after the lock
went).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import REPO, figure, note, out_dir, percentile
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


DISK_HOG = """
import os, sys
path = sys.argv[1]
chunk = os.urandom(1024 * 1024)
with open(path, "wb") as handle:
    print("busy", flush=True)
    while True:
        handle.seek(0)
        for _ in range(64):
            handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
"""

HOLD_LOCK = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
sys.stdin.readline()
conn.execute("COMMIT")
"""


def helper(script: str, *args: str) -> subprocess.Popen[str]:
    """A neighbour process; returns once it said it is at work."""
    proc = subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    proc.stdout.readline()
    return proc


class FastClock:
    """Session time running SPEED times faster than the monotonic clock."""

    def __init__(self) -> None:
        self._start = time.monotonic()

    def now(self) -> float:
        return (time.monotonic() - self._start) * SPEED


def measure(seconds: float, case: str) -> dict[str, float]:
    """Longest GUI gap (ms), slowest record_set (ms) and sets written, for one case."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from workout_player.domain.loader import parse_workout
    from workout_player.playback import TimerPlayer
    from workout_player.store import Store, open_store
    from workout_player.ui.history_writer import HistoryWriter
    from workout_player.ui.player.controller import SessionController
    from workout_player.ui.player.screen import PlayerScreen

    app = QApplication.instance() or QApplication([])
    result = parse_workout(WORKOUT, REPO / "stall.yaml")
    assert result.workout is not None, result.problems
    folder = tempfile.TemporaryDirectory(dir=out_dir())
    db = Path(folder.name) / "history.sqlite3"
    store = open_store(db) if case in ("disk", "locked") else None
    writes: list[float] = []
    record = Store.record_set

    def timed(self: Store, *args: object, **kwargs: object) -> int:
        started = time.perf_counter()
        try:
            return record(self, *args, **kwargs)  # type: ignore[arg-type]
        finally:
            writes.append((time.perf_counter() - started) * 1000)

    Store.record_set = timed  # type: ignore[method-assign]  # the writer thread's calls too
    neighbours: list[subprocess.Popen[str]] = []
    if case in ("disk", "disk-idle"):
        neighbours.append(helper(DISK_HOG, str(Path(folder.name) / "hog.bin")))
    if case == "locked":
        neighbours.append(helper(HOLD_LOCK, str(db)))
    history = HistoryWriter(store) if store is not None else None
    calls: list[float] = []  # the store calls the GUI thread makes: they only queue
    if history is not None:
        for name in ("start_session", "record_set", "finish_session", "update_session"):
            setattr(history, name, _timed(getattr(history, name), calls))
    player = TimerPlayer()
    controller = SessionController(
        result.workout,
        player,
        SilentAnnouncer(),  # type: ignore[arg-type]
        store,
        clock=FastClock(),  # type: ignore[arg-type]
        history=history,
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

    def let_go() -> None:
        lock = neighbours[0]
        assert lock.stdin is not None
        lock.stdin.write("\n")
        lock.stdin.flush()

    heart = QTimer()
    heart.setTimerType(Qt.TimerType.PreciseTimer)
    heart.setInterval(1)
    heart.timeout.connect(beat)
    QTimer.singleShot(int(seconds * 1000), app.quit)
    if case == "locked":
        QTimer.singleShot(int(seconds * 500), let_go)
    controller.start()
    heart.start()
    app.exec()
    heart.stop()
    controller.shutdown()
    caught_up = 0.0
    if history is not None:
        caught_up = float(history.flush(timeout=30))
        history.close()
    for proc in neighbours:
        proc.kill()
        proc.wait()
    stored = 0
    if store is not None:
        stored = sum(row.sets for row in store.sessions())
        store.close()
    Store.record_set = record  # type: ignore[method-assign]
    screen.close()
    player.close()
    folder.cleanup()
    # The first gaps include the start-up of the loop; skip the first 200 ms of beats.
    steady = gaps[200:] if len(gaps) > 400 else gaps
    return {
        "stall": max(steady) - 1.0,
        "slowest": max(writes, default=0.0),
        "sets": float(stored),
        "caught_up": caught_up,
        "gui_call": max(calls, default=0.0),
        "p99": percentile(steady, 99.0) - 1.0,
    }


def _timed(call: Callable[..., object], into: list[float]) -> Callable[..., object]:
    def timed(*args: object, **kwargs: object) -> object:
        started = time.perf_counter()
        try:
            return call(*args, **kwargs)
        finally:
            into.append((time.perf_counter() - started) * 1000)

    return timed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0)
    args = parser.parse_args(argv)
    idle = measure(args.seconds, "idle")
    disk_idle = measure(args.seconds, "disk-idle")
    disk = measure(args.seconds, "disk")
    locked = measure(args.seconds, "locked")
    note(
        f"ui_stall: {disk['sets']:.0f} sets written in {args.seconds:.0f} s beside a disk-heavy "
        f"process; slowest write {disk['slowest']:.1f} ms (writer thread); locked for half "
        f"the run: {locked['sets']:.0f} sets stored, stall {locked['stall']:.1f} ms"
    )
    figure("ui_stall_ms", disk["stall"])
    figure("ui_stall_idle_ms", idle["stall"])
    figure("ui_stall_disk_idle_ms", disk_idle["stall"])
    figure("ui_stall_locked_ms", locked["stall"])
    figure("record_set_max_ms", disk["slowest"])
    figure("ui_stall_p99_ms", disk["p99"])
    figure("ui_stall_idle_p99_ms", idle["p99"])
    figure("ui_stall_disk_idle_p99_ms", disk_idle["p99"])
    figure("gui_store_call_max_ms", max(disk["gui_call"], locked["gui_call"]))
    figure("sets_written", int(disk["sets"]))
    figure("locked_caught_up", int(locked["caught_up"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
