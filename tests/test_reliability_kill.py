"""SIGKILL at random (seeded) moments in 20 real sessions writing to one database file.

Each run is a new process (tests/reliability_worker.py) running the real SessionController,
Session and Store on a FakeClock; the test kills it after a random number of committed
sets plus up to 30 ms, or before it has even opened the database, or lets it finish. After
every kill the file as the crash left it must pass `PRAGMA integrity_check` and hold every
set the worker reported as committed; at the end, opening the store marks each killed
session interrupted and keeps everything. Set RELIABILITY_SEED to try others.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.reliability_worker import TOTAL_SETS
from workout_player.store import open_store

WORKER = REPO / "tests" / "reliability_worker.py"
RUNS = 20
SEED = int(os.environ.get("RELIABILITY_SEED", "20261123"))

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


def run_and_kill(
    db: Path, rng: random.Random, finish: bool
) -> tuple[int | None, list[list[str]], str]:
    """One worker, killed at a seeded random moment, or left to finish when `finish`.

    The moment is counted in the worker's own progress, not in wall time, so a busy
    machine kills at the same places as an idle one: one run in ten during start-up
    (before the database is open), the others right after the k-th committed set
    (k random), plus up to 30 ms so the kill lands mid-tick, mid-commit or mid-fsync.
    Returns (session id or None, committed lines split, how it ended).
    """
    at_start = not finish and rng.random() < 0.1
    after_sets = rng.randrange(TOTAL_SETS)
    jitter = rng.uniform(0.0, 0.03)
    proc = subprocess.Popen(
        [sys.executable, str(WORKER), str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    session_id: int | None = None
    committed: list[list[str]] = []
    ending = "running"
    killed = False
    try:
        assert proc.stdout is not None
        if at_start:
            time.sleep(jitter * 10)  # somewhere in the first 0.3 s: imports, opening the file
        else:
            for line in proc.stdout:
                words = line.split()
                if words[0] == "ready":
                    session_id = int(words[1])
                elif words[0] == "committed":
                    committed.append(words[1:])
                elif words[0] == "finished":
                    ending = words[1]
                    break
                kill_now = not finish and len(committed) >= after_sets
                if words[0] == "committed":
                    assert proc.stdin is not None
                    proc.stdin.write("go\n")  # the worker waits for this after each set
                    proc.stdin.flush()
                if kill_now and words[0] in ("ready", "committed"):
                    time.sleep(jitter)  # the worker runs on towards its next set meanwhile
                    break
        if not finish and proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            killed = True
    finally:
        _out, err = proc.communicate(timeout=60)
    # Lines written before the kill may still sit in the pipe: they were committed too.
    for line in _out.splitlines():
        words = line.split()
        if words and words[0] == "ready":
            session_id = int(words[1])
        elif words and words[0] == "committed":
            committed.append(words[1:])
        elif words and words[0] == "finished":
            ending = words[1]
    # The kill may land after the session finished, while the process was exiting.
    assert proc.returncode in ((0, -signal.SIGKILL) if killed else (0,)), err
    if ending == "running":
        assert proc.returncode == -signal.SIGKILL, err
        ending = "killed"
    return session_id, committed, ending


@pytest.mark.slow
def test_sigkill_at_random_moments_never_loses_a_committed_set(tmp_path: Path) -> None:
    db = tmp_path / "history.sqlite3"
    rng = random.Random(SEED)
    runs: list[tuple[int | None, list[list[str]], str]] = []
    for run in range(RUNS):
        session_id, committed, ending = run_and_kill(db, rng, finish=run == 0)
        if run == 0:
            assert ending == "completed" and len(committed) == TOTAL_SETS
        runs.append((session_id, committed, ending))
        if not db.exists():
            assert session_id is None  # killed before the file was made
            continue
        raw = sqlite3.connect(db)
        try:
            assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            for set_id, exercise, number, side in committed:
                row = raw.execute(
                    "SELECT session_id, exercise, set_number, side FROM sets WHERE id = ?",
                    [int(set_id)],
                ).fetchone()
                assert row == (
                    session_id,
                    exercise.replace("_", " "),
                    int(number),
                    None if side == "None" else side,
                ), f"set {set_id} reported committed is missing or wrong"
        finally:
            raw.close()

    endings = [ending for _, _, ending in runs]
    assert endings.count("killed") >= RUNS // 2, endings  # the seed really kills most runs

    with open_store(db) as store:
        assert store.db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        for session_id, committed, ending in runs:
            if session_id is None:
                continue
            row = store.session(session_id)
            assert row is not None
            stored = len(store.sets(session_id))
            # The one set (or the session's end) whose commit returned just before the kill
            # may not have been printed.
            assert len(committed) <= stored <= len(committed) + 1
            if ending == "killed":
                assert row.status in ("interrupted", "completed")
            else:
                assert row.status == "completed"
            if row.status == "completed":
                assert stored == TOTAL_SETS
