"""What is due today, the week strip and adherence, from the programme, the enrolment and
the sessions done. Pure: the caller gives `today` (a local date), so tests drive a fake
calendar and the screen recomputes when the date changes (`next_midnight`).

A session counts for the programme when it played one of the phases' workout files,
ended (completed or stopped), and started on or after the enrolment's start and before
it was left; it belongs to the programme week of its local date (a session on a paused
day counts for the week the pause interrupted). The phase's workouts are rotated in
order over the sessions done in that phase. One session a day is planned: once one is
done today, the next is due tomorrow.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Literal

from workout_player.domain.programme.calendar import Enrolment, State, local_day
from workout_player.domain.programme.model import Check, Phase, Programme, Slot
from workout_player.domain.programme.suggestion import Kind, Outcome, Suggestion, suggest

Mark = Literal["done", "missed", "planned"]
TodayState = Literal["due", "done_today", "week_done", "paused", "left", "finished"]
CHECK_EARLY_DAYS = 2
"""A check may be done up to this many days before its week is over."""


@dataclass(frozen=True)
class DoneSession:
    """A session from the history, as the schedule needs it."""

    id: int
    started: datetime
    file: Path | None
    outcome: Outcome

    @property
    def day(self) -> date:
        return local_day(self.started)


@dataclass(frozen=True)
class Choice:
    """What the person chose after a suggestion: the level for the rest of the phase."""

    session_id: int
    phase: int
    suggested: Kind
    chosen: Kind
    level: int


@dataclass(frozen=True)
class Due:
    week: int
    weeks: int
    phase_index: int
    phase: Phase
    session: int
    """1-based number of this session in its week."""
    sessions: int
    slot: Slot
    level: int
    title: str
    """The slot's name or the workout's title."""

    @property
    def text(self) -> str:
        """Week 3 of 8 - Build stability - session 2 of 4 this week: Static stability, level 2"""
        return (
            f"Week {self.week} of {self.weeks} - {self.phase.name} - session {self.session} "
            f"of {self.sessions} this week: {self.title}, level {self.level}"
        )


@dataclass(frozen=True)
class Day:
    day: date
    done: int
    today: bool


@dataclass(frozen=True)
class WeekStrip:
    week: int
    days: tuple[Day, ...]
    """The week's active days (paused days left out)."""
    sessions: tuple[Mark, ...]
    """One mark per planned session: done first, then planned, then those the days left
    cannot hold any more (missed)."""


@dataclass(frozen=True)
class Adherence:
    week: int
    done: int
    planned: int


@dataclass(frozen=True)
class Today:
    state: TodayState
    enrolment_state: State
    headline: str
    """What Today shows first: the due text, or why nothing is due."""
    due: Due | None
    """The next session (tomorrow's once one is done today); None once finished or left."""
    strip: WeekStrip | None
    adherence: tuple[Adherence, ...]
    checks_due: tuple[Check, ...]
    suggestion: Suggestion | None
    """Pending: made from the latest session and not decided yet."""
    last_session: int | None
    level: int


