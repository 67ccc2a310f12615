"""Programme rows: enrolments and their events, next-morning pain and leg-symptom flags per
session, and each suggestion with the person's choice.

Writes are records (`store/records.py` applies them; the writer queues and journals them):

    {"op": "enrol", "key": K, "programme_file": ..., "programme": title, "started_at": ISO}
    {"op": "enrolment_event", "key": K2, "enrolment": K | "enrolment_id": N,
     "event": "pause" | "resume" | "leave", "at": ISO}
    {"op": "response", "session": K | "session_id": N,
     "fields": {"morning_pain": 0-10 | None, "morning_asked_at": ISO, "leg_symptoms": bool}}
    {"op": "choice", "key": K3, "enrolment": K | "enrolment_id": N,
     "session": K | "session_id": N | None, "phase": P, "suggested": kind, "rule": "H1",
     "reason": text, "level_from": L, "level_to": L2, "chosen": kind, "level": L3,
     "decided_at": ISO}

Inserts carry a unique key and are skipped when it is stored already; a response sets
the same values again. Replaying any record twice changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from workout_player.domain.programme.calendar import Enrolment, enrolment_of
from workout_player.domain.programme.schedule import Choice
from workout_player.domain.programme.suggestion import KINDS, Suggestion
from workout_player.store.journal import Record
from workout_player.store.sessions import Store
from workout_player.store.times import from_text, now, to_text
from workout_player.store.transaction import writing

RESPONSE_FIELDS = frozenset({"morning_pain", "morning_asked_at", "leg_symptoms"})


def _key() -> str:
    import uuid

    return uuid.uuid4().hex


# -- records ---------------------------------------------------------------------------------


def enrol_record(programme_file: str, programme: str, started_at: datetime | None = None) -> Record:
    return {
        "op": "enrol",
        "key": _key(),
        "programme_file": programme_file,
        "programme": programme,
        "started_at": to_text(started_at or now()),
    }


def event_record(enrolment: Record, event: str, at: datetime | None = None) -> Record:
    """`enrolment`: {"enrolment": key} or {"enrolment_id": id}."""
    if event not in ("pause", "resume", "leave"):
        raise ValueError(f"an enrolment event is pause, resume or leave, not {event!r}")
    return {"op": "enrolment_event", "key": _key(), **enrolment, "event": event,
            "at": to_text(at or now())}  # fmt: skip


def response_record(session: Record, **fields: Any) -> Record:
    """`session`: a SessionHandle's target(); fields: morning_pain, morning_asked_at,
    leg_symptoms."""
    check_response(fields)
    if "morning_asked_at" in fields and isinstance(fields["morning_asked_at"], datetime):
        fields["morning_asked_at"] = to_text(fields["morning_asked_at"])
    if "leg_symptoms" in fields and fields["leg_symptoms"] is not None:
        fields["leg_symptoms"] = bool(fields["leg_symptoms"])
    return {"op": "response", **session, "fields": fields}


def choice_record(
    enrolment: Record,
    session: Record | None,
    *,
    phase: int,
    suggestion: Suggestion,
    chosen: str,
    level: int,
    decided_at: datetime | None = None,
) -> Record:
    if chosen not in KINDS:
        raise ValueError(f"a choice is one of {', '.join(KINDS)}, not {chosen!r}")
    return {
        "op": "choice",
        "key": _key(),
        **enrolment,
        **(session or {"session_id": None}),
        "phase": phase,
        "suggested": suggestion.kind,
        "rule": suggestion.row,
        "reason": suggestion.reason,
        "level_from": suggestion.level_from,
        "level_to": suggestion.level_to,
        "chosen": chosen,
        "level": max(1, level),
        "decided_at": to_text(decided_at or now()),
    }


def check_response(fields: dict[str, Any]) -> None:
    unknown = set(fields) - RESPONSE_FIELDS
    if unknown:
        raise ValueError(f"cannot store {', '.join(sorted(unknown))} with a session")
    pain = fields.get("morning_pain")
    if pain is not None and (
        isinstance(pain, bool) or not isinstance(pain, int) or not 0 <= pain <= 10
    ):
        raise ValueError("morning_pain must be a whole number from 0 to 10")


# -- writing (records.apply calls these) -----------------------------------------------------


def enrol(store: Store, record: Record) -> int:
    with writing(store.conn, store.path, "save the programme's start"):
        cursor = store.conn.execute(
            "INSERT INTO enrolments (programme_file, programme, started_at, key)"
            " VALUES (?, ?, ?, ?) ON CONFLICT (key) DO NOTHING",
            [record["programme_file"], record["programme"], record["started_at"], record["key"]],
        )
    if cursor.rowcount == 0:
        return enrolment_id_of(store, record["key"])
    assert cursor.lastrowid is not None
    return cursor.lastrowid


class UnknownEnrolmentError(LookupError):
    """A record names an enrolment that is not in the database (its start was lost)."""


def enrolment_id_of(store: Store, key: str) -> int:
    row = store.conn.execute("SELECT id FROM enrolments WHERE key = ?", [key]).fetchone()
    if row is None:
        raise UnknownEnrolmentError(f"programme enrolment {key} is not in the history")
    return int(row[0])


def _enrolment(store: Store, record: Record) -> int:
    if "enrolment_id" in record:
        return int(record["enrolment_id"])
    return enrolment_id_of(store, record["enrolment"])


def add_event(store: Store, record: Record) -> None:
    enrolment = _enrolment(store, record)
    with writing(store.conn, store.path, "save the programme's change"):
        store.conn.execute(
            "INSERT INTO enrolment_events (enrolment_id, event, at, key) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (key) DO NOTHING",
            [enrolment, record["event"], record["at"], record["key"]],
        )


def respond(store: Store, session_id: int, fields: dict[str, Any]) -> None:
    check_response(fields)
    if not fields:
        return
    names = sorted(fields)
    values = [int(v) if isinstance(v, bool) else v for v in (fields[n] for n in names)]
    updates = ", ".join(f"{name} = excluded.{name}" for name in names)
    with writing(store.conn, store.path, "save the answer"):
        store.conn.execute(
            f"INSERT INTO session_responses (session_id, {', '.join(names)})"
            f" VALUES (?, {', '.join('?' for _ in names)})"
            f" ON CONFLICT (session_id) DO UPDATE SET {updates}",
            [session_id, *values],
        )


def choose(store: Store, record: Record, session_id: int | None) -> None:
    enrolment = _enrolment(store, record)
    with writing(store.conn, store.path, "save your choice"):
        store.conn.execute(
            "INSERT INTO suggestions (enrolment_id, session_id, phase, suggested, rule, reason,"
            " level_from, level_to, chosen, level, decided_at, key)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING",
            [enrolment, session_id, record["phase"], record["suggested"], record["rule"],
             record["reason"], record["level_from"], record["level_to"], record["chosen"],
             record["level"], record["decided_at"], record["key"]],
        )  # fmt: skip


# -- reading ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class EnrolmentRow:
    id: int
    programme_file: str
    programme: str
    enrolment: Enrolment


def current_enrolment(store: Store) -> EnrolmentRow | None:
    """The latest enrolment not left (paused counts), or None."""
    for row in latest_enrolments(store):
        if row.enrolment.state() != "left":
            return row
    return None


def latest_enrolments(store: Store, limit: int = 20) -> list[EnrolmentRow]:
    """Enrolments, newest first, with their events."""
    rows = store.conn.execute(
        "SELECT id, programme_file, programme, started_at FROM enrolments"
        " ORDER BY started_at DESC, id DESC LIMIT ?",
        [limit],
    ).fetchall()
    found = []
    for enrolment_id, file, title, started in rows:
        events = store.conn.execute(
            "SELECT event, at FROM enrolment_events WHERE enrolment_id = ? ORDER BY at, id",
            [enrolment_id],
        ).fetchall()
        pairs = [("start", from_text(started))] + [(e, from_text(at)) for e, at in events]
        found.append(EnrolmentRow(int(enrolment_id), file, title,
                                  enrolment_of(pairs, file, id=int(enrolment_id))))  # fmt: skip
    return found


def choices(store: Store, enrolment_id: int) -> list[Choice]:
    rows = store.conn.execute(
        "SELECT session_id, phase, suggested, chosen, level FROM suggestions"
        " WHERE enrolment_id = ? ORDER BY decided_at, id",
        [enrolment_id],
    ).fetchall()
    return [
        Choice(int(s) if s is not None else -1, int(p), k, c, int(lv)) for s, p, k, c, lv in rows
    ]


@dataclass(frozen=True)
class ResponseRow:
    morning_pain: int | None
    morning_asked_at: datetime | None
    leg_symptoms: bool


def responses(store: Store, session_ids: list[int]) -> dict[int, ResponseRow]:
    found: dict[int, ResponseRow] = {}
    for start in range(0, len(session_ids), 500):
        part = session_ids[start : start + 500]
        marks = ", ".join("?" for _ in part)
        rows = store.conn.execute(
            "SELECT session_id, morning_pain, morning_asked_at, leg_symptoms"
            f" FROM session_responses WHERE session_id IN ({marks})",
            part,
        ).fetchall()
        for session_id, pain, asked, legs in rows:
            found[int(session_id)] = ResponseRow(
                pain if isinstance(pain, int) else None,
                from_text(asked) if isinstance(asked, str) else None,
                bool(legs),
            )
    return found
