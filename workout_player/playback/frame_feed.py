"""Keeps a MediaClock on the pictures a video sink receives: QtPlayer's clock source.

QMediaPlayer's position comes in steps of ~50 ms and runs ~20 ms behind the picture, so while
there is video QtPlayer feeds its clock from each picture's presentation interval instead
(bench/cue_timing_qt.py measures both). The rules live here, without Qt, so they are tested
with a fake clock:

- A picture's start time is the media time when it arrives; reports go to the clock, which
  smooths them. One far behind the last (a loop restarting) jumps instead.
- After a seek while playing, the clock holds at the target until the picture there shows
  (the old one is still on screen). Pictures from before the seek still on their way are
  passed over, and so is pre-roll: QtMultimedia's FFmpeg backend shows the frame that ends
  at the target ~1 ms before the one that starts there, and a clock started on it would run
  a frame behind the picture.
- Before any picture (audio only, or none yet) the player's position feeds the clock.
- A hold that no picture ends (the video track stops before the sound, a broken stretch)
  ends after HOLD_LIMIT seconds at the next position report: the clock runs on from it
  (or from the target, when the report is an old one from before the seek), so cues never
  stop for good.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from workout_player.domain.clock import MediaClock

#: A reported time this far behind the last one is a loop restarting, not jitter.
BACKWARD_JUMP = 0.5
#: After a seek, a picture further than this from the target is an old one still on its way.
SEEK_WINDOW = 1.0
#: Rounding in a frame's end time (microseconds in Qt): an end this close to the target is at it.
EDGE = 0.001
#: A seek's hold with no picture at the target ends after this long (seconds of wall time):
#: QtMultimedia shows the target picture within ~10 ms (bench/cue_timing_qt.py).
HOLD_LIMIT = 1.0


class FrameFeed:
    """What the clock should do with each picture, position report and seek of one file."""

    def __init__(self, monotonic: Callable[[], float] = time.monotonic) -> None:
        self.seen = False
        """A picture has come since the file was loaded: the position no longer feeds."""
        self._last = 0.0
        self._target: float | None = None
        self._monotonic = monotonic
        self._held_at = 0.0

    @property
    def holding(self) -> bool:
        """The clock waits at a seek target for its picture."""
        return self._target is not None

    def reset(self) -> None:
        """A new file, or none: nothing seen, at 0."""
        self.seen = False
        self._last = 0.0
        self._target = None

    def moved(self, seconds: float) -> None:
        """The player jumped to `seconds` (stop, a seek while paused, a replay from the end)."""
        self._last = seconds

    def hold(self, clock: MediaClock, seconds: float) -> None:
        """A seek while pictures play: freeze at `seconds` until the picture there shows."""
        self._last = seconds
        self._target = seconds
        self._held_at = self._monotonic()
        clock.set_playing(False)

    def release(self) -> None:
        """Paused or stopped: no picture is awaited any more."""
        self._target = None

    def position(self, clock: MediaClock, seconds: float, playing: bool = True) -> None:
        """QMediaPlayer reported its position: feeds the clock only before any picture, or
        to end a hold no picture ended within HOLD_LIMIT (`playing`: the clock runs on)."""
        target = self._target
        if target is not None:
            if self._monotonic() - self._held_at < HOLD_LIMIT:
                return
            self._target = None
            start = seconds if abs(seconds - target) <= SEEK_WINDOW else target
            clock.seek(start)
            self._last = start
            clock.set_playing(playing)
            return
        if not self.seen:
            self._report(clock, seconds)

    def picture(self, clock: MediaClock, start: float, end: float | None, playing: bool) -> None:
        """A picture for media [start, end) reached the screen (end None: not known).

        `playing`: whether the person wants it running (the clock resumes after a hold)."""
        self.seen = True
        target = self._target
        if target is None:
            self._report(clock, start)
            return
        if abs(start - target) > SEEK_WINDOW:
            return  # a picture from before the seek, still on its way
        if end is not None and end > start:
            if end <= target + EDGE:
                return  # pre-roll: it ends where the target starts
        elif start < target - EDGE:
            return  # no end known: only a picture from the target on will do
        # The picture at the target (it can start up to a frame before it): the clock
        # jumps to it and runs on from there.
        self._target = None
        clock.seek(start)
        self._last = start
        clock.set_playing(playing)

    def _report(self, clock: MediaClock, seconds: float) -> None:
        if seconds < self._last - BACKWARD_JUMP:
            clock.seek(seconds)  # a loop restarted: jump, do not smooth backwards
        else:
            clock.report(seconds)
        self._last = seconds
