"""The trend of one check over time (QtCharts): a line per side, one point per session.

Styled like the History screen's charts (dark surface, light labels, blue and orange that
stay apart for the common colour-vision deficiencies). Screens never import each other,
so the few styling lines are repeated here rather than borrowed from ui/history.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCharts import (
    QAreaSeries,
    QChart,
    QChartView,
    QDateTimeAxis,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QDateTime, QMargins, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QFrame, QWidget

from workout_player.domain.check_summary import CheckSummary
from workout_player.ui import theme

COLOURS = {None: QColor(theme.ACCENT), "left": QColor(theme.ACCENT), "right": QColor("#ffb74d")}
TEXT = QColor(theme.TEXT)
MUTED = QColor(theme.TEXT_DIM)
GRID = QColor("#3a4049")
BACKGROUND = QColor(theme.SURFACE)
UNIT_TITLES = {"s": "seconds", "reps": "reps", "steps": "steps"}


def _font(points: int, *, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSize(points)
    font.setBold(bold)
    return font


def _style(axis: QValueAxis | QDateTimeAxis) -> None:
    axis.setLabelsBrush(QBrush(TEXT))
    axis.setLabelsFont(_font(12))
    axis.setLinePen(QPen(MUTED))
    axis.setGridLinePen(QPen(GRID))
    axis.setTitleBrush(QBrush(MUTED))
    axis.setTitleFont(_font(12))


def axis_step(top: float) -> int:
    """A round step for four grid lines above the best result (12 reps -> 5, 86 s -> 30)."""
    return next((s for s in (1, 2, 5, 10, 15, 20, 30, 60, 90, 120) if 4 * s >= top * 1.1), 150)


def _qt(moment: datetime) -> QDateTime:
    return QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))


class TrendChart(QChartView):
    """One check's results over time; `series` holds the lines drawn (for tests)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        chart = QChart()
        chart.setTitleFont(_font(14, bold=True))
        chart.setTitleBrush(QBrush(TEXT))
        chart.setBackgroundBrush(QBrush(BACKGROUND))
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.legend().setLabelColor(TEXT)
        chart.legend().setFont(_font(12))
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignTop)
        super().__init__(chart, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(190)
        self.setBackgroundBrush(QBrush(BACKGROUND))
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAccessibleName("Trend chart")
        self.series: dict[str | None, QLineSeries] = {}
        self.band: QAreaSeries | None = None
        """The norm's typical range, shaded behind the lines (None without a norm)."""
        self._band_lines: tuple[QLineSeries, QLineSeries] | None = None

    def set_summary(self, summary: CheckSummary | None) -> None:
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        self.series, self.band = {}, None
        if summary is None:
            chart.setTitle("")
            return
        chart.setTitle(f"{summary.name}: your results over time")
        points = [p for line in summary.trend.values() for p in line]
        first = min(t for t, _ in points)
        last = max(max(t for t, _ in points), first + timedelta(days=1))
        dates = QDateTimeAxis()
        dates.setFormat("d MMM")
        dates.setTickCount(5)
        dates.setRange(_qt(first - timedelta(hours=12)), _qt(last + timedelta(hours=12)))
        _style(dates)
        values = QValueAxis()
        band = summary.band
        step = axis_step(max([v for _, v in points] + ([band.high] if band else [])))
        values.setRange(0, 4 * step)
        values.setTickCount(5)
        values.setLabelFormat("%d")
        values.setTitleText(UNIT_TITLES.get(summary.unit, summary.unit))
        _style(values)
        chart.addAxis(dates, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        if band is not None:
            self.band = self._band(band.low, band.high, band.label, dates)
            self.band.attachAxis(dates)
            self.band.attachAxis(values)
        for side, line_points in summary.trend.items():
            line = QLineSeries()
            line.setName(f"{side.capitalize()} side" if side else summary.name)
            line.setPen(QPen(COLOURS.get(side, COLOURS[None]), 3))
            line.setPointsVisible(True)
            for moment, value in line_points:
                line.append(float(_qt(moment).toMSecsSinceEpoch()), value)
            chart.addSeries(line)
            line.attachAxis(dates)
            line.attachAxis(values)
            self.series[side] = line
        chart.legend().setVisible(len(summary.trend) > 1 or band is not None)

    def _band(self, low: float, high: float, label: str, dates: QDateTimeAxis) -> QAreaSeries:
        """A shaded strip from `low` to `high` across the whole time axis."""
        lower, upper = QLineSeries(), QLineSeries()
        for moment in (dates.min(), dates.max()):
            x = float(moment.toMSecsSinceEpoch())
            lower.append(x, low)
            upper.append(x, high)
        area = QAreaSeries(upper, lower)
        area.setName(label)
        shade = QColor(theme.REST)
        shade.setAlpha(60)
        area.setBrush(QBrush(shade))
        area.setPen(QPen(QColor(theme.REST), 1))
        self.chart().addSeries(area)
        # The lines keep the area's own series alive (Qt does not own them).
        self._band_lines = (lower, upper)
        return area
