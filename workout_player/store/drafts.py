"""What the writer knows of a session it was asked to write, whether or not it is stored yet.

The summary shows a session the moment it ends; while the database is locked its row
may not exist yet, so the summary reads this instead and reloads from the database
when the writer catches up. The totals follow `HistoryQueries.session_summary`, the
self-check trials `CheckResults.record_check` (a later revision of a trial replaces it).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from workout_player.domain.check_diary import CheckRecord
from workout_player.domain.diary import SetRecord
from workout_player.store.check_results import CheckRow
from workout_player.store.journal import Record
from workout_player.store.queries import ExerciseTotal, SessionRow
from workout_player.store.times import from_text


@dataclass
class SessionDraft:
    """A session as asked for: its start, its sets and check trials, its end and the notes."""

    workout: str
    workout_file: str | None
    content_hash: str | None
    started_at: str
    sets: list[SetRecord] = field(default_factory=list)
    status: str = "in_progress"
    active_seconds: float | None = None
    ended_at: str | None = None
    fields: dict[str, int | str | None] = field(default_factory=dict)
    checks: list[CheckRecord] = field(default_factory=list)

    @classmethod
    def started(cls, record: Record) -> SessionDraft:
        return cls(
            workout=record["workout"],
            workout_file=record["workout_file"],
            content_hash=record["content_hash"],
            started_at=record["started_at"],
        )

    def add_set(self, record: SetRecord) -> None:
        self.sets.append(record)

    def add_check(self, record: CheckRecord) -> None:
        """One trial; as in the store, only a higher revision of the same trial replaces it."""
        trial = (record.check, record.side, record.trial)
        for index, kept in enumerate(self.checks):
            if (kept.check, kept.side, kept.trial) == trial:
                if record.revision > kept.revision:
                    self.checks[index] = record
                return
        self.checks.append(record)

    def check_rows(self, session_id: int = 0) -> list[CheckRow]:
        """The trials as `store.session_checks` will give them once stored, in the order done."""
        return [
            CheckRow(
                id=0,
                session_id=session_id,
                workout=self.workout,
                check=record.check,
                name=record.name,
                side=record.side or None,
                trial=record.trial,
                value=max(0.0, record.value),
                unit=record.unit,
                capped=record.capped,
                measured_at=record.measured_at,
            )
            for record in self.checks
        ]

    def finish(self, status: str, active_seconds: float, ended_at: str) -> None:
        self.status = status
        self.active_seconds = round(max(0.0, active_seconds), 3)
        self.ended_at = ended_at

    def update(self, fields: dict[str, int | str | None]) -> None:
        self.fields.update(fields)

    def row(self, session_id: int = 0) -> SessionRow:
        """The session as the history will show it once stored (`session_id` 0: not yet)."""
        value = self.fields.get
        return SessionRow(
            id=session_id,
            workout=self.workout,
            workout_file=self.workout_file,
            content_hash=self.content_hash,
            started_at=from_text(self.started_at),
            ended_at=None if self.ended_at is None else from_text(self.ended_at),
            status=self.status,
            active_seconds=self.active_seconds,
            pain_before=_int(value("pain_before")),
            pain_after=_int(value("pain_after")),
            rpe=_int(value("rpe")),
            notes=_text(value("notes")),
            sets=len({(record.step, record.exercise, record.set) for record in self.sets}),
            reps=sum(record.reps_done or 0 for record in self.sets),
            work_seconds=sum(round(max(0.0, record.seconds), 3) for record in self.sets),
        )

    def totals(self) -> list[ExerciseTotal]:
        """Per exercise, in the order first done: sets (a set done on both sides once), reps
        and seconds, as the history's session_summary() counts them."""
        totals: dict[str, tuple[set[tuple[int, int]], list[str | None], int, float]] = {}
        for record in self.sets:
            numbers, sides, reps, seconds = totals.get(record.exercise, (set(), [], 0, 0.0))
            numbers.add((record.step, record.set))
            sides.append(record.side)
            reps += record.reps_done or 0
            seconds += round(max(0.0, record.seconds), 3)
            totals[record.exercise] = (numbers, sides, reps, seconds)
        return [
            ExerciseTotal(
                name,
                len(numbers),
                reps,
                seconds,
                1,
                each_side=set(sides) == {"left", "right"},
            )
            for name, (numbers, sides, reps, seconds) in totals.items()
        ]


def _int(value: int | str | None) -> int | None:
    return value if isinstance(value, int) else None


def _text(value: int | str | None) -> str | None:
    return value if isinstance(value, str) else None
