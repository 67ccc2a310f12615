"""Times are stored as ISO 8601 text with their UTC offset, e.g. 2026-11-23T18:04:05+01:00.

Local time with its offset keeps the wall-clock time the person saw (so "days
in a row" and the CSV use their calendar) and is still exact: SQLite's
date functions and `datetime.fromisoformat` both honour the offset.
"""

from __future__ import annotations

from datetime import datetime


def now() -> datetime:
    """The current local time, with its UTC offset."""
    return datetime.now().astimezone()


def to_text(moment: datetime) -> str:
    """ISO 8601 to the second, with offset; a naive datetime is taken as local time."""
    if moment.tzinfo is None:
        moment = moment.astimezone()
    return moment.isoformat(timespec="seconds")


def from_text(text: str) -> datetime:
    return datetime.fromisoformat(text)


def from_optional(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)
