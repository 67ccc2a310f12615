"""Opening the history database: checks, recovery, pragmas and migrations.

`open_store` is the only way in. In order, it:
1. refuses a database written by a newer version (read before anything is written);
2. moves a file that is not a database, or fails its integrity check, aside to
   `<name>.corrupt-YYYYmmdd-HHMMSS` (with its -wal/-shm) and starts a new one,
   leaving a notice for the person; nothing is ever overwritten;
3. sets the pragmas every connection needs (WAL, synchronous=FULL, foreign
   keys, busy timeout);
4. backs up an existing database, then applies pending migrations under
   `BEGIN IMMEDIATE`, so two instances starting at once migrate it once;
5. writes what an earlier run could not save (the writer's pending journal), then
6. marks the sessions of processes that are gone as interrupted.

An up-to-date database after a clean end takes a few milliseconds to open:
sqlite-utils (about 0.1 s to import) is loaded only when a migration is pending,
and the page-by-page check runs only where damage can come from (see
`_integrity_problem`).
"""

from __future__ import annotations

import logging
import sqlite3
import sys
from datetime import datetime
from pathlib import Path

from workout_player import paths
from workout_player.store.errors import StoreError, is_corruption, translate
from workout_player.store.journal import journal_path
from workout_player.store.records import replay_journal
from workout_player.store.sessions import Store, local_session_of_a_gone_process
from workout_player.store.transaction import immediate
from workout_player.store.version import (
    KNOWN_MIGRATIONS,
    MIGRATION_SET,
    MIGRATIONS_TABLE,
    SCHEMA_VERSION,
)

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
MEMORY = ":memory:"
FULL_CHECK_BYTES = 32 * 1024 * 1024
"""Files up to this size get a full quick_check on every open (about 0.1 s here)."""


def open_store(path: str | Path | None = None) -> Store:
    """Open (creating, upgrading or recovering as needed) the history database.

    `None` means `paths.database_path()` (WORKOUT_PLAYER_DB or the per-user
    default); ":memory:" gives a private in-memory database for tests.
    Raises StoreError with a message for the person when it cannot be used.
    """
    if path is None:
        path = paths.database_path()
    if str(path) == MEMORY:
        conn = _connect(MEMORY, None)
        _configure(conn, None)
        _migrate(conn, None)
        return Store(conn, None, None)

    file = Path(path)
    notice = None
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise translate(exc, file, "create the folder for the history database") from exc
    damage = _check_existing(file)
    if damage is not None:
        aside = _move_aside(file)
        notice = (
            f"The history database {file} could not be read ({damage}). It was moved to "
            f"{aside} and a new, empty history was started; nothing was deleted."
        )
    conn = _connect(str(file), file)
    try:
        _configure(conn, file)
        _migrate(conn, file)
        store = Store(conn, file, notice)
        _replay_pending(store, file)
        store.mark_interrupted()
    except BaseException:
        conn.close()
        raise
    return store


def _replay_pending(store: Store, file: Path) -> None:
    """Write what a run could not save (the writer's journal, store/journal.py), then delete it.

    Before mark_interrupted, so a replayed session of a dead process is judged with the
    others. A short busy timeout: while another program holds the lock, opening goes on
    and the journal waits for the writer (or the next open).
    """
    path = journal_path(file)
    if not path.exists():
        return
    store.conn.execute("PRAGMA busy_timeout = 100")
    try:
        replay_journal(store, path)
    except StoreError as exc:
        log.warning("pending writes in %s wait for later: %s", path, exc)
    finally:
        store.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


