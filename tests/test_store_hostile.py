"""Hostile and damaged history files: each is refused untouched, or moved aside byte for byte.

"Untouched" is checked on the whole folder: every file's bytes and mtime, and no new
file (no -wal or -shm either), so a refused file is not even switched to WAL.
"""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import DATA, REPO
from workout_player.store import SCHEMA_VERSION, StoreError, open_store
from workout_player.store.look import HEADER_BYTES, SQLITE_HEADER


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        p.name: (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


def history_with_a_session(db: Path) -> int:
    with open_store(db) as store:
        session_id = store.start_session(workout="W", workout_file=None, content_hash=None)
        store.finish_session(session_id, status="completed", active_seconds=60.0)
    assert not Path(f"{db}-wal").exists()  # the last close checkpointed and removed it
    return session_id


def change(db: Path, *statements: str) -> None:
    conn = sqlite3.connect(db, isolation_level=None)
    try:
        for sql in statements:
            conn.execute(sql)
    finally:
        conn.close()


def assert_moved_aside(db: Path, before: dict[str, tuple[bytes, int]], words: str) -> None:
    """Opens with a notice naming where the file went; that copy is the original, byte for byte."""
    with open_store(db) as store:
        assert store.notice is not None
        assert words in store.notice
        (aside,) = (
            p
            for p in db.parent.glob(f"{db.name}.corrupt-*")
            if not p.name.endswith(("-wal", "-shm"))
        )
        assert str(aside) in store.notice and str(db) in store.notice
        assert store.sessions() == []
        store.start_session(workout="New", workout_file=None, content_hash=None)
    for name, (data, mtime) in before.items():
        moved = db.parent / name.replace(db.name, aside.name, 1)
        assert (moved.read_bytes(), moved.stat().st_mtime_ns) == (data, mtime)
    assert sorted(p.name for p in db.parent.glob(f"{aside.name}*")) == sorted(
        name.replace(db.name, aside.name, 1) for name in before
    )  # nothing was added beside the damaged copy
    with open_store(db) as store:
        assert store.notice is None
        assert len(store.sessions()) == 1


SCHEMA_DAMAGE: dict[str, tuple[str, ...]] = {
    "a table is missing": ("DROP TABLE sets",),
    "a column is missing": ("ALTER TABLE sessions DROP COLUMN notes",),
    "an index is missing": ("DROP INDEX sessions_started_at",),
    "a column has the wrong type": (
        "PRAGMA writable_schema = ON",
        "UPDATE sqlite_master SET sql = replace(sql, 'pain_before INTEGER', 'pain_before TEXT')"
        " WHERE name = 'sessions'",
    ),
    "a trigger that writes": (
        "CREATE TRIGGER wipe AFTER INSERT ON sets BEGIN DELETE FROM sessions; END",
    ),
    "a unique index of someone else": ("CREATE UNIQUE INDEX one_per_day ON sessions(workout)",),
    "user_version lower": ("PRAGMA user_version = 1",),
    "user_version zero": ("PRAGMA user_version = 0",),
    "user_version negative": ("PRAGMA user_version = -3",),
    "an upgrade record is missing": (
        "DELETE FROM _sqlite_migrations WHERE name = '002_host_and_history_indexes'",
    ),
}


@pytest.mark.parametrize("damage", sorted(SCHEMA_DAMAGE))
def test_tables_that_do_not_match_their_version_are_moved_aside_never_written(
    tmp_path: Path, damage: str
) -> None:
    db = tmp_path / "history.sqlite3"
    history_with_a_session(db)
    change(db, *SCHEMA_DAMAGE[damage])
    before = snapshot(tmp_path)
    assert_moved_aside(db, before, "tables do not match")


def test_an_old_file_missing_a_table_is_not_upgraded_but_moved_aside(tmp_path: Path) -> None:
    db = tmp_path / "history.sqlite3"
    shutil.copy(DATA / "history-v1.sqlite3", db)
    change(db, "DROP TABLE sets")
    before = snapshot(tmp_path)
    assert_moved_aside(db, before, "tables do not match")
    assert not list(tmp_path.glob("*.backup-*"))


def make_foreign(db: Path, *, wal: bool) -> None:
    conn = sqlite3.connect(db, isolation_level=None)
    if wal:
        conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT)")
    conn.execute("INSERT INTO photos (path) VALUES ('a.jpg')")
    conn.execute("PRAGMA user_version = 7")
    conn.close()


def make_too_new(db: Path) -> None:
    history_with_a_session(db)
    change(db, f"PRAGMA user_version = {SCHEMA_VERSION + 1}")


def make_shared_and_mismatched(db: Path) -> None:
    history_with_a_session(db)
    change(db, "CREATE TABLE photos (id INTEGER PRIMARY KEY)", "DROP INDEX sets_exercise")


def make_foreign_with_a_sessions_table(db: Path) -> None:
    change(
        db,
        "CREATE TABLE sessions (token TEXT PRIMARY KEY, expires INTEGER)",
        "INSERT INTO sessions VALUES ('abc', 1)",
    )


