"""The history as plain data: the JSON of `history --json` and Hevy-style CSV rows.

The CSV uses the columns of Hevy's workout export (one row per set), so
spreadsheets and workout-log tools that import Hevy read it, plus
`pain_before` and `pain_after`. Hevy writes times as "23 Nov 2026, 18:04" in
the person's local time; set_index counts from 0 within each exercise.
"""

from __future__ import annotations

from datetime import datetime

from workout_player.store.queries import SessionRow, SetRow
from workout_player.store.times import to_text

HEVY_COLUMNS = (
    "title",
    "start_time",
    "end_time",
    "description",
    "exercise_title",
    "superset_id",
    "exercise_notes",
    "set_index",
    "set_type",
    "weight_kg",
    "reps",
    "distance_km",
    "duration_seconds",
    "rpe",
    "pain_before",
    "pain_after",
)

# English month names whatever the locale, as Hevy's export has them.
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

Cell = str | int | float | None


def hevy_time(moment: datetime | None) -> str:
    """ "23 Nov 2026, 18:04" in the wall-clock time the session was recorded in."""
    if moment is None:
        return ""
    return f"{moment.day} {_MONTHS[moment.month - 1]} {moment.year}, {moment:%H:%M}"


def session_json(session: SessionRow, sets: list[SetRow]) -> dict[str, object]:
    """One element of `history --json` / `export --format json`."""
    return {
        "id": session.id,
        "workout": session.workout,
        "workout_file": session.workout_file,
        "started_at": to_text(session.started_at),
        "ended_at": to_text(session.ended_at) if session.ended_at else None,
        "status": session.status,
        "active_seconds": session.active_seconds,
        "pain_before": session.pain_before,
        "pain_after": session.pain_after,
        "rpe": session.rpe,
        "notes": session.notes,
        "sets": [
            {
                "step": item.step,
                "exercise": item.exercise,
                "set": item.set,
                "side": item.side,
                "reps_target": item.reps_target,
                "reps_done": item.reps_done,
                "seconds": item.seconds,
                "ended_at": to_text(item.ended_at),
            }
            for item in sets
        ],
    }


def hevy_rows(session: SessionRow, sets: list[SetRow]) -> list[dict[str, Cell]]:
    """One CSV row per set, in Hevy's columns."""
    rows: list[dict[str, Cell]] = []
    index_in_exercise: dict[str, int] = {}
    start, end = hevy_time(session.started_at), hevy_time(session.ended_at)
    for item in sets:
        set_index = index_in_exercise.get(item.exercise, 0)
        index_in_exercise[item.exercise] = set_index + 1
        notes = f"{item.side} side" if item.side else ""
        if item.reps_target is not None and item.reps_done is not None:
            notes = "; ".join(filter(None, [notes, f"target {item.reps_target} reps"]))
        rows.append(
            {
                "title": session.workout,
                "start_time": start,
                "end_time": end,
                "description": session.notes or "",
                "exercise_title": item.exercise,
                "superset_id": None,
                "exercise_notes": notes,
                "set_index": set_index,
                "set_type": "normal",
                "weight_kg": None,
                "reps": item.reps_done,
                "distance_km": None,
                "duration_seconds": round(item.seconds),
                "rpe": session.rpe,
                "pain_before": session.pain_before,
                "pain_after": session.pain_after,
            }
        )
    return rows