def _connect(target: str, file: Path | None) -> sqlite3.Connection:
    try:
        # isolation_level=None: the store issues BEGIN IMMEDIATE / COMMIT itself.
        conn = sqlite3.connect(target, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as exc:
        raise translate(exc, file, "open the history database") from exc
    return conn


def _check_existing(file: Path) -> str | None:
    """Return why an existing file is unusable (so it is moved aside), or None if it is fine.

    Raises StoreError for a database from a newer version: that one is left untouched.
    """
    try:
        if not file.exists() or file.stat().st_size == 0:
            return None
        with file.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise translate(exc, file, "read the history database") from exc
    if header != SQLITE_HEADER:
        return "it is not an SQLite database"
    conn = _connect(str(file), file)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        _refuse_newer(conn)
        return _integrity_problem(conn, file)
    except sqlite3.DatabaseError as exc:
        if is_corruption(exc):
            return f"it is damaged: {exc}"
        raise translate(exc, file, "read the history database") from exc
    finally:
        conn.close()
    return None


def _integrity_problem(conn: sqlite3.Connection, file: Path) -> str | None:
    """Return why the file fails its integrity check, or None.

    `PRAGMA quick_check` reads every page. For 100,000 sessions with their sets
    (146 MB) that was 0.4-0.6 s with the file in the OS cache, and 3.1 s once
    when most of it was not, on the development machine; the sessions table
    alone (`quick_check(sessions)`, once run on every open) was 0.09-0.16 s.
    Damage comes from crashes, power cuts and things done to the file while the
    app was not using it, so a file up to FULL_CHECK_BYTES, or any file whose
    last use did not end cleanly (a WAL left behind, or a session of a process
    that is gone), gets the full check. After a clean end a big file gets the
    checks that cost nothing: its header and schema must read, and its length
    must hold every page it says it has (which finds a cut-off file).
    Damage inside a big table found later by a read is reported as a StoreError.
    """
    size = file.stat().st_size
    if size <= FULL_CHECK_BYTES or _ended_uncleanly(conn, file):
        result = conn.execute("PRAGMA quick_check").fetchall()
        if [row[0] for row in result] != ["ok"]:
            return f"its integrity check failed: {result[0][0]}"
        return None
    pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
    page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
    if size < pages * page_size:
        return "the file is shorter than its contents: it was cut off"
    return None


def _ended_uncleanly(conn: sqlite3.Connection, file: Path) -> bool:
    if _wal_left_behind(file):
        return True
    has_sessions = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sessions'"
    ).fetchone()
    if not has_sessions:
        return True  # not our usual file: check everything
    rows = conn.execute("SELECT pid, host FROM sessions WHERE status = 'in_progress'").fetchall()
    return any(local_session_of_a_gone_process(pid, host) for pid, host in rows)


def _wal_left_behind(file: Path) -> bool:
    """A non-empty WAL that no running program has open: the last one to use the file died.

    SQLite deletes the WAL when the last connection closes. While another
    program (a running app) has the database open its WAL exists too, and that
    is no sign of damage: each connection holds a shared lock on the "dead man
    switch" byte of the -shm file (byte 128, SQLite's unix VFS), so a lock
    there means a live user. Where that is not asked (not Linux, whose `struct
    flock` layout is used below), a WAL counts as left behind: a check too many
    is slow, never wrong. A connection of this same process is not seen either
    (POSIX locks never conflict with their own process), with the same result.
    """
    wal = Path(f"{file}-wal")
    try:
        if not wal.exists() or wal.stat().st_size == 0:
            return False
    except OSError:
        return True
    return not _shm_in_use(Path(f"{file}-shm"))


_SHM_DMS_BYTE = 128
"""SQLite's unix VFS: UNIX_SHM_BASE (120) + SQLITE_SHM_NLOCK (8)."""


def _shm_in_use(shm: Path) -> bool:
    if not sys.platform.startswith("linux"):
        return False
    import fcntl
    import struct

    try:
        with shm.open("rb") as handle:
            # F_GETLK only asks: would a write lock on the byte conflict with anyone's lock?
            query = struct.pack("hhqqi", fcntl.F_WRLCK, 0, _SHM_DMS_BYTE, 1, 0)
            answer = fcntl.fcntl(handle.fileno(), fcntl.F_GETLK, query)
    except OSError:
        return False
    lock_type: int = struct.unpack("hhqqi", answer)[0]
    return lock_type != fcntl.F_UNLCK


def _applied_migrations(conn: sqlite3.Connection) -> set[str] | None:
    """Names of our migrations recorded in the file, or None if it has no migrations table."""
    has_table = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [MIGRATIONS_TABLE]
    ).fetchone()
    if not has_table:
        return None
    return {
        row[0]
        for row in conn.execute(
            f"SELECT name FROM [{MIGRATIONS_TABLE}] WHERE migration_set = ?", [MIGRATION_SET]
        )
    }


