"""The workout as the format describes it: frozen dataclasses, no I/O.

`loader.py` builds these from YAML and reports problems; `timeline.py` expands
them into segments. See `docs/workout-format.md` for the format itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

Level = Literal["beginner", "intermediate", "advanced"]
Sides = Literal["none", "both", "left", "right"]
Side = Literal["left", "right"]

LEVELS: tuple[Level, ...] = ("beginner", "intermediate", "advanced")
SIDES: tuple[Sides, ...] = ("none", "both", "left", "right")

DEFAULT_COUNTDOWN_TIMER = 5.0
DEFAULT_COUNTDOWN_VIDEO = 0.0
DEFAULT_SWITCH = 5.0


@dataclass(frozen=True)
class Location:
    """Where a value sits in its file (1-based line and column)."""

    line: int
    column: int


@dataclass(frozen=True)
class ExerciseStep:
    """A step with `exercise`: one or more sets of reps, holds or a timed effort."""

    exercise: str
    cue: str | None = None
    sets: int = 1
    reps: int | None = None
    tempo: tuple[float, ...] | None = None
    """Seconds per phase of a rep; a single number in the file becomes a 1-tuple."""
    hold: float | None = None
    duration: float | None = None
    sides: Sides = "none"
    rest: float = 0.0
    countdown: float | None = None
    """None means the workout's countdown."""
    clip: Path | None = None
    at: float | None = None
    location: Location | None = field(default=None, compare=False)

    @property
    def self_paced(self) -> bool:
        """Reps with neither tempo nor hold: the person says when the set is done."""
        return self.reps is not None and self.tempo is None and self.hold is None

    @property
    def rep_seconds(self) -> float | None:
        """Seconds one rep takes (tempo sum or hold), None when self-paced or timed."""
        if self.tempo is not None:
            return float(sum(self.tempo))
        if self.hold is not None:
            return self.hold
        return None

    @property
    def work_seconds(self) -> float | None:
        """Length of one work segment, None when self-paced."""
        if self.duration is not None:
            return self.duration
        if self.reps is not None and self.rep_seconds is not None:
            return self.reps * self.rep_seconds
        return None

    @property
    def side_order(self) -> tuple[Side | None, ...]:
        """The parts of one set: unsided, left then right, or a single side."""
        if self.sides == "both":
            return ("left", "right")
        if self.sides == "left":
            return ("left",)
        if self.sides == "right":
            return ("right",)
        return (None,)


@dataclass(frozen=True)
class RestStep:
    """A step with `rest` and no `exercise`."""

    rest: float
    cue: str | None = None
    at: float | None = None
    location: Location | None = field(default=None, compare=False)


Step = ExerciseStep | RestStep


@dataclass(frozen=True)
class Workout:
    """One workout file, validated."""

    title: str
    steps: tuple[Step, ...]
    description: str | None = None
    level: Level | None = None
    tags: tuple[str, ...] = ()
    safety: str | None = None
    countdown: float | None = None
    """As written; None means the default for the mode (see `effective_countdown`)."""
    switch: float = DEFAULT_SWITCH
    video: Path | None = None
    source: Path | None = field(default=None, compare=False)

    @property
    def video_led(self) -> bool:
        return self.video is not None

    @property
    def mode(self) -> Literal["timer", "video"]:
        return "video" if self.video_led else "timer"

    @property
    def effective_countdown(self) -> float:
        if self.countdown is not None:
            return self.countdown
        return DEFAULT_COUNTDOWN_VIDEO if self.video_led else DEFAULT_COUNTDOWN_TIMER

    def step_countdown(self, step: ExerciseStep) -> float:
        return step.countdown if step.countdown is not None else self.effective_countdown

    @property
    def exercises(self) -> tuple[str, ...]:
        """Exercise names in order of first appearance."""
        seen: dict[str, None] = {}
        for step in self.steps:
            if isinstance(step, ExerciseStep):
                seen.setdefault(step.exercise, None)
        return tuple(seen)
