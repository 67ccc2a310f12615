"""The history screen: every session (lazy list), its sets and feedback, and progress charts.

Opening it reads one COUNT and one page of sessions; the charts are computed only when
the Progress tab is shown (and again when the filters change while it is showing).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from workout_player.store import HistoryFilter, Store, StoreError
from workout_player.ui.history.delete_bar import DeleteBar
from workout_player.ui.history.detail import SessionDetail
from workout_player.ui.history.filters import FilterDateEdit
from workout_player.ui.history.model import SessionsModel
from workout_player.ui.history.progress import ProgressPanel
from workout_player.ui.history.report_action import ReportAction
from workout_player.ui.history.style import set_size, style_page
from workout_player.ui.history.summary import make_table
from workout_player.ui.history_writer import HistoryWriter

ALL_WORKOUTS = "All workouts"
#: The widest text of each column but Workout (which takes the rest), to size them once.
WIDEST = ("28 Sep 2026 23:59", "", "0:00:00", "Stopped early", "10 \u2192 10")
TABLE_FONT_PX = 18  # history_style.PAGE_STYLE's QTableView and header font sizes
HEADER_FONT_PX = 16
NAME_PADDING = 24  # the cell's padding and grid line on both sides of a workout name


class HistoryPage(QWidget):
    """Past sessions with filters, the selected session's sets and feedback, and charts.

    Keys: Up/Down move through the sessions; Alt+S / Alt+P switch between Sessions and
    Progress; Alt+W, Alt+F and Alt+T reach the workout, from and to filters; Alt+L clears
    them; Alt+B/A/E/N edit pain before, pain after, effort and the note; in the list,
    Enter or E starts correcting the session (pain before first; Esc comes back to the list)
    and Delete asks whether to delete it; Esc emits `back`.
    """

    back = Signal()

    def __init__(
        self,
        store: Store,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
        history: HistoryWriter | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._history = history
        self._charts_stale = True
        style_page(self)

        title = QLabel("History", self)
        set_size(title, "h1")
        self.workout = QComboBox(self)
        self.workout.setMinimumWidth(240)
        self.date_from = FilterDateEdit(self)
        self.date_to = FilterDateEdit(self)
        self.clear_button = QPushButton("C&lear filters", self)
        self.back_button = QPushButton("Back (Esc)", self)
        self.count_label = QLabel("", self)
        set_size(self.count_label, "s")

        bar = QHBoxLayout()
        bar.addWidget(title)
        bar.addSpacing(16)
        for text, editor in (
            ("&Workout", self.workout),
            ("&From", self.date_from),
            ("&To ", self.date_to),  # the space: "T" and "o" drawn apart are wider
        ):
            label = QLabel(text, self)
            label.setBuddy(editor)
            label.setContentsMargins(8, 0, 2, 0)
            bar.addWidget(label)
            bar.addWidget(editor)
        bar.addWidget(self.clear_button)
        bar.addStretch(1)
        self.report = ReportAction(self, store, self.history_filter, today)  # Ctrl+P too
        bar.addWidget(self.report.button)
        bar.addWidget(self.back_button)

        self.model = SessionsModel(store, parent=self)
        self.table = make_table(self)
        self.table.setModel(self.model)
        self.table.setSelectionMode(self.table.SelectionMode.SingleSelection)
        # Fixed widths: sizing columns to their contents would read every loaded row.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        cell_font, header_font = QFont(self.font()), QFont(self.font())
        cell_font.setPixelSize(TABLE_FONT_PX)
        header_font.setPixelSize(HEADER_FONT_PX)
        header_font.setBold(True)
        cells, headers = QFontMetrics(cell_font), QFontMetrics(header_font)
        for column, text in enumerate(WIDEST):
            if text:
                name = SessionsModel.HEADERS[column]
                width = max(cells.horizontalAdvance(text), headers.horizontalAdvance(name))
                header.resizeSection(column, width + 24)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # Whole workout names: a long one wraps onto a second line (two workouts that
        # start alike must not look the same); rows are measured as pages arrive.
        # Only rows whose name is too wide are measured: measuring every row of a page
        # costs more than opening the screen does.
        self.table.setWordWrap(True)
        self._name_metrics = cells
        self.model.rowsInserted.connect(lambda _parent, first, last: self._fit_rows(first, last))
        self.model.modelReset.connect(self._fit_rows)
        self.model.dataChanged.connect(lambda top, bottom: self._fit_rows(top.row(), bottom.row()))
        header.sectionResized.connect(self._column_resized)
        self.detail = SessionDetail(store, self, history=history)

        sessions_tab = QWidget(self)
        split = QSplitter(Qt.Orientation.Horizontal, sessions_tab)
        left = QWidget(split)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.count_label)
        left_layout.addWidget(self.table, 1)
        self.delete_bar = DeleteBar(left)
        left_layout.addWidget(self.delete_bar)
        split.addWidget(left)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 0)
        # The detail needs ~530 px for the rating rows; the list takes all the rest.
        self.detail.setMinimumWidth(500)
        self.detail.setMaximumWidth(540)
        split.setChildrenCollapsible(False)
        QVBoxLayout(sessions_tab).addWidget(split)

        self.progress = ProgressPanel(store, today, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(sessions_tab, "&Sessions")
        self.tabs.addTab(self.progress, "&Progress")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.addLayout(bar)
        layout.addWidget(self.tabs, 1)

        self._fill_workouts()
        self.workout.currentIndexChanged.connect(self._filters_changed)
        self.date_from.dateChanged.connect(self._filters_changed)
        self.date_to.dateChanged.connect(self._filters_changed)
        self.clear_button.clicked.connect(self.clear_filters)
        self.back_button.clicked.connect(self._back)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.detail.saved.connect(self.model.update_session)
        self.delete_bar.confirmed.connect(self._delete)
        self.delete_bar.cancelled.connect(lambda: self.table.setFocus())
        self.table.installEventFilter(self)
        self.detail.feedback.installEventFilter(self)
        for field in self.detail.feedback.findChildren(QWidget):
            field.installEventFilter(self)
        self._after_reload()

    # -- public --------------------------------------------------------------------------
    def history_filter(self) -> HistoryFilter:
        workout = self.workout.currentText() if self.workout.currentIndex() > 0 else None
        return HistoryFilter(workout, self.date_from.value(), self.date_to.value())

    def refresh(self) -> None:
        """Read the history again (e.g. after a new session), keeping the filters."""
        self.detail.feedback.flush()
        self._fill_workouts()
        self.model.refresh()
        self._charts_stale = True
        self._after_reload()

    def clear_filters(self) -> None:
        for widget in (self.workout, self.date_from, self.date_to):
            widget.blockSignals(True)
        self.workout.setCurrentIndex(0)
        self.date_from.clear_value()
        self.date_to.clear_value()
        for widget in (self.workout, self.date_from, self.date_to):
            widget.blockSignals(False)
        self._filters_changed()

    def select_session(self, session_id: int) -> bool:
        """Select a loaded session by id; returns False when it is not in the list (yet)."""
        row = self.model.row_of(session_id)
        if row is None:
            return False
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        return True

    # -- reactions -----------------------------------------------------------------------
    def _fill_workouts(self) -> None:
        current = self.workout.currentText()
        self.workout.blockSignals(True)
        self.workout.clear()
        self.workout.addItem(ALL_WORKOUTS)
        self.workout.addItems(self._store.workout_titles())
        found = self.workout.findText(current)
        self.workout.setCurrentIndex(max(found, 0))
        self.workout.blockSignals(False)

    def _filters_changed(self) -> None:
        self.detail.feedback.flush()
        self.model.set_filter(self.history_filter())
        self._charts_stale = True
        self._after_reload()

    def _after_reload(self) -> None:
        total = self.model.total()
        self.count_label.setText(f"{total} session" + ("" if total == 1 else "s"))
        if total:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        else:
            self.detail.show_session(None)
        if self.tabs.currentWidget() is self.progress:
            self._update_charts()

    def _column_resized(self, column: int, _old: int, _new: int) -> None:
        if column == 1:
            self._fit_rows()

    def _fit_rows(self, first: int = 0, last: int | None = None) -> None:
        """Give the rows whose workout name does not fit on one line the height it needs."""
        rows = self.model.rowCount()
        last = rows - 1 if last is None else min(last, rows - 1)
        room = self.table.columnWidth(1) - NAME_PADDING
        usual = self.table.verticalHeader().defaultSectionSize()
        for row in range(max(0, first), last + 1):
            name = self.model.session(row).workout
            if self._name_metrics.horizontalAdvance(name) > room:
                self.table.resizeRowToContents(row)
            elif self.table.rowHeight(row) != usual:
                self.table.setRowHeight(row, usual)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.detail.show_session(self.model.session(current.row()) if current.isValid() else None)

    def _tab_changed(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.progress and self._charts_stale:
            self._update_charts()

    def _update_charts(self) -> None:
        self.progress.update_from(self.history_filter())
        self._charts_stale = False

    def ask_delete(self) -> bool:
        """Ask whether to delete the current session; False when none is chosen."""
        current = self.table.currentIndex()
        if not current.isValid():
            return False
        self.detail.feedback.flush()
        self.delete_bar.ask(self.model.session(current.row()))
        return True

    def edit_current(self) -> None:
        """Correct the chosen session: focus its pain before (Tab goes on to the note)."""
        if self.detail.feedback.isEnabled():
            self.detail.feedback.pain_before.setFocus()

    def _delete(self, session_id: int) -> None:
        row = self.model.row_of(session_id)
        if self._history is not None:
            # The writer deletes on its own thread; the list drops the row at once.
            self._history.delete_session(session_id)
        else:  # no writer (as FeedbackEditor without one): the store itself
            try:
                self._store.delete_session(session_id, stamp=self._store.session_stamp(session_id))
            except StoreError as exc:
                self.count_label.setText(f"Not deleted: {exc}")
                return
        self.model.remove_session(session_id)
        self._fill_workouts()
        total = self.model.total()
        self.count_label.setText(f"{total} session" + ("" if total == 1 else "s"))
        if self.model.rowCount():
            self.table.selectionModel().setCurrentIndex(
                self.model.index(min(row or 0, self.model.rowCount() - 1), 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        else:
            self.detail.show_session(None)
        self.table.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() != QEvent.Type.KeyPress
            or not isinstance(event, QKeyEvent)
            or self.delete_bar.asking()
        ):
            return super().eventFilter(watched, event)
        key = event.key()
        if watched is self.table:
            if key == Qt.Key.Key_Delete:
                return self.ask_delete()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_E):
                self.edit_current()
                return True
        elif key == Qt.Key.Key_Escape:  # inside the editor: back to the list, not away
            self.detail.feedback.flush()
            self.table.setFocus()
            return True
        return super().eventFilter(watched, event)

    def _back(self) -> None:
        self.detail.feedback.flush()
        self.back.emit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Up/Down walk through the sessions at once, without a click first.
        focused = QApplication.focusWidget()
        if focused is None or not self.isAncestorOf(focused):
            self.table.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self._back()
        else:
            super().keyPressEvent(event)
