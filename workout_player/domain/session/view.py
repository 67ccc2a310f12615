"""The session as the screen shows it: one frozen snapshot, computed on demand.

Built from the track (where the session is in its plan) and the follower (the
position, what follows, the totals); it knows neither the engine nor which
follower it reads.
"""

from __future__ import annotations

from dataclasses import dataclass

from workout_player.domain.session.check_events import CheckLog, CheckView, check_view
from workout_player.domain.session.events import SessionState
from workout_player.domain.session.follower import Follower
from workout_player.domain.session.segment_events import (
    WorkDetail,
    check_step,
    describe,
    exercise_step,
    work_detail,
)
from workout_player.domain.session.track import SegmentTrack
from workout_player.domain.timeline import Plan, Segment


@dataclass(frozen=True)
class SessionView:
    """Everything the session screen shows, computed at one moment by `Session.view()`.

    `index` is -1 when no segment is current (not started, or a video-led
    session between steps) and `len(plan.segments)` once finished. For a
    self-paced set `rep` is the number of reps tapped so far; otherwise it is
    the rep in progress (1-based). `remaining` and `total` count self-paced
    sets still ahead as 0 s, like the plan's total.
    """

    state: SessionState
    paused: bool
    finished: bool
    index: int
    segment: Segment | None
    next_segment: Segment | None
    next_up: str
    upcoming: str
    """What `next_up` names, without "Next: " ("Side plank - set 1 / 3, left", "Finish");
    "" once finished."""
    set_text: str
    side: str | None
    rep: int | None
    reps: int | None
    phase: str | None
    phase_remaining: float | None
    hold_remaining: float | None
    segment_elapsed: float
    segment_remaining: float | None
    elapsed: float
    remaining: float | None
    total: float | None
    progress: float
    check: CheckView | None = None
    """During a check's trial (or while its typed count is awaited): what to show instead
    of the rep counter; None otherwise."""
    extra_rest: float | None = None
    """Video-led: seconds left of the extra rest the person added (the video holds)."""


STATE_OF_KIND = {
    "countdown": SessionState.COUNTDOWN,
    "work": SessionState.WORK,
    "switch": SessionState.SWITCH,
    "rest": SessionState.REST,
}


def coming_segment(
    plan: Plan, following: int | None, current: Segment | None = None
) -> Segment | None:
    """The first work or rest segment from index `following` on; None when only the end is.

    Countdowns and switches are passed over: during the left side the person
    wants to hear about the right side, not about the five seconds between.
    During a countdown (`current`) the exercise it leads into is already on the
    screen, so what comes after that work is named instead.
    """
    if following is None:
        return None
    skip_work = current is not None and current.kind == "countdown"
    for segment in plan.segments[following:]:
        if segment.kind == "work" and skip_work:
            skip_work = False
            continue
        if segment.kind in ("work", "rest"):
            return segment
    return None


def set_text(segment: Segment | None) -> str:
    """ "2 / 3" during a set's work and its switch, "" otherwise."""
    if segment is None or segment.kind not in ("work", "switch") or segment.set is None:
        return ""
    return f"{segment.set} / {segment.sets or segment.set}"


def build_view(
    track: SegmentTrack,
    follower: Follower,
    checks: CheckLog | None = None,
    extra_rest: float | None = None,
) -> SessionView:
    """The snapshot `Session.view()` returns."""
    plan, finished = track.plan, track.finished
    segment = None if finished else track.segment
    seg_elapsed = track.elapsed(follower.position()) if segment is not None else 0.0
    duration = track.duration
    seg_remaining = None
    if segment is not None and duration is not None:
        seg_remaining = max(0.0, duration - seg_elapsed)
    detail = WorkDetail()
    if segment is not None and segment.kind == "work":
        step = exercise_step(plan.workout, segment)
        detail = work_detail(step, seg_elapsed, track.taps)
    check = checks.awaiting_view() if checks is not None else None
    step_of_check = check_step(plan.workout, segment)
    if step_of_check is not None and segment is not None:
        check = check_view(step_of_check, segment, seg_elapsed, track.taps)
    following = follower.following()
    coming = coming_segment(plan, following, segment)
    upcoming = describe(plan.workout, coming) if coming is not None else "Finish"
    elapsed, remaining, total = follower.totals(seg_remaining)
    progress = min(1.0, max(0.0, elapsed / total)) if total else 0.0
    return SessionView(
        state=_state(track),
        paused=track.stopwatch.paused,
        finished=finished,
        index=track.index,
        segment=segment,
        next_segment=plan.segments[following] if following is not None else None,
        next_up="" if finished else (f"Next: {upcoming}" if coming is not None else upcoming),
        upcoming="" if finished else upcoming,
        set_text=set_text(segment),
        side=segment.side if segment is not None else None,
        rep=detail.rep,
        reps=detail.reps,
        phase=detail.phase,
        phase_remaining=detail.phase_remaining,
        hold_remaining=detail.hold_remaining,
        segment_elapsed=seg_elapsed,
        segment_remaining=seg_remaining,
        elapsed=elapsed,
        remaining=remaining,
        total=total,
        progress=1.0 if finished else progress,
        check=check,
        extra_rest=None if finished else extra_rest,
    )


def _state(track: SegmentTrack) -> SessionState:
    if track.finished:
        return SessionState.FINISHED
    if not track.stopwatch.started:
        return SessionState.NOT_STARTED
    if track.stopwatch.paused:
        return SessionState.PAUSED
    segment = track.segment
    return SessionState.BETWEEN if segment is None else STATE_OF_KIND[segment.kind]
