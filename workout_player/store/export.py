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


def as_stored(row: SessionRow | SetRow) -> dict[str, str | None]:
    """The values a damaged row holds in the wrong form, as stored, by column (NULL as None)."""
    return {bad.column: bad.shown or None for bad in row.bad}


def _time(moment: datetime | None, stored: dict[str, str | None], column: str) -> str | None:
    return to_text(moment) if moment is not None else stored.get(column)


def session_json(session: SessionRow, sets: list[SetRow]) -> dict[str, object]:
    """One element of `history --json` / `export --format json`.

    A value stored in the wrong form (see store.cells) is given as the stored text.
    """
    stored = as_stored(session)
    item: dict[str, object] = {
        "id": session.id,
        "workout": session.workout,
        "workout_file": session.workout_file,
        "started_at": _time(session.started_at, stored, "started_at"),
        "ended_at": _time(session.ended_at, stored, "ended_at"),
        "status": session.status,
        "active_seconds": session.active_seconds,
        "pain_before": session.pain_before,
        "pain_after": session.pain_after,
        "rpe": session.rpe,
        "notes": session.notes,
    }
    item.update((column, value) for column, value in stored.items() if column in item)
    item["sets"] = [_set_json(one) for one in sets]
    return item


_SET_KEYS = {"set_number": "set"}


def _set_json(one: SetRow) -> dict[str, object]:
    stored = as_stored(one)
    item: dict[str, object] = {
        "step": one.step,
        "exercise": one.exercise,
        "set": one.set,
        "side": one.side,
        "reps_target": one.reps_target,
        "reps_done": one.reps_done,
        "seconds": one.seconds,
        "ended_at": _time(one.ended_at, stored, "ended_at"),
    }
    for column, value in stored.items():
        key = _SET_KEYS.get(column, column)
        if key in item:
            item[key] = value
    return item


def hevy_rows(session: SessionRow, sets: list[SetRow]) -> list[dict[str, Cell]]:
    """One CSV row per set, in Hevy's columns; a damaged value shows as stored."""
    rows: list[dict[str, Cell]] = []
    index_in_exercise: dict[str, int] = {}
    stored = as_stored(session)
    start = hevy_time(session.started_at) or stored.get("started_at")
    end = hevy_time(session.ended_at) or stored.get("ended_at")
    for item in sets:
        set_stored = as_stored(item)
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
                "reps": set_stored.get("reps_done", item.reps_done),
                "distance_km": None,
                "duration_seconds": set_stored.get(
                    "seconds", None if item.seconds is None else round(item.seconds)
                ),
                "rpe": stored.get("rpe", session.rpe),
                "pain_before": stored.get("pain_before", session.pain_before),
                "pain_after": stored.get("pain_after", session.pain_after),
            }
        )
    return rows
