"""Helpers for the history writer's tests: a retry clock the test steps, and a lock holder.

The writer's pause between attempts goes through its RetryClock; StepRetryClock makes
each pause last until the test calls `release()`, so no test waits for real backoff
and every attempt happens when the test says. `LockHolder` is another process holding
`BEGIN EXCLUSIVE` on a real database file until told to let go.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

from tests.conftest import REPO
from workout_player.store.writer import Wake

HOLD_LOCK = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
sys.stdin.readline()
conn.execute("COMMIT")
print("released", flush=True)
sys.stdin.readline()
"""


class StepRetryClock:
    """A RetryClock whose pauses end when the test says (`release`), never on their own."""

    def __init__(self) -> None:
        self.delays: list[float] = []
        self._released = 0
        self._open = False
        self._cond = threading.Condition()

    def wait(self, seconds: float, wake: Wake) -> None:
        with self._cond:
            self.delays.append(seconds)
            number = len(self.delays)
            self._cond.notify_all()
            self._cond.wait_for(lambda: self._open or self._released >= number)

    def wait_for_pauses(self, count: int, timeout: float = 30) -> None:
        """Block until the writer has begun its `count`-th pause (it failed that often)."""
        with self._cond:
            assert self._cond.wait_for(lambda: len(self.delays) >= count, timeout), self.delays

    def release(self) -> None:
        """End the current pause: the writer tries again."""
        with self._cond:
            self._released = len(self.delays)
            self._cond.notify_all()

    def open(self) -> None:
        """From now on no pause lasts (for closing the writer)."""
        with self._cond:
            self._open = True
            self._cond.notify_all()


class LockHolder:
    """Another process holding the database's write lock (BEGIN EXCLUSIVE) until `release()`."""

    def __init__(self, db: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", HOLD_LOCK, str(db)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=REPO,
        )
        assert self.proc.stdout is not None
        assert self.proc.stdout.readline() == "locked\n", self.proc.stderr

    def release(self) -> None:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write("\n")
        self.proc.stdin.flush()
        assert self.proc.stdout.readline() == "released\n"

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.communicate(timeout=30)