def _refuse_newer(conn: sqlite3.Connection) -> None:
    """Raise StoreError for a schema this version does not know; reads only."""
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    applied = _applied_migrations(conn) or set()
    unknown = applied - KNOWN_MIGRATIONS
    if version > SCHEMA_VERSION or unknown:
        theirs = max(version, len(applied))
        raise StoreError(
            "This history database was written by a newer version of Workout Player "
            f"(schema {theirs}, this version knows {SCHEMA_VERSION}). Update Workout Player, "
            "or use --db to choose another file."
        )


def _up_to_date(conn: sqlite3.Connection) -> bool:
    """Every migration of this version is recorded and the version says so: nothing to do."""
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version != SCHEMA_VERSION:
        return False
    applied = _applied_migrations(conn)
    return applied is not None and applied == set(KNOWN_MIGRATIONS)


def _move_aside(file: Path) -> Path:
    """Rename the damaged file (and its -wal/-shm) to a timestamped name that is not taken."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = file.with_name(f"{file.name}.corrupt-{stamp}")
    counter = 1
    while any(Path(f"{aside}{suffix}").exists() for suffix in ("", "-wal", "-shm")):
        counter += 1
        aside = file.with_name(f"{file.name}.corrupt-{stamp}-{counter}")
    try:
        for suffix in ("-wal", "-shm", ""):
            companion = Path(f"{file}{suffix}")
            if companion.exists():
                # Same folder, so a rename: the bytes are moved, never rewritten.
                companion.rename(Path(f"{aside}{suffix}"))
    except OSError as exc:
        raise translate(exc, file, "move the damaged history database aside") from exc
    return aside


def _configure(conn: sqlite3.Connection, file: Path | None) -> None:
    """Pragmas every connection needs; busy_timeout first so WAL set-up waits its turn."""
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        if file is not None:
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise StoreError(
                    f"Could not switch {file} to write-ahead logging (journal mode stayed "
                    f"{mode}). Use --db PATH to put the history on a local disk."
                )
        # FULL: a finished set is on the disk when the commit returns, even on power loss.
        conn.execute("PRAGMA synchronous = FULL")
    except sqlite3.DatabaseError as exc:
        raise translate(exc, file, "open the history database") from exc


def _migrate(conn: sqlite3.Connection, file: Path | None) -> None:
    try:
        if _up_to_date(conn):
            return
        # Only now: sqlite-utils and the migrations cost about 0.1 s to import.
        from sqlite_utils import Database

        from workout_player.store.migrations import migrations

        db = Database(conn)
        if not migrations.pending(db):
            return
        with immediate(conn):
            # Decide again under the write lock: another instance may have just migrated.
            _refuse_newer(conn)
            if not migrations.pending(db):
                return
            _refuse_foreign(conn, file)
            if file is not None and _has_tables(conn):
                _backup(conn, file)
            migrations.apply(db)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except sqlite3.DatabaseError as exc:
        raise translate(exc, file, "prepare the history database") from exc


def _has_tables(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table'").fetchone() is not None


def _refuse_foreign(conn: sqlite3.Connection, file: Path | None) -> None:
    """Never add our tables to another program's database."""
    names = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    ours = {"sessions", "sets", MIGRATIONS_TABLE}
    if names and not ours.intersection(names):
        shown = ", ".join(sorted(names)[:5])
        raise StoreError(
            f"{file} is a database of another program (tables: {shown}), not a Workout "
            "Player history. Use --db PATH to choose another file."
        )


def _backup(conn: sqlite3.Connection, file: Path) -> Path:
    """Copy the database next to itself before changing its schema."""
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = file.with_name(f"{file.name}.backup-{stamp}-schema{version}")
    counter = 1
    while target.exists():
        counter += 1
        target = file.with_name(f"{file.name}.backup-{stamp}-schema{version}-{counter}")
    try:
        # A second connection reads the last committed state while `conn` holds the
        # write lock (WAL lets readers through); the backup API copies WAL content too.
        source = sqlite3.connect(str(file))
        copy = sqlite3.connect(str(target))
        try:
            source.backup(copy)
        finally:
            copy.close()
            source.close()
    except sqlite3.Error as exc:
        raise translate(exc, target, "back up the history database before upgrading it") from exc
    return target
