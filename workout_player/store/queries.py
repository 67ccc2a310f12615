"""Reads for the history screen and the command line; every result is a frozen dataclass.

Built to stay quick at 100,000 sessions with 10 sets each: paging in SQL
(newest first, by the `started_at` index), aggregates in SQL, and dates taken
from the local date at the start of the stored text (`substr(started_at, 1, 10)`),
which is the calendar day the person saw.
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from workout_player.store.cells import BadValue, Cells, decode_text, plain_time, shown

if TYPE_CHECKING:
    from sqlite_utils import Database

_LOCAL_DAY = "substr(s.started_at, 1, 10)"
_MAX_LIMIT = 2**63 - 1
"""SQLite's largest integer: a larger --limit means no limit."""
_DURATION = (
    # strftime('%s') honours the stored UTC offset and, unlike julianday, is exact to the second.
    "COALESCE(CASE WHEN typeof(s.active_seconds) IN ('integer', 'real') THEN s.active_seconds END,"
    " CAST(strftime('%s', s.ended_at) AS INTEGER) - CAST(strftime('%s', s.started_at) AS INTEGER),"
    " 0)"
)


@dataclass(frozen=True)
class HistoryFilter:
    """Which sessions to show: one workout title and/or a range of local dates (inclusive)."""

    workout: str | None = None
    since: date | None = None
    until: date | None = None


@dataclass(frozen=True)
class SessionRow:
    """One session with its set count and totals.

    A value the file holds in the wrong form (see store.cells) reads as None (or as the
    stored text, for text columns) and is listed in `bad` with the value as stored.
    """

    id: int
    workout: str
    workout_file: str | None
    content_hash: str | None
    started_at: datetime | None
    ended_at: datetime | None
    status: str
    active_seconds: float | None
    pain_before: int | None
    pain_after: int | None
    rpe: int | None
    notes: str | None
    sets: int
    reps: int
    work_seconds: float
    """Seconds held or worked, summed over the sets."""
    bad: tuple[BadValue, ...] = ()

    @property
    def duration_seconds(self) -> float | None:
        """Active time when known, else the wall-clock time from start to end."""
        if self.active_seconds is not None:
            return self.active_seconds
        if self.ended_at is None or self.started_at is None:
            return None
        return max(0.0, (self.ended_at - self.started_at).total_seconds())


@dataclass(frozen=True)
class SetRow:
    """A stored set as read back: `diary.SetRecord`'s fields, plus where it is stored.

    Not one type with SetRecord on purpose: a record is what the diary writes, every value
    known; a row is what a file holds, where any value may be missing or damaged (None, and
    named in `bad`). tests/test_store.py keeps the two field lists the same.
    """

    id: int
    session_id: int
    step: int | None
    exercise: str
    set: int | None
    side: str | None
    reps_target: int | None
    reps_done: int | None
    seconds: float | None
    started_at: datetime | None
    ended_at: datetime | None
    bad: tuple[BadValue, ...] = ()


@dataclass(frozen=True)
class ExerciseTotal:
    """Sets, reps and seconds held or worked for one exercise (in a session, or overall)."""

    exercise: str
    sets: int
    reps: int
    seconds: float
    sessions: int
    each_side: bool = False
    """Every set was done left and right: `sets` counts each set once, not once per side."""


@dataclass(frozen=True)
class WeekTotal:
    week_start: date
    """The Monday of the ISO week."""
    sessions: int
    minutes: float


@dataclass(frozen=True)
class PainPoint:
    """Average pain before and after on one day (None when nobody said)."""

    day: date
    before: float | None
    after: float | None
    sessions: int


@dataclass(frozen=True)
class Streaks:
    """Runs of consecutive days and ISO weeks with at least one set done.

    A current run stays alive until a whole day (week) passes without a session.
    """

    current_days: int
    best_days: int
    current_weeks: int
    best_weeks: int


_NUMBER = "CASE WHEN typeof({0}) IN ('integer', 'real') THEN {0} END"
_TOTAL = f"total({_NUMBER})"
"""A sum that cannot overflow (sum() raises on a huge integer) and skips text and blobs."""

# A set done left and right is two rows but one set, as the workout page counts it:
# a set is its (session, step, exercise, set number). quote() keeps a damaged NULL counted.
_SET_KEY = (
    "quote(t.session_id) || ',' || quote(t.step) || ',' || quote(t.exercise) || ','"
    " || quote(t.set_number)"
)
_SETS = f"count(DISTINCT {_SET_KEY})"
_EACH_SIDE = "(min(coalesce(t.side IN ('left', 'right'), 0)) AND count(DISTINCT t.side) = 2)"

