"""The player's check mode: what a self-check shows beside the ring, and its typed count.

During a check's trial (or while its count is awaited) the screen shows this panel
over the ring: which trial and side, the count of a rep check in large type, the
cap ("Stops by itself at 45 s") and the keys that act now. The ring itself shows
the large count-up time (domain.player_face fills it from the CheckFace); the cue
line below says what ends the trial ("Press Enter when you lose the position").

Digits typed during a count (or after a typed-entry trial, while the count is
awaited) collect here; Enter then gives the number to the session
(`SessionController.enter_count`) instead of "done". Backspace takes one back.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from workout_player.domain.check_face import CheckFace
from workout_player.ui import theme
from workout_player.ui.player.widgets import SteadyLabel

MAX_DIGITS = 3
"""No check counts past 999 (a line walk of 20 steps, a chair stand of 30 reps)."""

DIGIT_KEYS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(10)}


def _label(
    size: int, colour: str = theme.TEXT, *, weight: int = 700, name: str = "", steady: bool = False
) -> QLabel:
    """Words wrap (they change once a trial); `steady` for the count, which changes often."""
    label = SteadyLabel() if steady else QLabel()
    label.setStyleSheet(f"font-size: {size}px; font-weight: {weight}; color: {colour};")
    label.setWordWrap(not steady)
    label.setAccessibleName(name)
    return label


def typed_text(digits: str) -> str:
    """What the typed line shows: the digits so far and what Enter does with them."""
    if not digits:
        return "Type the count with the number keys, then Enter"
    return f"Count typed: {digits}  (Enter saves it, Backspace corrects)"


class CheckPanel(QWidget):
    """Trial, side, count, cap and key hint of the check running now; hidden otherwise."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Self-check")
        self.face: CheckFace | None = None
        self.digits = ""
        self.trial = _label(32, name="Trial")
        self.count = _label(84, theme.ACCENT, weight=800, name="Count", steady=True)
        self.cap = _label(24, theme.TEXT_DIM, weight=500, name="Cap")
        self.typed = _label(26, theme.WARN, weight=700, name="Typed count")
        self.keys = _label(20, theme.TEXT_DIM, weight=500, name="Keys")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        for label in (self.trial, self.count, self.cap, self.typed, self.keys):
            layout.addWidget(label)
        self.setVisible(False)

    @property
    def takes_digits(self) -> bool:
        """A count is running or awaited: digits are the count (never the pain-before)."""
        face = self.face
        return face is not None and (face.count_text is not None or face.awaiting_count)

    def show_face(self, face: CheckFace | None) -> None:
        """Apply the check part of the player face (None: no check now, the panel hides)."""
        if face is None or (self.face is not None and face.name != self.face.name):
            self.digits = ""
        self.face = face
        self.setVisible(face is not None)
        if face is None:
            return
        self.trial.setText(face.trial_text)
        self.trial.setVisible(bool(face.trial_text))
        self.count.setVisible(face.count_text is not None)
        self.count.setText(face.count_text or "")
        self.cap.setText(face.cap_text)
        self.cap.setVisible(bool(face.cap_text) and not face.awaiting_count)
        self.typed.setVisible(self.takes_digits)
        self.typed.setText(typed_text(self.digits))
        self.keys.setText(face.keys_text)

    def type_key(self, key: int) -> bool:
        """A digit or Backspace while a count is open; True when the panel used the key."""
        if not self.takes_digits:
            return False
        if key == Qt.Key.Key_Backspace:
            self.digits = self.digits[:-1]
        elif key in DIGIT_KEYS:
            if len(self.digits) >= MAX_DIGITS:
                return True
            self.digits = (self.digits + str(DIGIT_KEYS[key])).lstrip("0") or "0"
        else:
            return False
        self.typed.setText(typed_text(self.digits))
        return True

    def take_count(self) -> int | None:
        """Enter with digits typed: the count to give (the digits are cleared), else None."""
        if not self.takes_digits or not self.digits:
            return None
        count, self.digits = int(self.digits), ""
        self.typed.setText(typed_text(self.digits))
        return count
