"""Every window opens at a size that fits the screen it opens on (issue 12).

A window asks for its preferred size (1366x768 for the main window and the editors)
and gets at most the screen's available area, less room for the window manager's
title bar, centred there; down to 1280x720 (or 2560x1440 at 200 %) every window still
shows all of itself, since none has a minimum size above that.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

FRAME = QSize(16, 48)
"""Room left for the window's frame and title bar, which the available area includes."""


def fitted_size(preferred: QSize, available: QSize, minimum: QSize | None = None) -> QSize:
    """`preferred`, shrunk to fit `available` less the frame; never below `minimum`
    (a window's own minimum size: a layout cannot be made smaller than it)."""
    width = min(preferred.width(), available.width() - FRAME.width())
    height = min(preferred.height(), available.height() - FRAME.height())
    if minimum is not None:
        width, height = max(width, minimum.width()), max(height, minimum.height())
    return QSize(width, height)


def available_area(window: QWidget) -> QRect:
    """The available area of the screen the window opens on (the primary one if unknown)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_to_screen(window: QWidget, preferred: QSize, *, share: float = 0.0) -> None:
    """Resize `window` to `preferred` or less, so it fits its screen, and centre it there.

    `share` > 0: on a larger screen the window takes that part of it instead (the main
    window: the player is read from across the room, so a large screen gives large type)."""
    area = available_area(window)
    if share > 0:
        preferred = preferred.expandedTo(
            QSize(round(area.width() * share), round(area.height() * share))
        )
    size = fitted_size(preferred, area.size(), window.minimumSizeHint())
    window.resize(size)
    frame = QRect(area.topLeft(), size)
    frame.moveCenter(area.center())
    window.move(frame.topLeft())
