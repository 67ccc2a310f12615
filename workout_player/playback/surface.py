"""The widget a player shows: a black native surface libvlc draws into, or a dark message panel.

Both kinds paint their own black background and, when video is off or broken, the reason in
large type, so a person on the floor sees why there is no picture.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QRect, Qt, Signal
from PySide6.QtGui import QColor, QFont, QGuiApplication, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QSizePolicy, QWidget


class VideoSurface(QFrame):
    """Black frame for the video. With `native=True` it has its own window for libvlc.

    Signals: `double_clicked` (libvlc gives mouse input back to Qt, so a double-click on the
    picture can toggle full screen) and `win_id_changed` (the native window was recreated,
    e.g. after reparenting, and libvlc must be pointed at the new one).
    """

    double_clicked = Signal()
    win_id_changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, native: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("videoSurface")
        if native:
            # libvlc draws into this window directly; Qt must neither paint over the
            # picture nor share the window with a sibling.
            self.setAttribute(Qt.WidgetAttribute.WA_NativeWindow, True)
            self.setAttribute(Qt.WidgetAttribute.WA_DontCreateNativeAncestors, True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 90)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._message = ""

    def message(self) -> str:
        return self._message

    def set_message(self, text: str | None) -> None:
        """Show `text` on the black background (shown whenever no picture covers it)."""
        self._message = text or ""
        self.setToolTip(self._message)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor("black"))
        if self._message:
            painter.setPen(QColor("#e6e6e6"))
            font = QFont(self.font())
            font.setPointSizeF(max(12.0, min(self.height() / 18.0, 22.0)))
            painter.setFont(font)
            margin = max(12, self.width() // 20)
            area = QRect(self.rect()).adjusted(margin, margin, -margin, -margin)
            painter.drawText(
                area, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self._message
            )
        painter.end()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.double_clicked.emit()
        event.accept()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.WinIdChange:
            self.win_id_changed.emit()
        return super().event(event)


def embed(media_player: object, surface: VideoSurface) -> bool:
    """Point a libvlc media player at `surface`'s native window; False when this cannot work."""
    platform = QGuiApplication.platformName()
    if platform not in ("xcb", "windows", "cocoa"):
        # offscreen (tests: the instance decodes to a dummy output) or wayland (no embedding).
        return False
    handle = int(surface.winId())
    if sys.platform.startswith("win"):
        media_player.set_hwnd(handle)  # type: ignore[attr-defined]
    elif sys.platform == "darwin":
        media_player.set_nsobject(handle)  # type: ignore[attr-defined]
    else:
        media_player.set_xwindow(handle)  # type: ignore[attr-defined]
    return True
