"""Reading one stored value defensively: a damaged row is shown, never a traceback.

A history file can be edited by hand (Datasette, the sqlite3 shell) or damaged, so any
column may hold a value of the wrong kind: text that is not UTF-8, a time that is not a
time, a number written as text, a NULL, a blob, an infinite number. `Cells` reads one
row: each method returns the clean value (or None) and, for a value that is not what the
column should hold, records a `BadValue` with the value as it is stored, so the history
and the exports can show it as it is and name the row.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime


class UndecodableText(str):
    """Stored text that was not valid UTF-8, decoded with U+FFFD where bytes were wrong."""


def decode_text(raw: bytes) -> str:
    """sqlite3 text_factory that never raises (used to re-read a page that failed to decode)."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return UndecodableText(raw.decode("utf-8", errors="replace"))


def plain_time(value: object) -> datetime | None:
    """A time as the app writes it (ISO 8601 with its offset, years 2-9998), else None."""
    if type(value) is not str:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None and 1 < moment.year < 9999 else None


BLOB_SHOWN_BYTES = 32


@dataclass(frozen=True)
class BadValue:
    """A stored value that is not what its column should hold."""

    column: str
    shown: str
    """The value as it is stored, as text ("" for a NULL)."""
    problem: str
    """What is wrong, e.g. "is not a time"."""

    def describe(self) -> str:
        stored = f" ({self.shown!r})" if self.shown else ""
        return f"{self.column} {self.problem}{stored}"


def shown(value: object) -> str:
    """Any stored value as text: NULL as "", a blob as x'hex' (long ones cut short)."""
    if value is None:
        return ""
    if isinstance(value, bytes):
        head = value[:BLOB_SHOWN_BYTES].hex()
        more = f"... ({len(value)} bytes)" if len(value) > BLOB_SHOWN_BYTES else ""
        return f"x'{head}'{more}"
    return str(value)


class Cells:
    """Reads the columns of one row; `bad` lists what was wrong, by column."""

    def __init__(self) -> None:
        self.bad: list[BadValue] = []

    def _wrong(self, column: str, value: object, problem: str) -> None:
        self.bad.append(BadValue(column, shown(value), problem))

    def text(self, column: str, value: object, *, required: bool = False) -> str | None:
        """Text as stored; bad bytes show as U+FFFD, a blob or a number as `shown()` gives."""
        if isinstance(value, UndecodableText):
            self._wrong(column, value, "is not valid UTF-8 text")
            return str(value)
        if isinstance(value, str):
            return value
        if value is None:
            if required:
                self._wrong(column, value, "is empty (NULL)")
                return ""
            return None
        self._wrong(column, value, "is not text")
        return shown(value)

    def integer(self, column: str, value: object, *, required: bool = False) -> int | None:
        if isinstance(value, int):
            return value
        if isinstance(value, float) and value.is_integer() and abs(value) < 2**63:
            return int(value)  # 8.0 is 8; 1e300 is not a count of anything
        self._absent_or_wrong(column, value, required, "is not a whole number")
        return None

    def real(self, column: str, value: object, *, required: bool = False) -> float | None:
        if isinstance(value, int | float) and math.isfinite(value):
            return float(value)
        self._absent_or_wrong(column, value, required, "is not a number")
        return None

    def _absent_or_wrong(self, column: str, value: object, required: bool, problem: str) -> None:
        """Record a value of the wrong kind, or a NULL where the column needs a value."""
        if value is not None:
            self._wrong(column, value, problem)
        elif required:
            self._wrong(column, value, "is empty (NULL)")
        return None

    def moment(self, column: str, value: object, *, required: bool = False) -> datetime | None:
        """An ISO 8601 time; one without an offset is taken as local time, as it was written."""
        if value is None:
            self._absent_or_wrong(column, value, required, "")
            return None
        if isinstance(value, str) and not isinstance(value, UndecodableText):
            try:
                moment = datetime.fromisoformat(value)
                if moment.tzinfo is None:
                    return moment.astimezone()
                if 1 < moment.year < 9999:
                    return moment
                # Shown in local time later: a time too near year 1 or 9999 cannot be.
                moment.astimezone()
                return moment
            except (ValueError, OverflowError, OSError):
                pass
        self._wrong(column, value, "is not a time")
        return None
