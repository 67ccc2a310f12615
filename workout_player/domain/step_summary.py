"""How the library, the workout page and the player name what a step asks for."""

from __future__ import annotations

from workout_player.domain.model import CheckStep, ExerciseStep


def check_summary(step: CheckStep) -> str:
    """'hold, up to 45 s, best of 3', 'reps in 30 s', 'steps, until you stop'."""
    if step.measure == "hold":
        what = f"hold, up to {_secs(step.cap or 0.0)}"
    elif step.time is not None:
        what = f"{step.unit} in {_secs(step.time)}"
    else:
        what = f"{step.unit}, until you stop"
    return f"{what}, best of {step.trials}" if step.trials > 1 else what


def exercise_summary(step: ExerciseStep | CheckStep) -> str:
    """'3 x 8 reps, tempo 2-1-2 s', '3 x 3 x 10 s hold', '2 x 40 s', '2 x 10 reps at your pace';
    a check's summary for a check step (the steps table lists both)."""
    if isinstance(step, CheckStep):
        return "Check: " + check_summary(step)
    sets = f"{step.sets} x " if step.sets > 1 else ""
    if step.duration is not None:
        return f"{sets}{_secs(step.duration)}"
    reps = step.reps or 0
    if step.hold is not None:
        return f"{sets}{reps} x {_secs(step.hold)} hold"
    if step.tempo is not None:
        tempo = "-".join(_num(t) for t in step.tempo)
        return f"{sets}{reps} reps, tempo {tempo} s"
    return f"{sets}{reps} reps at your pace"


def _num(value: float) -> str:
    return f"{value:g}"


def _secs(value: float) -> str:
    if value >= 60 and value % 60 == 0:
        return f"{int(value // 60)} min"
    return f"{_num(value)} s"
