"""The session engine and what it tells the screen, the sound and the store.

Parts, lowest first (an import-linter `layers` contract keeps the order):
`events` (states and events), `segment_events` and `stopwatch` (one segment's
rules; active time), `track` (the current segment's bookkeeping), `follower`
(the protocol), `timer` | `video` (the two followers), `view` (the snapshot
built from track and follower), `engine` (`Session`, which picks a follower).
Callers import from here.
"""

from __future__ import annotations

from workout_player.domain.session.check_events import CheckLog, CheckView
from workout_player.domain.session.engine import Session
from workout_player.domain.session.events import (
    CheckCounted,
    CheckResult,
    CountdownBeep,
    CueDue,
    CueKind,
    EndReason,
    Event,
    ExtraRestChanged,
    PhaseChanged,
    RepCounted,
    SeekRequested,
    SegmentEnded,
    SegmentStarted,
    SessionFinished,
    SessionState,
)
from workout_player.domain.session.segment_events import (
    check_prompt,
    check_step,
    describe,
    exercise_step,
)
from workout_player.domain.session.view import SessionView

__all__ = [
    "CheckCounted",
    "CheckLog",
    "CheckResult",
    "CheckView",
    "CountdownBeep",
    "CueDue",
    "CueKind",
    "EndReason",
    "Event",
    "ExtraRestChanged",
    "PhaseChanged",
    "RepCounted",
    "SeekRequested",
    "SegmentEnded",
    "SegmentStarted",
    "Session",
    "SessionFinished",
    "SessionState",
    "SessionView",
    "check_prompt",
    "check_step",
    "describe",
    "exercise_step",
]
