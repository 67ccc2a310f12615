"""How a video-led session follows the video's clock: the follower for `plan.mode == "video"`.

The current segment is the one containing the video time. Each segment lasts
from its start to its planned end, cut short at the next step's `at` (the
plan warns about that overlap); a self-paced set lasts until the next segment
starts. A time between two steps (or before the first) is no segment: the
BETWEEN state, with "next up" showing what comes.

Normal play crosses segments with every event on the way, as a timer-led
session does. A seek is told apart from play by the size of the move (or by
landing where `next()`/`previous()` asked to go): the segment left ends
("skipped"/"back"/"done"), the segments jumped over produce nothing, and the
segment landed in starts there, skipping events already past.

`VideoFollower` moves the session's `SegmentTrack` through its public methods
only; positions and clock readings are both video seconds.
"""

from __future__ import annotations

from bisect import bisect_right

from workout_player.domain.clock import Clock
from workout_player.domain.session.events import EndReason, Event, SeekRequested
from workout_player.domain.session.follower import RESTART_AFTER
from workout_player.domain.session.segment_events import EPS
from workout_player.domain.session.track import SegmentTrack
from workout_player.domain.timeline import Plan

JUMP_BACK = 1.0
"""A backward move larger than this is a seek; smaller ones (clock corrections) are ignored."""
JUMP_FORWARD = 3.0
"""A forward move larger than this between two ticks is a seek, not play."""
LAND_BEFORE = 0.05
LAND_AFTER = 0.5
"""A requested seek has landed when the clock is within these bounds of its target."""


def video_ends(plan: Plan) -> list[float]:
    """Where each segment stops being current in a video-led plan."""
    segments = plan.segments
    step_start: dict[int, float] = {}
    for segment in segments:
        step_start.setdefault(segment.step, segment.start)
    steps = sorted(step_start)
    next_step_start = {
        step: step_start[steps[n + 1]] if n + 1 < len(steps) else float("inf")
        for n, step in enumerate(steps)
    }
    ends: list[float] = []
    for index, segment in enumerate(segments):
        if segment.duration is not None:
            end = segment.end
        elif index + 1 < len(segments):
            end = segments[index + 1].start
        else:
            end = max(plan.total_seconds, segment.start)
        ends.append(min(end, next_step_start[segment.step]))
    return ends


class VideoFollower:
    """Moves a video-led session along its `SegmentTrack` with the video's clock."""

    def __init__(self, track: SegmentTrack, clock: Clock) -> None:
        self._track = track
        self._clock = clock
        plan = track.plan
        self._plan = plan
        self._total = plan.total_seconds
        self.ends = video_ends(plan)
        reachable = [
            i for i, segment in enumerate(plan.segments) if self.ends[i] > segment.start + EPS
        ]
        self._order = sorted(reachable, key=lambda i: plan.segments[i].start)
        self._starts = [plan.segments[i].start for i in self._order]
        self._pos = -1
        """Place in `_order` of the current segment, or of the last one before a gap."""
        self._last_t = 0.0
        self._pending: tuple[float, EndReason] | None = None

    def position(self) -> float:
        return max(0.0, self._clock.now())

    def following(self) -> int | None:
        if self._track.finished:
            return None
        after = self._pos + 1
        return self._order[after] if after < len(self._order) else None

    def totals(self, segment_remaining: float | None) -> tuple[float, float, float]:
        elapsed = self.position()
        return elapsed, max(0.0, self._total - elapsed), self._total

    def start(self) -> list[Event]:
        self._last_t = self.position()
        return self._jump(self._last_t, "skipped")

    def tick(self) -> list[Event]:
        t = self.position()
        if self._pending is not None:
            target, reason = self._pending
            if target - LAND_BEFORE <= t <= target + LAND_AFTER:
                self._pending = None
                # Landing a hair short of the target must not re-enter the segment before it
                # (it would then "complete" with every rep counted, in a few milliseconds).
                return self._jump(max(t, target), reason)
        if t < self._last_t - JUMP_BACK:
            return self._jump(t, "back")
        if t > self._last_t + JUMP_FORWARD:
            return self._jump(t, "skipped")
        t = max(t, self._last_t)
        self._last_t = t
        return self._advance(t)

    def skip(self, reason: EndReason) -> list[Event]:
        """Seek to the next segment's start; the track follows once the video lands."""
        after = self._pos + 1
        target = self._starts[after] if after < len(self._starts) else self._total
        self._pending = (target, reason)
        return [SeekRequested(target)]

    def skip_to(self, index: int, reason: EndReason) -> list[Event]:
        """Seek to segment `index`'s start (video-led workouts hold no checks, so this is
        only the protocol's promise kept)."""
        segments = self._plan.segments
        target = segments[index].start if index < len(segments) else self._total
        self._pending = (target, reason)
        return [SeekRequested(target)]

    def previous(self) -> list[Event]:
        segment = self._track.segment
        if segment is not None:
            target = segment.start
            if self.position() - segment.start <= RESTART_AFTER and self._pos >= 1:
                target = self._starts[self._pos - 1]
        else:
            target = self._starts[self._pos] if self._pos >= 0 else 0.0
        self._pending = (target, "back")
        return [SeekRequested(target)]

    def adjust_rest(self, seconds: float) -> list[Event]:
        return []  # the video sets the rest's length

    def stop(self, reason: EndReason) -> list[Event]:
        return [self._end(reason, self.position())] if self._track.current >= 0 else []

    def media_ended(self) -> list[Event]:
        return self.stop("completed") + self._track.finish(True)

    def _jump(self, t: float, reason: EndReason) -> list[Event]:
        """The video moved to `t` by a seek: leave the segment, land in the one at `t`."""
        track = self._track
        out: list[Event] = []
        if track.current >= 0:
            out.append(self._end(reason, self._last_t))
        self._last_t = t
        if t >= self._total - EPS:
            return out + track.finish(True)
        place = bisect_right(self._starts, t + EPS) - 1
        self._pos = place
        if place >= 0 and t < self.ends[self._order[place]] - EPS:
            index = self._order[place]
            start = self._plan.segments[index].start
            entry = max(0.0, t - start)
            out += self._enter(index, entry)
            out += track.release(entry)
        return out

    def _advance(self, t: float) -> list[Event]:
        """Normal play up to `t`: every event on the way, in order."""
        track = self._track
        out: list[Event] = []
        limit = min(t, self._total)
        while not track.finished:
            segment = track.segment
            if segment is not None:
                end = self.ends[track.current]
                out += track.release(min(limit, end) - segment.start)
                if limit >= end - EPS:
                    out.append(self._end("completed", end))
                    continue
                if t >= self._total - EPS:  # the video is shorter than the plan
                    out.append(self._end("completed", limit))
                    out += track.finish(True)
                break
            after = self._pos + 1
            if after < len(self._order) and limit >= self._starts[after] - EPS:
                self._pos = after
                out += self._enter(self._order[after])
                continue
            if t >= self._total - EPS:
                out += track.finish(True)
            break
        return out

    def _end(self, reason: EndReason, t: float) -> Event:
        return self._track.end(reason, t, ended_at=t)

    def _enter(self, index: int, entry: float = 0.0) -> list[Event]:
        """Enter segment `index` (its time zero at its start), joined `entry` s in."""
        start = self._plan.segments[index].start
        duration = self.ends[index] - start
        return self._track.enter(index, start, duration, started_at=start + entry, entry=entry)
