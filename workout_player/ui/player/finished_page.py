"""A plain "well done" page, shown when there is no history to summarise (no database)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from workout_player.domain.durations import format_clock


class FinishedPage(QWidget):
    """The end of a session: completed or stopped, and the active time. Enter goes back."""

    done = Signal()

    def __init__(
        self, title: str, completed: bool, active_seconds: float, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        heading = QLabel("Well done!" if completed else "Session ended")
        heading.setStyleSheet("font-size: 56px; font-weight: 800;")
        heading.setAccessibleName("Result")
        detail = QLabel(
            f"{title}\n{'Completed' if completed else 'Stopped early'} · "
            f"{format_clock(active_seconds)} active"
        )
        detail.setStyleSheet("font-size: 28px;")
        detail.setAccessibleName("Session details")
        back = QPushButton("Back to the library  [Enter]")
        back.setAccessibleName("Back to the library")
        back.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        back.clicked.connect(self.done)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (heading, detail, back):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        self.heading, self.detail = heading, detail

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape):
            self.done.emit()
        else:
            super().keyPressEvent(event)
