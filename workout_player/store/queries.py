"""Reads for the history screen and the command line; every result is a frozen dataclass.

Built to stay quick at 100,000 sessions with 10 sets each: paging in SQL
(newest first, by the `started_at` index), aggregates in SQL, and dates taken
from the local date at the start of the stored text (`substr(started_at, 1, 10)`),
which is the calendar day the person saw.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from workout_player.store.times import from_optional, from_text

if TYPE_CHECKING:
    from sqlite_utils import Database

_LOCAL_DAY = "substr(s.started_at, 1, 10)"
_DURATION = (
    # strftime('%s') honours the stored UTC offset and, unlike julianday, is exact to the second.
    "COALESCE(s.active_seconds,"
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
    """One session with its set count and totals."""

    id: int
    workout: str
    workout_file: str | None
    content_hash: str | None
    started_at: datetime
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

    @property
    def duration_seconds(self) -> float | None:
        """Active time when known, else the wall-clock time from start to end."""
        if self.active_seconds is not None:
            return self.active_seconds
        if self.ended_at is None:
            return None
        return max(0.0, (self.ended_at - self.started_at).total_seconds())


@dataclass(frozen=True)
class SetRow:
    id: int
    session_id: int
    step: int
    exercise: str
    set: int
    side: str | None
    reps_target: int | None
    reps_done: int | None
    seconds: float
    started_at: datetime
    ended_at: datetime


@dataclass(frozen=True)
class ExerciseTotal:
    """Sets, reps and seconds held or worked for one exercise (in a session, or overall)."""

    exercise: str
    sets: int
    reps: int
    seconds: float
    sessions: int


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


_SESSION_COLUMNS = (
    "s.id, s.workout, s.workout_file, s.content_hash, s.started_at, s.ended_at, s.status,"
    " s.active_seconds, s.pain_before, s.pain_after, s.rpe, s.notes,"
    " (SELECT count(*) FROM sets t WHERE t.session_id = s.id),"
    " (SELECT COALESCE(sum(t.reps_done), 0) FROM sets t WHERE t.session_id = s.id),"
    " (SELECT COALESCE(sum(t.seconds), 0) FROM sets t WHERE t.session_id = s.id)"
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


def _session(row: Sequence[Any]) -> SessionRow:
    return SessionRow(
        id=row[0],
        workout=row[1],
        workout_file=row[2],
        content_hash=row[3],
        started_at=from_text(row[4]),
        ended_at=from_optional(row[5]),
        status=row[6],
        active_seconds=row[7],
        pain_before=row[8],
        pain_after=row[9],
        rpe=row[10],
        notes=row[11],
        sets=row[12],
        reps=row[13],
        work_seconds=float(row[14]),
    )


def _set(row: Sequence[Any]) -> SetRow:
    return SetRow(
        id=row[0],
        session_id=row[1],
        step=row[2],
        exercise=row[3],
        set=row[4],
        side=row[5],
        reps_target=row[6],
        reps_done=row[7],
        seconds=float(row[8]),
        started_at=from_text(row[9]),
        ended_at=from_text(row[10]),
    )


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
        return self.conn.execute(sql, list(params)).fetchall()

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
        """Every session (newest first) with its sets, read in chunks by keyset paging."""
        where, params = _where(flt or HistoryFilter())
        joiner = " AND " if where else " WHERE "
        after: tuple[str, int] | None = None
        remaining = limit
        while remaining is None or remaining > 0:
            size = chunk if remaining is None else min(chunk, remaining)
            page_where, page_params = where, list(params)
            if after is not None:
                page_where += joiner + "(s.started_at, s.id) < (?, ?)"
                page_params += list(after)
            rows = self._rows(
                f"SELECT {_SESSION_COLUMNS} FROM sessions s{page_where}"
                " ORDER BY s.started_at DESC, s.id DESC LIMIT ?",
                [*page_params, size],
            )
            if not rows:
                return
            sets = self.sets_for([row[0] for row in rows])
            for row in rows:
                yield _session(row), sets.get(row[0], [])
            after = (rows[-1][4], rows[-1][0])
            if remaining is not None:
                remaining -= len(rows)

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
            "SELECT exercise, count(*), COALESCE(sum(reps_done), 0), COALESCE(sum(seconds), 0), 1"
            " FROM sets WHERE session_id = ? GROUP BY exercise ORDER BY min(id)"
        )
        return [ExerciseTotal(*row) for row in self._rows(sql, [session_id])]

    def exercise_totals(self, flt: HistoryFilter | None = None) -> list[ExerciseTotal]:
        """Totals per exercise over the filtered sessions, most sets first."""
        flt = flt or HistoryFilter()
        where, params = _where(flt)
        source = "sets t" if not where else f"sets t JOIN sessions s ON s.id = t.session_id{where}"
        sql = (
            "SELECT t.exercise, count(*), COALESCE(sum(t.reps_done), 0),"
            " COALESCE(sum(t.seconds), 0), count(DISTINCT t.session_id)"
            f" FROM {source} GROUP BY t.exercise ORDER BY count(*) DESC, t.exercise"
        )
        return [ExerciseTotal(*row) for row in self._rows(sql, params)]

    def weekly_totals(self, flt: HistoryFilter | None = None) -> list[WeekTotal]:
        """Sessions and minutes per ISO week (Monday), oldest first, empty weeks included."""
        where, params = _where(flt or HistoryFilter())
        sql = (
            f"SELECT date({_LOCAL_DAY}, 'weekday 0', '-6 days') AS week, count(*),"
            f" sum({_DURATION}) / 60.0 FROM sessions s{where} GROUP BY week ORDER BY week"
        )
        found = {
            date.fromisoformat(row[0]): (int(row[1]), float(row[2] or 0.0))
            for row in self._rows(sql, params)
        }
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
            f"SELECT {_LOCAL_DAY} AS day, avg(s.pain_before), avg(s.pain_after), count(*)"
            f" FROM sessions s{where}{joiner}"
            "(s.pain_before IS NOT NULL OR s.pain_after IS NOT NULL)"
            " GROUP BY day ORDER BY day"
        )
        return [
            PainPoint(date.fromisoformat(row[0]), row[1], row[2], int(row[3]))
            for row in self._rows(sql, params)
        ]

    def workout_titles(self) -> list[str]:
        """Every workout title in the history, for the filter box."""
        return [row[0] for row in self._rows("SELECT DISTINCT workout FROM sessions ORDER BY 1")]

    def streaks(self, today: date | None = None) -> Streaks:
        """Days and ISO weeks in a row with a session in which at least one set was done."""
        today = today or date.today()
        days = [
            date.fromisoformat(row[0])
            for row in self._rows(
                f"SELECT DISTINCT {_LOCAL_DAY} FROM sessions s"
                " WHERE EXISTS (SELECT 1 FROM sets t WHERE t.session_id = s.id) ORDER BY 1"
            )
        ]
        weeks = sorted({day - timedelta(days=day.weekday()) for day in days})
        this_week = today - timedelta(days=today.weekday())
        current_days, best_days = _runs(days, timedelta(days=1), today)
        current_weeks, best_weeks = _runs(weeks, timedelta(days=7), this_week)
        return Streaks(current_days, best_days, current_weeks, best_weeks)


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
