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


Measure = Literal["hold", "count"]
"""What a check measures: a hold timed up from 0, or a count (reps or steps)."""
Entry = Literal["tap", "type"]
"""How a count is given: tapped as it goes (R / Up), or typed at the end (digit keys)."""
MEASURES: tuple[Measure, ...] = ("hold", "count")
ENTRIES: tuple[Entry, ...] = ("tap", "type")


@dataclass(frozen=True)
class CheckStep:
    """A step with `check` (format 1.1): one measurement, per side, best of `trials`.

    A hold counts up from 0 until the person presses Enter or `cap` is reached; a count
    runs for `time` seconds (the 30-second chair stand) or, without `time`, until Enter
    (steps in a row of a line walk). `check` names the result: a norms id such as
    `chair_stand_30s`, or any id of the person's own.
    """

    check: str
    name: str
    measure: Measure
    cap: float | None = None
    """Hold: where it stops by itself (seconds)."""
    time: float | None = None
    """Count: the fixed window in seconds; None means until Enter."""
    unit: str = "s"
    """"s" for a hold; "reps" or "steps" for a count."""
    entry: Entry = "tap"
    trials: int = 1
    sides: Sides = "none"
    rest: float = 0.0
    """Rest between trials (never after the last)."""
    countdown: float | None = None
    cue: str | None = None
    instructions: str | None = None
    safety: str | None = None
    clip: Path | None = None
    location: Location | None = field(default=None, compare=False)

    at: None = None
    """Checks are timer-led only; present so code reading any step's `at` needs no test."""

    @property
    def exercise(self) -> str:
        """The name shown where an exercise's name goes (the steps table, history)."""
        return self.name

    @property
    def sets(self) -> int:
        """Trials, where code written for exercises counts sets."""
        return self.trials

    @property
    def work_seconds(self) -> float | None:
        """Longest one trial can last (the cap or the window); None: until Enter."""
        return self.cap if self.measure == "hold" else self.time

    @property
    def side_order(self) -> tuple[Side | None, ...]:
        return _side_order(self.sides)


def _side_order(sides: Sides) -> tuple[Side | None, ...]:
    if sides == "both":
        return ("left", "right")
    if sides == "left":
        return ("left",)
    if sides == "right":
        return ("right",)
    return (None,)


Step = ExerciseStep | RestStep | CheckStep


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

    def step_countdown(self, step: ExerciseStep | CheckStep) -> float:
        return step.countdown if step.countdown is not None else self.effective_countdown

    @property
    def checks(self) -> tuple[CheckStep, ...]:
        """The check steps, in order."""
        return tuple(step for step in self.steps if isinstance(step, CheckStep))

    @property
    def exercises(self) -> tuple[str, ...]:
        """Exercise names in order of first appearance."""
        seen: dict[str, None] = {}
        for step in self.steps:
            if isinstance(step, ExerciseStep):
                seen.setdefault(step.exercise, None)
        return tuple(seen)
