"""The summary shown when a session ends: what was done, and how it felt (optional, inline).

Nothing here blocks: pain, effort and the note are saved as they change, and Enter
(or the Done button) leaves whether or not anything was filled in.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workout_player.domain.timeline import format_clock
from workout_player.store import SessionRow, Store
from workout_player.ui.feedback import FeedbackEditor
from workout_player.ui.history_model import STATUS_TEXT, exercise_summary_model, format_day
from workout_player.ui.history_style import set_size, style_page


def totals_text(session: SessionRow) -> str:
    """One line of totals, e.g. "12:30 total · 9 sets · 84 reps · 6:10 worked or held"."""
    parts = [f"{format_clock(session.duration_seconds)} total"]
    parts.append(f"{session.sets} set" + ("" if session.sets == 1 else "s"))
    if session.reps:
        parts.append(f"{session.reps} rep" + ("" if session.reps == 1 else "s"))
    parts.append(f"{format_clock(session.work_seconds)} worked or held")
    return " \u00b7 ".join(parts)


def make_table(parent: QWidget) -> QTableView:
    """A read-only table with large rows, the first column stretching."""
    table = QTableView(parent)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(36)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(False)
    table.horizontalHeader().setMinimumSectionSize(90)  # numbers get room to breathe
    return table


class SummaryPage(QWidget):
    """End-of-session screen: time, sets, reps and time per exercise; pain, effort and a note.

    Keys: Enter finishes (`finished`), H opens the history (`show_history`); Alt+B, Alt+A,
    Alt+E and Alt+N jump to pain before, pain after, effort and the note.
    """

    finished = Signal()
    show_history = Signal()

    def __init__(self, store: Store, session_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._session_id = session_id
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        style_page(self)

        self.title = QLabel(self)
        set_size(self.title, "h1")
        self.title.setWordWrap(True)
        self.status = QLabel(self)
        set_size(self.status, "l")
        self.totals = QLabel(self)
        set_size(self.totals, "l")

        self.exercises = exercise_summary_model(self)
        self.table = make_table(self)
        self.table.setModel(self.exercises)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

        self.feedback = FeedbackEditor(store, self)
        feeling = QLabel(
            "How did it feel? Pain 0 = none, 10 = worst. Optional, saved as you go.", self
        )
        set_size(feeling, "h2")

        self.history_button = QPushButton("&History (H)", self)
        self.done_button = QPushButton("Done (Enter)", self)
        for button in (self.history_button, self.done_button):
            button.setMinimumHeight(48)
        self.done_button.setProperty("primary", True)
        self.history_button.clicked.connect(self._show_history)
        self.done_button.clicked.connect(self._finish)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.history_button)
        buttons.addWidget(self.done_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(self.title)
        layout.addWidget(self.status)
        layout.addWidget(self.totals)
        layout.addWidget(self.table, 1)
        layout.addWidget(feeling)
        layout.addWidget(self.feedback)
        layout.addLayout(buttons)
        self.reload()

    def session_id(self) -> int:
        return self._session_id

    def reload(self) -> None:
        """Read the session and its per-exercise totals from the store again."""
        session = self._store.session(self._session_id)
        if session is None:
            self.title.setText("This session is not in the history")
            self.status.setText(f"Session {self._session_id} was not found in the database.")
            self.totals.setText("")
            self.exercises.set_rows([])
            self.feedback.set_session(None)
            return
        self.title.setText(session.workout)
        state = STATUS_TEXT.get(session.status, session.status)
        self.status.setText(f"{state} \u00b7 {format_day(session.started_at)}")
        self.totals.setText(totals_text(session))
        self.exercises.set_rows(self._store.session_summary(self._session_id))
        self.feedback.set_session(session)

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        # Keys work at once: Enter finishes, H opens the history.
        self.done_button.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Keys typed into the note never arrive here: the text box keeps them.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._finish()
        elif event.key() == Qt.Key.Key_H and not event.modifiers():
            self._show_history()
        else:
            super().keyPressEvent(event)

    def _finish(self) -> None:
        self.feedback.flush()
        self.finished.emit()

    def _show_history(self) -> None:
        self.feedback.flush()
        self.show_history.emit()
