"""A testing hook: WORKOUT_PLAYER_SCREENSHOT=PATH:SECONDS grabs the screen at a session time.

When the running session reaches SECONDS (video time for a video-led workout,
active time otherwise) the whole screen is saved to PATH (PNG), what the player
showed at that moment goes to PATH.json, and the app quits. The end-to-end test
uses it to check, under Xvfb, that video pixels are on screen and that the cue
shown belongs to the segment at that video time. Unset, it does nothing.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, QTimer
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from workout_player.ui.main_window import MainWindow

ENV = "WORKOUT_PLAYER_SCREENSHOT"
TIMEOUT_MS = 90_000
"""Wall time after which the hook gives up, saves what is there and exits with status 3."""


def parse(value: str) -> tuple[Path, float] | None:
    path, sep, seconds = value.rpartition(":")
    if not sep or not path:
        return None
    try:
        return Path(path), float(seconds)
    except ValueError:
        return None


class ScreenshotHook(QObject):
    """Watches the window's session and takes one screenshot at the requested time."""

    def __init__(self, window: MainWindow, path: Path, seconds: float) -> None:
        super().__init__(window)
        self.window = window
        self.path = path
        self.seconds = seconds
        self._done = False
        self._poll = QTimer(self)
        self._poll.setInterval(15)
        self._poll.timeout.connect(self._check)
        self._poll.start()
        QTimer.singleShot(TIMEOUT_MS, self, lambda: self._take(timed_out=True))

    def _check(self) -> None:
        controller = self.window.controller
        if controller is not None and controller.session.position() >= self.seconds:
            self._take(timed_out=False)

    def _take(self, *, timed_out: bool) -> None:
        if self._done:
            return
        self._done = True
        self._poll.stop()
        screen = QApplication.primaryScreen()
        # grabWindow(0) reads the X server's picture, so libvlc's own window is in it too.
        screen.grabWindow(0).save(str(self.path), "PNG")
        info: dict[str, object] = {"timed_out": timed_out}
        controller, player_screen = self.window.controller, self.window.player_screen
        if controller is not None and player_screen is not None:
            view = controller.view()
            video = player_screen.video
            top_left = video.mapToGlobal(QPoint(0, 0))
            info.update(
                position=controller.session.position(),
                index=view.index,
                kind=view.segment.kind if view.segment else None,
                exercise=player_screen.exercise.text(),
                cue=player_screen.cue.text(),
                player=type(controller.player).__name__,
                problem=controller.problems_text(),
                video_visible=player_screen.stage.currentWidget() is video,
                video_rect=[top_left.x(), top_left.y(), video.width(), video.height()],
            )
        Path(f"{self.path}.json").write_text(json.dumps(info, indent=1), encoding="utf-8")
        self.window.close()
        QApplication.instance().exit(3 if timed_out else 0)  # type: ignore[union-attr]


def install_screenshot_hook(window: MainWindow) -> ScreenshotHook | None:
    value = os.environ.get(ENV, "")
    parsed = parse(value) if value else None
    if parsed is None:
        return None
    return ScreenshotHook(window, *parsed)