def today_view(
    programme: Programme,
    enrolment: Enrolment,
    sessions: Sequence[DoneSession],
    choices: Sequence[Choice],
    today: date,
    titles: dict[Path, str] | None = None,
) -> Today:
    """Everything Today shows on `today`; `sessions` in any order."""
    titles = titles or {}
    slot_files = set(programme.files())
    check_files = {check.file for check in programme.checks}
    left = enrolment.left_day
    mine = sorted(
        (
            s
            for s in sessions
            if s.file is not None
            and enrolment.week_of(s.day) is not None
            and s.started >= enrolment.started
            and (left is None or s.day <= left)
        ),
        key=lambda s: s.started,
    )
    played = [s for s in mine if s.file in slot_files]
    checks = [s for s in mine if s.file in check_files]
    weeks = programme.weeks
    by_week: dict[int, list[DoneSession]] = {}
    for session in played:
        week = enrolment.week_of(session.day) or 1
        by_week.setdefault(min(week, weeks + 1), []).append(session)
    state = enrolment.state()
    current = min(enrolment.week_of(today) or 1, weeks + 1)
    adherence = tuple(
        Adherence(week, len(by_week.get(week, [])), programme.phase_of_week(week)[1].sessions)
        for week in range(1, min(current, weeks) + 1)
    )
    finished = current > weeks
    phase_index, phase = programme.phase_of_week(min(current, weeks))
    done_in_phase = sum(
        len(by_week.get(week, []))
        for week in range(programme.first_week(phase_index), min(current, weeks) + 1)
    )
    level = _level(choices, phase_index)
    slot = phase.workouts[done_in_phase % len(phase.workouts)]
    slot_level = min(level, slot.levels)
    this_week = by_week.get(current, [])
    done_today = any(s.day == today for s in played)
    due = Due(
        week=min(current, weeks),
        weeks=weeks,
        phase_index=phase_index,
        phase=phase,
        session=min(len(this_week) + 1, phase.sessions),
        sessions=phase.sessions,
        slot=slot,
        level=slot_level,
        title=slot.name or titles.get(slot.file, slot.label),
    )
    strip = None if finished else _strip(enrolment, current, phase, this_week, today, done_today)
    checks_due = _checks_due(programme, enrolment, checks, today)
    latest = played[-1] if played else None
    suggestion = None
    if latest is not None and not any(c.session_id == latest.id for c in choices):
        suggestion = suggest([s.outcome for s in played], slot_level, slot.levels)
    today_state: TodayState
    if state == "left":
        today_state, headline, due_or_none = "left", "You left this programme.", None
    elif finished:
        today_state, headline, due_or_none = "finished", f"{programme.title}: all done.", None
    elif state == "paused":
        today_state, headline, due_or_none = "paused", "Paused: resume when you are ready.", due
    elif done_today:
        today_state = "done_today"
        headline = "Done for today. Next: " + due.text
        due_or_none = due
    elif len(this_week) >= phase.sessions:
        today_state = "week_done"
        headline = f"Week {current} of {weeks}: every session done. Rest, or walk."
        due_or_none = due
    else:
        today_state, headline, due_or_none = "due", due.text, due
    return Today(
        state=today_state,
        enrolment_state=state,
        headline=headline,
        due=due_or_none,
        strip=strip,
        adherence=adherence,
        checks_due=checks_due,
        suggestion=suggestion,
        last_session=latest.id if latest else None,
        level=slot_level,
    )


def _level(choices: Sequence[Choice], phase_index: int) -> int:
    level = 1
    for choice in choices:
        if choice.phase == phase_index:
            level = max(1, choice.level)
    return level


def _strip(
    enrolment: Enrolment,
    week: int,
    phase: Phase,
    done: Sequence[DoneSession],
    today: date,
    done_today: bool,
) -> WeekStrip:
    days = enrolment.week_days(week, today)
    counts = {day: 0 for day in days}
    for session in done:
        if session.day in counts:
            counts[session.day] += 1
    left = sum(1 for day in days if day > today) + (0 if done_today else 1)
    open_slots = max(0, phase.sessions - len(done))
    marks: list[Mark] = ["done"] * min(len(done), phase.sessions)
    marks += ["planned"] * min(open_slots, left)
    marks += ["missed"] * (open_slots - min(open_slots, left))
    return WeekStrip(week, tuple(Day(day, counts[day], day == today) for day in days), tuple(marks))


def _checks_due(
    programme: Programme, enrolment: Enrolment, done: Sequence[DoneSession], today: date
) -> tuple[Check, ...]:
    now = enrolment.day_number(today)
    if now is None:
        return ()
    due: list[Check] = []
    for check in programme.checks:
        opens = max(0, 7 * check.week - CHECK_EARLY_DAYS)
        if now < opens:
            continue
        taken = any(
            s.file == check.file and (enrolment.day_number(s.day) or 0) >= opens for s in done
        )
        # A later check replaces one not taken in time.
        if not taken:
            due = [c for c in due if c.file != check.file]
            due.append(check)
    return tuple(due)


def next_midnight(now: datetime) -> datetime:
    """When Today must be worked out again (the next local midnight of `now`'s zone)."""
    tomorrow = (now + timedelta(days=1)).date()
    return datetime.combine(tomorrow, datetime.min.time(), tzinfo=now.tzinfo)
