"""How the library, the workout page and the player name what a step asks for."""

from __future__ import annotations

from workout_player.domain.durations import seconds_text
from workout_player.domain.model import ExerciseStep


def exercise_summary(step: ExerciseStep) -> str:
    """'3 x 8 reps, tempo 2-1-2 s', '3 x 3 x 10 s hold', '2 x 40 s', '2 x 10 reps at your pace'."""
    sets = f"{step.sets} x " if step.sets > 1 else ""
    if step.duration is not None:
        return f"{sets}{seconds_text(step.duration)}"
    reps = step.reps or 0
    if step.hold is not None:
        return f"{sets}{reps} x {seconds_text(step.hold)} hold"
    if step.tempo is not None:
        tempo = "-".join(f"{t:g}" for t in step.tempo)
        return f"{sets}{reps} reps, tempo {tempo} s"
    return f"{sets}{reps} reps at your pace"
