"""How a timer-led session follows its own clock: segments back to back, on active time.

The position is the stopwatch's active seconds (the clock minus the pauses).
`skip()`, `previous()`, self-paced sets and `adjust_rest()` move the segments'
actual times away from the plan's: each segment begins where the last ended.
"""

from __future__ import annotations

from workout_player.domain.session.events import EndReason, Event
from workout_player.domain.session.follower import RESTART_AFTER
from workout_player.domain.session.segment_events import EPS
from workout_player.domain.session.track import SegmentTrack


class TimerFollower:
    """Moves a timer-led session along its `SegmentTrack` (see `Follower`)."""

    def __init__(self, track: SegmentTrack) -> None:
        self._track = track
        self._stopwatch = track.stopwatch
        self._segments = track.plan.segments

    def position(self) -> float:
        return self._stopwatch.seconds

    def start(self) -> list[Event]:
        if not self._segments:
            return self._track.finish(True)
        return self._enter(0, 0.0) + self.tick()

    def tick(self) -> list[Event]:
        track = self._track
        out: list[Event] = []
        position = self.position()
        while track.current >= 0:
            elapsed = position - track.begin
            out += track.release(elapsed)
            duration = track.duration
            if duration is None or elapsed < duration - EPS:
                break
            end, index = track.begin + duration, track.current
            out.append(self._end("completed", end))
            out += self._go_to(index + 1, end)
        return out

    def skip(self, reason: EndReason) -> list[Event]:
        position, index = self.position(), self._track.current
        out: list[Event] = [self._end(reason, position)]
        return out + self._go_to(index + 1, position)

    def skip_to(self, index: int, reason: EndReason) -> list[Event]:
        position = self.position()
        return [self._end(reason, position), *self._go_to(index, position)]

    def previous(self) -> list[Event]:
        track = self._track
        position, target = self.position(), track.current
        if position - track.begin <= RESTART_AFTER:
            target = max(0, target - 1)
        out: list[Event] = [self._end("back", position)]
        return out + self._enter(target, position)

    def adjust_rest(self, seconds: float) -> list[Event]:
        """Never ends the rest within 1 s: the person must hear it coming."""
        track = self._track
        duration = track.duration
        if duration is None:
            return []
        elapsed = self.position() - track.begin
        floor = min(duration, elapsed + 1.0)
        track.resize(max(duration + seconds, floor), elapsed)
        return self.tick()

    def stop(self, reason: EndReason) -> list[Event]:
        return [self._end(reason, self.position())] if self._track.current >= 0 else []

    def media_ended(self) -> list[Event]:
        return []  # a demo clip looping to its end says nothing about the session

    def following(self) -> int | None:
        if self._track.finished:
            return None
        following = self._track.current + 1 if self._stopwatch.started else 0
        return following if following < len(self._segments) else None

    def totals(self, segment_remaining: float | None) -> tuple[float, float, float]:
        elapsed = self._stopwatch.seconds
        if self._track.finished:
            return elapsed, 0.0, elapsed
        # Self-paced sets still ahead count as 0 s, as in the plan's total.
        ahead = sum(s.duration or 0.0 for s in self._segments[self._track.index + 1 :])
        remaining = (segment_remaining or 0.0) + ahead
        return elapsed, remaining, elapsed + remaining

    def _end(self, reason: EndReason, position: float) -> Event:
        return self._track.end(reason, position, ended_at=self._stopwatch.reading_at(position))

    def _go_to(self, index: int, position: float) -> list[Event]:
        if index >= len(self._segments):
            # Caught up past the end: the session stops counting where it ended.
            return self._track.finish(True, active_until=position)
        return self._enter(index, position)

    def _enter(self, index: int, begin: float) -> list[Event]:
        duration = self._segments[index].duration
        started_at = self._stopwatch.reading_at(begin)
        return self._track.enter(index, begin, duration, started_at=started_at)
