"""Active time: the seconds a session has run, its pauses left out."""

from __future__ import annotations

from workout_player.domain.clock import Clock


class Stopwatch:
    """Counts the active seconds of one session on `clock`; frozen once stopped.

    The engine decides when to start, pause, resume and stop; this class only
    keeps the arithmetic (and the clock reading that matches a past count).
    """

    def __init__(self, clock: Clock) -> None:
        self.clock = clock
        self._started = False
        self._start = 0.0
        self._paused_total = 0.0
        self._pause_began: float | None = None
        self._final: float | None = None

    @property
    def started(self) -> bool:
        return self._started

    @property
    def paused(self) -> bool:
        return self._pause_began is not None

    @property
    def seconds(self) -> float:
        """Seconds counted so far (0 before the start, the final count once stopped)."""
        if not self._started:
            return 0.0
        if self._final is not None:
            return self._final
        return max(0.0, self._now() - self._start - self._paused_total)

    def start(self) -> None:
        self._started = True
        self._start = self.clock.now()

    def pause(self) -> None:
        self._pause_began = self.clock.now()

    def resume(self) -> None:
        if self._pause_began is not None:
            self._paused_total += self.clock.now() - self._pause_began
            self._pause_began = None

    def stop(self, until: float | None = None) -> None:
        """Freeze the count (at `until` seconds when the clock has run past it)."""
        seconds = self.seconds
        self._final = seconds if until is None else min(seconds, until)
        self._pause_began = None

    def reading_at(self, seconds: float) -> float:
        """The clock reading at which the count showed `seconds` (at or before now)."""
        return self._now() - (self.seconds - seconds)

    def _now(self) -> float:
        return self._pause_began if self._pause_began is not None else self.clock.now()
