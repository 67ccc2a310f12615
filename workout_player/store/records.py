"""Pending writes as plain records, and writing them to the store idempotently.

A record is a JSON-ready dict, the same in the writer's queue and in the journal:

    {"op": "start",  "key": K, "workout": ..., "workout_file": ..., "content_hash": ...,
     "started_at": ISO, "pid": N}
    {"op": "set",    "key": K2, "session": K, "record": {SetRecord fields, times as ISO}}
    {"op": "check",  "key": K3, "session": K, "record": {CheckRecord fields, time as ISO}}
    {"op": "finish", "session": K, "status": ..., "active_seconds": S, "ended_at": ISO}
    {"op": "update", "session": K, "fields": {"pain_after": 3, "notes": "..."}}
    {"op": "delete", "key": K4, "session_id": N, "stamp": started_at as stored}
    {"op": "enrol" | "enrolment_event" | "response" | "choice", ...}   (store/programmes.py)
    {"op": "profile", "birth_year": 1961 | None, "sex": "female" | "male" | None}

A session is named by its key `K` (made when it starts, before any row exists) or, for
a session already stored without one (an edit on the History screen), by
`"session_id": N`. Inserts are skipped when their key is stored already and updates
set the same values again, so writing a record twice changes nothing.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import sys
import uuid
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import Any

from workout_player.domain.check_diary import CheckRecord
from workout_player.domain.diary import SetRecord
from workout_player.domain.profile import Profile, sex_of
from workout_player.store import programmes
from workout_player.store.journal import Record, locked, read
from workout_player.store.sessions import Store
from workout_player.store.times import from_text, now, to_text

log = logging.getLogger(__name__)


class SessionHandle:
    """A session the writer was asked to write: its key at once, its row id once stored.

    Later writes name the session by the handle; the writer thread sets `id` when the
    start is written (a session stored earlier has an id and no key).
    """

    __slots__ = ("id", "key")

    def __init__(self, key: str | None = None, session_id: int | None = None) -> None:
        self.key = key
        self.id = session_id

    @classmethod
    def stored(cls, session_id: int) -> SessionHandle:
        return cls(None, session_id)

    def target(self) -> Record:
        """How a record names this session."""
        return {"session": self.key} if self.key is not None else {"session_id": self.id}


class UnknownSessionError(LookupError):
    """A record names a session that is not in the database (its start record was lost)."""


def new_key() -> str:
    return uuid.uuid4().hex


def start_record(
    *, workout: str, workout_file: str | None, content_hash: str | None, key: str | None = None
) -> Record:
    return {
        "op": "start",
        "key": key or new_key(),
        "workout": workout,
        "workout_file": workout_file,
        "content_hash": content_hash,
        "started_at": to_text(now()),
        "pid": os.getpid(),
    }


def set_record(target: Record, record: SetRecord) -> Record:
    fields: dict[str, Any] = asdict(record)
    fields["started_at"] = to_text(record.started_at)
    fields["ended_at"] = to_text(record.ended_at)
    return {"op": "set", "key": new_key(), **target, "record": fields}


def check_record(target: Record, record: CheckRecord) -> Record:
    fields: dict[str, Any] = asdict(record)
    fields["measured_at"] = to_text(record.measured_at)
    return {"op": "check", "key": new_key(), **target, "record": fields}


def profile_record(profile: Profile) -> Record:
    """The optional profile to store (an empty one clears it); writing it twice is harmless."""
    return {"op": "profile", "birth_year": profile.birth_year, "sex": profile.sex}


def check_of(record: Record) -> CheckRecord:
    """The CheckRecord a "check" record carries."""
    fields = dict(record["record"])
    fields["measured_at"] = from_text(fields["measured_at"])
    return CheckRecord(**fields)


def finish_record(
    target: Record, *, status: str, active_seconds: float, ended_at: datetime | None = None
) -> Record:
    return {
        "op": "finish",
        **target,
        "status": status,
        "active_seconds": active_seconds,
        "ended_at": to_text(ended_at or now()),
    }


def update_record(target: Record, fields: dict[str, int | str | None]) -> Record:
    return {"op": "update", **target, "fields": dict(fields)}


def delete_record(session_id: int, stamp: str | None) -> Record:
    """Delete a stored session (History screen); `stamp` is `Store.session_stamp(id)`."""
    return {"op": "delete", "key": new_key(), "session_id": session_id, "stamp": stamp}


def set_of(record: Record) -> SetRecord:
    """The SetRecord a "set" record carries."""
    fields = dict(record["record"])
    fields["started_at"] = from_text(fields["started_at"])
    fields["ended_at"] = from_text(fields["ended_at"])
    return SetRecord(**fields)


def apply(store: Store, record: Record) -> int | None:
    """Write one record in its own transaction; returns the new row's id for start and set.

    Raises StoreError when the database cannot be written now (locked, full, read-only),
    UnknownSessionError when the record's session is not stored, and KeyError, TypeError or
    ValueError for a record that is not one of ours.
    """
    op = record["op"]
    if op == "start":
        return store.start_session(
            workout=record["workout"],
            workout_file=record["workout_file"],
            content_hash=record["content_hash"],
            started_at=from_text(record["started_at"]),
            key=record["key"],
            pid=record["pid"],
        )
    if op in ("enrol", "enrolment_event", "choice"):
        return _programme(store, record)
    if op == "profile":
        year = record["birth_year"]
        if year is not None and not isinstance(year, int):
            raise TypeError(f"a birth year is a whole number, got {year!r}")
        store.set_profile(Profile(birth_year=year, sex=sex_of(record["sex"])))
        return None
    session_id = _session_id(store, record)
    if op == "response":
        programmes.respond(store, session_id, dict(record["fields"]))
        return None
    if op == "set":
        return store.record_set(session_id, set_of(record), key=record["key"])
    if op == "check":
        store.record_check(session_id, check_of(record), key=record["key"])
        return None
    if op == "finish":
        store.finish_session(
            session_id,
            status=record["status"],
            active_seconds=float(record["active_seconds"]),
            ended_at=from_text(record["ended_at"]),
        )
        return None
    if op == "update":
        store.update_session(session_id, **record["fields"])
        return None
    if op == "delete":
        store.delete_session(session_id, stamp=record["stamp"])
        return None
    raise ValueError(f"unknown pending write {op!r}")


def _programme(store: Store, record: Record) -> int | None:
    op = record["op"]
    if op == "enrol":
        return programmes.enrol(store, record)
    if op == "enrolment_event":
        programmes.add_event(store, record)
        return None
    has_session = record.get("session") is not None or record.get("session_id") is not None
    programmes.choose(store, record, _session_id(store, record) if has_session else None)
    return None


def _session_id(store: Store, record: Record) -> int:
    if "session_id" in record:
        return int(record["session_id"])
    found = store.session_id_of(record["session"])
    if found is None:
        raise UnknownSessionError(f"session {record['session']} is not in the history")
    return found


NEVER_WRITABLE = (
    UnknownSessionError,
    programmes.UnknownEnrolmentError,
    KeyError,
    TypeError,
    ValueError,
    sqlite3.IntegrityError,
)
"""What `apply` raises for a record no retry will ever write (not one of ours, or orphaned)."""


def replay_journal(store: Store, path: Path) -> int:
    """Write every record of the journal at `path`, then delete it; returns how many.

    Raises StoreError (the journal is kept) when the database cannot be written now.
    A record that can never be written (damaged, or its session lost) is logged and
    skipped, so one bad line cannot hold the others back for ever.
    """
    if not path.exists():
        return 0
    with locked(path) as handle:
        pending = read(handle, path)
        for record in pending:
            try:
                apply(store, record)
            except NEVER_WRITABLE as exc:
                log.error("pending record skipped (%s): %r", exc, record)
        if sys.platform != "win32":
            path.unlink()  # under the lock: no appender can add to it between read and delete
    if sys.platform == "win32":
        path.unlink(missing_ok=True)  # Windows cannot delete a file that is open
    return len(pending)
