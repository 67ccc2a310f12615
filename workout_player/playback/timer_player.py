"""The player used when libvlc cannot run: no picture, the same interface, time from a clock."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from workout_player.playback.player import Player
from workout_player.playback.surface import VideoSurface


class TimerPlayer(Player):
    """Runs media time on a monotonic clock and shows `problem` where the video would be.

    load() accepts no media (returns False for a path), but play/pause/seek/set_rate move
    `clock` exactly as a video would, so video-led workouts still run on the timer.
    """

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        problem: str | None = None,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent, monotonic=monotonic)
        self.problem = problem
        self._surface = VideoSurface(native=False)
        self._surface.set_message(problem)

    def video_widget(self) -> QWidget:
        return self._surface

    def load(self, path: Path | None, *, loop: bool = False) -> bool:
        self._timer_stop()
        # `loop` needs nothing here: the timer never reaches an end it does not know.
        return path is None
