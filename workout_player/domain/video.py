"""How a video-led session follows the video's clock (the engine's half for `plan.mode == "video"`).

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

`VideoFollower` is the engine's own helper: it drives `Session`'s segment
bookkeeping directly and is not meant to be used on its own.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from workout_player.domain.events import EndReason, Event, SeekRequested
from workout_player.domain.segment_events import EPS
from workout_player.domain.timeline import Plan

if TYPE_CHECKING:
    from workout_player.domain.session import Session

JUMP_BACK = 1.0
"""A backward move larger than this is a seek; smaller ones (clock corrections) are ignored."""
JUMP_FORWARD = 3.0
"""A forward move larger than this between two ticks is a seek, not play."""
LAND_BEFORE = 0.05
LAND_AFTER = 0.5
"""A requested seek has landed when the clock is within these bounds of its target."""
RESTART_AFTER = 3.0
"""previous() restarts the current segment when more than this far into it."""


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
    """Moves a video-led `Session` along with its `MediaClock`."""

    def __init__(self, session: Session) -> None:
        self._session = session
        plan = session.plan
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
        return max(0.0, self._session.clock.now())

    def following(self) -> int | None:
        after = self._pos + 1
        return self._order[after] if after < len(self._order) else None

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

    def seek_next(self, reason: EndReason) -> list[Event]:
        after = self._pos + 1
        target = self._starts[after] if after < len(self._starts) else self._total
        self._pending = (target, reason)
        return [SeekRequested(target)]

    def seek_previous(self) -> list[Event]:
        session = self._session
        segment = session.segment
        if segment is not None:
            target = segment.start
            if self.position() - segment.start <= RESTART_AFTER and self._pos >= 1:
                target = self._starts[self._pos - 1]
        else:
            target = self._starts[self._pos] if self._pos >= 0 else 0.0
        self._pending = (target, "back")
        return [SeekRequested(target)]

    def _jump(self, t: float, reason: EndReason) -> list[Event]:
        """The video moved to `t` by a seek: leave the segment, land in the one at `t`."""
        session = self._session
        out: list[Event] = []
        if session.segment is not None:
            out.append(session._end(reason, self._last_t))
        self._last_t = t
        if t >= self._total - EPS:
            return out + session._finish(True)
        place = bisect_right(self._starts, t + EPS) - 1
        self._pos = place
        if place >= 0 and t < self.ends[self._order[place]] - EPS:
            index = self._order[place]
            start = session.plan.segments[index].start
            entry = max(0.0, t - start)
            out += session._enter(index, start, entry)
            out += session._release(entry)
        return out

    def _advance(self, t: float) -> list[Event]:
        """Normal play up to `t`: every event on the way, in order."""
        session = self._session
        out: list[Event] = []
        limit = min(t, self._total)
        while not session.finished:
            segment = session.segment
            if segment is not None:
                end = self.ends[session._index]
                out += session._release(min(limit, end) - segment.start)
                if limit >= end - EPS:
                    out.append(session._end("completed", end))
                    continue
                if t >= self._total - EPS:  # the video is shorter than the plan
                    out.append(session._end("completed", limit))
                    out += session._finish(True)
                break
            after = self._pos + 1
            if after < len(self._order) and limit >= self._starts[after] - EPS:
                self._pos = after
                out += session._enter(self._order[after], self._starts[after])
                continue
            if t >= self._total - EPS:
                out += session._finish(True)
            break
        return out
