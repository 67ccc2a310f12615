"""Dose steps: level N of a workout is the file with the first N-1 steps of its progression.

A step of "hold" adds HOLD_STEP seconds to every held exercise, "reps" one rep to every
exercise counted in reps, "sets" one set to every exercise done in two sets or more
(a single set is usually a pyramid's part, left as written). Each stops at its cap, so a
level past the caps is the capped workout, never more. Video-led workouts follow their
video and are never changed. Pure: Workout -> Workout.
"""

from __future__ import annotations

from dataclasses import replace

from workout_player.domain.model import ExerciseStep, Step, Workout
from workout_player.domain.programme.model import DEFAULT_PROGRESSION, DoseStep

HOLD_STEP = 2.0
MAX_HOLD = 30.0
"""McGill's endurance holds are about 10 s; 30 s is the ceiling a home programme needs."""
MAX_REPS = 15
MAX_SETS = 5


def steps_for(
    level: int, progression: tuple[DoseStep, ...] = DEFAULT_PROGRESSION
) -> list[DoseStep]:
    """The dose steps level `level` applies, in order (level 1: none)."""
    if not progression:
        return []
    return [progression[i % len(progression)] for i in range(max(0, level - 1))]


def at_level(
    workout: Workout, level: int, progression: tuple[DoseStep, ...] = DEFAULT_PROGRESSION
) -> Workout:
    """The workout at `level` (1 = as written)."""
    if workout.video_led or level <= 1:
        return workout
    chosen = steps_for(level, progression)
    holds, reps, sets = chosen.count("hold"), chosen.count("reps"), chosen.count("sets")
    steps: list[Step] = []
    for step in workout.steps:
        if isinstance(step, ExerciseStep):
            step = _dosed(step, holds, reps, sets)
        steps.append(step)
    return replace(workout, steps=tuple(steps))


def _dosed(step: ExerciseStep, holds: int, reps: int, sets: int) -> ExerciseStep:
    hold = step.hold
    if hold is not None and hold < MAX_HOLD:
        hold = min(MAX_HOLD, hold + HOLD_STEP * holds)
    count = step.reps
    if count is not None and count < MAX_REPS:
        count = min(MAX_REPS, count + reps)
    set_count = step.sets
    if set_count >= 2 and set_count < MAX_SETS:
        set_count = min(MAX_SETS, set_count + sets)
    return replace(step, hold=hold, reps=count, sets=set_count)
