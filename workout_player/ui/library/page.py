"""The library page: every bundled and personal workout, with search and filters.

Each row is a card painted by a delegate (title, then level, length and tags;
broken files in red with their problem). Enter or a double-click opens the
workout page.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from workout_player.domain.model import LEVELS
from workout_player.ui import theme
from workout_player.ui.library.model import Role, WorkoutEntry, WorkoutFilter, WorkoutListModel
from workout_player.ui.library.today import TodayPanel

_WRAP = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft


class WorkoutCardDelegate(QStyledItemDelegate):
    """Paints a row as a two-line card that reads well at a distance."""

    HEIGHT = 84
    TITLE_PX = 24
    DETAIL_PX = 17

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        # As wide as the view: cards never scroll sideways. A broken file's card grows to
        # hold its whole first problem, wrapped (the advice is at the end of the message).
        entry: WorkoutEntry = index.data(Role.ENTRY)
        if entry is None or not entry.error:
            return QSize(0, self.HEIGHT)
        view = self.parent()
        width = view.viewport().width() if isinstance(view, QListView) else 800
        wrapped = self._wrapped(option.font, self._error_text(entry), max(200, width - 40))
        return QSize(0, max(self.HEIGHT, 8 + 8 + 16 + self.TITLE_PX + 10 + wrapped.height()))

    def _detail_font(self, font: QFont) -> QFont:
        detail = QFont(font)
        detail.setPixelSize(self.DETAIL_PX)
        return detail

    def _wrapped(self, font: QFont, text: str, width: int) -> QRect:
        metrics = QFontMetrics(self._detail_font(font))
        return metrics.boundingRect(QRect(0, 0, width, 10_000), _WRAP, text)

    @staticmethod
    def _error_text(entry: WorkoutEntry) -> str:
        return f"Cannot be opened. {entry.shown_error or entry.error}"

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        entry: WorkoutEntry = index.data(Role.ENTRY)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = option.rect.adjusted(4, 4, -4, -4)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setPen(QColor(theme.ACCENT) if selected else QColor("#3c424a"))
        painter.setBrush(QColor("#17324d") if selected else QColor(theme.SURFACE))
        painter.drawRoundedRect(rect, 8, 8)

        inner = rect.adjusted(16, 8, -16, -8)
        title_font = QFont(option.font)
        title_font.setPixelSize(self.TITLE_PX)
        title_font.setBold(True)
        painter.setFont(title_font)
        painter.setPen(QColor(theme.TEXT))
        top_height = (self.HEIGHT - 24) // 2 if entry.error else inner.height() // 2
        top = QRect(inner.left(), inner.top(), inner.width(), top_height)
        painter.drawText(
            top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, entry.title
        )

        painter.setFont(self._detail_font(option.font))
        bottom = QRect(inner.left(), top.bottom(), inner.width(), inner.height() - top.height())
        if entry.error:
            painter.setPen(QColor(theme.DANGER))
            flags = _WRAP | Qt.AlignmentFlag.AlignTop
            painter.drawText(bottom, flags, self._error_text(entry))
            painter.restore()
            return
        else:
            painter.setPen(QColor(theme.TEXT_DIM))
            mine = "my workout" if entry.origin == "mine" else ""
            video = "follow-along video" if entry.workout and entry.workout.video_led else ""
            parts = [entry.level.capitalize(), entry.length_text, video, mine]
            if entry.tags:
                parts.append("  ".join(f"#{tag}" for tag in entry.tags))
            text = "   ·   ".join(part for part in parts if part)
        elided = painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, bottom.width())
        painter.drawText(bottom, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, elided)
        painter.restore()


class _SearchBox(QLineEdit):
    """Up and Down move through the list while typing, so the keyboard alone picks a workout."""

    step = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self.step.emit(1 if event.key() == Qt.Key.Key_Down else -1)
            return
        super().keyPressEvent(event)


class _WorkoutList(QListView):
    """Enter opens the selected workout (QListView alone only reacts to double-click)."""

    open_current = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_current.emit()
            return
        super().keyPressEvent(event)


class LibraryPage(QWidget):
    """Lists workouts; emits `open_requested(path)` when one is chosen."""

    open_requested = Signal(Path)
    open_file_requested = Signal()
    new_from_video_requested = Signal()
    history_requested = Signal()
    loaded = Signal()
    """Every file of the scan started by reload() is listed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = WorkoutListModel(self)
        self.proxy = WorkoutFilter(self)
        self.proxy.setSourceModel(self.model)

        title = QLabel("Workouts")
        title.setProperty("role", "title")
        hint = QLabel("Enter or double-click opens a workout · drop a .yaml file here to open it")
        hint.setProperty("role", "dim")

        self.search = _SearchBox()
        self.search.setPlaceholderText("Search title, exercise or tag  (Ctrl+F)")
        self.search.setAccessibleName("Search workouts")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_search)
        self.search.returnPressed.connect(self._open_first_match)
        self.search.step.connect(self._step_selection)

        self.level = QComboBox()
        self.level.setAccessibleName("Filter by level")
        self.level.addItem("All levels", "")
        for level in LEVELS:
            self.level.addItem(level.capitalize(), level)
        self.level.currentIndexChanged.connect(
            lambda: self.proxy.set_level(self.level.currentData() or "")
        )

        self.tag = QComboBox()
        self.tag.setAccessibleName("Filter by tag")
        self.tag.currentIndexChanged.connect(
            lambda: self.proxy.set_tag(self.tag.currentData() or "")
        )

        open_button = QPushButton("Open file…  [Ctrl+O]")
        open_button.setAccessibleName("Open a workout file")
        open_button.clicked.connect(self.open_file_requested)

        new_button = QPushButton("New from video…  [Ctrl+N]")
        new_button.setAccessibleName("Make a workout from your own video")
        new_button.clicked.connect(self.new_from_video_requested)
        history_button = QPushButton("History  [Ctrl+H]")
        history_button.setAccessibleName("Show the history of your sessions")
        history_button.clicked.connect(self.history_requested)
        self.history_button = history_button

        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.level, 1)
        filters.addWidget(self.tag, 1)

        actions = QHBoxLayout()
        actions.addWidget(open_button)
        actions.addWidget(new_button)
        actions.addStretch(1)
        actions.addWidget(history_button)

        self.view = _WorkoutList()
        self.view.setAccessibleName("Workout list")
        self.view.setModel(self.proxy)
        self.view.setItemDelegate(WorkoutCardDelegate(self.view))
        # Not uniform: a broken file's card is as tall as its whole problem; Adjust asks the
        # sizes again when the width changes, so the wrapping follows the window.
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.view.doubleClicked.connect(self._open_index)
        self.view.open_current.connect(lambda: self._open_index(self.view.currentIndex()))

        self.empty = QLabel("No workout matches. Clear the search or the filters.")
        self.empty.setProperty("role", "dim")
        self.empty.setVisible(False)
        self.proxy.rowsInserted.connect(self._update_empty)
        self.proxy.rowsRemoved.connect(self._update_empty)
        self.proxy.modelReset.connect(self._update_empty)
        self.proxy.layoutChanged.connect(self._update_empty)
        self._tags: set[str] = set()
        self.model.rowsInserted.connect(lambda _parent, first, last: self._arrived(first, last))
        self.model.dataChanged.connect(lambda top, bottom: self._arrived(top.row(), bottom.row()))
        self.model.rowsRemoved.connect(lambda *_: self._fill_tags())
        self.model.loaded.connect(self._fill_tags)  # a tag no file has any more goes
        self.model.loaded.connect(self.loaded)

        # Today (a followed programme's due session) comes first; hidden until attached.
        self.today = TodayPanel(self)
        self.today.down.connect(self.view.setFocus)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(12)
        layout.addWidget(self.today)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(self.empty)
        layout.addWidget(self.view, 1)

    def reload(self) -> None:
        """Read every workout file again (bundled and the person's own), off the GUI thread.

        Entries appear as their files are read; `loaded` says the last one is in.
        """
        self.model.reload()

    def _arrived(self, first: int, last: int) -> None:
        # The tag filter offers the tags of every entry read so far (refilled only when a
        # new tag comes: a folder of thousands of files must not cost thousands of refills),
        # and the first row is selected as soon as there is one, so the keyboard works
        # while files are still being read.
        rows = range(first, min(last, self.model.rowCount() - 1) + 1)
        if any(tag not in self._tags for row in rows for tag in self.model.entry(row).tags):
            self._fill_tags()
        if self.proxy.rowCount() and not self.view.currentIndex().isValid():
            self.view.setCurrentIndex(self.proxy.index(0, 0))

    def show_entry(self, entry: WorkoutEntry) -> None:
        """List a file opened from elsewhere and select it."""
        row = self.model.add_or_replace(entry)
        index = self.proxy.mapFromSource(self.model.index(row))
        if index.isValid():
            self.view.setCurrentIndex(index)

    def visible_titles(self) -> list[str]:
        return [self.proxy.index(r, 0).data() for r in range(self.proxy.rowCount())]

    def focus_start(self) -> None:
        """Focus Today when it asks or has a session to start, else the workout list."""
        if self.today.wants_focus():
            self.today.take_focus()
        else:
            self.view.setFocus()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _fill_tags(self) -> None:
        current = self.tag.currentData() or ""
        tags = sorted({tag for entry in self.model.entries() for tag in entry.tags})
        self._tags = set(tags)
        self.tag.blockSignals(True)
        self.tag.clear()
        self.tag.addItem("All tags", "")
        for tag in tags:
            self.tag.addItem(f"#{tag}", tag)
        self.tag.setCurrentIndex(max(0, self.tag.findData(current)))
        self.tag.blockSignals(False)
        if (self.tag.currentData() or "") != current:  # the chosen tag is gone: show all
            self.proxy.set_tag(self.tag.currentData() or "")

    def _update_empty(self) -> None:
        self.empty.setVisible(self.model.rowCount() > 0 and self.proxy.rowCount() == 0)

    def _step_selection(self, delta: int) -> None:
        rows = self.proxy.rowCount()
        if not rows:
            return
        current = self.view.currentIndex()
        row = current.row() + delta if current.isValid() else 0
        self.view.setCurrentIndex(self.proxy.index(max(0, min(rows - 1, row)), 0))

    def _open_first_match(self) -> None:
        if self.proxy.rowCount():
            self._open_index(
                self.view.currentIndex()
                if self.view.currentIndex().isValid()
                else self.proxy.index(0, 0)
            )

    def _open_index(self, index: QModelIndex | QPersistentModelIndex) -> None:
        if index.isValid():
            self.open_requested.emit(Path(index.data(Role.PATH)))
