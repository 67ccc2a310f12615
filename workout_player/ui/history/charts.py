"""The history charts (QtCharts) and the streak counters, styled for the dark theme.

Each widget takes plain, already aggregated values (the store computes them in SQL)
through `set_data()`, so the charts never see individual sessions.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QDateTimeAxis,
    QHorizontalBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QDate, QDateTime, QMargins, Qt, QTime
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from workout_player.store import Streaks
from workout_player.ui import theme
from workout_player.ui.history.style import HIGHLIGHT, set_size

# High-contrast colours that stay apart on a near-black background (and for the
# common colour-vision deficiencies: blue/orange rather than red/green).
BLUE = QColor(theme.ACCENT)
ORANGE = QColor("#ffb74d")
YELLOW = QColor(HIGHLIGHT)
TEXT = QColor(theme.TEXT)
MUTED = QColor(theme.TEXT_DIM)
GRID = QColor("#3a4049")
BACKGROUND = QColor(theme.SURFACE)


def _font(points: int, *, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSize(points)
    font.setBold(bold)
    return font


def _style_axis(axis: QValueAxis | QBarCategoryAxis | QDateTimeAxis) -> None:
    axis.setLabelsBrush(QBrush(TEXT))
    axis.setLabelsFont(_font(10))
    axis.setLinePen(QPen(MUTED))
    axis.setGridLinePen(QPen(GRID))
    axis.setTitleBrush(QBrush(MUTED))
    axis.setTitleFont(_font(10))


def nice_scale(value: float, intervals: int = 5, *, exact: bool = True) -> tuple[float, int]:
    """(top, number of steps) of an axis from 0 in round steps (1, 2, 2.5 or 5 x 10^n).

    With `exact` the axis has exactly `intervals` steps (so two axes share one grid);
    without, as few steps as cover `value` with at most `intervals`.
    """
    if value <= 0:
        return float(intervals), intervals
    magnitude = 10 ** math.floor(math.log10(value / intervals))
    for factor in (1, 2, 2.5, 5, 10):
        step = max(1.0, factor * magnitude)
        if step != int(step):  # counts and minutes: whole numbers on the axis
            continue
        if step * intervals >= value:
            break
    steps = intervals if exact else max(1, math.ceil(value / step))
    return float(step * steps), steps


def _scale_axis(axis: QValueAxis, value: float, intervals: int = 5, *, exact: bool = True) -> None:
    top, steps = nice_scale(value, intervals, exact=exact)
    axis.setRange(0, top)
    axis.setTickCount(steps + 1)
    axis.setLabelFormat("%d")


class ChartPanel(QChartView):
    """A QChartView with the app's dark styling and a title."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        chart = QChart()
        chart.setTitle(title)
        chart.setTitleFont(_font(13, bold=True))
        chart.setTitleBrush(QBrush(TEXT))
        chart.setBackgroundBrush(QBrush(BACKGROUND))
        chart.setBackgroundRoundness(6)
        chart.setMargins(QMargins(4, 4, 4, 4))
        # Animations would repaint for a second after every filter change: not worth it.
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.legend().setLabelColor(TEXT)
        chart.legend().setFont(_font(10))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        super().__init__(chart, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(200)
        self.setBackgroundBrush(QBrush(BACKGROUND))
        self.setFrameShape(QFrame.Shape.NoFrame)

    def clear(self) -> QChart:
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        return chart


class WeeklyChart(ChartPanel):
    """Minutes per week as bars, the number of sessions as a line on its own axis."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Each week: minutes and sessions", parent)
        self.minutes_set: QBarSet | None = None
        self.sessions_series: QLineSeries | None = None

    def set_data(
        self, weeks: Sequence[str], sessions: Sequence[int], minutes: Sequence[float]
    ) -> None:
        chart = self.clear()
        bars = QBarSet("Minutes")
        bars.setColor(BLUE)
        bars.setBorderColor(BLUE)
        bars.append([float(m) for m in minutes])
        bar_series = QBarSeries()
        bar_series.append(bars)
        bar_series.setBarWidth(0.7)
        line = QLineSeries()
        line.setName("Sessions")
        line.setPen(QPen(ORANGE, 3))
        line.setPointsVisible(True)
        for i, count in enumerate(sessions):
            line.append(float(i), float(count))
        chart.addSeries(bar_series)
        chart.addSeries(line)
        categories = QBarCategoryAxis()
        categories.append(list(weeks))
        _style_axis(categories)
        left = QValueAxis()
        _scale_axis(left, max(minutes, default=0))
        left.setTitleText("minutes")
        _style_axis(left)
        right = QValueAxis()
        _scale_axis(right, max(sessions, default=0))
        right.setTitleText("sessions")
        _style_axis(right)
        right.setLabelsBrush(QBrush(ORANGE))
        right.setGridLineVisible(False)  # one grid is enough; both axes have 5 steps
        chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(left, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(right, Qt.AlignmentFlag.AlignRight)
        for series, axis in ((bar_series, left), (line, right)):
            series.attachAxis(categories)
            series.attachAxis(axis)
        self.minutes_set, self.sessions_series = bars, line


class PainChart(ChartPanel):
    """Average pain before and after sessions, per day, as two lines on a 0-10 scale."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Pain before and after (0-10)", parent)
        self.before_series: QLineSeries | None = None
        self.after_series: QLineSeries | None = None

    def set_data(
        self,
        first: date,
        last: date,
        days: Sequence[date],
        before: Sequence[float | None],
        after: Sequence[float | None],
    ) -> None:
        chart = self.clear()
        time_axis = QDateTimeAxis()
        time_axis.setFormat("d MMM")
        time_axis.setTickCount(7)
        # Whole days, so one day (or an empty range) still has a width.
        time_axis.setRange(
            QDateTime(_qdate(first), QTime(0, 0)),
            QDateTime(_qdate(max(first, last)), QTime(23, 59, 59)),
        )
        _style_axis(time_axis)
        values = QValueAxis()
        values.setRange(0, 10)
        values.setTickCount(6)
        values.setLabelFormat("%d")
        _style_axis(values)
        chart.addAxis(time_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        made = []
        for name, colour, points in (("Before", ORANGE, before), ("After", BLUE, after)):
            line = QLineSeries()
            line.setName(name)
            line.setPen(QPen(colour, 3))
            line.setPointsVisible(True)
            # Days without a rating are left out rather than drawn as a fake zero.
            for day, value in zip(days, points, strict=True):
                if value is not None:
                    line.append(float(_moment(day).toMSecsSinceEpoch()), float(value))
            chart.addSeries(line)
            line.attachAxis(time_axis)
            line.attachAxis(values)
            made.append(line)
        self.before_series, self.after_series = made


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _moment(day: date) -> QDateTime:
    """Noon of `day`, so a point sits in the middle of its day."""
    return QDateTime(_qdate(day), QTime(12, 0))


class ExerciseTotalsChart(ChartPanel):
    """The exercises done most, as horizontal bars (the first one at the top)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Most done exercises (sets)", parent)
        self.bar_set: QBarSet | None = None
        self.chart().legend().setVisible(False)

    def set_data(self, names: Sequence[str], values: Sequence[float], unit: str = "sets") -> None:
        chart = self.clear()
        chart.setTitle(f"Most done exercises ({unit})")
        # Qt draws the first category at the bottom; reverse so the largest is on top.
        names, values = list(reversed(names)), list(reversed(values))
        bars = QBarSet(unit)
        bars.setColor(YELLOW)
        bars.setBorderColor(YELLOW)
        bars.setLabelColor(QColor("#111111"))
        bars.append([float(v) for v in values])
        series = QHorizontalBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsInsideEnd)
        series.setBarWidth(0.75)
        chart.addSeries(series)
        names_axis = QBarCategoryAxis()
        names_axis.append(names or [""])
        _style_axis(names_axis)
        amount = QValueAxis()
        _scale_axis(amount, max(values, default=0), 4, exact=False)
        _style_axis(amount)
        chart.addAxis(names_axis, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(amount, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(names_axis)
        series.attachAxis(amount)
        self.bar_set = bars


class StreakCard(QFrame):
    """One big number with a caption and the best run, e.g. "5" / "days in a row" / "best 12"."""

    def __init__(self, unit: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self._unit = unit
        self.number = QLabel("0", self)
        set_size(self.number, "big-number")
        self.caption = QLabel(f"{unit}s in a row", self)
        set_size(self.caption, "l")
        self.best = QLabel("", self)
        set_size(self.best, "s")
        layout = QVBoxLayout(self)
        layout.setSpacing(0)
        for label in (self.number, self.caption, self.best):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(label)

    def set_value(self, current: int, best: int) -> None:
        self.number.setText(str(current))
        self.caption.setText(f"{self._unit}{'' if current == 1 else 's'} in a row")
        self.best.setText(f"best: {best}")

    def text(self) -> str:
        """What the card says, in one line (e.g. "5 days in a row")."""
        return f"{self.number.text()} {self.caption.text()}"


class StreaksPanel(QWidget):
    """Current streaks: days and ISO weeks in a row with at least one set done."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.days = StreakCard("day", self)
        self.weeks = StreakCard("week", self)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.days)
        row.addWidget(self.weeks)

    def set_data(self, streaks: Streaks) -> None:
        self.days.set_value(streaks.current_days, streaks.best_days)
        self.weeks.set_value(streaks.current_weeks, streaks.best_weeks)
