"""A testing hook: WORKOUT_PLAYER_PROGRESS=1 prints where the running session is, on stdout.

Each time the session moves to another part of its plan the app prints one line,
`segment INDEX KIND EXERCISE` (`segment 3 work Curl-up`; EXERCISE is `-` for a plain rest),
flushed at once. A test that started the app in a process (tests/test_quit_signals_app.py
sends it SIGTERM or Ctrl+C mid-session) reads these lines to know that the session runs and
which sets have ended, instead of waiting on the clock. Unset, it does nothing.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

if TYPE_CHECKING:
    from workout_player.ui.main_window import MainWindow

ENV = "WORKOUT_PLAYER_PROGRESS"


class ProgressHook(QObject):
    """Watches the window's session and prints a line when its segment changes."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._last: tuple[object, int] | None = None
        self._poll = QTimer(self)
        self._poll.setInterval(10)
        self._poll.timeout.connect(self._check)
        self._poll.start()

    def _check(self) -> None:
        controller = self.window.controller
        if controller is None or controller.is_finished:
            return
        view = controller.view()
        where = (controller, view.index)
        if where == self._last or view.segment is None:
            return
        self._last = where
        segment = view.segment
        exercise = segment.exercise or "-"
        print(f"segment {view.index} {segment.kind} {exercise}", flush=True)


def install_progress_hook(window: MainWindow) -> ProgressHook | None:
    if os.environ.get(ENV, "") != "1" or sys.stdout is None:
        return None
    return ProgressHook(window)
