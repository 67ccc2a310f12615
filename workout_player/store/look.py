"""The first look at an existing history file: is it ours, and is it whole? Never writes.

It runs before any connection that could write is opened, so a file that is
refused (another program's, a newer version's, one whose tables do not match its
`user_version`) or moved aside (damaged) stays exactly as it was, journal mode
included: the look opens the file with `mode=ro`, and with `immutable=1` when the
file is in WAL mode and has no -wal or -shm beside it (a read-only WAL connection
would create both and leave them). The -wal/-shm of a file that has them are used
as they are, so the committed changes of a crash are read, never discarded.
"""

from __future__ import annotations

import re
import sqlite3
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from workout_player.store.errors import StoreError, error_name, is_corruption, translate
from workout_player.store.schema import Schema, classify
from workout_player.store.sessions import local_session_of_a_gone_process
from workout_player.store.version import SCHEMA_VERSION

SQLITE_HEADER = b"SQLite format 3\x00"
HEADER_BYTES = 100
BUSY_TIMEOUT_MS = 5000
FULL_CHECK_BYTES = 32 * 1024 * 1024
"""Files up to this size get a full quick_check on every open (about 0.1 s here)."""


@dataclass(frozen=True)
class Look:
    """What the look found: "new" (nothing yet, or an empty file), "ours" or "damaged"."""

    state: Literal["new", "ours", "damaged"]
    version: int = 0
    damage: str = ""


def uri(file: Path, *, immutable: bool) -> str:
    """A read-only URI for `file` (percent-encoded, so any file name works)."""
    return file.absolute().as_uri() + ("?mode=ro&immutable=1" if immutable else "?mode=ro")


def connect_read_only(file: Path, *, immutable: bool) -> sqlite3.Connection:
    conn = sqlite3.connect(
        uri(file, immutable=immutable), uri=True, isolation_level=None,
        timeout=BUSY_TIMEOUT_MS / 1000,
    )  # fmt: skip
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA query_only = ON")
    return conn


def companion(file: Path, suffix: str) -> Path:
    return Path(f"{file}{suffix}")


def look_at(file: Path) -> Look:
    """Say what `file` is, reading only; raise StoreError for a file that must be left alone.

    Refused, untouched: a folder or other non-file, another program's database
    (even one that also has our tables, if ours do not match), one from a newer
    version, and one that is locked or cannot be read.
    """
    try:
        info = file.stat()
    except FileNotFoundError:
        return Look("new")
    except OSError as exc:
        raise translate(exc, file, "read the history database") from exc
    if stat.S_ISDIR(info.st_mode):
        raise StoreError(
            f"{file} is a folder, not a history database. "
            "Use --db PATH (or WORKOUT_PLAYER_DB) to choose a file."
        )
    if not stat.S_ISREG(info.st_mode):
        raise StoreError(
            f"{file} is not an ordinary file (a device or a pipe), so it cannot hold the history. "
            "Use --db PATH (or WORKOUT_PLAYER_DB) to choose a file."
        )
    # The -wal first: SQLite writes the file's first page before it makes a -wal, so a
    # -wal seen here beside a file still empty was left by a program that is gone.
    wal_left = wal_left_behind(file)
    if info.st_size == 0:
        if wal_left:
            return Look("damaged", damage="it is empty, but changes were left beside it in -wal")
        return Look("new")
    try:
        with file.open("rb") as handle:
            header = handle.read(HEADER_BYTES)
    except OSError as exc:
        raise translate(exc, file, "read the history database") from exc
    if not header.startswith(SQLITE_HEADER):
        if SQLITE_HEADER.startswith(header):
            return Look("damaged", damage="it was cut off")
        return Look("damaged", damage="it is not an SQLite database")
    if len(header) < HEADER_BYTES:
        return Look("damaged", damage="it was cut off")
    # SQLite reads through a -wal (and makes one, and a -shm) when the read version byte
    # (19) is 2, whatever the write version (18) says: a write version above 2 only makes
    # the file read-only to it. So byte 19 alone decides, or a damaged file with
    # 19 = 2 and 18 = 171 would get a -wal and a -shm beside it from this look.
    in_wal_mode = header[19] == 2
    bare = not companion(file, "-wal").exists() and not companion(file, "-shm").exists()
    immutable = in_wal_mode and bare
    look = _look_inside(file, immutable=immutable, wal_left=wal_left)
    if look.state == "damaged" and immutable and companion(file, "-wal").exists():
        # Another program opened the file while we looked without locks: look again, with them.
        look = _look_inside(file, immutable=False, wal_left=wal_left)
    return look


