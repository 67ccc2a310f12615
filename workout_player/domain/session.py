"""The session engine: a state machine over a plan's segments, driven by a clock.

No threads, no Qt: the UI calls `tick()` about 30 times a second and forwards
the person's intent (pause, next, done, a rep tap); every call returns the
events that happened since the last one, in order, and `view()` says what to
show. A tick after a long stall catches up: it crosses as many segments as the
clock says, with every event on the way.

Timer-led plans run on "active time": the clock minus the pauses, starting at
0 when the session starts; `next()`, `previous()`, self-paced sets and
`adjust_rest()` move the segments' actual times away from the plan's.
Video-led plans (`plan.mode == "video"`) follow the video's `MediaClock`: the
current segment is the one containing the video time, a gap between steps is
the BETWEEN state, and navigation returns a `SeekRequested` for the UI; the
engine follows once the video gets there (see `video.py`).
"""

from __future__ import annotations

from workout_player.domain.clock import Clock, SystemClock
from workout_player.domain.events import (
    CueDue,
    EndReason,
    Event,
    RepCounted,
    SegmentEnded,
    SegmentStarted,
    SessionFinished,
)
from workout_player.domain.model import ExerciseStep
from workout_player.domain.segment_events import (
    EPS,
    Timed,
    entry_cues,
    exercise_step,
    reps_done,
    timed_events,
)
from workout_player.domain.session_view import SessionView, build_view
from workout_player.domain.timeline import Plan, Segment
from workout_player.domain.video import RESTART_AFTER, VideoFollower

ENTRY_SLACK = 0.25
"""A segment entered this close to its start (a video seek lands a little late) fires
all its events from the start; entered further in, events already past are skipped,
never played late."""


