"""The player's building blocks: the timer ring, the side badge and the in-page bars.

All of them are sized for reading from across a room: the ring's number is at
least 72 px tall on a 1366x768 screen, and bars use 22-28 px type.

The screen redraws ~33 times a second, so the parts that change on a tick (ring,
bars, clocks, counters) repaint only themselves and only when what they show
changes: no synchronous repaint, no relayout of the screen.
"""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QResizeEvent,
)
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

CAPTION_CHORD = 0.66
"""The inner circle's width, as a part of the ring's side, where the caption sits
(16-30 % of the side below the centre, inside a pen of 8 %)."""


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
        self._face: QPixmap | None = None
        self._face_key: tuple[object, ...] = ()
        self.setMinimumSize(80, 80)  # the banner and a long name on a 720 px screen still fit
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("Timer")

    def set_state(self, fraction: float, text: str, caption: str, colour: str) -> None:
        fraction = min(1.0, max(0.0, fraction))
        new = (round(fraction, 3), text, caption, colour)
        if new == (round(self.fraction, 3), self.text, self.caption, self.colour.name()):
            return
        if (text, caption) != (self.text, self.caption):
            self.setAccessibleDescription(f"{caption} {text}".strip())
        self.fraction, self.text, self.caption = fraction, text, caption
        self.colour = QColor(colour)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(280, 280)

    def _square(self) -> tuple[QRectF, float]:
        """The ring's bounding square (centred, inset by half the pen) and the pen width."""
        side = min(self.width(), self.height())
        thickness = max(10.0, side * 0.08)
        square = QRectF(
            (self.width() - side) / 2 + thickness / 2,
            (self.height() - side) / 2 + thickness / 2,
            side - thickness,
            side - thickness,
        )
        return square, thickness

    def _face_pixmap(self) -> QPixmap:
        """Track, number and caption: everything but the arc, drawn again only when they change.

        Text taller than 64 px is not glyph-cached by Qt's raster engine but filled as
        paths, about a millisecond each time; the number changes once a second while
        the arc moves on every tick.
        """
        ratio = self.devicePixelRatioF()
        key = (self.width(), self.height(), ratio, self.text, self.caption, self.colour.rgba())
        if self._face is not None and self._face_key == key:
            return self._face
        side = min(self.width(), self.height())
        square, thickness = self._square()
        pixmap = QPixmap(self.size() * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(theme.SURFACE_HIGH), thickness))
        painter.drawEllipse(square)
        font = QFont(self.font())
        font.setBold(True)
        # At least 72 px (readable from 3 m) unless the ring is too small to hold it.
        font.setPixelSize(max(72, round(side * 0.34)) if side >= 170 else round(side * 0.42))
        painter.setFont(font)
        painter.setPen(QColor(theme.TEXT))
        text_box = square.adjusted(0, -side * 0.06, 0, -side * 0.06)
        painter.drawText(text_box, Qt.AlignmentFlag.AlignCenter, self.text)
        if self.caption:
            small = self.caption_font()
            painter.setFont(small)
            painter.setPen(self.colour)
            lines = self.caption_lines()
            caption_box = QRectF(
                square.left(),
                square.center().y() + side * 0.16,
                square.width(),
                side * (0.14 if len(lines) == 1 else 0.24),
            )
            painter.drawText(
                caption_box,
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                "\n".join(lines),
            )
        painter.end()
        self._face, self._face_key = pixmap, key
        return pixmap

    def caption_width(self) -> float:
        """How wide the caption may be: the ring's inner chord where it is written."""
        side = min(self.width(), self.height())
        return side * CAPTION_CHORD

    def caption_font(self) -> QFont:
        """The caption's type: 8.5 % of the ring, smaller when a long one ("SWITCH SIDES")
        would otherwise run over the ring."""
        side = min(self.width(), self.height())
        font = QFont(self.font())
        font.setBold(True)
        px = max(18, round(side * 0.085))
        font.setPixelSize(px)
        width = self.caption_width()
        metrics = QFontMetricsF(font)
        widest = max((metrics.horizontalAdvance(line) for line in self.caption_lines()), default=0)
        if widest > width > 0:
            font.setPixelSize(max(10, int(px * width / widest)))
        return font

    def caption_lines(self) -> list[str]:
        """The caption on one line, or its words on two when one line would run over the
        ring ("SWITCH" over "SIDES"): a smaller caption would be hard to read from the mat."""
        font = QFont(self.font())
        font.setBold(True)
        font.setPixelSize(max(18, round(min(self.width(), self.height()) * 0.085)))
        words = self.caption.split()
        if len(words) < 2 or QFontMetricsF(font).horizontalAdvance(self.caption) <= (
            self.caption_width()
        ):
            return [self.caption] if self.caption else []
        half = (len(words) + 1) // 2
        return [" ".join(words[:half]), " ".join(words[half:])]

    def paintEvent(self, event: QPaintEvent) -> None:
        if min(self.width(), self.height()) <= 0:
            return
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._face_pixmap())
        if self.fraction > 0:
            square, thickness = self._square()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            pen = QPen(self.colour, thickness)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            # Starts at 12 o'clock and runs clockwise as time is left.
            painter.drawArc(square, 90 * 16, -round(self.fraction * 360 * 16))
        painter.end()


