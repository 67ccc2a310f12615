"""The pain chart of the report: before, after and next morning per session (QtCharts),
painted as vectors into the PDF through a QGraphicsScene."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtCharts import QChart, QDateTimeAxis, QLineSeries, QScatterSeries, QValueAxis
from PySide6.QtCore import QDate, QDateTime, QMargins, QRectF, Qt, QTime
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QGraphicsScene

from workout_player.domain.report import PainPoint

# Printed on white, and apart for the common colour-vision deficiencies (blue / orange / grey),
# each with its own marker shape so a black-and-white print still tells them apart.
SERIES = (
    ("Before", "before", QColor("#1f5fa8"), QScatterSeries.MarkerShape.MarkerShapeCircle),
    ("After", "after", QColor("#d9730d"), QScatterSeries.MarkerShape.MarkerShapeRectangle),
    ("Next morning", "morning", QColor("#555555"), QScatterSeries.MarkerShape.MarkerShapeTriangle),
)
SCENE_SIZE = (720.0, 260.0)
"""The chart is laid out at this size (screen pixels), then scaled into its place."""


def _moment(day: date) -> float:
    return float(QDateTime(QDate(day.year, day.month, day.day), QTime(12, 0)).toMSecsSinceEpoch())


def pain_chart(points: Sequence[PainPoint], start: date, end: date) -> QChart:
    """A chart of the answered pain per session; markers only when there are few points."""
    chart = QChart()
    chart.setBackgroundVisible(False)
    chart.setMargins(QMargins(0, 0, 0, 0))
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    font = QFont("DejaVu Sans", 8)
    dense = len(points) > 60
    for label, attr, colour, shape in SERIES:
        line = QLineSeries()
        line.setName(label)
        pen = QPen(colour, 1.2 if dense else 1.8)
        if attr == "morning":
            pen.setStyle(Qt.PenStyle.DashLine)
        line.setPen(pen)
        values = [(p.day, getattr(p, attr)) for p in points if getattr(p, attr) is not None]
        for day, value in values:
            line.append(_moment(day), float(value))
        chart.addSeries(line)
        if not dense:
            marks = QScatterSeries()
            marks.setMarkerShape(shape)
            marks.setMarkerSize(7.0)
            marks.setColor(colour)
            marks.setBorderColor(colour)
            for day, value in values:
                marks.append(_moment(day), float(value))
            chart.addSeries(marks)
            chart.legend().markers(marks)[0].setVisible(False)
    x = QDateTimeAxis()
    x.setFormat("d MMM" if (end - start).days < 200 else "MMM yyyy")
    x.setRange(
        QDateTime.fromMSecsSinceEpoch(int(_moment(start - timedelta(days=1)))),
        QDateTime.fromMSecsSinceEpoch(int(_moment(end + timedelta(days=1)))),
    )
    x.setTickCount(7)
    y = QValueAxis()
    y.setRange(0, 10)
    y.setTickCount(6)
    y.setLabelFormat("%d")
    y.setTitleText("Pain 0-10")
    for axis, side in ((x, Qt.AlignmentFlag.AlignBottom), (y, Qt.AlignmentFlag.AlignLeft)):
        axis.setLabelsFont(font)
        axis.setTitleFont(font)
        axis.setGridLineColor(QColor("#d0d0d0"))
        axis.setLabelsColor(QColor("#222222"))
        chart.addAxis(axis, side)
        for series in chart.series():
            series.attachAxis(axis)
    legend = chart.legend()
    legend.setFont(font)
    legend.setLabelColor(QColor("#222222"))
    legend.setAlignment(Qt.AlignmentFlag.AlignTop)
    return chart


def paint_chart(painter: QPainter, chart: QChart, target: QRectF) -> None:
    """Paint `chart` into `target` as vectors (QGraphicsScene.render, no bitmap in between)."""
    scene = QGraphicsScene()
    scene.addItem(chart)
    width, height = SCENE_SIZE
    chart.resize(width, height)
    scene.setSceneRect(0, 0, width, height)
    scene.render(painter, target, QRectF(0, 0, width, height))
    scene.removeItem(chart)
