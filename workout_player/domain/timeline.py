"""Expand a workout into its timeline of segments (countdown, work, switch, rest).

The rules are the format's (docs/workout-format.md, "The timeline"): timer-led
workouts run their segments back to back from 0; video-led workouts start each
step's segments at the step's `at`, and the video's clock drives the session.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from workout_player.domain.durations import distinct_clocks
from workout_player.domain.model import CheckStep, ExerciseStep, Location, RestStep, Side, Workout

SegmentKind = Literal["countdown", "work", "switch", "rest"]


@dataclass(frozen=True)
class Segment:
    """One stretch of the session: get ready, work, switch sides or rest."""

    kind: SegmentKind
    start: float
    """Seconds from the start of the session (video time for video-led workouts)."""
    duration: float | None
    """None for a self-paced set: it ends when the person marks it done."""
    step: int
    """Index into `Workout.steps`."""
    exercise: str | None = None
    set: int | None = None
    sets: int | None = None
    side: Side | None = None
    reps: int | None = None
    cue: str | None = None
    check: str | None = None
    """The check's id on a check step's work segments (format 1.1); `set` is the trial."""

    @property
    def end(self) -> float:
        """Planned end; a self-paced segment counts as 0 s here."""
        return self.start + (self.duration or 0.0)

    @property
    def self_paced(self) -> bool:
        return self.duration is None

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {
            "kind": self.kind,
            "start": self.start,
            "duration": self.duration,
            "step": self.step,
            "exercise": self.exercise,
            "set": self.set,
            "side": self.side,
            "reps": self.reps,
        }
        if self.check is not None:  # format 1.1: only check segments carry it, v1 output stays
            out["check"] = self.check
        return out


@dataclass(frozen=True)
class PlanWarning:
    message: str
    location: Location | None = None


@dataclass(frozen=True)
class Plan:
    """A workout's segments with their start times and the total."""

    workout: Workout
    segments: tuple[Segment, ...]
    total_seconds: float
    exact: bool
    """False when a self-paced set makes the total a minimum."""
    warnings: tuple[PlanWarning, ...] = ()

    @property
    def mode(self) -> Literal["timer", "video"]:
        return self.workout.mode

    def to_json(self) -> dict[str, object]:
        return {
            "title": self.workout.title,
            "mode": self.mode,
            "total_seconds": self.total_seconds,
            "exact": self.exact,
            "segments": [segment.to_json() for segment in self.segments],
            **(
                {"checks": [_check_json(i, s) for i, s in self._checks()]} if self._checks() else {}
            ),
        }

    def _checks(self) -> list[tuple[int, CheckStep]]:
        return [(i, s) for i, s in enumerate(self.workout.steps) if isinstance(s, CheckStep)]


def _check_json(index: int, step: CheckStep) -> dict[str, object]:
    """A check step for `plan --json` (format 1.1; a v1 plan has no "checks" key)."""
    return {
        "step": index,
        "check": step.check,
        "name": step.name,
        "measure": step.measure,
        "cap": step.cap,
        "time": step.time,
        "unit": step.unit,
        "entry": step.entry,
        "trials": step.trials,
        "sides": step.sides,
    }


def _step_segments(workout: Workout, index: int, start: float) -> Iterator[Segment]:
    """The segments of one step, back to back from `start`."""
    step = workout.steps[index]
    t = start
    if isinstance(step, RestStep):
        yield Segment("rest", t, step.rest, index, cue=step.cue)
        return
    assert isinstance(step, ExerciseStep | CheckStep)
    name, sets = step.exercise, step.sets
    check = step.check if isinstance(step, CheckStep) else None
    reps = step.reps if isinstance(step, ExerciseStep) else None
    countdown = workout.step_countdown(step)
    if countdown > 0:
        yield Segment("countdown", t, countdown, index, cue=step.cue, exercise=name, sets=sets)
        t += countdown
    work = step.work_seconds
    for set_number in range(1, step.sets + 1):
        sides = step.side_order
        for part, side in enumerate(sides):
            if part > 0 and workout.switch > 0:
                yield Segment(
                    "switch",
                    t,
                    workout.switch,
                    index,
                    set=set_number,
                    side=side,
                    exercise=name,
                    sets=sets,
                )
                t += workout.switch
            yield Segment(
                "work",
                t,
                work,
                index,
                set=set_number,
                side=side,
                reps=reps,
                cue=step.cue,
                exercise=name,
                sets=sets,
                check=check,
            )
            t += work or 0.0
        if set_number < step.sets and step.rest > 0:
            yield Segment("rest", t, step.rest, index, set=set_number, exercise=name, sets=sets)
            t += step.rest


def build_plan(workout: Workout, video_length: float | None = None) -> Plan:
    """Expand `workout` into its plan.

    `video_length` (seconds) is the follow-along video's length when known; it
    is the total of a video-led plan. Overlapping video-led steps are warnings.
    """
    segments: list[Segment] = []
    warnings: list[PlanWarning] = []
    t = 0.0
    for index, step in enumerate(workout.steps):
        if workout.video_led:
            t = step.at if step.at is not None else t
        step_segments = list(_step_segments(workout, index, t))
        segments.extend(step_segments)
        t = step_segments[-1].end if step_segments else t
        if workout.video_led and index + 1 < len(workout.steps):
            next_at = workout.steps[index + 1].at
            # Less than half a millisecond (the finest time a message shows) is no overlap.
            if next_at is not None and t > next_at + 0.0005:
                name = step.exercise if not isinstance(step, RestStep) else "rest"
                until, starts = distinct_clocks(t, next_at)
                warnings.append(
                    PlanWarning(
                        f"step {index + 1} ({name}) runs until {until}, past the next "
                        f"step's start at {starts}; it will be cut short",
                        step.location,
                    )
                )
    exact = all(segment.duration is not None for segment in segments)
    end = max((segment.end for segment in segments), default=0.0)
    total = video_length if workout.video_led and video_length else end
    return Plan(workout, tuple(segments), float(total), exact, tuple(warnings))
