"""The player's building blocks: the timer ring, the side badge, the banner and the in-page bars.

All of them are sized for reading from across a room: the ring's number is at
least 72 px tall on a 1366x768 screen, and bars use 22-28 px type.
"""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from workout_player.ui import theme


class RingTimer(QWidget):
    """A ring that empties as a countdown, rest, hold or timed set runs out; seconds inside.

    `fraction` is what is left (1 = full ring). The ring is painted with QPainter
    so it scales with the window and stays crisp in full screen.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fraction = 0.0
        self.text = ""
        self.caption = ""
        self.colour = QColor(theme.ACCENT)
        self.setMinimumSize(180, 180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("Timer")

    def set_state(self, fraction: float, text: str, caption: str, colour: str) -> None:
        fraction = min(1.0, max(0.0, fraction))
        new = (round(fraction, 3), text, caption, colour)
        if new == (round(self.fraction, 3), self.text, self.caption, self.colour.name()):
            return
        self.fraction, self.text, self.caption = fraction, text, caption
        self.colour = QColor(colour)
        self.setAccessibleDescription(f"{caption} {text}".strip())
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(280, 280)

    def paintEvent(self, event: QPaintEvent) -> None:
        side = min(self.width(), self.height())
        if side <= 0:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        thickness = max(10.0, side * 0.08)
        square = QRectF(
            (self.width() - side) / 2 + thickness / 2,
            (self.height() - side) / 2 + thickness / 2,
            side - thickness,
            side - thickness,
        )
        track = QPen(QColor(theme.SURFACE_HIGH), thickness)
        painter.setPen(track)
        painter.drawEllipse(square)
        if self.fraction > 0:
            pen = QPen(self.colour, thickness)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            # Starts at 12 o'clock and runs clockwise as time is left.
            painter.drawArc(square, 90 * 16, -round(self.fraction * 360 * 16))
        font = QFont(self.font())
        font.setBold(True)
        # At least 72 px (readable from 3 m) unless the ring is too small to hold it.
        font.setPixelSize(max(72, round(side * 0.34)) if side >= 170 else round(side * 0.42))
        painter.setFont(font)
        painter.setPen(QColor(theme.TEXT))
        text_box = square.adjusted(0, -side * 0.06, 0, -side * 0.06)
        painter.drawText(text_box, Qt.AlignmentFlag.AlignCenter, self.text)
        if self.caption:
            small = QFont(self.font())
            small.setBold(True)
            small.setPixelSize(max(18, round(side * 0.085)))
            painter.setFont(small)
            painter.setPen(self.colour)
            caption_box = QRectF(
                square.left(), square.center().y() + side * 0.16, square.width(), side * 0.14
            )
            painter.drawText(caption_box, Qt.AlignmentFlag.AlignCenter, self.caption)
        painter.end()


class SideBadge(QLabel):
    """LEFT / RIGHT in a coloured pill; hidden for unsided exercises."""

    COLOURS: ClassVar[dict[str, str]] = {"left": "#7e57c2", "right": "#00897b"}

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Side")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.set_side(None)

    def set_side(self, side: str | None) -> None:
        self.setVisible(side is not None)
        if side is None:
            self.setText("")
            return
        self.setText(side.upper())
        colour = self.COLOURS.get(side, theme.SURFACE_HIGH)
        self.setStyleSheet(
            f"background-color: {colour}; color: white; border-radius: 10px; "
            "font-size: 34px; font-weight: 800; padding: 2px 18px;"
        )


class Banner(QFrame):
    """A yellow bar across the top: why there is no video, or why history is not saved."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "banner")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setAccessibleName("Problem")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        layout.addWidget(self.label, 1)
        self.setVisible(False)

    def set_text(self, text: str) -> None:
        self.label.setText(f"⚠  {text}" if text else "")
        self.setVisible(bool(text))


class ConfirmEndBar(QFrame):
    """In-page question instead of a modal dialog: the session keeps running while it is shown."""

    confirmed = Signal()
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "confirm")
        label = QLabel("End session?   Enter = end,  Esc = keep going")
        self.end_button = QPushButton("End  [Enter]")
        self.end_button.setAccessibleName("End the session")
        self.keep_button = QPushButton("Keep going  [Esc]")
        self.keep_button.setAccessibleName("Keep going")
        for button in (self.end_button, self.keep_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.end_button.clicked.connect(self.confirmed)
        self.keep_button.clicked.connect(self.cancelled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.addWidget(label, 1)
        layout.addWidget(self.keep_button)
        layout.addWidget(self.end_button)
        self.setVisible(False)


class PainSelector(QFrame):
    """'Pain now (0-10)?' with eleven buttons; optional, shown during the first countdown."""

    chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "panel")
        self.setAccessibleName("Pain before the session, 0 to 10")
        self.value: int | None = None
        self.label = QLabel("Pain now, 0-10? (optional, click)")
        self.label.setStyleSheet("font-size: 20px; font-weight: 600;")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 4, 0, 4)
        outer.setSpacing(4)
        outer.addWidget(self.label)
        layout = QHBoxLayout()
        layout.setSpacing(4)
        outer.addLayout(layout)
        self.buttons: list[QPushButton] = []
        for value in range(11):
            button = QPushButton(str(value))
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAccessibleName(f"Pain {value} of 10")
            button.setMinimumWidth(34)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setStyleSheet("padding: 4px 2px; font-size: 20px;")
            button.clicked.connect(lambda _checked=False, v=value: self.choose(v))
            layout.addWidget(button)
            self.buttons.append(button)

    def choose(self, value: int) -> None:
        self.value = value
        for index, button in enumerate(self.buttons):
            button.setChecked(index == value)
        self.label.setText(f"Pain now: {value} / 10  ✓")
        self.chosen.emit(value)
