"""The Progress tab of the history: streaks, weekly sessions and minutes, pain, top exercises.

All numbers come from SQL aggregates in the store, over a bounded window of weeks
(the chosen date range, else the last WEEKS weeks), so drawing costs the same with
ten sessions or a hundred thousand.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from workout_player.store import HistoryFilter, Store
from workout_player.ui.history.charts import (
    ExerciseTotalsChart,
    PainChart,
    StreaksPanel,
    WeeklyChart,
)
from workout_player.ui.history.style import set_size

#: Weeks shown when no date range is chosen.
WEEKS = 16
#: Exercises in the top list.
TOP_EXERCISES = 10


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def chart_window(flt: HistoryFilter, today: date, weeks: int = WEEKS) -> tuple[date, date]:
    """(first day, last day) the charts cover: at most `weeks` ISO weeks, ending at the
    filter's last day (or today), starting on a Monday, never before the filter's first day."""
    last = flt.until or today
    first = monday(last) - timedelta(weeks=weeks - 1)
    if flt.since is not None and flt.since > first:
        first = flt.since
    return first, last


def week_label(week: date) -> str:
    """Two short lines (day over month), so 16 weeks fit under the bars unabridged."""
    return f"{week.day}<br>{week.strftime('%b')}"


class ProgressPanel(QWidget):
    """Streak counters and three charts, recomputed by `update_from()`."""

    def __init__(
        self, store: Store, today: Callable[[], date] = date.today, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._today = today
        self.window_label = QLabel("", self)
        set_size(self.window_label, "s")
        self.streaks = StreaksPanel(self)
        self.weekly = WeeklyChart(self)
        self.pain = PainChart(self)
        self.exercises = ExerciseTotalsChart(self)
        self.weeks: list[date] = []

        left = QVBoxLayout()
        left.addWidget(self.weekly, 1)
        left.addWidget(self.pain, 1)
        right = QVBoxLayout()
        right.addWidget(self.streaks)
        right.addWidget(self.exercises, 1)
        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.window_label)
        layout.addLayout(columns, 1)

    def update_from(self, flt: HistoryFilter) -> None:
        """Recompute every chart for the sessions that `flt` selects."""
        today = self._today()
        first, last = chart_window(flt, today)
        window = replace(flt, since=first, until=last)
        self.window_label.setText(
            f"Charts: {first.strftime('%d %b %Y')} to {last.strftime('%d %b %Y')}"
            + (f" \u00b7 {flt.workout}" if flt.workout else " \u00b7 all workouts")
        )

        # Every week of the window gets a bar, also the empty ones at either end.
        found = {week.week_start: week for week in self._store.weekly_totals(window)}
        self.weeks = []
        week = monday(first)
        while week <= last:
            self.weeks.append(week)
            week += timedelta(weeks=1)
        self.weekly.set_data(
            [week_label(w) for w in self.weeks],
            [found[w].sessions if w in found else 0 for w in self.weeks],
            [round(found[w].minutes, 1) if w in found else 0.0 for w in self.weeks],
        )

        points = self._store.pain_trend(window)
        self.pain.set_data(
            first,
            last,
            [p.day for p in points],
            [p.before for p in points],
            [p.after for p in points],
        )

        top = self._store.exercise_totals(window)[:TOP_EXERCISES]
        self.exercises.set_data([t.exercise for t in top], [t.sets for t in top], "sets")

        streaks = self._store.streaks(today)
        self.streaks.set_data(streaks)
