"""A desktop logout or shutdown ends a session cleanly instead of being held up by it.

An X11 session manager (KDE Plasma, Xfce, LXQt...) first asks every app to commit its data
(QGuiApplication.commitDataRequest), then tells it to quit. Qt's quit asks every window to
close, and mid-session the main window answers with "End session?" and stays open: the
logout would wait on a question nobody sees. So a commit-data request

- hands what the summary's fields hold to the history writer at once, and
- lets the next close end a running session as stopped without asking (the session's sets
  are already stored; the window's close writes the rest).

It ends nothing itself: the logout can still be cancelled (by the person, or by another
app that has unsaved work), and Qt says nothing when it is. What a person expects after a
cancelled logout is the app as it was: the session still running, and "End session?" when
they close the window. So the first key press or mouse click in any of the app's windows
after the request puts the question back; a logout that goes on brings no input between
the request and the quit. (Session checkpoints, which also ask to commit data but never
quit, are covered by the same rule.) The window manager's close button is not input the
app sees: closed that way after a cancelled logout, before any key or click, the window
ends the session as stopped without asking (its sets are kept; only the summary is
skipped). Qt marks such a close event spontaneous, but a test cannot make one offscreen, so
the rule stays the simple one. Desktops without XSMP (GNOME, Wayland sessions) end
the app with SIGTERM instead: ui/quit_signals.py.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication, QSessionManager

_PERSON = (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin)
"""Input that says the person is using the app again."""


@runtime_checkable
class ClosableWindow(Protocol):
    """What the guard needs of the main window."""

    def save_typed_text(self) -> None: ...
    def close_without_asking(self, allowed: bool) -> None: ...


class LogoutGuard(QObject):
    """Answers the session manager's commit-data request for `window` (see the module)."""

    def __init__(
        self, app: QGuiApplication, window: ClosableWindow, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._app = app
        self._window = window
        self.armed = False
        """True from a commit-data request until the person's next input."""
        # Direct, as Qt asks: the session manager waits for the answer inside this call.
        app.commitDataRequest.connect(self.commit_data, Qt.ConnectionType.DirectConnection)

    def commit_data(self, _manager: QSessionManager | None = None) -> None:
        """The session manager's request: save what is typed, let the quit close."""
        self._window.save_typed_text()
        self._window.close_without_asking(True)
        if not self.armed:
            self.armed = True
            self._app.installEventFilter(self)

    def disarm(self) -> None:
        """Closing asks again mid-session, as before the request."""
        if self.armed:
            self.armed = False
            self._app.removeEventFilter(self)
            self._window.close_without_asking(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _PERSON:
            self.disarm()
        return False  # the input itself goes on to where it was going


def install_logout_guard(window: QObject) -> LogoutGuard:
    """The guard for the app's main window (it lives as long as the window)."""
    app = QGuiApplication.instance()
    assert isinstance(app, QGuiApplication) and isinstance(window, ClosableWindow)
    return LogoutGuard(app, window, parent=window)
