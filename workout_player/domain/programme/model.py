"""A programme as its file describes it (see docs/programme-format.md): frozen dataclasses."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from workout_player.domain.model import Location

DoseStep = Literal["hold", "reps", "sets"]
DOSE_STEPS: tuple[DoseStep, ...] = ("hold", "reps", "sets")
DEFAULT_PROGRESSION: tuple[DoseStep, ...] = ("hold", "reps", "sets")


@dataclass(frozen=True)
class Slot:
    """One workout a phase rotates, with how many levels of dose it may be raised through."""

    file: Path
    levels: int = 1
    """Level 1 is the file as written; level N applies the first N-1 dose steps."""
    progression: tuple[DoseStep, ...] = DEFAULT_PROGRESSION
    name: str | None = None
    """What Today calls it ("Static stability"); None: the workout's title."""
    location: Location | None = field(default=None, compare=False)

    @property
    def label(self) -> str:
        return self.name if self.name is not None else self.file.stem.replace("-", " ").capitalize()


@dataclass(frozen=True)
class Phase:
    """A number of weeks with so many sessions a week, rotating its workouts in order."""

    name: str
    weeks: int
    sessions: int
    """Sessions per week."""
    workouts: tuple[Slot, ...]
    goal: str | None = None
    location: Location | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Check:
    """A self-check due once `week` weeks of the programme are done (0: before the first)."""

    week: int
    file: Path
    location: Location | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Programme:
    title: str
    phases: tuple[Phase, ...]
    description: str | None = None
    safety: str | None = None
    checks: tuple[Check, ...] = ()
    source: Path | None = field(default=None, compare=False)

    @property
    def weeks(self) -> int:
        return sum(phase.weeks for phase in self.phases)

    def phase_of_week(self, week: int) -> tuple[int, Phase]:
        """The phase (index, phase) holding 1-based `week`; past the end: the last phase."""
        first = 1
        for index, phase in enumerate(self.phases):
            if week < first + phase.weeks:
                return index, phase
            first += phase.weeks
        return len(self.phases) - 1, self.phases[-1]

    def first_week(self, phase_index: int) -> int:
        return 1 + sum(phase.weeks for phase in self.phases[:phase_index])

    def files(self) -> tuple[Path, ...]:
        """Every workout file the phases rotate, once each, in order."""
        seen: dict[Path, None] = {}
        for phase in self.phases:
            for slot in phase.workouts:
                seen.setdefault(slot.file, None)
        return tuple(seen)
