"""What the session engine tells the screen, the sound and the store: states and events.

`Session.tick()` and every action return a list of these, in the order they
happened. They are plain frozen values; the UI turns them into beeps, voice,
redraws and database rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Literal

from workout_player.domain.timeline import Segment

EndReason = Literal["completed", "done", "skipped", "back", "ended"]
CueKind = Literal["exercise", "switch", "rest", "last_set", "halfway", "done", "check", "stop"]
"""`check`: a check's trial starts (says what to do); `stop`: a check's trial ended."""


class SessionState(Enum):
    """Where the session is; PAUSED and FINISHED override the segment's kind."""

    NOT_STARTED = "not_started"
    COUNTDOWN = "countdown"
    WORK = "work"
    SWITCH = "switch"
    REST = "rest"
    BETWEEN = "between"
    """Video-led only: the video is between two steps (or before the first)."""
    PAUSED = "paused"
    FINISHED = "finished"


@dataclass(frozen=True)
class SegmentStarted:
    """A segment begins (`index` into `plan.segments`)."""

    index: int
    segment: Segment


@dataclass(frozen=True)
class SegmentEnded:
    """A segment is over. `started_at`/`ended_at` are readings of the session's clock."""

    index: int
    segment: Segment
    started_at: float
    ended_at: float
    seconds: float
    """Active seconds spent in it (pauses excluded)."""
    reps_done: int | None
    """Completed reps of a work segment with reps (taps when self-paced), else None."""
    reason: EndReason


@dataclass(frozen=True)
class RepCounted:
    """Rep `rep` of `reps` is complete (by tempo, hold, or a tap)."""

    rep: int
    reps: int


@dataclass(frozen=True)
class PhaseChanged:
    """A tempo phase (lower/pause/lift/pause) or a hold begins and lasts `seconds`."""

    phase: int
    name: str
    seconds: float


@dataclass(frozen=True)
class CountdownBeep:
    """`remaining` seconds (3, 2, 1) before work starts or a rest ends."""

    remaining: int


@dataclass(frozen=True)
class CueDue:
    """Something to say and show: `kind` picks the sound, `text` is spoken."""

    kind: CueKind
    text: str


@dataclass(frozen=True)
class SeekRequested:
    """Video-led only: the UI must seek the video to `media_seconds`."""

    media_seconds: float


@dataclass(frozen=True)
class SessionFinished:
    """The session is over: `completed` when the end was reached."""

    completed: bool


@dataclass(frozen=True)
class CheckCounted:
    """The count of the current check (a tap, or a number typed) is now `count`."""

    check: str
    count: int


@dataclass(frozen=True)
class CheckResult:
    """One trial of a check, measured: what the store keeps and the norms compare.

    `value` is seconds held (unit "s") or the count ("reps", "steps"); `capped` when a
    hold reached its cap (the person could have held longer). A typed count given after
    the result (or instead of the taps) comes again with a higher `revision`: same check,
    side and trial, so it replaces the first.
    """

    check: str
    name: str
    step: int
    side: str | None
    trial: int
    value: float
    unit: str
    capped: bool
    revision: int = 0
    """0 for the trial's first result; each typed correction counts one up."""

    @property
    def corrected(self) -> bool:
        return self.revision > 0


@dataclass(frozen=True)
class ExtraRestChanged:
    """Video-led: the person's extra rest now has `remaining` seconds; the UI holds the
    video on its picture while it is above 0 and lets it play on at 0."""

    remaining: float


Event = (
    SegmentStarted
    | SegmentEnded
    | RepCounted
    | PhaseChanged
    | CountdownBeep
    | CueDue
    | SeekRequested
    | SessionFinished
    | CheckCounted
    | CheckResult
    | ExtraRestChanged
)
