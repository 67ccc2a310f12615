"""The Player interface both players implement, with the timer that runs when there is no video.

The timer mode moves a media position on a monotonic clock and feeds it to the player's
MediaClock, so a video-led workout still runs (and a timer-led one still loops its clock)
when libvlc is missing, the file is gone, or libvlc gives up on it half-way.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from workout_player.domain.clock import MediaClock

#: How often the timer mode reports its position, like libvlc's coarse time steps.
TIMER_REPORT_MS = 250


class Player(QObject):
    """Plays one media file into video_widget() and keeps `clock` on its media time.

    Signals are emitted in the GUI thread. `problem` is the banner text explaining why there
    is no picture (None when video is fine). Subclasses: VlcPlayer, TimerPlayer.
    """

    time_changed = Signal(float)  # coarse media time in seconds
    playing_changed = Signal(bool)
    ended = Signal()
    error = Signal(str)  # what is wrong and what to do

    def __init__(
        self, parent: QObject | None = None, *, monotonic: Callable[[], float] = time.monotonic
    ) -> None:
        super().__init__(parent)
        self.problem: str | None = None
        self.clock = MediaClock(monotonic)
        self._monotonic = monotonic
        self._playing = False
        # Timer mode: position = base + (monotonic() - anchor) * rate while running.
        self._timer_base = 0.0
        self._timer_anchor: float | None = None
        self._timer_rate = 1.0
        self._timer_length: float | None = None
        self._ticker = QTimer(self)
        self._ticker.setInterval(TIMER_REPORT_MS)
        self._ticker.timeout.connect(self._timer_tick)

    # -- the interface ---------------------------------------------------------------------

    def video_widget(self) -> QWidget:
        raise NotImplementedError  # each player supplies its own surface

    def load(self, path: Path | None, *, loop: bool = False) -> bool:
        raise NotImplementedError

    def play(self) -> None:
        self._timer_play()

    def pause(self) -> None:
        self._timer_pause()

    def stop(self) -> None:
        self._timer_stop()

    def seek(self, seconds: float) -> None:
        self._timer_seek(seconds)

    def set_rate(self, rate: float) -> None:
        self._timer_set_rate(rate)

    def set_muted(self, muted: bool) -> None:
        """No sound without media; VlcPlayer overrides."""

    def set_volume(self, volume: int) -> None:
        """No sound without media; VlcPlayer overrides."""

    def length(self) -> float | None:
        return self._timer_length

    def is_playing(self) -> bool:
        return self._playing

    def close(self) -> None:
        """Stop and free what the player holds; call before its widget is destroyed."""
        self._ticker.stop()
        self._set_playing(False)

    # -- shared helpers ----------------------------------------------------------------------

    def _set_playing(self, playing: bool) -> None:
        self.clock.set_playing(playing)
        if playing != self._playing:
            self._playing = playing
            self.playing_changed.emit(playing)

    # -- timer mode --------------------------------------------------------------------------

    def _timer_position(self) -> float:
        if self._timer_anchor is None:
            return self._timer_base
        elapsed = max(0.0, self._monotonic() - self._timer_anchor)
        return self._timer_base + elapsed * self._timer_rate

    def _timer_play(self) -> None:
        if self._timer_length is not None and self._timer_base >= self._timer_length:
            self._timer_base = 0.0  # play after the end starts again, like a video would
        self.clock.seek(self._timer_base)
        if self._timer_anchor is None:
            self._timer_anchor = self._monotonic()
        self._ticker.start()
        self._set_playing(True)

    def _timer_pause(self) -> None:
        self._timer_base = self._timer_position()
        self._timer_anchor = None
        self._ticker.stop()
        self.clock.report(self._timer_base)
        self._set_playing(False)

    def _timer_stop(self) -> None:
        self._timer_pause()
        self._timer_base = 0.0
        self.clock.seek(0.0)

    def _timer_seek(self, seconds: float) -> None:
        self._timer_base = max(0.0, seconds)
        if self._timer_anchor is not None:
            self._timer_anchor = self._monotonic()
        self.clock.seek(self._timer_base)

    def _timer_set_rate(self, rate: float) -> None:
        self._timer_base = self._timer_position()
        if self._timer_anchor is not None:
            self._timer_anchor = self._monotonic()
        self._timer_rate = rate
        self.clock.set_rate(rate)

    def _timer_tick(self) -> None:
        position = self._timer_position()
        if self._timer_length is not None and position >= self._timer_length:
            self._timer_base = self._timer_length
            self._timer_anchor = None
            self._ticker.stop()
            self.clock.report(self._timer_length)
            self.time_changed.emit(self._timer_length)
            self._set_playing(False)
            self.ended.emit()
            return
        self.clock.report(position)
        self.time_changed.emit(position)
