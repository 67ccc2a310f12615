"""The question before a session is deleted, asked inside the History screen (no dialog).

"Delete 'Static stability' of Tue 1 Dec, 18:04?" names the session, so the person at
the laptop knows which one goes; Enter (or the Delete button) deletes, Esc (or Keep)
leaves it. The page does the deleting, through the history writer.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from workout_player.store import SessionRow
from workout_player.ui.history.model import as_datetime
from workout_player.ui.history.style import set_size


def delete_question(session: SessionRow) -> str:
    """ "Delete 'Static stability' of Tue 1 Dec, 18:04?" (the year only when not this one)."""
    when = as_datetime(session.started_at)
    if when is None:
        return f"Delete '{session.workout}' (no start time stored)?"
    shown = f"{when:%a} {when.day} {when:%b}"
    if when.year != datetime.now().astimezone().year:
        shown += f" {when.year}"
    return f"Delete '{session.workout}' of {shown}, {when:%H:%M}?"


class DeleteBar(QFrame):
    """An inline yes/no bar: `confirmed(session_id)` on Enter or Delete, `cancelled` on Esc."""

    confirmed = Signal(int)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "confirm")
        self._session_id: int | None = None
        self.question = QLabel("", self)
        self.question.setWordWrap(True)
        set_size(self.question, "l")
        self.delete_button = QPushButton("Delete\n[Enter]", self)
        self.keep_button = QPushButton("Keep\n[Esc]", self)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.question, 1)
        row.addWidget(self.delete_button)
        row.addWidget(self.keep_button)
        self.delete_button.clicked.connect(self._confirm)
        self.keep_button.clicked.connect(self._cancel)
        self.hide()

    def ask(self, session: SessionRow) -> None:
        self._session_id = session.id
        self.question.setText(
            delete_question(session) + " Its sets and notes go too; this cannot be undone."
        )
        self.show()
        self.delete_button.setFocus()

    def asking(self) -> bool:
        return self._session_id is not None

    def _confirm(self) -> None:
        session_id, self._session_id = self._session_id, None
        self.hide()
        if session_id is not None:
            self.confirmed.emit(session_id)

    def _cancel(self) -> None:
        self._session_id = None
        self.cancelled.emit()  # the page moves the focus away first: hiding the focused
        self.hide()  # button would otherwise leave no widget with the focus

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._confirm()
        elif event.key() == Qt.Key.Key_Escape:
            self._cancel()
        else:
            super().keyPressEvent(event)
