"""The diary rule: which sets of a session go into the history, and as what record.

A work segment is a set (or one side of it); a self-check's trial is not a set, and is
stored as its result instead (`check_diary.py`). When it ends, the engine's
`SegmentEnded` says how and after how long; this module decides whether the
person would call it a set they did, and turns it into the `SetRecord` the
store writes. Plain Python: the session controller only forwards the records.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # Types only: the store imports SetRecord, and a command that reads the history
    # (`workout-player history`) should not load the whole session engine for it.
    from workout_player.domain.session import SegmentEnded

MIN_PARTIAL_SET_SECONDS = 3.0
"""A set with no rep counted (cut short, or joined late in a video) is kept only if this
much was worked (or half of a shorter timed set)."""


@dataclass(frozen=True)
class SetRecord:
    """One finished work segment: a set (or one side of it) as the person did it."""

    step: int
    exercise: str
    set: int
    side: str | None
    reps_target: int | None
    reps_done: int | None
    seconds: float
    """Seconds held or worked (pauses excluded)."""
    started_at: datetime
    ended_at: datetime


def keeps(event: SegmentEnded) -> bool:
    """Whether the diary keeps the segment that just ended."""
    segment = event.segment
    if segment.kind != "work":
        return False
    if segment.check is not None:
        return False  # a self-check's trial is stored as its CheckResult (check_diary.py)
    if event.reason == "back":
        return False  # P restarts the set: the diary keeps the attempt that counts
    if event.reason == "done" or event.reps_done:
        return True
    # Nothing counted: keep it only if it was really worked. A video seek can join a set
    # in its last moments; a short timed set needs half its length.
    threshold = MIN_PARTIAL_SET_SECONDS
    if segment.duration:
        threshold = min(threshold, segment.duration / 2)
    return event.seconds >= threshold


def diary_record(event: SegmentEnded, ended: datetime) -> SetRecord | None:
    """The record to store for a segment that ended at wall time `ended`, or None when the
    diary does not keep it. Its start is derived from the engine's clock readings, so a
    pause inside the set counts as time passed."""
    if not keeps(event):
        return None
    segment = event.segment
    started = ended - timedelta(seconds=max(0.0, event.ended_at - event.started_at))
    return SetRecord(
        step=segment.step,
        exercise=segment.exercise or "",
        set=segment.set or 1,
        side=segment.side,
        reps_target=segment.reps,
        reps_done=event.reps_done,
        seconds=round(event.seconds, 3),
        started_at=started,
        ended_at=ended,
    )
