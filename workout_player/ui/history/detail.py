"""The right-hand side of the history list: one session's sets, and its pain/effort/note editor."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHeaderView, QLabel, QVBoxLayout, QWidget

from workout_player.store import SessionRow, Store
from workout_player.ui.history.feedback import FeedbackEditor
from workout_player.ui.history.model import STATUS_TEXT, format_day, sets_model
from workout_player.ui.history.style import set_size
from workout_player.ui.history.summary import make_table, totals_text
from workout_player.ui.history_writer import HistoryWriter


class SessionDetail(QWidget):
    """Shows the selected session: title, totals, every set, and the editable feedback."""

    saved = Signal(int, dict)  # session id, fields written (forwarded from the editor)

    def __init__(
        self,
        store: Store,
        parent: QWidget | None = None,
        *,
        history: HistoryWriter | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self.title = QLabel("Choose a session", self)
        set_size(self.title, "h2")
        self.title.setWordWrap(True)
        self.when = QLabel("", self)
        set_size(self.when, "l")
        self.totals = QLabel("", self)
        set_size(self.totals, "l")
        self.totals.setWordWrap(True)
        self.sets = sets_model(self)
        self.table = make_table(self)
        self.table.setModel(self.sets)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.feedback = FeedbackEditor(store, self, history=history)
        self.feedback.saved.connect(self.saved)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.when)
        layout.addWidget(self.totals)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.feedback)

    def show_session(self, session: SessionRow | None) -> None:
        """Show `session` (None: nothing selected); a pending edit of the previous one is saved."""
        self.feedback.set_session(session)
        if session is None:
            self.title.setText("Choose a session")
            self.when.setText("")
            self.totals.setText("")
            self.sets.set_rows([])
            return
        self.title.setText(session.workout)
        state = STATUS_TEXT.get(session.status, session.status)
        self.when.setText(f"{format_day(session.started_at)} \u00b7 {state}")
        self.totals.setText(totals_text(session))
        self.sets.set_rows(self._store.sets(session.id))