_SESSION_COLUMNS = (
    "s.id, s.workout, s.workout_file, s.content_hash, s.started_at, s.ended_at, s.status,"
    " s.active_seconds, s.pain_before, s.pain_after, s.rpe, s.notes,"
    f" (SELECT {_SETS} FROM sets t WHERE t.session_id = s.id),"
    f" (SELECT {_TOTAL.format('t.reps_done')} FROM sets t WHERE t.session_id = s.id),"
    f" (SELECT {_TOTAL.format('t.seconds')} FROM sets t WHERE t.session_id = s.id)"
)
_SET_COLUMNS = (
    "id, session_id, step, exercise, set_number, side, reps_target, reps_done, seconds,"
    " started_at, ended_at"
)


def _where(flt: HistoryFilter) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if flt.workout is not None:
        clauses.append("s.workout = ?")
        params.append(flt.workout)
    if flt.since is not None:
        clauses.append("s.started_at >= ?")
        params.append(flt.since.isoformat())
    if flt.until is not None:
        # Text comparison on the local date prefix: "2026-11-23T18:04..." < "2026-11-24".
        clauses.append("s.started_at < ?")
        params.append((flt.until + timedelta(days=1)).isoformat())
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _amount(value: object) -> float:
    """An aggregate as a float; total() of a damaged file's values may be infinite."""
    return float(value) if isinstance(value, int | float) and math.isfinite(value) else 0.0


def _whole(value: object) -> int:
    return int(_amount(value))


def _session(row: Sequence[Any]) -> SessionRow:
    cells = Cells()
    return SessionRow(
        id=row[0],
        workout=cells.text("workout", row[1], required=True) or "",
        workout_file=cells.text("workout_file", row[2]),
        content_hash=cells.text("content_hash", row[3]),
        started_at=cells.moment("started_at", row[4], required=True),
        ended_at=cells.moment("ended_at", row[5]),
        status=cells.text("status", row[6], required=True) or "",
        active_seconds=cells.real("active_seconds", row[7]),
        pain_before=cells.integer("pain_before", row[8]),
        pain_after=cells.integer("pain_after", row[9]),
        rpe=cells.integer("rpe", row[10]),
        notes=cells.text("notes", row[11]),
        sets=_whole(row[12]),
        reps=_whole(row[13]),
        work_seconds=_amount(row[14]),
        bad=tuple(cells.bad),
    )


def _set(row: Sequence[Any]) -> SetRow:
    # A set as the app writes it is checked with a few type tests (an export reads a
    # million of them); anything else goes through Cells, which names what is wrong.
    set_id, session_id, step, exercise, number, side, target, done, seconds, start, end = row
    if (
        type(step) is int
        and type(exercise) is str
        and type(number) is int
        and (side is None or type(side) is str)
        and (target is None or type(target) is int)
        and (done is None or type(done) is int)
        and type(seconds) is float
        and math.isfinite(seconds)
    ):
        started, ended = plain_time(start), plain_time(end)
        if started is not None and ended is not None:
            return SetRow(
                set_id, session_id, step, exercise, number, side, target, done, seconds,
                started, ended,
            )  # fmt: skip
    return _checked_set(row)


def _checked_set(row: Sequence[Any]) -> SetRow:
    cells = Cells()
    return SetRow(
        id=row[0],
        session_id=row[1],
        step=cells.integer("step", row[2], required=True),
        exercise=cells.text("exercise", row[3], required=True) or "",
        set=cells.integer("set_number", row[4], required=True),
        side=cells.text("side", row[5]),
        reps_target=cells.integer("reps_target", row[6]),
        reps_done=cells.integer("reps_done", row[7]),
        seconds=cells.real("seconds", row[8], required=True),
        started_at=cells.moment("started_at", row[9], required=True),
        ended_at=cells.moment("ended_at", row[10], required=True),
        bad=tuple(cells.bad),
    )


def _valid_day(text: object) -> date | None:
    """A local calendar day from SQL, None for a row whose time is not a time."""
    try:
        return date.fromisoformat(text) if isinstance(text, str) else None
    except ValueError:
        return None


