"""The report for the physiotherapist drawn into a PDF (QPdfWriter, QtCharts).

pdf = build_report(store, start, end)   # bytes; the CLI and the History screen share it
"""

from __future__ import annotations

from datetime import date

from workout_player.store import Store
from workout_player.store.report_data import gather


def build_report(store: Store, start: date, end: date) -> bytes:
    """Read the period's figures and draw them (needs a QApplication)."""
    from workout_player.ui.report.pdf import report_pdf

    return report_pdf(gather(store, start, end))
