"""The figures of the report for the physiotherapist, from plain values (no store, no Qt).

    weeks = per_week(days, start, end)          # sessions per ISO week, empty weeks included
    change = pain_change(points, start, end)    # first two weeks against the last two
    change.sentence                             # what the report prints about it

The clinically meaningful difference is the one Ostelo et al. (2008, Spine 33:90) give
for pain on a 0-10 scale: a change of 2 points or 30% of the starting value.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import fmean

MEANINGFUL_POINTS = 2.0
MEANINGFUL_SHARE = 0.30
SOURCE = "Ostelo et al. 2008, Spine 33:90"
WINDOW_DAYS = 14
"""The first and the last two weeks of the period are compared."""


@dataclass(frozen=True)
class PainPoint:
    """One session's pain answers (None: not answered)."""

    day: date
    before: float | None
    after: float | None
    morning: float | None


@dataclass(frozen=True)
class Week:
    start: date
    """The Monday of the ISO week."""
    sessions: int
    minutes: float


@dataclass(frozen=True)
class PainChange:
    """Average pain before the session in the first and the last two weeks of the period."""

    first: float | None
    last: float | None
    sentence: str

    @property
    def meaningful(self) -> bool | None:
        """Whether the change reaches 2 points or 30%; None when it cannot be said."""
        if self.first is None or self.last is None:
            return None
        return is_meaningful(self.first, self.last)


def is_meaningful(first: float, last: float) -> bool:
    """Ostelo's threshold: at least 2 points, or at least 30% of the first value."""
    change = abs(last - first)
    if change >= MEANINGFUL_POINTS - 1e-9:
        return True
    return first > 0 and change / first >= MEANINGFUL_SHARE - 1e-9


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def per_week(sessions: Iterable[tuple[date, float]], start: date, end: date) -> list[Week]:
    """Sessions and minutes per ISO week from `start` to `end`, empty weeks included.

    `sessions` holds (local day, minutes) per session.
    """
    counts: dict[date, list[float]] = {}
    for day, minutes in sessions:
        counts.setdefault(monday(day), []).append(minutes)
    weeks = []
    week = monday(start)
    while week <= end:
        found = counts.get(week, [])
        weeks.append(Week(week, len(found), sum(found)))
        week += timedelta(days=7)
    return weeks


CHART_POINTS = 120
"""Up to this many sessions the chart shows each one; beyond, weekly averages (three
years of daily points is a smear no one can read in a minute)."""


def chart_points(points: Sequence[PainPoint]) -> tuple[list[PainPoint], bool]:
    """What the pain chart plots, and whether those are weekly averages."""
    if len(points) <= CHART_POINTS:
        return list(points), False
    weeks: dict[date, list[PainPoint]] = {}
    for point in points:
        weeks.setdefault(monday(point.day), []).append(point)
    averaged = [
        PainPoint(
            week + timedelta(days=3),  # drawn mid-week
            mean_of(p.before for p in found),
            mean_of(p.after for p in found),
            mean_of(p.morning for p in found),
        )
        for week, found in sorted(weeks.items())
    ]
    return averaged, True


def _mean(values: Sequence[float]) -> float | None:
    return fmean(values) if values else None


def pain_change(points: Sequence[PainPoint], start: date, end: date) -> PainChange:
    """The change in pain before the sessions, first two weeks against the last two."""
    days = (end - start).days + 1
    if days < 2 * WINDOW_DAYS:
        return PainChange(
            None,
            None,
            "The period is shorter than four weeks, so its first and last two weeks "
            "overlap and no change is worked out.",
        )
    first_end = start + timedelta(days=WINDOW_DAYS - 1)
    last_start = end - timedelta(days=WINDOW_DAYS - 1)
    first = _mean([p.before for p in points if p.before is not None and p.day <= first_end])
    last = _mean([p.before for p in points if p.before is not None and p.day >= last_start])
    if first is None or last is None:
        missing = "first" if first is None else "last"
        return PainChange(
            first,
            last,
            f"No pain before a session was recorded in the {missing} two weeks, "
            "so no change is worked out.",
        )
    return PainChange(first, last, _sentence(first, last))


def _sentence(first: float, last: float) -> str:
    diff = last - first
    opening = (
        f"Pain before the sessions averaged {first:.1f}/10 in the first two weeks "
        f"and {last:.1f}/10 in the last two"
    )
    if abs(diff) < 0.05:
        return f"{opening}: no change."
    direction = "lower" if diff < 0 else "higher"
    share = f" ({abs(diff) / first:.0%})" if first > 0 else ""
    change = f"{opening}: {abs(diff):.1f} points {direction}{share}"
    if is_meaningful(first, last):
        return (
            f"{change}, which reaches a clinically meaningful difference "
            f"(2 points or 30%; {SOURCE})."
        )
    return f"{change}, less than a clinically meaningful difference (2 points or 30%; {SOURCE})."


def mean_of(values: Iterable[float | None]) -> float | None:
    """The average of the answered values (None when none was)."""
    found = [v for v in values if v is not None]
    return fmean(found) if found else None
