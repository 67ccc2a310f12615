"""The optional profile (birth year, sex) as an in-page form on the Checks screen.

Both parts are optional; they only pick which published norm row a result is compared
with, and stay in the local history file. Enter saves, Esc closes without saving.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIntValidator, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workout_player.domain.profile import Profile, birth_year_problem, sex_of
from workout_player.ui import theme

QUESTION = (
    "To compare your results with published figures for people like you, the app needs "
    "your birth year and sex. Both are optional and stay on this computer."
)
SEX_CHOICES = (("Rather not say", None), ("Female", "female"), ("Male", "male"))


class ProfileForm(QFrame):
    """Asks for the profile; `saved(Profile)` or `closed()`."""

    saved = Signal(object)
    closed = Signal()

    def __init__(
        self, parent: QWidget | None = None, *, today: Callable[[], date] = date.today
    ) -> None:
        super().__init__(parent)
        self._today = today
        self.setProperty("role", "panel")
        self.setStyleSheet("font-size: 20px;")
        question = QLabel(QUESTION)
        question.setWordWrap(True)
        self.year = QLineEdit()
        self.year.setPlaceholderText("e.g. 1961")
        self.year.setValidator(QIntValidator(0, 9999, self))
        self.year.setAccessibleName("Birth year")
        self.year.setMaximumWidth(160)
        self.sex = QComboBox()
        self.sex.setAccessibleName("Sex")
        for text, _value in SEX_CHOICES:
            self.sex.addItem(text)
        save = QPushButton("Save [Enter]")
        save.clicked.connect(self.save)
        cancel = QPushButton("Not now [Esc]")
        cancel.clicked.connect(self.closed)
        row = QHBoxLayout()
        for text, widget in (("Birth year", self.year), ("Sex", self.sex)):
            label = QLabel(text)
            label.setBuddy(widget)
            row.addWidget(label)
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(save)
        row.addWidget(cancel)
        self.problem = QLabel()
        self.problem.setStyleSheet(f"color: {theme.WARN}; font-weight: 700;")
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addLayout(row)
        layout.addWidget(self.problem)

    def open_with(self, profile: Profile) -> None:
        self.year.setText(str(profile.birth_year) if profile.birth_year else "")
        values = [value for _text, value in SEX_CHOICES]
        self.sex.setCurrentIndex(values.index(profile.sex) if profile.sex in values else 0)
        self.problem.setVisible(False)
        self.setVisible(True)
        self.year.setFocus()

    def profile(self) -> Profile | None:
        """The profile typed, or None (and the problem shown) when the year cannot be one."""
        text = self.year.text().strip()
        year = int(text) if text else None
        if year is not None:
            problem = birth_year_problem(year, self._today())
            if problem is not None:
                self.problem.setText(
                    f"That birth year cannot be right: {problem}. Type the year you were "
                    "born, or leave it empty."
                )
                self.problem.setVisible(True)
                return None
        self.problem.setVisible(False)
        return Profile(birth_year=year, sex=sex_of(SEX_CHOICES[self.sex.currentIndex()][1]))

    def save(self) -> None:
        found = self.profile()
        if found is not None:
            self.saved.emit(found)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.save()
        elif event.key() == Qt.Key.Key_Escape:
            self.closed.emit()
        else:
            super().keyPressEvent(event)
