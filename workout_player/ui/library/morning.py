"""The morning question, keyboard only: "How is your back this morning? 0-10".

Digits answer at once, except 1, which waits: 0 next makes 10, Enter keeps 1 (any other
digit starts again with that digit). Esc skips; a skip is stored too, so the question is
asked once. The panel that shows it stores the answer (`answered(value | None)`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from workout_player.domain.programme.morning import QUESTION
from workout_player.ui import theme

HINT = "Press a number from 0 (no pain) to 10 (worst): 1 then 0 for 10.   Esc: skip"


class MorningQuestion(QFrame):
    """Asks once about one session; `answered(int)` or `answered(None)` (skipped)."""

    answered = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(QUESTION)
        self.setStyleSheet(
            f"MorningQuestion {{ background-color: {theme.SURFACE_HIGH};"
            f" border: 2px solid {theme.ACCENT}; border-radius: 10px; }}"
        )
        self.question = QLabel(QUESTION, self)
        self.question.setStyleSheet("font-size: 34px; font-weight: 700;")
        self.about = QLabel("", self)
        self.about.setStyleSheet(f"font-size: 20px; color: {theme.TEXT_DIM};")
        self.hint = QLabel(HINT, self)
        self.hint.setStyleSheet("font-size: 22px;")
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 14)
        layout.addWidget(self.question)
        layout.addWidget(self.about)
        layout.addWidget(self.hint)
        self._one = False

    def ask(self, about: str) -> None:
        """Show the question (`about`: which session it is for) and take the keys."""
        self._one = False
        self.about.setText(about)
        self.hint.setText(HINT)
        self.show()
        self.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if event.key() == Qt.Key.Key_Escape:
            self._answer(None)
        elif self._one and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._answer(1)
        elif len(text) == 1 and text.isdigit():
            digit = int(text)
            if self._one and digit == 0:
                self._answer(10)
            elif digit == 1:
                self._one = True
                self.hint.setText("1 - press 0 for 10, or Enter for 1.   Esc: skip")
            else:
                self._answer(digit)
        else:
            super().keyPressEvent(event)

    def _answer(self, value: int | None) -> None:
        self._one = False
        self.hide()
        self.answered.emit(value)
