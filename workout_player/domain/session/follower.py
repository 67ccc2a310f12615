"""What moves a session along its track: the timer or the video.

A follower decides when the current segment ends and which one comes next;
it changes the `SegmentTrack` only through the track's public methods. The
engine picks one follower when the session is made and forwards every action
to it, after checking that the action applies (the session is live, the
segment is the right kind).
"""

from __future__ import annotations

from typing import Protocol

from workout_player.domain.session.events import EndReason, Event

RESTART_AFTER = 3.0
"""previous() restarts the current segment when more than this far into it."""


class Follower(Protocol):
    """The engine's half that knows where the session is."""

    def position(self) -> float:
        """Where the session is: active seconds (timer) or video seconds."""
        ...

    def start(self) -> list[Event]:
        """The session starts (the track's stopwatch has just started)."""
        ...

    def tick(self) -> list[Event]:
        """Catch up with the clock: every event on the way, in order."""
        ...

    def skip(self, reason: EndReason) -> list[Event]:
        """Leave the current segment for the next one ("skipped", or "done")."""
        ...

    def skip_to(self, index: int, reason: EndReason) -> list[Event]:
        """Leave the current segment for segment `index` (past the end: the finish),
        passing over the ones between without their events (N on a check skips the test)."""
        ...

    def previous(self) -> list[Event]:
        """Restart the current segment, or go back one when just into it."""
        ...

    def adjust_rest(self, seconds: float) -> list[Event]:
        """Lengthen or shorten the current rest (a follower may refuse: no events)."""
        ...

    def stop(self, reason: EndReason) -> list[Event]:
        """End the current segment where the session is now (nothing when there is none)."""
        ...

    def media_ended(self) -> list[Event]:
        """The video reached its end (only a video follower cares)."""
        ...

    def following(self) -> int | None:
        """Index of the segment after the current one (or the next one in a gap)."""
        ...

    def totals(self, segment_remaining: float | None) -> tuple[float, float, float]:
        """Elapsed, remaining and total seconds of the whole session, as now."""
        ...
