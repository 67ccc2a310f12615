"""The session as the screen shows it: one frozen snapshot, computed on demand."""

from __future__ import annotations

from dataclasses import dataclass

from workout_player.domain.events import SessionState
from workout_player.domain.segment_events import describe
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
