"""How the library, the workout page and the player name what a step asks for."""

from __future__ import annotations

from workout_player.domain.model import ExerciseStep


def exercise_summary(step: ExerciseStep) -> str:
    """'3 x 8 reps, tempo 2-1-2 s', '3 x 3 x 10 s hold', '2 x 40 s', '2 x 10 reps at your pace'."""
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


def sets_done(sets: int, each_side: bool) -> str:
    """ "1 set, each side", "3 sets": a set done left and right is one set, as planned."""
    text = f"{sets} set" + ("" if sets == 1 else "s")
    return f"{text}, each side" if each_side else text


def _num(value: float) -> str:
    return f"{value:g}"


def _secs(value: float) -> str:
    if value >= 60 and value % 60 == 0:
        return f"{int(value // 60)} min"
    return f"{_num(value)} s"
