"""The recorder: one session's rows in the history, handed to the history writer.

The session row at start (in progress), one row per set the diary keeps
(domain.diary) the moment it ends, one row per self-check trial (domain.check_diary)
the moment it is measured, the status and the active time at the end, and the pain
before. The writer (ui/history_writer.py) works on its own thread and
returns at once. It catches the store's errors itself (`StoreError`: locked, disk
full, read-only; also for a store without a file, which writes on the caller's
thread), keeps what was refused and reports it through its signals
(`waiting_changed`, `dropped`), which the controller shows in the banner. So the
recorder catches nothing: an exception here is a bug and reaches the log and the tests.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path

from workout_player.domain.check_diary import check_record
from workout_player.domain.diary import diary_record
from workout_player.domain.model import Workout
from workout_player.domain.session import CheckResult, SegmentEnded
from workout_player.store.records import SessionHandle
from workout_player.ui.history_writer import HistoryWriter


def content_hash(path: Path | None) -> str | None:
    """sha256 of the workout file, so history can tell edited versions apart."""
    if path is None:
        return None
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


class Recorder:
    """Writes one session through `history`; without a history (no database) it does nothing."""

    def __init__(self, history: HistoryWriter | None) -> None:
        self.history = history
        self.handle: SessionHandle | None = None
        """The session in the history: its key now, its row id once the writer stored it."""

    def open(self, workout: Workout) -> None:
        """The session goes to disk (in progress) before its first second runs."""
        if self.history is None:
            return
        source = workout.source
        self.handle = self.history.start_session(
            workout=workout.title,
            # Absolute, so history finds the file whatever folder `play` ran in.
            workout_file=str(source.resolve()) if source else None,
            content_hash=content_hash(source),
        )

    def segment_ended(self, event: SegmentEnded) -> None:
        """A set the diary keeps is stored the moment it ends; the rest are left out."""
        if self.history is None or self.handle is None:
            return
        record = diary_record(event, datetime.now().astimezone())
        if record is not None:
            self.history.record_set(self.handle, record)

    def check_result(self, event: CheckResult) -> None:
        """A self-check trial is stored the moment it is measured (a typed correction
        replaces it: the store keeps one row per check, side and trial)."""
        if self.history is None or self.handle is None:
            return
        record = check_record(event, datetime.now().astimezone())
        if record is not None:
            self.history.record_check(self.handle, record)

    def finish(self, *, completed: bool, active_seconds: float) -> None:
        if self.history is not None and self.handle is not None:
            self.history.finish_session(
                self.handle,
                status="completed" if completed else "stopped",
                active_seconds=active_seconds,
            )

    def set_pain_before(self, pain: int) -> None:
        if self.history is not None and self.handle is not None:
            self.history.update_session(self.handle, pain_before=pain)
