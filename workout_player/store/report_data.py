"""Everything the report for the physiotherapist shows, read from the history (no Qt).

    data = gather(store, start=date(2026, 10, 1), end=date(2026, 11, 30))
    data.sessions, data.weeks, data.pain_change.sentence, data.checks, data.red_flags ...

Reads only, a handful of queries whatever the length of the period; the drawing is
workout_player/ui/report/ (bench/report_build.py times both on three years of sessions).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from workout_player.domain.check_report import (
    Judged,
    judge,
    session_asymmetry,
    session_best,
    session_ratios,
)
from workout_player.domain.checks import Asymmetry, Ratio
from workout_player.domain.checks.wording import ratio_sentence
from workout_player.domain.report import PainChange, PainPoint, Week, mean_of, pain_change, per_week
from workout_player.store.check_results import CheckRow
from workout_player.store.programmes import current_enrolment, responses
from workout_player.store.queries import ExerciseTotal, HistoryFilter, SessionRow
from workout_player.store.sessions import Store
from workout_player.store.today import load_today

ALL = 2**62
"""No page limit: the report reads every session of its period (a few thousand at most)."""


@dataclass(frozen=True)
class Programme:
    title: str
    state: str
    started: date
    where: str
    """"Week 3 of 8, phase Build stability" on the report's last day ("" when unknown)."""
    adherence: tuple[tuple[int, int, int], ...] = ()
    """(programme week, sessions done, planned) for the weeks begun by the last day."""
    problem: str = ""


@dataclass(frozen=True)
class CheckLine:
    """One check (and side) at the first and the last time it was done in the period."""

    name: str
    side: str | None
    unit: str
    first: Judged
    last: Judged | None
    """None when it was done only once in the period."""


@dataclass(frozen=True)
class CheckSummary:
    first_day: date
    last_day: date | None
    lines: tuple[CheckLine, ...]
    asymmetries: tuple[tuple[str, str, Asymmetry], ...]
    """(when: "start"/"end", check name, how the sides differ)."""
    ratios: tuple[tuple[str, str], ...]
    """(when, the ratio in plain words; an unverified guide makes no judgement)."""


@dataclass(frozen=True)
class ReportData:
    start: date
    end: date
    made: date
    sessions: tuple[SessionRow, ...]
    """Oldest first."""
    weeks: tuple[Week, ...]
    pain: tuple[PainPoint, ...]
    pain_change: PainChange
    exercises: tuple[ExerciseTotal, ...]
    red_flags: tuple[SessionRow, ...]
    programme: Programme | None = None
    checks: CheckSummary | None = None

    @property
    def minutes(self) -> float:
        return sum((s.duration_seconds or 0.0) for s in self.sessions) / 60

    @property
    def completed(self) -> int:
        return sum(1 for s in self.sessions if s.status == "completed")

    @property
    def mean_rpe(self) -> float | None:
        return mean_of(s.rpe for s in self.sessions)

    @property
    def notes(self) -> list[SessionRow]:
        return [s for s in self.sessions if s.notes and s.notes.strip()]

    @property
    def has_pain(self) -> bool:
        return any(p.before is not None or p.after is not None or p.morning is not None
                   for p in self.pain)  # fmt: skip


def gather(store: Store, start: date, end: date, made: date | None = None) -> ReportData:
    """The report's figures for the local days `start` to `end` (inclusive)."""
    flt = HistoryFilter(since=start, until=end)
    rows = [s for s in reversed(store.sessions(flt, limit=ALL)) if s.started_at is not None]
    answers = responses(store, [s.id for s in rows])
    pain = tuple(
        PainPoint(
            _day(s),
            s.pain_before,
            s.pain_after,
            answers[s.id].morning_pain if s.id in answers else None,
        )
        for s in rows
    )
    weeks = per_week(((_day(s), (s.duration_seconds or 0.0) / 60) for s in rows), start, end)
    flags = tuple(s for s in rows if s.id in answers and answers[s.id].leg_symptoms)
    return ReportData(
        start=start,
        end=end,
        made=made or datetime.now().astimezone().date(),
        sessions=tuple(rows),
        weeks=tuple(weeks),
        pain=pain,
        pain_change=pain_change(pain, start, end),
        exercises=tuple(store.exercise_totals(flt)),
        red_flags=flags,
        programme=_programme(store, start, end),
        checks=_checks(store, start, end),
    )