REFUSED: dict[str, tuple[Callable[[Path], None], str]] = {
    "another program's table named sessions": (
        make_foreign_with_a_sessions_table,
        "another program",
    ),
    "another program's file": (lambda db: make_foreign(db, wal=False), "another program"),
    "another program's WAL file": (lambda db: make_foreign(db, wal=True), "another program"),
    "a newer version's file": (make_too_new, "newer version of Workout Player"),
    "ours and another's, not matching": (make_shared_and_mismatched, "tables of another program"),
}


@pytest.mark.parametrize("kind", sorted(REFUSED))
def test_refused_files_are_left_exactly_as_they_were(tmp_path: Path, kind: str) -> None:
    db = tmp_path / "history.sqlite3"
    make, words = REFUSED[kind]
    make(db)
    before = snapshot(tmp_path)
    for _ in range(2):  # and again: a refusal leaves nothing that changes the next one
        with pytest.raises(StoreError) as caught:
            open_store(db)
        assert words in str(caught.value)
        assert snapshot(tmp_path) == before


def test_our_tables_beside_another_programs_are_used_and_theirs_left_alone(
    tmp_path: Path,
) -> None:
    db = tmp_path / "history.sqlite3"
    session_id = history_with_a_session(db)
    change(
        db,
        "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)",
        "INSERT INTO notes VALUES (1, 'x')",
    )
    with open_store(db) as store:
        assert store.notice is None
        assert [row.id for row in store.sessions()] == [session_id]
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT * FROM notes").fetchall() == [(1, "x")]
    conn.close()


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"\x00" * 5000, "not an SQLite database"),
        (b"id,workout\n1,Back basics\n", "not an SQLite database"),
        (b"SQLite format", "cut off"),
        (b"SQLite format 3\x00" + b"\xff" * 84, "damaged"),
        (b"SQLite format 3\x00" + random.Random(8000).randbytes(8000), "damaged"),
    ],
    ids=["zeros", "csv", "header-cut", "garbage-header", "random-after-header"],
)
def test_files_that_are_not_databases_are_moved_aside_byte_for_byte(
    tmp_path: Path, content: bytes, words: str
) -> None:
    db = tmp_path / "history.sqlite3"
    db.write_bytes(content)
    assert_moved_aside(db, snapshot(tmp_path), words)


@pytest.mark.parametrize(("write_version", "read_version"), [(1, 1), (2, 2), (171, 2), (3, 1)])
def test_a_damaged_file_in_any_journal_mode_is_moved_aside_alone(
    tmp_path: Path, write_version: int, read_version: int
) -> None:
    """Header bytes 18-19 name the journal mode; SQLite makes a -wal and a -shm whenever the
    read version is 2. The look once checked both bytes, so a damaged file with 171, 2 got
    a new -wal and -shm beside it (1 in ~750 random files: a flaky test found it)."""
    db = tmp_path / "history.sqlite3"
    noise = random.Random(write_version * 10 + read_version).randbytes(8000)
    db.write_bytes(SQLITE_HEADER + bytes([0x10, 0x00, write_version, read_version]) + noise)
    assert_moved_aside(db, snapshot(tmp_path), "damaged")


@pytest.mark.parametrize("keep", [10, HEADER_BYTES - 1, HEADER_BYTES, 1024, 4096, 4097, 0.5, -1])
def test_a_history_cut_off_anywhere_is_moved_aside_byte_for_byte(
    tmp_path: Path, keep: float
) -> None:
    db = tmp_path / "history.sqlite3"
    with open_store(db) as store:
        session_id = store.start_session(workout="W", workout_file=None, content_hash=None)
        store.conn.execute("BEGIN")
        store.conn.executemany(
            "INSERT INTO sets (session_id, step, exercise, set_number, seconds, started_at,"
            " ended_at) VALUES (?, 0, ?, ?, 1, 'x', 'x')",
            [(session_id, "Bird dog " * 20, n) for n in range(1, 200)],
        )
        store.conn.execute("COMMIT")
    data = db.read_bytes()
    cut = int(len(data) * keep) if isinstance(keep, float) else keep % len(data)
    db.write_bytes(data[:cut])
    assert_moved_aside(db, snapshot(tmp_path), "")


def test_an_empty_file_becomes_the_history_in_place(tmp_path: Path) -> None:
    db = tmp_path / "history.sqlite3"
    db.touch()
    with open_store(db) as store:
        assert store.notice is None
        store.start_session(workout="W", workout_file=None, content_hash=None)
    assert not list(tmp_path.glob("*.corrupt-*"))


