"""The yellow bar across the top of the window and of the player: what is wrong, what to do."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

SEPARATOR = "   ·   "
"""Between two messages shown at once (e.g. no video and history waiting)."""

WARNING_SIGN = "⚠  "


def join_messages(messages: Iterable[str]) -> str:
    """Several messages as the one line a banner shows; empty ones are left out."""
    return SEPARATOR.join(message for message in messages if message)


class Banner(QFrame):
    """Why there is no video, or why history is not saved; hidden while there is nothing to say.

    `text` is the message as set (without the warning sign the bar draws in front of it).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "banner")
        self._text = ""
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setAccessibleName("Problem")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 8, 14, 8)
        layout.addWidget(self.label, 1)
        self.setVisible(False)

    @property
    def text(self) -> str:
        """The message shown ("" when the banner is empty)."""
        return self._text

    def set_text(self, text: str) -> None:
        self._text = text
        self.label.setText(f"{WARNING_SIGN}{text}" if text else "")
        self.setVisible(bool(text))
