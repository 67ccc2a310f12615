"""The session engine: a state machine over a plan's segments, driven by a clock.

No threads, no Qt: the UI calls `tick()` about 30 times a second and forwards
the person's intent (pause, next, done, a rep tap); every call returns the
events that happened since the last one, in order, and `view()` says what to
show. A tick after a long stall catches up: it crosses as many segments as the
clock says, with every event on the way.

The engine checks that an action applies (the session is live, the segment is
the right kind) and hands it to its follower, picked once: timer-led plans run
on active time (`timer.py`), video-led plans (`plan.mode == "video"`) follow
the video's `MediaClock` and answer navigation with a `SeekRequested`
(`video.py`). Both move the same `SegmentTrack` (`track.py`).
"""

from __future__ import annotations

from workout_player.domain.clock import Clock, SystemClock
from workout_player.domain.model import CheckStep
from workout_player.domain.session.check_events import CheckLog
from workout_player.domain.session.events import Event
from workout_player.domain.session.extra_rest import ExtraRestTimer
from workout_player.domain.session.follower import Follower
from workout_player.domain.session.stopwatch import Stopwatch
from workout_player.domain.session.timer import TimerFollower
from workout_player.domain.session.track import SegmentTrack
from workout_player.domain.session.video import VideoFollower
from workout_player.domain.session.view import SessionView, build_view
from workout_player.domain.timeline import Plan, Segment


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
        self.video_led = plan.mode == "video"
        self.wall: Clock = (wall or SystemClock()) if self.video_led else clock
        """The clock active time (and the UI's timed sounds) run on."""
        self._track = SegmentTrack(plan, Stopwatch(self.wall), beeps=beeps, sound_lead=sound_lead)
        self._stopwatch = self._track.stopwatch
        self._follower: Follower = (
            VideoFollower(self._track, clock) if self.video_led else TimerFollower(self._track)
        )
        self._checks = CheckLog(plan.workout)
        """Every action's events pass through it: check trials get their results."""
        self._extra = ExtraRestTimer(self._stopwatch, beeps)
        """Video-led: the rest + adds while the video holds (extra_rest.py)."""

    # -- reading ---------------------------------------------------------------

    @property
    def beeps(self) -> int:
        return self._track.beeps

    @property
    def sound_lead(self) -> float:
        return self._track.sound_lead

    @sound_lead.setter
    def sound_lead(self, seconds: float) -> None:
        """Applies from the next segment on."""
        self._track.sound_lead = max(0.0, float(seconds))

    @property
    def active_seconds(self) -> float:
        """Seconds spent in the session, not paused."""
        return self._stopwatch.seconds

    @property
    def started(self) -> bool:
        return self._stopwatch.started

    @property
    def finished(self) -> bool:
        return self._track.finished

    @property
    def paused(self) -> bool:
        return self._stopwatch.paused

    @property
    def index(self) -> int:
        return self._track.index

    @property
    def segment(self) -> Segment | None:
        return self._track.segment

    @property
    def segment_duration(self) -> float | None:
        """The current segment's length as it now stands (adjusted rest, cut-short video
        segment); None when self-paced or when there is no current segment."""
        return self._track.duration

    @property
    def taps(self) -> int:
        """Reps tapped in the current self-paced set."""
        return self._track.taps

    def position(self) -> float:
        """Where the session is: active seconds (timer-led) or video seconds."""
        return self._follower.position()

    def segment_elapsed(self) -> float:
        return self._track.elapsed(self.position())

    def view(self) -> SessionView:
        """Everything the screen shows, computed now."""
        return build_view(self._track, self._follower, self._checks, self._extra.remaining())

    def following(self) -> int | None:
        """Index of the segment after the current one (or the next one in a video gap)."""
        return self._follower.following()

    # -- actions ---------------------------------------------------------------
    # Each action's own events pass through `self._checks.follow()` once; the events of
    # the tick that starts most actions have passed through it already.

    def start(self) -> list[Event]:
        if self._stopwatch.started:
            return []
        self._stopwatch.start()
        return self._checks.follow(self._follower.start())

    def tick(self) -> list[Event]:
        """Catch up with the clock (not the video's while an extra rest holds it)."""
        if not self._track.live:
            return []
        if self._extra.active:
            return self._extra.tick()
        return self._checks.follow(self._follower.tick())

    @property
    def extra_rest(self) -> float | None:
        """Video-led: seconds left of the extra rest + added (the video holds); None."""
        return self._extra.remaining()

    def _release(self) -> list[Event]:
        """Moving on (N, P, Enter, Esc) ends an extra rest first: the video plays again."""
        return self._extra.release()

    def pause(self) -> list[Event]:
        out = self.tick()
        if self._track.live and not self._stopwatch.paused:
            self._stopwatch.pause()
        return out

    def resume(self) -> list[Event]:
        if self._stopwatch.paused and not self._track.finished:
            self._stopwatch.resume()
        return self.tick()

    def toggle_pause(self) -> list[Event]:
        return self.resume() if self.paused else self.pause()

    def next(self) -> list[Event]:
        """End the current segment (reason "skipped") and start the next. In a check's
        countdown or trial it skips the whole check (its other trials and sides too); in
        the rest or switch between trials it skips only that."""
        out = self.tick() + self._release()
        if not self._track.live:
            return out
        target = self._after_check()
        if target is not None:
            return out + self._checks.follow(self._follower.skip_to(target, "skipped"))
        return out + self._checks.follow(self._follower.skip("skipped"))

    def previous(self) -> list[Event]:
        """Restart the segment when more than 3 s into it, else go back one (reason "back")."""
        out = self.tick() + self._release()
        return out + self._checks.follow(self._follower.previous()) if self._track.live else out

    def done(self) -> list[Event]:
        """Enter: ends a self-paced set, a check's trial, or the current work segment
        (reason "done")."""
        out = self.tick()
        if not self._working():
            return out
        return out + self._release() + self._checks.follow(self._follower.skip("done"))

    def add_rep(self) -> list[Event]:
        """A tap in a self-paced set or a check's count: one more rep."""
        out = self.tick()
        return out + self._track.tap() if self._working() else out

    def adjust_rest(self, seconds: float) -> list[Event]:
        """Lengthen or shorten the current rest (timer-led); never ends it within 1 s.

        Video-led, + holds the video on its picture for an extra rest of `seconds` (or
        lengthens it) anywhere but in a work segment; − shortens that extra rest."""
        out = self.tick()
        segment = self._track.segment
        if self.video_led:
            if not self._track.live or self._working():
                return out
            return out + self._extra.adjust(seconds)
        if not self._track.live or segment is None or segment.kind != "rest":
            return out
        return out + self._checks.follow(self._follower.adjust_rest(seconds))

    def end(self) -> list[Event]:
        """End early: SegmentEnded(reason="ended") + SessionFinished(False)."""
        if self._track.finished:
            return []
        if not self._stopwatch.started:
            self._stopwatch.start()
            return self._track.finish(False)
        out = self.tick() + self._release()
        if self._track.finished:
            return out
        return out + self._checks.follow(self._follower.stop("ended") + self._track.finish(False))

    def media_ended(self) -> list[Event]:
        """Video-led: the video reached its end; the session is complete."""
        out = self.tick()
        if not self._track.live:
            return out
        return out + self._checks.follow(self._follower.media_ended())

    def enter_count(self, count: int) -> list[Event]:
        """A number typed for a check's count (digit keys, then Enter in the player).

        During a count trial it sets the count (`CheckCounted`); the trial goes on until its
        time is up, or ends now when it has no time (a line walk). After the trial, until
        the next check's trial starts (or after the end, when the count was the last step),
        it gives the trial's result (`CheckResult`; a higher `revision` when the trial
        already had one).
        """
        out = self.tick()
        if not self._track.live:  # the last step was the count: it can be typed after the end
            return out + self._checks.typed(count) if self._track.finished else out
        counted = self._track.set_count(count) if self._working() else []
        if not counted:
            return out + self._checks.typed(count)
        if self._track.duration is None:  # no time: the typed number is the end
            counted += self._checks.follow(self._follower.skip("done"))
        return out + counted

    @property
    def checks(self) -> CheckLog:
        """The session's check results so far, and the count still open for typing."""
        return self._checks

    def _after_check(self) -> int | None:
        """The first segment after the current check step, when N should skip the check."""
        segment = self._track.segment
        steps = self.plan.workout.steps
        if segment is None or segment.kind not in ("countdown", "work"):
            return None
        if not isinstance(steps[segment.step], CheckStep):
            return None
        segments = self.plan.segments
        index = self._track.current + 1
        while index < len(segments) and segments[index].step == segment.step:
            index += 1
        return index

    def _working(self) -> bool:
        segment = self._track.segment
        return self._track.live and segment is not None and segment.kind == "work"
