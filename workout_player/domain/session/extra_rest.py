"""More rest in a video-led session: the video holds on its picture while a rest counts down.

The video sets the length of its own rests, so + in a video-led session cannot
stretch a segment; it adds an extra rest instead. While one runs the engine
does not follow the media clock (the UI pauses the video, which freezes it) and
counts the rest on active time, so a pause stops it too. When it runs out (or
the person moves on with N, P or Esc) the video carries on where it stopped.
"""

from __future__ import annotations

from workout_player.domain.session.events import CountdownBeep, Event, ExtraRestChanged
from workout_player.domain.session.stopwatch import Stopwatch

MIN_EXTRA_REST = 1.0
"""Less than this left after a − ends the extra rest at once."""


class ExtraRestTimer:
    """The person's extra rest, in the session's active seconds (`stopwatch`)."""

    def __init__(self, stopwatch: Stopwatch, beeps: int = 3) -> None:
        self._stopwatch = stopwatch
        self._beeps = beeps
        self._until: float | None = None
        self._beeped: set[int] = set()

    @property
    def active(self) -> bool:
        return self._until is not None

    def remaining(self) -> float | None:
        """Seconds of extra rest left; None when none runs."""
        if self._until is None:
            return None
        return max(0.0, self._until - self._stopwatch.seconds)

    def adjust(self, seconds: float) -> list[Event]:
        """+ starts or lengthens the extra rest, − shortens it (and ends it near zero)."""
        now = self._stopwatch.seconds
        if self._until is None:
            if seconds <= 0:
                return []  # nothing to shorten: the video's own rest is the video's
            self._until = now + seconds
            self._beeped = set()
            return [ExtraRestChanged(seconds)]
        self._until += seconds
        left = self._until - now
        if left < MIN_EXTRA_REST:
            return self.release()
        self._beeped = {n for n in self._beeped if n > left}
        return [ExtraRestChanged(left)]

    def tick(self) -> list[Event]:
        """The 3-2-1 beeps before the video goes on, then the end of the extra rest."""
        left = self.remaining()
        if left is None:
            return []
        out: list[Event] = []
        for n in range(self._beeps, 0, -1):
            if left <= n and n not in self._beeped:
                self._beeped.add(n)
                out.append(CountdownBeep(n))
        if left <= 0:
            out += self.release()
        return out

    def release(self) -> list[Event]:
        """End the extra rest now: the video carries on (nothing when none runs)."""
        if self._until is None:
            return []
        self._until = None
        return [ExtraRestChanged(0.0)]
