"""The History screen's "PDF report" button and Ctrl+P: the report of the filtered dates.

The period is the From/To filters (an empty From: the twelve weeks up to To, as the
command line does; an empty To: today). The workout filter does not narrow the report:
the physiotherapist sees everything done in the period.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton, QWidget

from workout_player.output_file import OutputError, history_files, write_bytes_output
from workout_player.store import HistoryFilter, Store, StoreError
from workout_player.store.report_data import default_start
from workout_player.ui.report import build_report


class ReportAction(QObject):
    """Makes the report for `page`'s filtered dates and asks where to save it."""

    def __init__(
        self,
        page: QWidget,
        store: Store,
        period: Callable[[], HistoryFilter],
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(page)
        self._page, self._store, self._period, self._today = page, store, period, today
        self.button = QPushButton("PDF report (Ctrl+P)", page)
        self.button.setToolTip("Write a PDF of the filtered dates for your physiotherapist")
        self.button.clicked.connect(self.make)
        self.shortcut = QShortcut(QKeySequence.StandardKey.Print, page)
        self.shortcut.activated.connect(self.make)
        self.ask_path: Callable[[str], str] = self._ask
        """Where to save (replaced in tests); "" when the person cancels."""
        self.tell: Callable[[str], None] = self._warn
        """Says why the report was not written (replaced in tests)."""
        self.last_written: Path | None = None

    def period(self) -> tuple[date, date]:
        flt = self._period()
        end = flt.until or self._today()
        start = flt.since or default_start(self._store, end)
        return min(start, end), end

    def make(self) -> None:
        start, end = self.period()
        chosen = self.ask_path(f"report-{start.isoformat()}-to-{end.isoformat()}.pdf")
        if not chosen:
            return
        target = Path(chosen)
        protected = history_files(self._store.path) if self._store.path else []
        try:
            write_bytes_output(target, build_report(self._store, start, end), protected)
        except (OutputError, StoreError) as exc:
            self.tell(str(exc))
            return
        except sqlite3.DatabaseError as exc:  # damaged under us since the screen opened
            self.tell(f"The history cannot be read ({exc}); the report was not written.")
            return
        self.last_written = target

    def _warn(self, message: str) -> None:
        QMessageBox.warning(self._page, "Report not written", message)

    def _ask(self, name: str) -> str:
        path, _filter = QFileDialog.getSaveFileName(
            self._page, "Save the report", str(Path.home() / name), "PDF (*.pdf)"
        )
        if path and not path.lower().endswith(".pdf"):
            path += ".pdf"
        return path
