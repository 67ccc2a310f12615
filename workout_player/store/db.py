"""Opening the history database: checks, recovery, pragmas and migrations.

`open_store` is the only way in. In order, it:
1. takes a first look at an existing file that never writes (`store/look.py`): another
   program's database, one from a newer version, a folder, a locked file are refused and
   left exactly as they were; a file that is not a database, fails its integrity check or
   whose tables do not match its `user_version` (`store/schema.py`) is damaged;
2. moves a damaged file aside to `<name>.corrupt-YYYYmmdd-HHMMSS` (with its -wal/-shm,
   renamed, so byte for byte) and starts a new one, leaving a notice for the person;
3. only then opens the connection that writes, and sets the pragmas every connection
   needs (WAL, synchronous=FULL, foreign keys, busy timeout);
4. backs up an existing database, then applies pending migrations under
   `BEGIN IMMEDIATE`, so two instances starting at once migrate it once;
5. writes what an earlier run could not save (the writer's pending journal), then
6. marks the sessions of processes that are gone as interrupted.

`open_store(path, mode="read")` is for commands that only read: when the file cannot be
written (read-only media or file, a full disk) it is opened read-only instead of failing,
and the notice says so.

An up-to-date database after a clean end takes a few milliseconds to open:
sqlite-utils (about 0.1 s to import) is loaded only when a migration is pending,
the journal's records only when a journal is pending, and the page-by-page check runs
only where damage can come from (`look.integrity_problem`).
"""

from __future__ import annotations

import logging
import os
import sqlite3
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Literal, TypeVar

from workout_player import paths
from workout_player.store import look
from workout_player.store.errors import StoreError, error_name, translate
from workout_player.store.journal import journal_path
from workout_player.store.look import BUSY_TIMEOUT_MS, Look, look_at
from workout_player.store.schema import classify
from workout_player.store.sessions import Store
from workout_player.store.transaction import immediate
from workout_player.store.version import SCHEMA_VERSION

log = logging.getLogger(__name__)
MEMORY = ":memory:"
BUSY_RETRY_SECONDS = BUSY_TIMEOUT_MS / 1000
"""How long a step that SQLite fails with SQLITE_BUSY at once (without waiting) is retried."""

_T = TypeVar("_T")
_sleep = time.sleep  # tests replace these two to act between attempts, without waiting
_monotonic = time.monotonic


def open_store(path: str | Path | None = None, mode: Literal["write", "read"] = "write") -> Store:
    """Open (creating, upgrading or recovering as needed) the history database.

    `None` means `paths.database_path()` (WORKOUT_PLAYER_DB or the per-user
    default); ":memory:" gives a private in-memory database for tests.
    With mode="read" (history, export, the History screen), a file that cannot be
    written is opened read-only, with a notice, instead of raising.
    Raises StoreError with a message for the person when it cannot be used.
    """
    if path is None:
        path = paths.database_path()
    if str(path) == MEMORY:
        conn = _connect(MEMORY, None)
        _configure(conn, None)
        _migrate(conn, None)
        return Store(conn, None, None)

    file = _follow_link(Path(path))
    found = look_at(file)
    if mode == "read" and found.state == "ours" and not _writable(file):
        # SQLite would open it read-only by itself and fail only at the first write.
        return _open_read_only(file, "the file or its folder cannot be written")
    try:
        return _open_for_writing(file, found)
    except StoreError as exc:
        if mode != "read" or exc.cannot_write is None or found.state != "ours":
            raise
        return _open_read_only(file, exc.cannot_write)


def _writable(file: Path) -> bool:
    """Whether the file and its folder (for the -wal and -shm) can be written.

    access() answers for the real user and knows read-only mounts, root included.
    """
    return os.access(file, os.W_OK) and os.access(file.parent, os.W_OK)


def _follow_link(file: Path) -> Path:
    """The file a symbolic link points to (its -wal and -shm live beside that one)."""
    if not file.is_symlink():
        return file
    try:
        target = file.resolve()
        missing = not target.exists()
    except (OSError, RuntimeError) as exc:  # RuntimeError: Python before 3.13 on a loop
        raise StoreError(
            f"{file} is a link that cannot be followed ({exc}). Remove the link, or use "
            "--db PATH (or WORKOUT_PLAYER_DB) to choose another file."
        ) from exc
    if missing:
        raise StoreError(
            f"{file} is a link to {target}, which does not exist. Restore that file, remove "
            "the link, or use --db PATH (or WORKOUT_PLAYER_DB) to choose another file."
        )
    return target


