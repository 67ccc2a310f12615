"""The segment track: which segment is current, what it still owes, and how it ended.

Both followers (the timer and the video) move a session along the same track:
they decide *when* a segment is entered or left and at which position; the
track does the bookkeeping that is the same for both (the segment's events
released on time, its taps, the reps done since the person joined it, the
`SegmentEnded` record, the finish).
"""

from __future__ import annotations

from workout_player.domain.session.events import (
    CheckCounted,
    CueDue,
    EndReason,
    Event,
    RepCounted,
    SegmentEnded,
    SegmentStarted,
    SessionFinished,
)
from workout_player.domain.session.segment_events import (
    EPS,
    Timed,
    check_step,
    entry_cues,
    exercise_step,
    reps_done,
    timed_events,
)
from workout_player.domain.session.stopwatch import Stopwatch
from workout_player.domain.timeline import Plan, Segment

ENTRY_SLACK = 0.25
"""A segment entered this close to its start (a video seek lands a little late) fires
all its events from the start; entered further in, events already past are skipped,
never played late."""


class SegmentTrack:
    """The current segment of one session and the session's end.

    Positions are the follower's (active seconds, or video seconds); clock
    readings (`started_at`, `ended_at`) are given by the follower too, so the
    track never needs to know which one it serves.
    """

    def __init__(
        self, plan: Plan, stopwatch: Stopwatch, *, beeps: int = 3, sound_lead: float = 0.0
    ) -> None:
        self.plan = plan
        self.stopwatch = stopwatch
        self.beeps = max(0, int(beeps))
        self.sound_lead = max(0.0, float(sound_lead))
        self.finished = False
        self.completed = False
        self._index = -1
        self._duration: float | None = None
        self._begin = 0.0
        self._entry = 0.0
        self._started_at = 0.0
        self._schedule: list[Timed] = []
        self._due = 0
        self._taps = 0

    # -- reading ---------------------------------------------------------------

    @property
    def live(self) -> bool:
        """Started and not finished: the person can act on it."""
        return self.stopwatch.started and not self.finished

    @property
    def current(self) -> int:
        """Index of the current segment, -1 when there is none."""
        return self._index

    @property
    def index(self) -> int:
        """As `current`, but `len(plan.segments)` once finished."""
        return len(self.plan.segments) if self.finished else self._index

    @property
    def segment(self) -> Segment | None:
        return self.plan.segments[self._index] if self._index >= 0 else None

    @property
    def duration(self) -> float | None:
        """The current segment's length as it now stands; None when self-paced or none."""
        return self._duration if self._index >= 0 else None

    @property
    def begin(self) -> float:
        """Position of the current segment's time zero."""
        return self._begin

    @property
    def entry(self) -> float:
        """Seconds into the current segment at which it was entered (seeks land mid-way)."""
        return self._entry

    @property
    def taps(self) -> int:
        """Reps tapped in the current self-paced set."""
        return self._taps

    def elapsed(self, position: float) -> float:
        """Seconds into the current segment at `position`, within its length (0 when none)."""
        if self._index < 0:
            return 0.0
        elapsed = max(self._entry, position - self._begin)
        return elapsed if self._duration is None else min(elapsed, self._duration)

    def reps_since_entry(self, elapsed: float) -> int | None:
        """Reps done `elapsed` seconds into the current work segment; a seek that landed
        mid-set does not count the reps the video had shown before the person joined."""
        segment = self.segment
        check = check_step(self.plan.workout, segment)
        if check is not None:
            return self._taps if check.measure == "count" else None
        step = exercise_step(self.plan.workout, segment) if segment is not None else None
        if segment is None or segment.kind != "work":
            step = None
        done = reps_done(step, elapsed, self._taps)
        if done is None or step is None or step.self_paced or self._entry <= 0:
            return done
        before = reps_done(step, self._entry, 0) or 0
        return max(0, done - before)

    # -- moving ----------------------------------------------------------------

    def enter(
        self,
        index: int,
        begin: float,
        duration: float | None,
        *,
        started_at: float,
        entry: float = 0.0,
    ) -> list[Event]:
        """Make segment `index` current: its time zero at `begin`, lasting `duration`,
        joined `entry` seconds in at clock reading `started_at`."""
        segment = self.plan.segments[index]
        self._index = index
        self._duration = duration
        self._begin = begin
        self._entry = entry
        self._started_at = started_at
        self._taps = 0
        self._schedule = self._timed(segment, duration)
        skip_before = 0.0 if entry <= ENTRY_SLACK else entry - EPS
        self._due = sum(1 for timed in self._schedule if timed.at < skip_before)
        after_switch = index > 0 and self.plan.segments[index - 1].kind == "switch"
        return [
            SegmentStarted(index, segment),
            *entry_cues(self.plan.workout, segment, after_switch),
        ]

    def release(self, elapsed: float) -> list[Event]:
        """The current segment's scheduled events due by `elapsed` seconds into it."""
        out: list[Event] = []
        while self._due < len(self._schedule) and self._schedule[self._due].at <= elapsed + EPS:
            out.append(self._schedule[self._due].event)
            self._due += 1
        return out

    def resize(self, duration: float, elapsed: float) -> None:
        """Give the current segment a new length, `elapsed` seconds into it: its events are
        rescheduled; beeps now in the past are dropped, one due right now still sounds."""
        segment = self.segment
        assert segment is not None, "resize() needs a current segment"
        self._duration = duration
        released = set(self._schedule[: self._due])
        self._schedule = self._timed(segment, duration)
        self._due = sum(
            1
            for timed in self._schedule
            if timed.at < elapsed - EPS or (timed.at <= elapsed + EPS and timed in released)
        )

    def tap(self) -> list[Event]:
        """One more rep in a self-paced set with reps, or in a check's count; nothing otherwise."""
        segment = self.segment
        if segment is None or segment.kind != "work":
            return []
        check = check_step(self.plan.workout, segment)
        if check is not None:
            return self.set_count(self._taps + 1) if check.measure == "count" else []
        if not segment.self_paced or segment.reps is None:
            return []
        self._taps += 1
        return [RepCounted(self._taps, segment.reps)]

    def set_count(self, count: int) -> list[Event]:
        """The current check trial's count is `count` (typed); nothing outside a count."""
        check = check_step(self.plan.workout, self.segment)
        if check is None or check.measure != "count" or count < 0:
            return []
        self._taps = count
        return [CheckCounted(check.check, count)]

    def end(self, reason: EndReason, position: float, *, ended_at: float) -> SegmentEnded:
        """End the current segment at `position` (clock reading `ended_at`)."""
        segment = self.segment
        assert segment is not None, "end() needs a current segment"
        elapsed = self.elapsed(position)
        event = SegmentEnded(
            index=self._index,
            segment=segment,
            started_at=self._started_at,
            ended_at=ended_at,
            seconds=elapsed - self._entry,
            reps_done=self.reps_since_entry(elapsed),
            reason=reason,
        )
        self._index = -1
        return event

    def finish(self, completed: bool, active_until: float | None = None) -> list[Event]:
        """The session is over; a count caught up past its end stops at `active_until`."""
        self.stopwatch.stop(active_until)
        self.finished = True
        self.completed = completed
        self._index = -1
        if completed:
            return [CueDue("done", "Workout complete"), SessionFinished(True)]
        return [SessionFinished(False)]

    def _timed(self, segment: Segment, duration: float | None) -> list[Timed]:
        return timed_events(self.plan.workout, segment, duration, self.beeps, self.sound_lead)
