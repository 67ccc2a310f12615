"""Writing sessions and sets, one committed transaction per event, so a crash loses at most
the set in progress; and recovering the sessions of processes that died.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from datetime import datetime
from pathlib import Path
from typing import Literal

from workout_player.domain.diary import SetRecord
from workout_player.store.check_results import CheckResults, ProfileStore
from workout_player.store.errors import translate
from workout_player.store.queries import HistoryQueries
from workout_player.store.times import now, to_text
from workout_player.store.transaction import writing

EDITABLE_FIELDS = frozenset({"pain_before", "pain_after", "rpe", "notes"})
_SCALES = {"pain_before": (0, 10), "pain_after": (0, 10), "rpe": (1, 10)}


class Store(HistoryQueries, CheckResults, ProfileStore):
    """The history database: sessions, their sets and check results. Made by `open_store`."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None, notice: str | None) -> None:
        super().__init__(conn)
        self.path = path
        self.notice = notice
        """Something the person should be told (e.g. a damaged file was moved aside), or None."""

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def start_session(
        self,
        *,
        workout: str,
        workout_file: str | None,
        content_hash: str | None,
        started_at: datetime | None = None,
        key: str | None = None,
        pid: int | None = None,
    ) -> int:
        """Write the session row at once (status in_progress, with this process's id).

        With a `key` (the writer's), writing the same session again returns the first
        row's id instead of adding a second one. `pid` defaults to this process; a
        session replayed from the journal keeps the pid of the process that ran it.
        """
        with writing(self.conn, self.path, "save the start of the session"):
            cursor = self.conn.execute(
                "INSERT INTO sessions (workout, workout_file, content_hash, started_at, status,"
                " pid, host, key) VALUES (?, ?, ?, ?, 'in_progress', ?, ?, ?)"
                " ON CONFLICT (key) DO NOTHING",
                [
                    workout,
                    workout_file,
                    content_hash,
                    to_text(started_at or now()),
                    os.getpid() if pid is None else pid,
                    _hostname(),
                    key,
                ],
            )
            if cursor.rowcount == 0 and key is not None:
                return self._id_of("sessions", key)
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def record_set(self, session_id: int, record: SetRecord, *, key: str | None = None) -> int:
        """Commit one finished set in its own transaction; returns the set's id.

        With a `key`, a set already stored under it is not stored again (its id is returned).
        """
        with writing(self.conn, self.path, "save the set"):
            cursor = self.conn.execute(
                "INSERT INTO sets (session_id, step, exercise, set_number, side, reps_target,"
                " reps_done, seconds, started_at, ended_at, key)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING",
                [
                    session_id,
                    record.step,
                    record.exercise,
                    record.set,
                    record.side,
                    record.reps_target,
                    record.reps_done,
                    round(max(0.0, record.seconds), 3),
                    to_text(record.started_at),
                    to_text(record.ended_at),
                    key,
                ],
            )
            if cursor.rowcount == 0 and key is not None:
                return self._id_of("sets", key)
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def session_id_of(self, key: str) -> int | None:
        """The id of the session written under the writer's `key`, or None if it is not stored."""
        try:
            row = self.conn.execute("SELECT id FROM sessions WHERE key = ?", [key]).fetchone()
        except sqlite3.DatabaseError as exc:  # locked (a rollback-journal lock), damaged
            raise translate(exc, self.path, "find the session in the history") from exc
        return None if row is None else int(row[0])

    def _id_of(self, table: str, key: str) -> int:
        row = self.conn.execute(f"SELECT id FROM {table} WHERE key = ?", [key]).fetchone()
        assert row is not None, "ON CONFLICT (key) skipped the insert, so the key is stored"
        return int(row[0])

    def finish_session(
        self,
        session_id: int,
        *,
        status: Literal["completed", "stopped"],
        active_seconds: float,
        ended_at: datetime | None = None,
    ) -> None:
        """Close the session: the end was reached ("completed") or it was ended early."""
        if status not in ("completed", "stopped"):
            raise ValueError(f"status must be 'completed' or 'stopped', not {status!r}")
        with writing(self.conn, self.path, "save the end of the session"):
            self.conn.execute(
                "UPDATE sessions SET status = ?, active_seconds = ?, ended_at = ? WHERE id = ?",
                [
                    status,
                    round(max(0.0, active_seconds), 3),
                    to_text(ended_at or now()),
                    session_id,
                ],
            )

    def update_session(self, session_id: int, **fields: int | str | None) -> None:
        """Set pain_before, pain_after (0-10), rpe (1-10) or notes; None clears a value."""
        check_fields(fields)
        if not fields:
            return
        assignments = ", ".join(f"{name} = ?" for name in sorted(fields))
        values = [fields[name] for name in sorted(fields)]
        with writing(self.conn, self.path, "save the session's notes"):
            self.conn.execute(
                f"UPDATE sessions SET {assignments} WHERE id = ?", [*values, session_id]
            )

    def session_stamp(self, session_id: int) -> str | None:
        """The session's start time exactly as stored, or None (no row, or no text there).

        A delete record carries it, so a delete replayed later cannot remove another
        session that was given the same id after this one went.
        """
        try:
            row = self.conn.execute(
                "SELECT started_at FROM sessions WHERE id = ?", [session_id]
            ).fetchone()
        except sqlite3.DatabaseError as exc:  # locked (a rollback-journal lock), damaged
            raise translate(exc, self.path, "find the session in the history") from exc
        if row is None or not isinstance(row[0], str):
            return None
        return row[0]

    def delete_session(self, session_id: int, *, stamp: str | None) -> bool:
        """Delete a session with its sets, check results and answers (ON DELETE CASCADE).

        Only the row whose start is still `stamp` (see `session_stamp`) goes, so deleting
        twice, or replaying the delete after a new session took the id, changes nothing.
        Returns whether a row was deleted.
        """
        with writing(self.conn, self.path, "delete the session"):
            cursor = self.conn.execute(
                "DELETE FROM sessions WHERE id = ? AND started_at IS ?", [session_id, stamp]
            )
        return cursor.rowcount > 0

    def mark_interrupted(self) -> int:
        """Mark in-progress sessions of processes that are gone as interrupted; returns how many.

        Only sessions started on this machine are judged: another machine's pids
        mean nothing here. The end time becomes the last finished set's end.
        """
        rows = self.conn.execute(
            "SELECT id, pid, host FROM sessions WHERE status = 'in_progress'"
        ).fetchall()
        if not rows:
            return 0  # the usual case: no need to ask for the host name
        gone = [row[0] for row in rows if local_session_of_a_gone_process(row[1], row[2])]
        if not gone:
            return 0
        with writing(self.conn, self.path, "mark unfinished sessions as interrupted"):
            for session_id in gone:
                self.conn.execute(
                    "UPDATE sessions SET status = 'interrupted', ended_at = COALESCE("
                    " (SELECT ended_at FROM sets WHERE session_id = sessions.id"
                    "  ORDER BY id DESC LIMIT 1), started_at)"
                    " WHERE id = ? AND status = 'in_progress'",
                    [session_id],
                )
        return len(gone)


