"""The report as PDF bytes, with Qt's own PDF support (QPdfWriter + QPainter + QTextDocument).

    data = gather(store, start, end)          # workout_player.store.report_data
    pdf = report_pdf(data)                    # bytes: vector, fonts embedded, text extracts
    write_bytes_output(path, pdf, protected)  # workout_player.output_file: never half a file

Page 1 is the minute read: who and when, red flags first, sessions and effort, the pain
chart and its change. The self-checks, what was done and the notes follow below it when
they fit, else on pages 2 and 3 (the lists are cut to keep the report at three pages).
Needs a QApplication (QtCharts draws through QGraphicsScene).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QLocale, QMarginsF, QRectF, QSizeF
from PySide6.QtGui import (
    QColor,
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
    QTextOption,
)

from workout_player import __version__
from workout_player.domain.report import PainPoint, chart_points
from workout_player.store.report_data import ReportData
from workout_player.ui.report import content
from workout_player.ui.report.chart import SCENE_SIZE, pain_chart, paint_chart

LETTER_TERRITORIES = frozenset(
    {
        QLocale.Country.UnitedStates,
        QLocale.Country.Canada,
        QLocale.Country.Mexico,
        QLocale.Country.Philippines,
        QLocale.Country.Chile,
        QLocale.Country.Colombia,
        QLocale.Country.CostaRica,
        QLocale.Country.DominicanRepublic,
        QLocale.Country.ElSalvador,
        QLocale.Country.Guatemala,
        QLocale.Country.Nicaragua,
        QLocale.Country.Panama,
        QLocale.Country.PuertoRico,
        QLocale.Country.Venezuela,
    }
)
"""Where Letter paper is the norm; everywhere else prints on A4."""
DPI = 300
MARGIN_MM = 15.0
FOOTER_PT = 7
MAX_PAGES = 3


def paper_for(locale: QLocale | None = None) -> QPageSize:
    """Letter in the Americas' Letter countries and the Philippines, A4 elsewhere."""
    territory = (locale or QLocale.system()).territory()
    if territory in LETTER_TERRITORIES:
        return QPageSize(QPageSize.PageSizeId.Letter)
    return QPageSize(QPageSize.PageSizeId.A4)


def report_font(points: float) -> QFont:
    """DejaVu Sans (the Makefile installs it) without ligatures, so that "effort" copied
    out of the PDF, or searched for in it, is six letters and not "e", "ﬀ", "ort"."""
    font = QFont("DejaVu Sans")
    font.setPointSizeF(points)
    for tag in ("liga", "clig"):
        font.setFeature(QFont.Tag(tag), 0)
    return font


def _document(html: str, writer: QPdfWriter, width: float) -> QTextDocument:
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)
    doc.setDefaultFont(report_font(9))
    doc.setDocumentMargin(0)
    doc.setHtml(html)
    doc.setTextWidth(width)
    return doc


def report_pdf(data: ReportData, locale: QLocale | None = None) -> bytes:
    """The whole report, one to three pages, as the bytes of a PDF file."""
    buffer = QByteArray()
    device = QBuffer(buffer)
    device.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(device)
    writer.setResolution(DPI)
    writer.setTitle(f"Home exercise report {data.start.isoformat()} to {data.end.isoformat()}")
    writer.setCreator(f"Workout Player {__version__}")
    writer.setPageLayout(
        QPageLayout(
            paper_for(locale),
            QPageLayout.Orientation.Portrait,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )
    _Pages(writer, data).draw()
    device.close()
    return bytes(buffer.data())


@dataclass(frozen=True)
class _Placed:
    """A block on a page: a text document (or the chart, None) at `y`, `height` high;
    `part` is the page of a document longer than one page."""

    doc: QTextDocument | None
    y: float
    height: float
    part: int = 0


class _Pages:
    """Lays the report out on the writer's pages (device units: 1/300 inch)."""

    def __init__(self, writer: QPdfWriter, data: ReportData) -> None:
        self.writer = writer
        self.data = data
        self.width = float(writer.width())
        footer_height = FOOTER_PT * 4.5 * DPI / 72  # two lines and the gaps around them
        self.body = float(writer.height()) - footer_height
        self.gap = 0.12 * DPI

    def draw(self) -> None:
        data, width = self.data, self.width
        points, weekly = chart_points(data.pain)
        with_chart = bool(data.sessions) and data.has_pain
        pages: list[list[_Placed]] = [[]]
        y = 0.0

        def place(item: QTextDocument | None, height: float) -> None:
            nonlocal y
            if y > 0 and y + height > self.body:
                pages.append([])
                y = 0.0
            pages[-1].append(_Placed(item, y, height))
            y += height + self.gap

        for html in (content.overview(data), content.pain_heading(data, weekly)):
            doc = _document(html, self.writer, width)
            place(doc, doc.size().height())
        if with_chart:
            place(None, width * SCENE_SIZE[1] / SCENE_SIZE[0])
        doc = _document(content.pain_text(data), self.writer, width)
        place(doc, doc.size().height())
        for html in content.details(data):
            doc = _document(html, self.writer, width)
            height = doc.size().height()
            if height <= self.body:  # whole on this page, else whole on the next
                place(doc, height)
                continue
            doc.setPageSize(QSizeF(width, self.body))  # longer than a page: its own pages
            for part in range(doc.pageCount()):
                pages.append([_Placed(doc, 0.0, self.body, part)])
            y = self.body
        cut = len(pages) > MAX_PAGES  # the lists are cut to fit: only a freak history gets here
        pages = pages[:MAX_PAGES]
        painter = QPainter(self.writer)
        try:
            for number, page in enumerate(pages, start=1):
                if number > 1:
                    self.writer.newPage()
                for placed in page:
                    self._paint(painter, placed, points)
                self._footer(painter, content.footer(data, number, len(pages), cut=cut))
        finally:
            painter.end()

    def _paint(self, painter: QPainter, placed: _Placed, points: list[PainPoint]) -> None:
        if placed.doc is None:
            chart = pain_chart(points, self.data.start, self.data.end)
            paint_chart(painter, chart, QRectF(0, placed.y, self.width, placed.height))
            return
        painter.save()
        painter.translate(0, placed.y - placed.part * self.body)
        clip = QRectF(0, placed.part * self.body, self.width, placed.height)
        placed.doc.drawContents(painter, clip)
        painter.restore()

    def _footer(self, painter: QPainter, text: str) -> None:
        painter.save()
        top = self.body + self.gap
        painter.setPen(QPen(QColor("#999999"), 2))
        painter.drawLine(0, int(top), int(self.width), int(top))
        painter.setPen(QColor("#444444"))
        painter.setFont(report_font(FOOTER_PT))
        area = QRectF(0, top + self.gap / 2, self.width, float(self.writer.height()) - top)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        painter.drawText(area, text, option)
        painter.restore()
