"""The session as the screen shows it: one frozen snapshot, computed on demand."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from workout_player.domain.events import SessionState
from workout_player.domain.segment_events import WorkDetail, describe, exercise_step, work_detail
from workout_player.domain.timeline import Plan, Segment

if TYPE_CHECKING:
    from workout_player.domain.session import Session


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


STATE_OF_KIND = {
    "countdown": SessionState.COUNTDOWN,
    "work": SessionState.WORK,
    "switch": SessionState.SWITCH,
    "rest": SessionState.REST,
}


def next_up_text(plan: Plan, following: int | None) -> str:
    """ "Next: ..." for the first work or rest segment from index `following` on, or "Finish".

    Countdowns and switches are passed over: during the left side the person
    wants to hear about the right side, not about the five seconds between.
    """
    if following is None:
        return "Finish"
    for segment in plan.segments[following:]:
        if segment.kind in ("work", "rest"):
            return f"Next: {describe(plan.workout, segment)}"
    return "Finish"


def set_text(segment: Segment | None) -> str:
    """ "2 / 3" during a set's work and its switch, "" otherwise."""
    if segment is None or segment.kind not in ("work", "switch") or segment.set is None:
        return ""
    return f"{segment.set} / {segment.sets or segment.set}"


def build_view(session: Session) -> SessionView:
    """The snapshot `Session.view()` returns."""
    plan, finished = session.plan, session.finished
    segment = None if finished else session.segment
    seg_elapsed = session.segment_elapsed() if segment is not None else 0.0
    duration = session.segment_duration
    seg_remaining = None
    if segment is not None and duration is not None:
        seg_remaining = max(0.0, duration - seg_elapsed)
    detail = WorkDetail()
    if segment is not None and segment.kind == "work":
        step = exercise_step(plan.workout, segment)
        detail = work_detail(step, seg_elapsed, session.taps)
    following = session.following()
    elapsed, remaining, total = _totals(session, seg_remaining)
    progress = min(1.0, max(0.0, elapsed / total)) if total else 0.0
    return SessionView(
        state=_state(session),
        paused=session.paused,
        finished=finished,
        index=session.index,
        segment=segment,
        next_segment=plan.segments[following] if following is not None else None,
        next_up="" if finished else next_up_text(plan, following),
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
    )


def _state(session: Session) -> SessionState:
    if session.finished:
        return SessionState.FINISHED
    if not session.started:
        return SessionState.NOT_STARTED
    if session.paused:
        return SessionState.PAUSED
    segment = session.segment
    return SessionState.BETWEEN if segment is None else STATE_OF_KIND[segment.kind]


def _totals(session: Session, seg_remaining: float | None) -> tuple[float, float, float]:
    """Elapsed, remaining and total seconds of the whole session."""
    if session.video_led:
        total = session.plan.total_seconds
        elapsed = session.position()
        return elapsed, max(0.0, total - elapsed), total
    elapsed = session.active_seconds
    if session.finished:
        return elapsed, 0.0, elapsed
    # Self-paced sets still ahead count as 0 s, as in the plan's total.
    ahead = sum(s.duration or 0.0 for s in session.plan.segments[session.index + 1 :])
    remaining = (seg_remaining or 0.0) + ahead
    return elapsed, remaining, elapsed + remaining