def check_fields(fields: dict[str, int | str | None]) -> None:
    """Raise ValueError unless every field is editable and in range (see `update_session`)."""
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise ValueError(f"cannot update {', '.join(sorted(unknown))}")
    for name, value in fields.items():
        if name in _SCALES and value is not None:
            low, high = _SCALES[name]
            whole = isinstance(value, int) and not isinstance(value, bool)
            if not (whole and isinstance(value, int) and low <= value <= high):
                raise ValueError(f"{name} must be a whole number from {low} to {high}")
        if name == "notes" and value is not None and not isinstance(value, str):
            raise ValueError("notes must be text")


def _hostname() -> str:
    # Imported here: `socket` costs about 5 ms of start-up that `history` never needs.
    import socket

    return socket.gethostname()


def local_session_of_a_gone_process(pid: int | None, host: str | None) -> bool:
    """Whether an in-progress session was started on this machine by a process that is gone.

    Another machine's pids mean nothing here (a synced folder); no host means an old row.
    """
    return (host is None or host == _hostname()) and not process_alive(pid)


def process_alive(pid: int | None) -> bool:
    """Whether the process with this id (on this machine) is still running."""
    if pid is None or pid <= 0:
        return False
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        return _windows_process_alive(pid)
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, it just belongs to someone else
    return True


if sys.platform == "win32":
    import ctypes

    def _windows_process_alive(pid: int) -> bool:
        # os.kill(pid, 0) would *terminate* the process on Windows: ask the kernel instead.
        still_active = 259
        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        try:
            code = ctypes.c_ulong()
            if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
                return True
            return code.value == still_active
        finally:
            kernel32.CloseHandle(handle)
