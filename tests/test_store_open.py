"""What opening the store costs: sqlite-utils only for migrations, the full check only after
an unclean end (a WAL nobody has open, or a session of a process that is gone)."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import DATA, REPO
from workout_player.store import SCHEMA_VERSION, open_store
from workout_player.store import db as db_module
from workout_player.store import look as look_module
from workout_player.store.version import MIGRATION_NAMES, MIGRATION_SET

OPEN_AND_REPORT = """
import sys
from workout_player.store import open_store
with open_store(sys.argv[1]) as store:
    store.sessions(limit=50)
    version = store.conn.execute("PRAGMA user_version").fetchone()[0]
print("sqlite_utils" in sys.modules, version)
"""

HOLD_OPEN = """
import sys
from workout_player.store import open_store
store = open_store(sys.argv[1])
store.update_session(1, notes="written while the other process reads")
print("ready", flush=True)
sys.stdin.read()
"""


def run_python(code: str, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
        check=True,
    )
    return done.stdout.strip()


@pytest.mark.slow
def test_up_to_date_database_opens_without_loading_sqlite_utils(tmp_path: Path) -> None:
    db = tmp_path / "history.sqlite3"
    open_store(db).close()
    assert run_python(OPEN_AND_REPORT, str(db)) == f"False {SCHEMA_VERSION}"


@pytest.mark.slow
def test_pending_migrations_still_run_through_sqlite_utils(tmp_path: Path) -> None:
    db = tmp_path / "history.sqlite3"
    shutil.copy(DATA / "history-v1.sqlite3", db)
    assert run_python(OPEN_AND_REPORT, str(db)) == f"True {SCHEMA_VERSION}"
    assert list(tmp_path.glob("history.sqlite3.backup-*-schema1"))


def test_version_names_every_migration_sqlite_utils_applies() -> None:
    with open_store(":memory:") as store:
        applied = [
            row[0]
            for row in store.conn.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY id",
                [MIGRATION_SET],
            )
        ]
        assert applied == list(MIGRATION_NAMES)
        assert store.db.conn is store.conn  # the sqlite-utils view shares the connection


@pytest.fixture
def traced(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every statement the store runs on its connections, as SQLite saw it."""
    statements: list[str] = []
    connect = db_module._connect
    connect_read_only = look_module.connect_read_only

    def tracing(target: str, file: Path | None) -> sqlite3.Connection:
        conn = connect(target, file)
        conn.set_trace_callback(statements.append)
        return conn

    def tracing_read_only(file: Path, *, immutable: bool) -> sqlite3.Connection:
        conn = connect_read_only(file, immutable=immutable)
        conn.set_trace_callback(statements.append)
        return conn

    monkeypatch.setattr(db_module, "_connect", tracing)
    monkeypatch.setattr(look_module, "connect_read_only", tracing_read_only)
    return statements


def full_checks(statements: list[str]) -> int:
    return sum(1 for sql in statements if sql.strip().upper() == "PRAGMA QUICK_CHECK")


@pytest.fixture
def holders() -> Iterator[list[subprocess.Popen[str]]]:
    started: list[subprocess.Popen[str]] = []
    yield started
    for proc in started:  # never leave a process behind, whatever the test did
        if proc.poll() is None:
            proc.kill()
        proc.communicate(timeout=30)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the -shm lock probe is Linux")
@pytest.mark.slow
def test_a_running_app_is_no_unclean_end_but_its_leftover_wal_is(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    traced: list[str],
    holders: list[subprocess.Popen[str]],
) -> None:
    monkeypatch.setattr(look_module, "FULL_CHECK_BYTES", 0)  # every file counts as big
    db = tmp_path / "history.sqlite3"
    with open_store(db) as store:
        session_id = store.start_session(workout="W", workout_file=None, content_hash=None)
        store.finish_session(session_id, status="completed", active_seconds=60.0)
    traced.clear()
    open_store(db).close()
    assert full_checks(traced) == 0  # a clean end: header, schema and length only

    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_OPEN, str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    holders.append(holder)
    assert holder.stdout is not None
    assert holder.stdout.readline() == "ready\n"
    assert Path(f"{db}-wal").stat().st_size > 0
    traced.clear()
    with open_store(db) as store:
        assert store.notice is None
        assert store.session(session_id) is not None
    assert full_checks(traced) == 0  # the WAL belongs to a live process

    holder.kill()
    holder.communicate(timeout=30)
    assert Path(f"{db}-wal").stat().st_size > 0  # left behind by a process that died
    traced.clear()
    with open_store(db) as store:
        assert store.notice is None
        row = store.session(session_id)
        assert row is not None
        assert row.notes == "written while the other process reads"
    assert full_checks(traced) == 1

    traced.clear()
    open_store(db).close()  # the last close checkpointed and removed the WAL: clean again
    assert full_checks(traced) == 0


def test_a_session_of_a_process_that_is_gone_gets_the_full_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, traced: list[str]
) -> None:
    monkeypatch.setattr(look_module, "FULL_CHECK_BYTES", 0)
    db = tmp_path / "history.sqlite3"
    with open_store(db) as store:
        store.start_session(workout="W", workout_file=None, content_hash=None)
        store.conn.execute("UPDATE sessions SET pid = ?", [2**30])  # no such process
        other = store.start_session(workout="Elsewhere", workout_file=None, content_hash=None)
        # Another machine's pid means nothing here: no reason for a full check on its own.
        store.conn.execute(
            "UPDATE sessions SET pid = ?, host = ? WHERE id = ?", [2**30, "x", other]
        )
    traced.clear()
    with open_store(db) as store:
        assert [row.status for row in store.sessions()] == ["in_progress", "interrupted"]
    assert full_checks(traced) == 1
    traced.clear()
    with open_store(db) as store:  # recovered: only the other machine's session is open
        assert store.sessions()[0].status == "in_progress"
    assert full_checks(traced) == 0