def test_an_empty_file_with_a_left_over_wal_keeps_both(tmp_path: Path) -> None:
    # SQLite itself would delete a -wal beside an empty file; it may be all that is left.
    db = tmp_path / "history.sqlite3"
    other = tmp_path / "elsewhere" / "history.sqlite3"
    other.parent.mkdir()
    shutil.copy(DATA / "history-v1.sqlite3", other)
    conn = sqlite3.connect(other, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("UPDATE sessions SET notes = 'only in the wal'")
    shutil.copy(f"{other}-wal", f"{db}-wal")
    conn.close()
    db.touch()
    assert_moved_aside(db, snapshot(tmp_path), "-wal")


def test_a_crash_left_wal_is_recovered_not_discarded(tmp_path: Path) -> None:
    db = tmp_path / "history.sqlite3"
    session_id = history_with_a_session(db)
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    with open_store(db) as store:
        store.conn.execute("PRAGMA wal_autocheckpoint = 0")
        store.update_session(session_id, notes="committed, only in the wal")
        # What a pulled plug leaves: the file and its -wal, copied while still open.
        shutil.copy(db, crashed / db.name)
        shutil.copy(f"{db}-wal", crashed / f"{db.name}-wal")
    with open_store(crashed / db.name) as store:
        assert store.notice is None
        row = store.session(session_id)
        assert row is not None and row.notes == "committed, only in the wal"


def test_a_wal_of_another_database_is_never_applied_to_a_changed_file(tmp_path: Path) -> None:
    db = tmp_path / "history.sqlite3"
    history_with_a_session(db)
    photos = tmp_path / "photos" / "photos.db"
    photos.parent.mkdir()
    conn = sqlite3.connect(photos, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, data BLOB)")
    conn.execute("INSERT INTO photos (data) VALUES (randomblob(3000))")
    shutil.copy(f"{photos}-wal", f"{db}-wal")
    conn.close()
    before = {name: value for name, value in snapshot(tmp_path).items() if name != "photos"}
    try:
        open_store(db).close()
    except StoreError as exc:  # SQLite reads the stray -wal as this file's: it looks foreign
        assert "another program" in str(exc)
        for name, value in before.items():
            assert snapshot(tmp_path)[name] == value
    else:  # or it was judged damaged: then both went aside, as they were
        (aside,) = tmp_path.glob("history.sqlite3.corrupt-*")
        assert aside.read_bytes() == before["history.sqlite3"][0]


def test_a_folder_where_the_file_should_be_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "history.sqlite3"
    db.mkdir()
    with pytest.raises(StoreError, match="is a folder"):
        open_store(db)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["history.sqlite3"]


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="needs /dev/null")
def test_a_device_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="not an ordinary file"):
        open_store("/dev/null")


def test_a_link_to_a_missing_file_is_refused_and_nothing_is_created(tmp_path: Path) -> None:
    db = tmp_path / "history.sqlite3"
    db.symlink_to(tmp_path / "gone" / "real.sqlite3")
    with pytest.raises(StoreError) as caught:
        open_store(db)
    assert "does not exist" in str(caught.value) and str(db) in str(caught.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["history.sqlite3"]


def test_a_link_in_a_circle_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "history.sqlite3"
    db.symlink_to(tmp_path / "other.sqlite3")
    (tmp_path / "other.sqlite3").symlink_to(db)
    with pytest.raises(StoreError, match="link"):
        open_store(db)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["history.sqlite3", "other.sqlite3"]


def test_a_link_to_a_history_opens_the_file_it_points_to(tmp_path: Path) -> None:
    real = tmp_path / "real.sqlite3"
    session_id = history_with_a_session(real)
    link = tmp_path / "history.sqlite3"
    link.symlink_to(real)
    with open_store(link) as store:
        assert store.path == real
        assert store.session(session_id) is not None
    assert link.is_symlink()


def test_a_file_locked_by_another_program_is_refused_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("workout_player.store.look.BUSY_TIMEOUT_MS", 50)
    db = tmp_path / "history.sqlite3"
    history_with_a_session(db)
    holder = sqlite3.connect(db, isolation_level=None)
    try:
        holder.execute("PRAGMA locking_mode = EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("UPDATE sessions SET notes = 'held'")
        before = snapshot(tmp_path)
        with pytest.raises(StoreError, match="locked"):
            open_store(db)
        assert snapshot(tmp_path) == before
        assert not list(tmp_path.glob("*.corrupt-*"))
    finally:
        holder.close()


HOSTILE_FOR_THE_CLI: dict[str, tuple[Callable[[Path], None], int, str]] = {
    "a folder": (lambda db: db.mkdir(), 1, "is a folder"),
    "a link to a missing file": (lambda db: db.symlink_to(db.parent / "gone"), 1, "does not exist"),
    "another program's file": (lambda db: make_foreign(db, wal=True), 1, "another program"),
    "a newer version's file": (make_too_new, 1, "newer version"),
    "tables that do not match": (
        lambda db: (history_with_a_session(db), change(db, "DROP TABLE sets")),
        0,
        "tables do not match",
    ),
}


@pytest.mark.parametrize("kind", sorted(HOSTILE_FOR_THE_CLI))
@pytest.mark.slow
def test_history_command_gives_one_clear_line_for_each_hostile_file(
    tmp_path: Path, kind: str
) -> None:
    db = tmp_path / "history.sqlite3"
    make, code, words = HOSTILE_FOR_THE_CLI[kind]
    make(db)
    proc = subprocess.run(
        [sys.executable, "-m", "workout_player", "history", "--db", str(db)],
        capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(REPO)},
        cwd=REPO, timeout=60,
    )  # fmt: skip
    assert proc.returncode == code, proc.stderr
    assert "Traceback" not in proc.stderr
    assert words in proc.stderr