def _day(row: SessionRow) -> date:
    assert row.started_at is not None  # filtered out above
    return row.started_at.date()


def _programme(store: Store, start: date, end: date) -> Programme | None:
    row = current_enrolment(store)
    if row is None or row.enrolment.start_day > end:
        return None
    found = load_today(store, today=end)
    state = row.enrolment.state()
    if found is None or found.today is None:
        problems = [str(p) for p in found.problems if p.severity == "error"] if found else []
        return Programme(row.programme, state, row.enrolment.start_day, "",
                         problem=problems[0] if problems else "")  # fmt: skip
    view = found.today
    where = ""
    if view.due is not None:
        where = f"week {view.due.week} of {view.due.weeks}, phase {view.due.phase.name}"
    first_week = row.enrolment.week_of(start) or 1
    adherence = tuple((a.week, a.done, a.planned) for a in view.adherence if a.week >= first_week)
    return Programme(row.programme, state, row.enrolment.start_day, where, adherence)


def _checks(store: Store, start: date, end: date) -> CheckSummary | None:
    inside = [r for r in store.check_results() if start <= r.measured_at.date() <= end]
    if not inside:
        return None
    by_session: dict[int, list[CheckRow]] = defaultdict(list)
    for row in sorted(inside, key=lambda r: (r.measured_at, r.id)):
        by_session[row.session_id].append(row)
    order = list(by_session)  # oldest first
    profile = store.profile()
    first_rows, last_rows = by_session[order[0]], by_session[order[-1]]
    lines: list[CheckLine] = []
    seen: dict[tuple[str, str | None], int] = {}
    for rows in (by_session[sid] for sid in order):
        for (check, side), _value in session_best(rows).items():
            best = max((r for r in rows if (r.check, r.side) == (check, side)),
                       key=lambda r: (r.value, -r.trial))  # fmt: skip
            judged = judge(best, profile)
            if (check, side) not in seen:
                seen[(check, side)] = len(lines)
                lines.append(CheckLine(best.name, side, best.unit, judged, None))
            else:
                kept = lines[seen[(check, side)]]
                lines[seen[(check, side)]] = CheckLine(kept.name, side, kept.unit, kept.first,
                                                       judged)  # fmt: skip
    moments = [("start", first_rows)]
    if len(order) > 1:
        moments.append(("end", last_rows))
    names = {r.check: r.name for r in inside}
    asymmetries = tuple(
        (when, names[check], found)
        for when, rows in moments
        for check, found in session_asymmetry(rows).items()
    )
    ratios = tuple((when, _ratio(r)) for when, rows in moments for r in session_ratios(rows))
    return CheckSummary(
        first_rows[0].measured_at.date(),
        last_rows[0].measured_at.date() if len(order) > 1 else None,
        tuple(lines),
        asymmetries,
        ratios,
    )


def _ratio(found: Ratio) -> str:
    return ratio_sentence(found)


DEFAULT_DAYS = 84
"""Without --from, the report covers the twelve weeks up to its last day."""


def default_start(store: Store, end: date) -> date:
    """Twelve weeks before `end`, or the first session's day in them when later (a person
    who began three weeks ago gets three weeks, not nine empty ones)."""
    since = end - timedelta(days=DEFAULT_DAYS - 1)
    flt = HistoryFilter(since=since, until=end)
    if store.count_sessions(flt) == 0:
        return since
    oldest = store.sessions(flt, limit=1, offset=store.count_sessions(flt) - 1)
    first = oldest[0].started_at if oldest else None
    return max(since, first.date()) if first is not None else since
