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
    label.setProperty("colour", colour)
    label.setWordWrap(not steady)
    label.setAccessibleName(name)
    return label


def typed_text(digits: str) -> str:
    """What the typed line shows: the digits so far and what Enter does with them."""
    if not digits:
        return "Type the count with the number keys, then Enter"
    return f"Count typed: {digits}  (Enter saves it, Backspace corrects)"


def show_lines(lines: dict[QLabel, bool]) -> None:
    """Hide the lines that go before showing the ones that come.

    Showing a widget lays its parent out at once (not at the next pass of the loop), and a
    window whose layout needs more height than it has grows, and never shrinks back. So a
    moment with the old lines and the new ones both shown would leave the player taller
    than a 720 px screen for the rest of the session.
    """
    for label, shown in lines.items():
        if not shown:
            label.setVisible(False)
    for label, shown in lines.items():
        if shown:
            label.setVisible(True)


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
        if face is None:
            self.setVisible(False)
            return
        self.trial.setText(face.trial_text)
        self.count.setText(face.count_text or "")
        self.cap.setText(face.cap_text)
        self.typed.setText(typed_text(self.digits))
        self.keys.setText(face.keys_text)
        show_lines(
            {
                self.trial: bool(face.trial_text),
                self.count: face.count_text is not None,
                self.cap: bool(face.cap_text) and not face.awaiting_count,
                self.typed: self._typed_shown(),
                self.keys: True,
            }
        )
        self.setVisible(True)  # last: see show_lines

    def _typed_shown(self) -> bool:
        """The typed line shows once digits are typed or the count is awaited: while a count
        runs, the keys line already says that digits type it (and a 720 px screen has no
        room for both)."""
        face = self.face
        awaiting = face is not None and face.awaiting_count
        return self.takes_digits and (awaiting or bool(self.digits))

    def _show_typed(self) -> None:
        self.typed.setText(typed_text(self.digits))
        self.typed.setVisible(self._typed_shown())

    def set_pixel_sizes(self, trial: int, count: int, small: int) -> None:
        """Type sizes from the player's height (screen.apply_type, type_scale.py)."""
        sizes = ((self.trial, trial, 700), (self.count, count, 800), (self.cap, small, 500),
                 (self.typed, small, 700), (self.keys, small, 500))  # fmt: skip
        for label, size, weight in sizes:
            colour = label.property("colour")
            style = f"font-size: {size}px; font-weight: {weight}; color: {colour};"
            if isinstance(label, SteadyLabel):
                label.set_pixel_size(style)  # measured again: its width only ever grows
            else:
                label.setStyleSheet(style)

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
        self._show_typed()
        return True

    def take_count(self) -> int | None:
        """Enter with digits typed: the count to give (the digits are cleared), else None."""
        if not self.takes_digits or not self.digits:
            return None
        count, self.digits = int(self.digits), ""
        self._show_typed()
        return count
