"""The records Today's keys write (no Qt): each built from what Today shows, stamped `now`.

The panel (today.py) hands them to the history writer; the builders themselves are
store/programmes.py's, so the app and the command line write the same rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from workout_player.domain.programme.loader import load_programme
from workout_player.store.journal import Record
from workout_player.store.programmes import (
    choice_record,
    enrol_record,
    event_record,
    response_record,
)
from workout_player.store.today import TodayReport, programme_file_key
from workout_player.ui.library.today_face import ChoiceFace


@dataclass(frozen=True)
class Offer:
    """Starting a programme file: the question to confirm with its safety note, or why not."""

    text: str
    record: Record | None
    """None: the file cannot be started (`text` says why)."""


def start_offer(path: Path, now: datetime) -> Offer:
    loaded = load_programme(path)
    programme = loaded.programme
    if programme is None:
        first = next((p for p in loaded.problems if p.severity == "error"), None)
        why = first.message if first else "it is not a programme"
        return Offer(f"{path.name} cannot be started: {why}.", None)
    safety = f" {programme.safety}" if programme.safety else ""
    return Offer(
        f"Start {programme.title} ({programme.weeks} weeks)?{safety}",
        enrol_record(programme_file_key(path), programme.title, now),
    )


def pause_or_resume(report: TodayReport, now: datetime) -> Record:
    row = report.enrolment
    kind = "resume" if row.enrolment.state() == "paused" else "pause"
    return event_record({"enrolment_id": row.id}, kind, now)


def leave(report: TodayReport, now: datetime) -> Record:
    return event_record({"enrolment_id": report.enrolment.id}, "leave", now)


def morning_answer(session_id: int, value: int | None, now: datetime) -> Record:
    """The answer (0-10), or a skip (None): either way the question was asked."""
    return response_record({"session_id": session_id}, morning_pain=value, morning_asked_at=now)


def choice(report: TodayReport, face: ChoiceFace, which: str, now: datetime) -> Record | None:
    """`which`: "accept" (the suggestion's kind), "same" or "easier"; None: nothing to decide."""
    view = report.today
    if view is None or view.suggestion is None or view.due is None:
        return None
    return choice_record(
        {"enrolment_id": report.enrolment.id},
        {"session_id": view.last_session} if view.last_session is not None else None,
        phase=view.due.phase_index,
        suggestion=view.suggestion,
        chosen=view.suggestion.kind if which == "accept" else which,
        level=face.levels[which],
        decided_at=now,
    )
