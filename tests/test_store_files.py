"""The store on real files: upgrade, damaged and too-new files, read-only and full disks."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from tests.conftest import DATA
from workout_player import paths
from workout_player.store import SCHEMA_VERSION, SetRecord, StoreError, open_store

V1_DB = DATA / "history-v1.sqlite3"
T0 = datetime(2026, 11, 23, 18, 0, tzinfo=timezone(timedelta(hours=1)))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def schema(path: Path) -> list[tuple[str, str, str]]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
            " AND name != '_sqlite_migrations' ORDER BY type, name"
        ).fetchall()
    finally:
        conn.close()
    # ALTER TABLE ADD COLUMN leaves the old layout of the CREATE text: compare columns instead.
    return [(t, n, " ".join(s.split()) if t != "table" else "") for t, n, s in rows]


def columns(path: Path, table: str) -> list[tuple[str, str, int, object]]:
    conn = sqlite3.connect(path)
    try:
        return [(r[1], r[2], r[3], r[4]) for r in conn.execute(f"PRAGMA table_info({table})")]
    finally:
        conn.close()


def test_default_location_comes_from_paths(tmp_path: Path) -> None:
    with open_store() as store:
        assert store.path == paths.database_path()
        assert store.path is not None
        assert store.path.exists()
        mode = store.db.conn.execute("PRAGMA journal_mode").fetchone()[0]
        assert mode == "wal"


def test_new_database_file_is_created_with_its_folder(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "er" / "history.sqlite3"
    with open_store(target) as store:
        assert store.path == target
        assert store.notice is None
    assert not list(tmp_path.glob("deep/er/*.backup-*"))  # nothing to back up in a new file


def test_old_schema_is_backed_up_and_upgraded(tmp_path: Path) -> None:
    db = tmp_path / "history.sqlite3"
    shutil.copy(V1_DB, db)
    original = digest(db)
    with open_store(db) as store:
        assert store.db.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        rows = store.sessions()
        assert [row.id for row in rows] == [2, 1]
        assert (rows[1].workout, rows[1].status, rows[1].pain_before, rows[1].rpe) == (
            "Back basics",
            "completed",
            4,
            5,
        )
        assert [s.exercise for s in store.sets(1)] == ["Bird dog", "Bird dog", "Side plank"]
        # Left in_progress by a process that is gone: recovered on open.
        assert rows[0].status == "interrupted"
        assert rows[0].ended_at == datetime(
            2026, 11, 21, 18, 3, 18, tzinfo=rows[0].started_at.tzinfo
        )
    (backup,) = tmp_path.glob("history.sqlite3.backup-*-schema1")
    assert sqlite3.connect(backup).execute("PRAGMA user_version").fetchone()[0] == 1
    assert sqlite3.connect(backup).execute("SELECT count(*) FROM sets").fetchone()[0] == 5
    assert original != digest(db)
    # The upgraded file has exactly the schema of a new one.
    fresh = tmp_path / "fresh.sqlite3"
    open_store(fresh).close()
    assert schema(db) == schema(fresh)
    assert columns(db, "sessions") == columns(fresh, "sessions")
    assert columns(db, "sets") == columns(fresh, "sets")


def test_opening_an_up_to_date_database_makes_no_backup(tmp_path: Path) -> None:
    db = tmp_path / "history.sqlite3"
    open_store(db).close()
    open_store(db).close()
    assert not list(tmp_path.glob("*.backup-*"))


def make_too_new(db: Path) -> None:
    open_store(db).close()
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def test_database_from_a_newer_version_is_refused_and_left_unchanged(tmp_path: Path) -> None:
    db = tmp_path / "history.sqlite3"
    make_too_new(db)
    before = digest(db)
    listing = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(StoreError) as caught:
        open_store(db)
    assert str(caught.value) == (
        "This history database was written by a newer version of Workout Player "
        f"(schema {SCHEMA_VERSION + 1}, this version knows {SCHEMA_VERSION}). "
        "Update Workout Player, or use --db to choose another file."
    )
    assert digest(db) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == listing  # no backup, nothing moved


def test_database_with_an_unknown_migration_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "history.sqlite3"
    open_store(db).close()
    conn = sqlite3.connect(db)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
        " VALUES ('workout_player', '999_from_the_future', '2027-01-01')"
    )
    conn.commit()
    conn.close()
    newer = rf"newer version of Workout Player \(schema {SCHEMA_VERSION + 1}"
    with pytest.raises(StoreError, match=newer):
        open_store(db)


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        ("random", "not an SQLite database"),
        ("truncated", "damaged"),
        ("scrambled", "damaged"),
    ],
)
def test_damaged_file_is_moved_aside_and_a_new_history_started(
    tmp_path: Path, damage: str, reason: str
) -> None:
    db = tmp_path / "history.sqlite3"
    if damage == "random":
        db.write_bytes(os.urandom(20_000))
    else:
        with open_store(db) as store:
            session_id = store.start_session(workout="W", workout_file=None, content_hash=None)
            with store.db.atomic():  # enough pages to damage, in one quick transaction
                store.db.conn.executemany(
                    "INSERT INTO sets (session_id, step, exercise, set_number, seconds,"
                    " started_at, ended_at) VALUES (?, 0, ?, ?, 1, 'x', 'x')",
                    [(session_id, "Bird dog " * 20, n) for n in range(1, 400)],
                )
        conn = sqlite3.connect(db)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
        data = bytearray(db.read_bytes())
        if damage == "truncated":
            data = data[: len(data) // 2]
        else:  # overwrite the middle pages with noise, leaving the header intact
            data[8192:24576] = os.urandom(16384)
        db.write_bytes(bytes(data))
    damaged = db.read_bytes()
    with open_store(db) as store:
        assert store.notice is not None
        assert reason in store.notice
        assert store.sessions() == []
        (aside,) = tmp_path.glob("history.sqlite3.corrupt-*")
        assert str(aside) in store.notice
        assert aside.read_bytes() == damaged  # moved, not rewritten
        assert store.db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # The next start finds the new database fine and says nothing.
    with open_store(db) as store:
        assert store.notice is None


def test_moving_aside_never_overwrites_an_earlier_copy(tmp_path: Path) -> None:
    db = tmp_path / "history.sqlite3"
    for attempt in range(3):
        db.write_bytes(b"not a database %d" % attempt + b"." * 200)
        open_store(db).close()
    copies = sorted(tmp_path.glob("history.sqlite3.corrupt-*"))
    assert len(copies) == 3
    assert {c.read_bytes()[:16] for c in copies} == {
        b"not a database %d" % attempt for attempt in range(3)
    }


def test_another_programs_database_is_not_touched(tmp_path: Path) -> None:
    db = tmp_path / "photos.db"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match=r"database of another program \(tables: photos\)"):
        open_store(db)
    assert columns(db, "photos")
    assert (
        not sqlite3.connect(db)
        .execute("SELECT 1 FROM sqlite_master WHERE name = 'sessions'")
        .fetchone()
    )


def read_only_folder(tmp_path: Path) -> Path:
    """A folder in which no file can be created, even by root (as in this CI container)."""
    if os.geteuid() != 0:
        folder = tmp_path / "locked"
        folder.mkdir()
        folder.chmod(0o555)
        return folder
    if sys.platform.startswith("linux") and Path("/sys").is_dir():
        return Path("/sys")  # sysfs refuses new files, to root as well
    pytest.skip("no read-only folder available to root on this system")


def test_read_only_location_gives_a_clear_error(tmp_path: Path) -> None:
    folder = read_only_folder(tmp_path)
    try:
        with pytest.raises(StoreError) as caught:
            open_store(folder / "history.sqlite3")
    finally:
        if folder.is_relative_to(tmp_path):
            folder.chmod(0o755)
    message = str(caught.value)
    assert str(folder / "history.sqlite3") in message
    assert "read-only" in message
    assert "--db" in message


def a_set(number: int) -> SetRecord:
    start = T0 + timedelta(seconds=number)
    return SetRecord(
        step=0,
        exercise="Bird dog " * 20,
        set=number,
        side=None,
        reps_target=8,
        reps_done=8,
        seconds=1.0,
        started_at=start,
        ended_at=start + timedelta(seconds=1),
    )


def test_full_disk_gives_a_clear_error_and_keeps_what_was_saved(tmp_path: Path) -> None:
    db = tmp_path / "history.sqlite3"
    with open_store(db) as store:
        session_id = store.start_session(workout="W", workout_file=None, content_hash=None)
        store.record_set(session_id, a_set(1))
        pages = store.db.conn.execute("PRAGMA page_count").fetchone()[0]
        # SQLite reports SQLITE_FULL at max_page_count exactly as on a full disk.
        store.db.conn.execute(f"PRAGMA max_page_count = {pages}")
        with pytest.raises(StoreError) as caught:
            for number in range(2, 10_000):
                store.record_set(session_id, a_set(number))
        assert "is full" in str(caught.value)
        assert "Free some space" in str(caught.value)
        saved = store.db.conn.execute("SELECT count(*) FROM sets").fetchone()[0]
        assert saved >= 1
        assert not store.db.conn.in_transaction
    with open_store(db) as store:
        assert len(store.sets(session_id)) == saved


def fill_and_damage(db: Path, damage: str) -> None:
    with open_store(db) as store:
        session_id = store.start_session(workout="W", workout_file=None, content_hash=None)
        with store.db.atomic():
            store.db.conn.executemany(
                "INSERT INTO sets (session_id, step, exercise, set_number, seconds,"
                " started_at, ended_at) VALUES (?, 0, ?, ?, 1, 'x', 'x')",
                [(session_id, "Bird dog " * 20, n) for n in range(1, 400)],
            )
        if damage == "crash":  # as if the app died mid-session
            store.db.conn.execute("UPDATE sessions SET pid = ?", [2**30])
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(db.read_bytes())
    if damage == "truncated":
        data = data[: len(data) // 2]
    else:  # noise over pages near the end: the sets table and its indexes only
        data[-32768:-16384] = os.urandom(16384)
    db.write_bytes(bytes(data))


def test_big_file_after_a_clean_end_gets_the_quick_checks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("workout_player.store.look.FULL_CHECK_BYTES", 0)
    truncated = tmp_path / "truncated.sqlite3"
    fill_and_damage(truncated, "truncated")
    with open_store(truncated) as store:
        assert store.notice is not None
        # SQLite itself notices the missing pages, or the length check does.
        assert "cut off" in store.notice or "malformed" in store.notice
    # Damage only in the sets pages is not looked for after a clean end (that read
    # would cost a second at 100,000 sessions); it is looked for after a crash:
    crashed = tmp_path / "crashed.sqlite3"
    fill_and_damage(crashed, "crash")
    with open_store(crashed) as store:
        assert store.notice is not None
        assert "integrity check failed" in store.notice or "damaged" in store.notice
    assert len(list(tmp_path.glob("*.corrupt-*"))) == 2