class FlatBar(QWidget):
    """A flat progress bar (rounded track, filled part) for the workout and the tempo phase.

    Not a QProgressBar: its setValue() repaints at once, which flushes every pending
    paint of the window inside the session's tick. This one schedules a repaint of
    itself only, and only when the filled part moves by a whole pixel.
    """

    def __init__(
        self, maximum: int, height: int, colour: str = theme.ACCENT, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._maximum = max(1, maximum)
        self._value = 0
        self._percent = 0
        self._track = QColor(theme.SURFACE_HIGH)
        self._colour = QColor(colour)
        self.setFixedHeight(height)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleDescription("0 %")

    def value(self) -> int:
        return self._value

    def maximum(self) -> int:
        return self._maximum

    def setValue(self, value: int) -> None:  # QProgressBar's name
        value = min(self._maximum, max(0, value))
        if value == self._value:
            return
        before = self._filled(self._value)
        self._value = value
        percent = value * 100 // self._maximum
        if percent != self._percent:
            self._percent = percent
            self.setAccessibleDescription(f"{percent} %")
        if self._filled(value) != before:
            self.update()

    def _filled(self, value: int) -> int:
        return round(self.width() * value / self._maximum)

    def sizeHint(self) -> QSize:
        return QSize(200, self.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        radius = min(6.0, self.height() / 2)
        painter.setBrush(self._track)
        painter.drawRoundedRect(QRectF(self.rect()), radius, radius)
        filled = self._filled(self._value)
        if filled > 0:
            painter.setBrush(self._colour)
            painter.drawRoundedRect(QRectF(0, 0, filled, self.height()), radius, radius)
        painter.end()


class SteadyLabel(QLabel):
    """A label for a clock or counter: its size only ever grows, so a new value repaints the
    label alone instead of relaying out the whole screen (a label whose size is not fixed
    asks its layout to recompute on every setText). `reserve` makes room for the widest
    value up front, so the first minutes do not move it either."""

    _reserved = ""

    def reserve(self, widest: str) -> None:
        """Start at the size of `widest` (e.g. "≥ 88:88 left")."""
        self._reserved = widest
        self._fit(widest)

    def set_pixel_size(self, style: str) -> None:
        """A new style sheet (the screen's type follows its height): measure again."""
        self.setStyleSheet(style)
        self.setMinimumSize(0, 0)
        self.setMaximumSize(16777215, 16777215)
        self._fit(self._reserved)
        self._fit(self.text())

    def _fit(self, text: str) -> None:
        if not text:
            return
        self.ensurePolished()
        shown = self.text()
        super().setText(text)  # measured as the label would show it
        hint = self.sizeHint()
        super().setText(shown)
        width, height = max(hint.width(), self.minimumWidth()), hint.height()
        if width != self.minimumWidth() or height != self.minimumHeight():
            self.setFixedSize(width, height)

    def setText(self, text: str) -> None:
        if text == self.text():
            return
        super().setText(text)
        self._fit(text)  # the style sheet's font decides the size


class FittedText(QWidget):
    """Text in a box of fixed height (`lines` lines of its type): a longer text is set
    smaller, down to `min_px`, then cut with "…". Nothing around it moves when the text
    changes: a new text repaints this box alone."""

    def __init__(
        self,
        lines: int,
        *,
        name: str = "",
        colour: str = theme.TEXT,
        weight: int = 800,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.lines = lines
        self._text = ""
        self._colour = QColor(colour)
        self._weight = weight
        self._px = 24
        self._min_px = 24
        self._font = QFont(self.font())
        self._shown = ""
        self.setAccessibleName(name)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.set_pixel_size(24)

    def text(self) -> str:
        return self._text

    def font_px(self) -> int:
        """The size the text is set in now (after fitting)."""
        return self._font.pixelSize()

    def shown_text(self) -> str:
        """What is painted (the text, or its beginning and "…")."""
        return self._shown

    def set_pixel_size(self, px: int, min_px: int | None = None) -> None:
        self._px, self._min_px = px, min(px, min_px or px)
        font = self._make_font(px)
        line = QFontMetricsF(font).lineSpacing()
        self.setFixedHeight(int(line * self.lines + 4))
        self._fit()

    def setText(self, text: str) -> None:
        if text == self._text:
            return
        self._text = text
        self.setAccessibleDescription(text)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _make_font(self, px: int) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(px)
        font.setWeight(QFont.Weight(self._weight))
        return font

    def _fits(self, font: QFont, text: str) -> bool:
        metrics = QFontMetricsF(font)
        box = QRectF(0, 0, max(1, self.width()), 100000)
        needed = metrics.boundingRect(box, self._FLAGS, text)
        lines_used = round(needed.height() / metrics.lineSpacing())
        return lines_used <= self.lines and needed.width() <= self.width() + 0.5

    _FLAGS = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter) | int(
        Qt.TextFlag.TextWordWrap
    )

    def _fit(self) -> None:
        """The largest size from `px` down to `min_px` at which the text fits; else cut."""
        text = self._text
        for px in range(self._px, self._min_px - 1, -1):
            font = self._make_font(px)
            if self._fits(font, text):
                self._font, self._shown = font, text
                self.update()
                return
        font = self._make_font(self._min_px)
        words = text.split()
        while words and not self._fits(font, " ".join(words) + "…"):
            words.pop()
        self._font, self._shown = font, " ".join(words) + "…"
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setFont(self._font)
        painter.setPen(self._colour)
        painter.drawText(QRectF(self.rect()), self._FLAGS, self._shown)
        painter.end()


class SideBadge(QLabel):
    """LEFT / RIGHT in a coloured pill; hidden for unsided exercises."""

    COLOURS: ClassVar[dict[str, str]] = {"left": "#7e57c2", "right": "#00897b"}

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Side")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # One style sheet and one size for both sides; the pill is painted, so a new side
        # repaints the badge alone (a new style sheet would re-polish and relayout the panel).
        self._side: str | None = None
        self.set_pixel_size(34)
        self._colour = QColor(theme.SURFACE_HIGH)
        self.setVisible(False)

    def set_pixel_size(self, px: int) -> None:
        """The badge's type; its size fits the wider of LEFT and RIGHT at that size."""
        self.setStyleSheet(
            "background-color: transparent; color: white; "
            f"font-size: {px}px; font-weight: 800; padding: 2px {round(px * 0.5)}px;"
        )
        self.ensurePolished()
        shown = self.text()
        widest = max(self.COLOURS, key=lambda side: self.fontMetrics().horizontalAdvance(side))
        self.setMinimumSize(0, 0)
        self.setMaximumSize(16777215, 16777215)
        self.setText(widest.upper())
        self.setFixedSize(self.sizeHint())
        self.setText(shown)

    def set_side(self, side: str | None) -> None:
        if self._side == side and self.isHidden() == (side is None):
            return  # called on every tick
        self._side = side
        self.setVisible(side is not None)
        self.setText(side.upper() if side else "")
        self._colour = QColor(self.COLOURS.get(side or "", theme.SURFACE_HIGH))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._colour)
        painter.drawRoundedRect(QRectF(self.rect()), 10, 10)
        painter.end()
        super().paintEvent(event)  # the text


class ConfirmEndBar(QFrame):
    """In-page question instead of a modal dialog: the session keeps running while it is shown."""

    confirmed = Signal()
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "confirm")
        label = QLabel("End session?   Enter = end,  Esc = keep going")
        label.setWordWrap(True)  # a narrow window wraps it rather than grow past the screen
        self.label = label
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

    def set_pixel_size(self, px: int) -> None:
        """The question in large type (the player scales it with its height)."""
        self.label.setStyleSheet(f"font-size: {px}px; font-weight: 700;")
        for button in (self.end_button, self.keep_button):
            button.setStyleSheet(f"font-size: {round(px * 0.7)}px;")