def _open_for_writing(file: Path, found: Look) -> Store:
    notice = None
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise translate(exc, file, "create the folder for the history database") from exc
    if found.state == "damaged":
        try:
            aside = _move_aside(file)
        except StoreError as exc:
            raise StoreError(
                f"The history database {file} could not be read ({found.damage}), and it "
                f"could not be moved aside, so it was left as it is. {exc}",
                cannot_write=exc.cannot_write,
            ) from exc
        notice = (
            f"The history database {file} could not be read ({found.damage}). It was moved to "
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
    # Only now: the records (and the programme rules they apply) are not needed to open
    # a history with nothing pending, which is every read-only command's case.
    from workout_player.store.records import replay_journal

    store.conn.execute("PRAGMA busy_timeout = 100")
    try:
        replay_journal(store, path)
    except StoreError as exc:
        log.warning("pending writes in %s wait for later: %s", path, exc)
    finally:
        store.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


def _open_read_only(file: Path, why: str) -> Store:
    """A connection that cannot write and leaves no new -wal/-shm on read-only media.

    SQLite reads a WAL-mode file through its -shm: with `mode=ro` it makes one if it
    can (and a -wal), and fails where it cannot. `immutable=1` needs neither, but does
    not read the -wal, so it is used only when there is no -wal with changes in it,
    or as the last resort (and then the notice says the latest changes are missing).
    """
    unseen = ""
    conn = None
    if look.wal_has_content(file):
        try:
            conn = _read_only_connection(file, immutable=False)
        except sqlite3.DatabaseError:
            unseen = f" The latest changes, in {file}-wal, cannot be read there."
    if conn is None:
        try:
            conn = _read_only_connection(file, immutable=True)
        except sqlite3.DatabaseError as exc:
            raise translate(exc, file, "read the history database") from exc
    notice = (
        f"Opened {file} read-only: {why}. The history can be looked at, but nothing new "
        f"can be saved to it until that is put right.{unseen}"
    )
    return Store(conn, file, notice)


def _read_only_connection(file: Path, *, immutable: bool) -> sqlite3.Connection:
    conn = look.connect_read_only(file, immutable=immutable)
    try:
        conn.execute("SELECT count(*) FROM sessions").fetchone()  # fails here, not in a query
    except BaseException:
        conn.close()
        raise
    return conn


def _connect(target: str, file: Path | None) -> sqlite3.Connection:
    try:
        # isolation_level=None: the store issues BEGIN IMMEDIATE / COMMIT itself.
        conn = sqlite3.connect(target, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as exc:
        raise translate(exc, file, "open the history database") from exc
    return conn


def _up_to_date(conn: sqlite3.Connection) -> bool:
    """Our tables, exactly as this version makes them: nothing to do."""
    schema = classify(conn)
    return schema.kind == "ours" and schema.version == SCHEMA_VERSION


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
            mode = retry_busy(lambda: conn.execute("PRAGMA journal_mode = WAL").fetchone()[0])
            if str(mode).lower() != "wal":
                raise StoreError(
                    f"Could not switch {file} to write-ahead logging (journal mode stayed "
                    f"{mode}). Use --db PATH to put the history on a local disk."
                )
        # FULL: a finished set is on the disk when the commit returns, even on power loss.
        conn.execute("PRAGMA synchronous = FULL")
    except sqlite3.DatabaseError as exc:
        raise translate(exc, file, "open the history database") from exc


def retry_busy(step: Callable[[], _T]) -> _T:
    """Run `step`, again after a short pause while SQLite answers SQLITE_BUSY without waiting.

    SQLite calls the busy handler (which waits up to the busy timeout) only when a
    connection that holds no lock asks for one. A statement that first reads and then
    needs to write, such as the switch to WAL (it reads the header, then rewrites it),
    gets SQLITE_BUSY at once if another connection is writing meanwhile: two
    processes creating a new file at once both do exactly that. Waiting for the lock
    would deadlock, so SQLite gives up; trying the whole statement again is safe.
    The pauses grow from 5 to 100 ms, with jitter so two processes do not meet
    again in step, for at most BUSY_RETRY_SECONDS.
    """
    deadline = _monotonic() + BUSY_RETRY_SECONDS
    pause = 0.005
    while True:
        try:
            return step()
        except sqlite3.OperationalError as exc:
            if not error_name(exc).startswith("SQLITE_BUSY") or _monotonic() >= deadline:
                raise
        import random  # only on this rare path: 1 ms of start-up otherwise

        _sleep(pause * random.uniform(0.5, 1.5))
        pause = min(pause * 2, 0.1)


def _migrate(conn: sqlite3.Connection, file: Path | None) -> None:
    try:
        if _up_to_date(conn):
            return
        # Only now: sqlite-utils and the migrations cost about 0.1 s to import.
        from sqlite_utils import Database

        from workout_player.store.migrations import migrations

        db = Database(conn)
        with immediate(conn):
            # Decide again under the write lock: another instance may have just migrated
            # it, and a file that is not ours (or not as its version says) is never changed.
            schema = classify(conn)
            look.refuse(file, schema)
            if schema.kind == "ours" and schema.version == SCHEMA_VERSION:
                return
            if file is not None and schema.kind == "ours":
                _backup(conn, file)
            migrations.apply(db)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except sqlite3.DatabaseError as exc:
        raise translate(exc, file, "prepare the history database") from exc


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
