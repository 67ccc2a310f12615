"""Real processes on a real file: SIGKILL mid-session, and two writers at once."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO
from workout_player.store import open_store
from workout_player.store.version import MIGRATION_NAMES

WORKER = REPO / "tests" / "store_worker.py"

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


@pytest.fixture
def workers() -> Iterator[list[subprocess.Popen[str]]]:
    started: list[subprocess.Popen[str]] = []
    yield started
    for proc in started:  # never leave a worker behind, whatever the test did
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=30)
        for stream in (proc.stdin, proc.stdout, proc.stderr):
            if stream:
                stream.close()


def start_worker(
    workers: list[subprocess.Popen[str]], mode: str, db: Path, count: int
) -> tuple[subprocess.Popen[str], int]:
    proc = subprocess.Popen(
        [sys.executable, str(WORKER), mode, str(db), str(count)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    workers.append(proc)
    assert proc.stdout is not None
    line = proc.stdout.readline()  # blocks until the worker has done its part
    if not line.startswith("ready "):
        proc.kill()
        _out, err = proc.communicate(timeout=30)
        pytest.fail(f"worker did not start: {line!r} {err}")
    return proc, int(line.split()[1])


@pytest.mark.slow
def test_sigkill_mid_session_keeps_every_finished_set(
    tmp_path: Path, workers: list[subprocess.Popen[str]]
) -> None:
    db = tmp_path / "history.sqlite3"
    proc, session_id = start_worker(workers, "crash", db, 7)
    os.kill(proc.pid, signal.SIGKILL)
    assert proc.wait(timeout=30) == -signal.SIGKILL

    # Look at the file as the crash left it, before any recovery.
    raw = sqlite3.connect(db)
    try:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        status, pid = raw.execute(
            "SELECT status, pid FROM sessions WHERE id = ?", [session_id]
        ).fetchone()
        assert (status, pid) == ("in_progress", proc.pid)
        numbers = [r[0] for r in raw.execute("SELECT set_number FROM sets ORDER BY id")]
        assert numbers == [1, 2, 3, 4, 5, 6, 7]  # the uncommitted 8th (99) is gone
    finally:
        raw.close()

    with open_store(db) as store:
        row = store.session(session_id)
        assert row is not None
        assert row.status == "interrupted"
        sets = store.sets(session_id)
        assert [s.set for s in sets] == [1, 2, 3, 4, 5, 6, 7]
        assert row.ended_at == sets[-1].ended_at
        assert store.notice is None


@pytest.mark.slow
def test_two_processes_writing_at_once_lose_nothing(
    tmp_path: Path, workers: list[subprocess.Popen[str]]
) -> None:
    db = tmp_path / "history.sqlite3"
    open_store(db).close()  # both workers find the schema in place or race to make it
    first, first_id = start_worker(workers, "race", db, 200)
    second, second_id = start_worker(workers, "race", db, 200)
    for proc in (first, second):  # release both together
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    for proc in (first, second):
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        assert out.strip() == "done"
    with open_store(db) as store:
        for session_id in (first_id, second_id):
            row = store.session(session_id)
            assert row is not None
            assert (row.status, row.sets) == ("completed", 200)
            assert [s.set for s in store.sets(session_id)] == list(range(1, 201))


@pytest.mark.slow
def test_two_processes_creating_a_new_database_at_once(
    tmp_path: Path, workers: list[subprocess.Popen[str]]
) -> None:
    db = tmp_path / "new.sqlite3"
    procs = [
        subprocess.Popen(
            [sys.executable, str(WORKER), "race", str(db), "20"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=REPO,
        )
        for _ in range(2)
    ]
    workers.extend(procs)
    for proc in procs:
        out, err = proc.communicate("go\n", timeout=120)
        assert proc.returncode == 0, err
        assert out.split()[-1] == "done"
    with open_store(db) as store:
        assert store.count_sessions() == 2
        applied = store.db.conn.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0]
        assert applied == len(MIGRATION_NAMES)
        assert not list(tmp_path.glob("*.backup-*"))
