"""A testing hook: WORKOUT_PLAYER_KEYS=PATH:SECONDS=KEY[,SECONDS=KEY...] presses keys at
session times, then quits once the session is over and saved.

When the running session reaches each SECONDS (active time; video time for a video-led
workout) the hook sends a real key press (Qt's key name: Return, N, Space...) to the
widget that has the focus in the window, as the keyboard would. What the player showed
and what the session measured at that moment go to PATH (JSON). Once the session has
finished and the history writer caught up, the app quits (status 0; 3 when nothing
happened within TIMEOUT_MS). The end-to-end test of the check mode uses it to press
Enter at a known moment of a hold under Xvfb. Unset, it does nothing.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from workout_player.ui.main_window import MainWindow

ENV = "WORKOUT_PLAYER_KEYS"
TIMEOUT_MS = 120_000


def parse(value: str) -> tuple[Path, list[tuple[float, Qt.Key]]] | None:
    """ "out.json:7=Return,9.5=N" -> (Path("out.json"), [(7.0, Key_Return), (9.5, Key_N)])."""
    path, sep, presses = value.rpartition(":")
    if not sep or not path:
        return None
    out = []
    for item in presses.split(","):
        seconds, _, name = item.partition("=")
        key = getattr(Qt.Key, f"Key_{name.strip()}", None)
        try:
            at = float(seconds)
        except ValueError:
            return None
        if key is None:
            return None
        out.append((at, key))
    return Path(path), sorted(out, key=lambda p: p[0])


class KeyHook(QObject):
    """Presses the keys at their session times; quits once the session is stored."""

    def __init__(self, window: MainWindow, path: Path, presses: list[tuple[float, Qt.Key]]) -> None:
        super().__init__(window)
        self.window, self.path, self.presses = window, path, list(presses)
        self.sent: list[dict[str, object]] = []
        self._poll = QTimer(self)
        self._poll.setInterval(10)
        self._poll.timeout.connect(self._check)
        self._poll.start()
        QTimer.singleShot(TIMEOUT_MS, self, lambda: self._quit(timed_out=True))

    def _check(self) -> None:
        controller = self.window.controller
        if controller is None:
            return
        if self.presses and controller.session.position() >= self.presses[0][0]:
            self._press(*self.presses.pop(0))
        writer = self.window.history_writer
        if not self.presses and controller.is_finished and not (writer and writer.has_pending()):
            self._quit(timed_out=False)

    def _press(self, seconds: float, key: Qt.Key) -> None:
        controller = self.window.controller
        assert controller is not None
        target = self.window.focusWidget() or self.window
        check = controller.view().check
        at = controller.session.position()
        # sendEvent: handled now, on the session clock's current moment.
        QApplication.sendEvent(
            target, QKeyEvent(QKeyEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier)
        )
        self.sent.append(
            {
                "asked": seconds,
                "at": at,
                "key": key.name,
                "focus": target.accessibleName(),
                "check": check.check if check else None,
                "held": check.seconds if check else None,
                "results": [r.value for r in controller.session.checks.results],
            }
        )

    def _quit(self, *, timed_out: bool) -> None:
        if not self._poll.isActive():
            return
        self._poll.stop()
        info = {"timed_out": timed_out, "sent": self.sent}
        self.path.write_text(json.dumps(info, indent=1), encoding="utf-8")
        self.window.close()
        QApplication.instance().exit(3 if timed_out else 0)  # type: ignore[union-attr]


def install_key_hook(window: MainWindow) -> KeyHook | None:
    value = os.environ.get(ENV, "")
    parsed = parse(value) if value else None
    if parsed is None:
        return None
    return KeyHook(window, *parsed)