class Session:
    """One run through a plan: the state machine behind the session screen."""

    def __init__(
        self,
        plan: Plan,
        clock: Clock,
        *,
        beeps: int = 3,
        wall: Clock | None = None,
        sound_lead: float = 0.0,
    ) -> None:
        """`beeps`: countdown beeps before work (0 disables). `wall`: the monotonic clock
        that measures `active_seconds` of a video-led session (default: the system's);
        timer-led sessions measure it on `clock`. `sound_lead`: seconds by which the
        countdown beeps come early, to make up for a slow audio device."""
        self.plan = plan
        self.clock = clock
        self.beeps = max(0, int(beeps))
        self.sound_lead = max(0.0, float(sound_lead))
        self.video_led = plan.mode == "video"
        self._wall: Clock = (wall or SystemClock()) if self.video_led else clock
        self._started = False
        self._finished = False
        self._completed = False
        self._wall_start = 0.0
        self._paused_total = 0.0
        self._pause_began: float | None = None
        self._final_active: float | None = None
        # The current segment: -1 when there is none.
        self._index = -1
        self._duration: float | None = None
        self._begin = 0.0
        """Session position of the segment's time zero (active s, or video s)."""
        self._entry = 0.0
        """Seconds into the segment at which it was entered (video seeks land mid-way)."""
        self._clock_start = 0.0
        self._schedule: list[Timed] = []
        self._due = 0
        self._taps = 0
        self._video = VideoFollower(self) if self.video_led else None

    # -- reading ---------------------------------------------------------------

    @property
    def active_seconds(self) -> float:
        """Seconds spent in the session, not paused."""
        if not self._started:
            return 0.0
        if self._final_active is not None:
            return self._final_active
        now = self._pause_began if self._pause_began is not None else self._wall.now()
        return max(0.0, now - self._wall_start - self._paused_total)

    @property
    def started(self) -> bool:
        return self._started

    @property
    def finished(self) -> bool:
        return self._finished

    @property
    def paused(self) -> bool:
        return self._pause_began is not None

    @property
    def index(self) -> int:
        return len(self.plan.segments) if self._finished else self._index

    @property
    def segment(self) -> Segment | None:
        return self.plan.segments[self._index] if self._index >= 0 else None

    @property
    def segment_duration(self) -> float | None:
        """The current segment's length as it now stands (adjusted rest, cut-short video
        segment); None when self-paced or when there is no current segment."""
        return self._duration if self._index >= 0 else None

    @property
    def taps(self) -> int:
        """Reps tapped in the current self-paced set."""
        return self._taps

    def position(self) -> float:
        """Where the session is: active seconds (timer-led) or video seconds."""
        if self._video is not None:
            return self._video.position()
        return self.active_seconds

    def segment_elapsed(self) -> float:
        if self._index < 0:
            return 0.0
        elapsed = max(self._entry, self.position() - self._begin)
        return elapsed if self._duration is None else min(elapsed, self._duration)

    # -- actions ---------------------------------------------------------------

    def start(self) -> list[Event]:
        if self._started:
            return []
        self._started = True
        self._wall_start = self._wall.now()
        if self._video is not None:
            return self._video.start()
        if not self.plan.segments:
            return self._finish(True)
        return self._enter(0, 0.0) + self.tick()

    def tick(self) -> list[Event]:
        """Catch up with the clock."""
        if not self._started or self._finished:
            return []
        if self._video is not None:
            return self._video.tick()
        out: list[Event] = []
        position = self.active_seconds
        while self._index >= 0 and not self._finished:
            elapsed = position - self._begin
            out += self._release(elapsed)
            if self._duration is None or elapsed < self._duration - EPS:
                break
            end, index = self._begin + self._duration, self._index
            out.append(self._end("completed", end))
            out += self._go_to(index + 1, end)
        return out

    def pause(self) -> list[Event]:
        out = self.tick()
        if self._started and not self._finished and self._pause_began is None:
            self._pause_began = self._wall.now()
        return out

    def resume(self) -> list[Event]:
        if self._pause_began is not None and not self._finished:
            self._paused_total += self._wall.now() - self._pause_began
            self._pause_began = None
        return self.tick()

    def toggle_pause(self) -> list[Event]:
        return self.resume() if self.paused else self.pause()

    def next(self) -> list[Event]:
        """End the current segment (reason "skipped") and start the next."""
        out = self.tick()
        if not self._live():
            return out
        if self._video is not None:
            return out + self._video.seek_next("skipped")
        position, index = self.active_seconds, self._index
        out.append(self._end("skipped", position))
        return out + self._go_to(index + 1, position)

    def previous(self) -> list[Event]:
        """Restart the segment when more than 3 s into it, else go back one (reason "back")."""
        out = self.tick()
        if not self._live():
            return out
        if self._video is not None:
            return out + self._video.seek_previous()
        position = self.active_seconds
        target = self._index
        if position - self._begin <= RESTART_AFTER:
            target = max(0, self._index - 1)
        out.append(self._end("back", position))
        return out + self._enter(target, position)

    def done(self) -> list[Event]:
        """Enter: ends a self-paced set, or the current work segment (reason "done")."""
        out = self.tick()
        segment = self.segment
        if not self._live() or segment is None or segment.kind != "work":
            return out
        if self._video is not None:
            return out + self._video.seek_next("done")
        position, index = self.active_seconds, self._index
        out.append(self._end("done", position))
        return out + self._go_to(index + 1, position)

    def add_rep(self) -> list[Event]:
        """A tap in a self-paced set: one more rep."""
        out = self.tick()
        segment = self.segment
        if not self._live() or segment is None or segment.kind != "work":
            return out
        if not segment.self_paced or segment.reps is None:
            return out
        self._taps += 1
        return [*out, RepCounted(self._taps, segment.reps)]

    def adjust_rest(self, seconds: float) -> list[Event]:
        """Lengthen or shorten the current rest (timer-led); never ends it within 1 s."""
        out = self.tick()
        segment = self.segment
        if (
            not self._live()
            or self._video is not None
            or segment is None
            or segment.kind != "rest"
            or self._duration is None
        ):
            return out
        elapsed = self.active_seconds - self._begin
        floor = min(self._duration, elapsed + 1.0)
        self._duration = max(self._duration + seconds, floor)
        released = set(self._schedule[: self._due])
        self._schedule = timed_events(
            self.plan.workout, segment, self._duration, self.beeps, self.sound_lead
        )
        # Beeps now in the past are dropped; one due right now (the last second) still sounds.
        self._due = sum(
            1
            for timed in self._schedule
            if timed.at < elapsed - EPS or (timed.at <= elapsed + EPS and timed in released)
        )
        return out + self.tick()

    def end(self) -> list[Event]:
        """End early: SegmentEnded(reason="ended") + SessionFinished(False)."""
        if self._finished:
            return []
        if not self._started:
            self._started = True
            self._wall_start = self._wall.now()
            return self._finish(False)
        out = self.tick()
        if self._finished:
            return out
        if self._index >= 0:
            out.append(self._end("ended", self.position()))
        return out + self._finish(False)

    def media_ended(self) -> list[Event]:
        """Video-led: the video reached its end; the session is complete."""
        out = self.tick()
        if not self._live() or self._video is None:
            return out
        if self._index >= 0:
            out.append(self._end("completed", self.position()))
        return out + self._finish(True)

    # -- the view --------------------------------------------------------------

    def view(self) -> SessionView:
        """Everything the screen shows, computed now."""
        return build_view(self)

    def following(self) -> int | None:
        """Index of the segment after the current one (or the next one in a video gap)."""
        if self._finished:
            return None
        if self._video is not None:
            return self._video.following()
        following = self._index + 1 if self._started else 0
        return following if following < len(self.plan.segments) else None

    # -- segment bookkeeping (also used by the video follower) -----------------

    def _live(self) -> bool:
        return self._started and not self._finished

    def _clock_at(self, position: float) -> float:
        """The clock reading at session position `position` (at or before now)."""
        if self._video is not None:
            return position
        now = self._pause_began if self._pause_began is not None else self.clock.now()
        return now - (self.active_seconds - position)

    def _go_to(self, index: int, position: float) -> list[Event]:
        if index >= len(self.plan.segments):
            return self._finish(True, position)
        return self._enter(index, position)

    def _enter(self, index: int, begin: float, entry: float = 0.0) -> list[Event]:
        """Make segment `index` current, its time zero at session position `begin`."""
        segment = self.plan.segments[index]
        self._index = index
        if self._video is not None:
            self._duration = self._video.ends[index] - segment.start
        else:
            self._duration = segment.duration
        self._begin = begin
        self._entry = entry
        self._clock_start = self._clock_at(begin + entry)
        self._taps = 0
        self._schedule = timed_events(
            self.plan.workout, segment, self._duration, self.beeps, self.sound_lead
        )
        skip_before = 0.0 if entry <= ENTRY_SLACK else entry - EPS
        self._due = sum(1 for timed in self._schedule if timed.at < skip_before)
        after_switch = index > 0 and self.plan.segments[index - 1].kind == "switch"
        return [
            SegmentStarted(index, segment),
            *entry_cues(self.plan.workout, segment, after_switch),
        ]

    def _release(self, elapsed: float) -> list[Event]:
        """The scheduled events of the current segment due by `elapsed` seconds into it."""
        out: list[Event] = []
        while self._due < len(self._schedule) and self._schedule[self._due].at <= elapsed + EPS:
            out.append(self._schedule[self._due].event)
            self._due += 1
        return out

    def _end(self, reason: EndReason, position: float) -> SegmentEnded:
        """End the current segment at session position `position`."""
        segment = self.plan.segments[self._index]
        elapsed = max(self._entry, position - self._begin)
        if self._duration is not None:
            elapsed = min(elapsed, self._duration)
        if self._video is not None:
            seconds = elapsed - self._entry
        else:
            seconds = max(0.0, position - self._begin)
        step = exercise_step(self.plan.workout, segment) if segment.kind == "work" else None
        event = SegmentEnded(
            index=self._index,
            segment=segment,
            started_at=self._clock_start,
            ended_at=self._clock_at(position),
            seconds=seconds,
            reps_done=self._reps_since_entry(step, elapsed),
            reason=reason,
        )
        self._index = -1
        return event

    def _reps_since_entry(self, step: ExerciseStep | None, elapsed: float) -> int | None:
        """Reps done in the segment; a video seek that landed mid-set does not count the
        reps the video had already shown before the person joined."""
        done = reps_done(step, elapsed, self._taps)
        if done is None or step is None or step.self_paced or self._entry <= 0:
            return done
        before = reps_done(step, self._entry, 0) or 0
        return max(0, done - before)

    def _finish(self, completed: bool, position: float | None = None) -> list[Event]:
        """Finish; a timer-led session caught up past its end stops counting at `position`."""
        active = self.active_seconds
        if position is not None and self._video is None:
            active = min(active, position)
        self._final_active = active
        self._finished = True
        self._completed = completed
        self._index = -1
        self._pause_began = None
        if completed:
            return [CueDue("done", "Workout complete"), SessionFinished(True)]
        return [SessionFinished(False)]