def _look_inside(file: Path, *, immutable: bool, wal_left: bool) -> Look:
    try:
        conn = connect_read_only(file, immutable=immutable)
    except sqlite3.DatabaseError as exc:
        if is_corruption(exc):
            return Look("damaged", damage=f"it is damaged: {exc}")
        raise translate(exc, file, "read the history database") from exc
    try:
        try:
            schema = classify(conn)
        except sqlite3.OperationalError as exc:
            if not immutable and error_name(exc).startswith(("SQLITE_CANTOPEN", "SQLITE_IOERR")):
                # Read-only media or a full disk: the -shm a WAL read needs cannot be made.
                # Read without it (changes only in the -wal are not seen; a look can live
                # with that, and the connection that writes reads them).
                conn.close()
                conn = connect_read_only(file, immutable=True)
                schema = classify(conn)
            else:
                raise
        _refuse(file, schema)
        if schema.kind == "mismatch":
            return Look("damaged", schema.version, f"its tables do not match: {schema.detail}")
        if schema.kind == "empty":
            return Look("new")
        problem = integrity_problem(conn, file, schema, wal_left=wal_left)
        if problem:
            return Look("damaged", schema.version, problem)
        return Look("ours", schema.version)
    except sqlite3.DatabaseError as exc:
        if is_corruption(exc):
            return Look("damaged", damage=f"it is damaged: {exc}")
        raise translate(exc, file, "read the history database") from exc
    except OSError as exc:  # the file went away or became unreadable while we looked
        raise translate(exc, file, "read the history database") from exc
    finally:
        conn.close()


def _refuse(file: Path | None, schema: Schema) -> None:
    """Raise StoreError for a file that is not ours to change (it is left as it is)."""
    if schema.kind == "foreign":
        raise StoreError(
            f"{file} is a database of another program (tables: {schema.detail}), not a Workout "
            "Player history. It was left as it is. Use --db PATH to choose another file."
        )
    if schema.kind == "newer":
        raise StoreError(
            "This history database was written by a newer version of Workout Player "
            f"({schema.detail}, this version knows {SCHEMA_VERSION}). Update Workout "
            "Player, or use --db to choose another file."
        )
    if schema.kind == "mismatch" and schema.shared:
        raise StoreError(
            f"{file} holds tables of another program beside the history, and the history's "
            f"tables do not match ({schema.detail}). It was left as it is. "
            "Use --db PATH to choose another file."
        )


def refuse(file: Path | None, schema: Schema) -> None:
    """`_refuse`, for the check made again under the write lock before migrating."""
    _refuse(file, schema)
    if schema.kind == "mismatch":
        raise StoreError(
            f"The tables of {file} do not match ({schema.detail}). It was left as it is; "
            "start again to have it moved aside and a new history started."
        )


def integrity_problem(
    conn: sqlite3.Connection, file: Path, schema: Schema, *, wal_left: bool
) -> str | None:
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
    page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
    if size % page_size:
        # SQLite reads a missing end of a page as zeros, which may still pass the check.
        return "its length is not a whole number of pages: it was cut off"
    if size <= FULL_CHECK_BYTES or wal_left or _ended_uncleanly(conn, schema):
        result = [row[0] for row in conn.execute("PRAGMA quick_check").fetchall()]
        damage = [line for line in result if line != "ok" and not is_bad_value(line)]
        if damage:
            return f"its integrity check failed: {damage[0]}"
        return None
    pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
    if size < pages * page_size and not wal_has_content(file):
        return "the file is shorter than its contents: it was cut off"
    return None


_BAD_VALUE = re.compile(r"^(CHECK constraint failed in |NULL value in )")


def is_bad_value(line: str) -> bool:
    """Whether a quick_check line is about one value breaking a column's rule, not damage.

    Newer SQLite versions report values that break a CHECK or NOT NULL rule (a value
    edited by hand, another tool's write) in quick_check. The pages are sound and every
    read takes such a value defensively (store/cells.py), so moving the whole history
    aside for it would lose the person's data for one cell.
    """
    return _BAD_VALUE.match(line) is not None


def _ended_uncleanly(conn: sqlite3.Connection, schema: Schema) -> bool:
    if schema.version < 2:
        return True  # no host column yet; an old file is upgraded (and so checked) once
    rows = conn.execute("SELECT pid, host FROM sessions WHERE status = 'in_progress'").fetchall()
    return any(local_session_of_a_gone_process(pid, host) for pid, host in rows)


def wal_left_behind(file: Path) -> bool:
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
    wal = companion(file, "-wal")
    try:
        if not wal.exists() or wal.stat().st_size == 0:
            return False
    except OSError:
        return True
    return not _shm_in_use(companion(file, "-shm"))


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


def wal_has_content(file: Path) -> bool:
    try:
        return companion(file, "-wal").stat().st_size > 0
    except OSError:
        return False