class HistoryQueries:
    """The read side of the Store (the Store inherits these methods).

    Reads go through the plain sqlite3 connection: sqlite-utils costs about
    0.1 s to import, a third of what `history --limit 50` would otherwise take.
    `db` still gives the sqlite-utils view of the same connection, loaded on first use.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._db: Database | None = None

    @property
    def db(self) -> Database:
        """The same connection as a sqlite-utils `Database` (for tests and one's own queries)."""
        if self._db is None:
            from sqlite_utils import Database

            self._db = Database(self.conn)
        return self._db

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        try:
            return self.conn.execute(sql, list(params)).fetchall()
        except sqlite3.OperationalError as exc:
            if "decode" not in str(exc):
                raise
        # Text that is not UTF-8 stops the whole fetch. Read the page again with a text
        # factory that never raises; only then, so good files keep sqlite3's fast decoding.
        previous = self.conn.text_factory
        self.conn.text_factory = decode_text
        try:
            return self.conn.execute(sql, list(params)).fetchall()
        finally:
            self.conn.text_factory = previous

    def count_sessions(self, flt: HistoryFilter | None = None) -> int:
        where, params = _where(flt or HistoryFilter())
        return int(self._rows(f"SELECT count(*) FROM sessions s{where}", params)[0][0])

    def sessions(
        self, flt: HistoryFilter | None = None, *, limit: int = 100, offset: int = 0
    ) -> list[SessionRow]:
        """One page of sessions, newest first."""
        where, params = _where(flt or HistoryFilter())
        sql = (
            f"SELECT {_SESSION_COLUMNS} FROM sessions s{where}"
            " ORDER BY s.started_at DESC, s.id DESC LIMIT ? OFFSET ?"
        )
        return [_session(row) for row in self._rows(sql, [*params, limit, offset])]

    def session(self, session_id: int) -> SessionRow | None:
        rows = self._rows(f"SELECT {_SESSION_COLUMNS} FROM sessions s WHERE s.id = ?", [session_id])
        return _session(rows[0]) if rows else None

    def iter_sessions(
        self, flt: HistoryFilter | None = None, *, limit: int | None = None, chunk: int = 500
    ) -> Iterator[tuple[SessionRow, list[SetRow]]]:
        """Every session (newest first) with its sets, read in chunks.

        The order is read first as a list of ids (a few MB at 100,000 sessions), then the
        rows chunk by chunk. Paging on the stored start time instead would lose or repeat
        rows whose time is NULL, a blob or not UTF-8, which a damaged file may hold.
        """
        where, params = _where(flt or HistoryFilter())
        sql = f"SELECT s.id FROM sessions s{where} ORDER BY s.started_at DESC, s.id DESC"
        if limit is not None:
            sql += " LIMIT ?"
            params = [*params, min(limit, _MAX_LIMIT)]
        ids = [row[0] for row in self._rows(sql, params)]
        for start in range(0, len(ids), chunk):
            page = ids[start : start + chunk]
            marks = ", ".join("?" * len(page))
            sql = f"SELECT {_SESSION_COLUMNS} FROM sessions s WHERE s.id IN ({marks})"
            rows = self._rows(sql, page)
            by_id = {row[0]: row for row in rows}
            sets = self.sets_for(page)
            for session_id in page:
                if session_id in by_id:  # deleted meanwhile by another program
                    yield _session(by_id[session_id]), sets.get(session_id, [])

    def sets(self, session_id: int) -> list[SetRow]:
        """A session's sets in the order they were done."""
        sql = f"SELECT {_SET_COLUMNS} FROM sets WHERE session_id = ? ORDER BY id"
        return [_set(row) for row in self._rows(sql, [session_id])]

    def sets_for(self, session_ids: Sequence[int]) -> dict[int, list[SetRow]]:
        result: dict[int, list[SetRow]] = {}
        for start in range(0, len(session_ids), 500):  # stay under SQLite's variable limit
            ids = list(session_ids[start : start + 500])
            marks = ", ".join("?" * len(ids))
            sql = f"SELECT {_SET_COLUMNS} FROM sets WHERE session_id IN ({marks}) ORDER BY id"
            for row in self._rows(sql, ids):
                result.setdefault(row[1], []).append(_set(row))
        return result

    def session_summary(self, session_id: int) -> list[ExerciseTotal]:
        """Per exercise, in the order first done: sets, reps and seconds held or worked."""
        sql = (
            f"SELECT t.exercise, {_SETS}, {_TOTAL.format('t.reps_done')},"
            f" {_TOTAL.format('t.seconds')}, 1, {_EACH_SIDE}"
            " FROM sets t WHERE t.session_id = ? GROUP BY t.exercise ORDER BY min(t.id)"
        )
        return [_exercise_total(row) for row in self._rows(sql, [session_id])]

    def exercise_totals(self, flt: HistoryFilter | None = None) -> list[ExerciseTotal]:
        """Totals per exercise over the filtered sessions, most sets first."""
        flt = flt or HistoryFilter()
        where, params = _where(flt)
        source = "sets t" if not where else f"sets t JOIN sessions s ON s.id = t.session_id{where}"
        sql = (
            f"SELECT t.exercise, {_SETS}, {_TOTAL.format('t.reps_done')},"
            f" {_TOTAL.format('t.seconds')}, count(DISTINCT t.session_id), {_EACH_SIDE}"
            f" FROM {source} GROUP BY t.exercise ORDER BY {_SETS} DESC, t.exercise"
        )
        return [_exercise_total(row) for row in self._rows(sql, params)]

    def weekly_totals(self, flt: HistoryFilter | None = None) -> list[WeekTotal]:
        """Sessions and minutes per ISO week (Monday), oldest first, empty weeks included."""
        where, params = _where(flt or HistoryFilter())
        sql = (
            f"SELECT date({_LOCAL_DAY}, 'weekday 0', '-6 days') AS week, count(*),"
            f" total({_DURATION}) / 60.0 FROM sessions s{where} GROUP BY week ORDER BY week"
        )
        found: dict[date, tuple[int, float]] = {}
        for row in self._rows(sql, params):
            week = _valid_day(row[0])  # NULL for sessions whose start is not a time
            if week is not None:
                found[week] = (int(row[1]), _amount(row[2]))
        if not found:
            return []
        weeks: list[WeekTotal] = []
        week, last = min(found), max(found)
        while week <= last:
            count, minutes = found.get(week, (0, 0.0))
            weeks.append(WeekTotal(week, count, minutes))
            week += timedelta(days=7)
        return weeks

    def pain_trend(self, flt: HistoryFilter | None = None) -> list[PainPoint]:
        """Average pain before and after per day, oldest first, days with any pain given."""
        where, params = _where(flt or HistoryFilter())
        joiner = " AND " if where else " WHERE "
        sql = (
            f"SELECT {_LOCAL_DAY} AS day, avg({_NUMBER.format('s.pain_before')}),"
            f" avg({_NUMBER.format('s.pain_after')}), count(*)"
            f" FROM sessions s{where}{joiner}"
            "(s.pain_before IS NOT NULL OR s.pain_after IS NOT NULL)"
            " GROUP BY day ORDER BY day"
        )
        points = []
        for row in self._rows(sql, params):
            day = _valid_day(row[0])
            if day is not None:
                points.append(PainPoint(day, _finite(row[1]), _finite(row[2]), int(row[3])))
        return points

    def workout_titles(self) -> list[str]:
        """Every workout title in the history, for the filter box."""
        rows = self._rows("SELECT DISTINCT workout FROM sessions ORDER BY 1")
        return [row[0] for row in rows if isinstance(row[0], str) and row[0]]

    def streaks(self, today: date | None = None) -> Streaks:
        """Days and ISO weeks in a row with a session in which at least one set was done."""
        today = today or date.today()
        rows = self._rows(
            f"SELECT DISTINCT {_LOCAL_DAY} FROM sessions s"
            " WHERE EXISTS (SELECT 1 FROM sets t WHERE t.session_id = s.id) ORDER BY 1"
        )
        days = sorted({day for row in rows if (day := _valid_day(row[0])) is not None})
        weeks = sorted({day - timedelta(days=day.weekday()) for day in days})
        this_week = today - timedelta(days=today.weekday())
        current_days, best_days = _runs(days, timedelta(days=1), today)
        current_weeks, best_weeks = _runs(weeks, timedelta(days=7), this_week)
        return Streaks(current_days, best_days, current_weeks, best_weeks)


def _finite(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) and math.isfinite(value) else None


def _exercise_total(row: Sequence[Any]) -> ExerciseTotal:
    # The exercise may be NULL, a blob or not UTF-8 in a damaged file: shown as stored.
    exercise = row[0] if isinstance(row[0], str) else shown(row[0])
    return ExerciseTotal(
        exercise, int(row[1]), _whole(row[2]), _amount(row[3]), int(row[4]), bool(row[5])
    )


def _runs(points: list[date], step: timedelta, now: date) -> tuple[int, int]:
    """(current run, best run) of points `step` apart; current ends at `now` or one step before."""
    best = run = 0
    previous: date | None = None
    for point in points:
        run = run + 1 if previous is not None and point - previous == step else 1
        best = max(best, run)
        previous = point
    current = run if previous is not None and now - previous <= step else 0
    return current, best
