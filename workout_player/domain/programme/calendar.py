"""An enrolment on the person's calendar: programme days and weeks on local dates.

Week 1 is the seven days from the day the programme was started (a Wednesday start makes
Wednesday to Tuesday a week), so starting mid-week loses nothing. A pause freezes the
programme: the days strictly between the day of the pause and the day of the resume do
not count, and the week goes on where it stopped. The day a pause starts and the day it
ends count as ordinary days. A day is the date on the wall clock the person saw: every
time is stored with its UTC offset, and its date is read in that offset, so a session at
23:30 in Berlin stays on that evening's date after a flight to New York.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

EventKind = Literal["pause", "resume", "leave"]
State = Literal["active", "paused", "left"]


def local_day(moment: datetime) -> date:
    """The date as the clock showed it then (in the moment's own offset)."""
    return moment.date()


@dataclass(frozen=True)
class Event:
    kind: EventKind
    at: datetime


@dataclass(frozen=True)
class Enrolment:
    """One start of a programme and what happened since (events in time order)."""

    programme_file: str
    started: datetime
    events: tuple[Event, ...] = ()
    id: int | None = None

    @property
    def start_day(self) -> date:
        return local_day(self.started)

    def state(self) -> State:
        state: State = "active"
        for event in self.events:
            if event.kind == "leave":
                return "left"
            state = "paused" if event.kind == "pause" else "active"
        return state

    @property
    def left_day(self) -> date | None:
        for event in self.events:
            if event.kind == "leave":
                return local_day(event.at)
        return None

    def paused_spans(self) -> list[tuple[date, date | None]]:
        """(pause day, resume day or None while paused), in order."""
        spans: list[tuple[date, date | None]] = []
        opened: date | None = None
        for event in self.events:
            if event.kind == "pause" and opened is None:
                opened = local_day(event.at)
            elif event.kind == "resume" and opened is not None:
                spans.append((opened, local_day(event.at)))
                opened = None
            elif event.kind == "leave":
                break
        if opened is not None:
            spans.append((opened, None))
        return spans

    def is_paused_day(self, day: date) -> bool:
        return any(start < day and (end is None or day < end) for start, end in self.paused_spans())

    def day_number(self, day: date) -> int | None:
        """0-based programme day of `day` (active days before it); None before the start."""
        if day < self.start_day:
            return None
        frozen = 0
        for start, end in self.paused_spans():
            first = start + timedelta(days=1)
            last = (end - timedelta(days=1)) if end is not None else day - timedelta(days=1)
            last = min(last, day - timedelta(days=1))
            if last >= first:
                frozen += (last - first).days + 1
        return (day - self.start_day).days - frozen

    def week_of(self, day: date) -> int | None:
        """1-based programme week of `day`; None before the start."""
        number = self.day_number(day)
        return None if number is None else number // 7 + 1

    def week_days(self, week: int, today: date) -> list[date]:
        """The active dates of programme week `week` (paused days left out); days after
        `today` are laid out as if the programme went on without a pause."""
        days: list[date] = []
        first, last = 7 * (week - 1), 7 * week - 1
        now = self.day_number(today)
        if now is not None and not self.is_paused_day(today):
            now += 1  # the number of the first day after today
        day = self.start_day
        while True:
            if day <= today:
                number = self.day_number(day)
                paused = self.is_paused_day(day)
            else:
                number = (
                    now + (day - today).days - 1 if now is not None else (day - self.start_day).days
                )
                paused = False
            if number is not None and not paused:
                if number > last:
                    break
                if number >= first:
                    days.append(day)
            day += timedelta(days=1)
        return days


def enrolment_of(
    events: Sequence[tuple[str, datetime]], programme_file: str, *, id: int | None = None
) -> Enrolment:
    """An Enrolment from ("start" | "pause" | "resume" | "leave", time) pairs in time order."""
    started: datetime | None = None
    rest: list[Event] = []
    for kind, at in events:
        if kind == "start":
            started = at
        elif kind in ("pause", "resume", "leave"):
            rest.append(Event(kind, at))  # type: ignore[arg-type]
    if started is None:
        raise ValueError("an enrolment needs a start")
    return Enrolment(programme_file, started, tuple(rest), id)