PAIN_PROMPT = "Pain now? Type 0-9, or 1 then 0 for 10 (optional)"


class PainSelector(QFrame):
    """'Pain now, 0-10?' with the value in large type; optional, shown until the first
    exercise starts. Digit keys set it from across the room (`type_digit`: 1 then 0 is 10);
    the eleven buttons are there for a mouse."""

    chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "panel")
        self.setAccessibleName("Pain before the session, 0 to 10")
        self.value: int | None = None
        self.label = QLabel(PAIN_PROMPT)
        self.label.setWordWrap(True)
        self.shown = QLabel("–")
        self.shown.setAccessibleName("Pain now")
        self.shown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.set_pixel_size(28)
        top = QHBoxLayout()
        top.addWidget(self.label, 1)
        top.addWidget(self.shown)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 4, 0, 4)
        outer.setSpacing(4)
        outer.addLayout(top)
        layout = QHBoxLayout()
        layout.setSpacing(4)
        outer.addLayout(layout)
        self.buttons: list[QPushButton] = []
        for value in range(11):
            button = QPushButton(str(value))
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAccessibleName(f"Pain {value} of 10")
            button.setMinimumWidth(30)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setStyleSheet("padding: 2px 1px; font-size: 18px;")
            button.clicked.connect(lambda _checked=False, v=value: self.choose(v))
            layout.addWidget(button)
            self.buttons.append(button)

    def set_pixel_size(self, pixels: int) -> None:
        """The prompt's size (the screen scales it with its height); the value is twice it."""
        self.label.setStyleSheet(f"font-size: {pixels}px; font-weight: 600;")
        self.shown.setStyleSheet(
            f"font-size: {pixels * 2}px; font-weight: 800; color: {theme.ACCENT};"
        )
        # Wide enough for "10": the prompt keeps its place whatever is typed.
        self.shown.setFixedWidth(round(pixels * 2.6))

    def type_digit(self, digit: int) -> None:
        """A digit key: that value, except 0 right after a typed 1, which makes 10."""
        self.choose(10 if digit == 0 and self._typed_one else digit)
        self._typed_one = digit == 1

    _typed_one = False

    def choose(self, value: int) -> None:
        self._typed_one = False
        self.value = value
        for index, button in enumerate(self.buttons):
            button.setChecked(index == value)
        self.shown.setText(str(value))
        self.label.setText(f"Pain now: {value} / 10 ✓ (type again to change)")
        self.chosen.emit(value)
