"""How the library, the workout page, the player and the editor name what a step asks for."""

from __future__ import annotations

from workout_player.domain.durations import seconds_text
from workout_player.domain.model import CheckStep, ExerciseStep


def check_summary(step: CheckStep) -> str:
    """'hold, up to 45 s, best of 3', 'reps in 30 s', 'steps, until you stop'."""
    if step.measure == "hold":
        what = f"hold, up to {seconds_text(step.cap or 0.0)}"
    elif step.time is not None:
        what = f"{step.unit} in {seconds_text(step.time)}"
    else:
        what = f"{step.unit}, until you stop"
    return f"{what}, best of {step.trials}" if step.trials > 1 else what


def exercise_summary(step: ExerciseStep | CheckStep) -> str:
    """'3 x 8 reps, tempo 2-1-2 s', '3 x 3 x 10 s hold', '2 x 40 s', '2 x 10 reps at your pace';
    a check's summary for a check step (the steps table lists both)."""
    if isinstance(step, CheckStep):
        return "Check: " + check_summary(step)
    return amount_summary(
        sets=step.sets, reps=step.reps, duration=step.duration, hold=step.hold, tempo=step.tempo
    )


def amount_summary(
    *,
    sets: object = 1,
    reps: object = None,
    duration: object = None,
    hold: object = None,
    tempo: object = None,
) -> str:
    """The same words from a step's values as written: a draft in the editor may hold text
    where a number belongs, which is shown as it stands; no reps and no duration say ''."""
    count = f"{_number(sets)} x " if sets not in (None, 1) else ""
    if duration is not None:
        return f"{count}{_seconds(duration)}"
    if reps is None:
        return ""
    if hold is not None:
        return f"{count}{_number(reps)} x {_seconds(hold)} hold"
    if tempo is not None:
        phases = tempo if isinstance(tempo, list | tuple) else [tempo]
        return f"{count}{_number(reps)} reps, tempo {'-'.join(map(_number, phases))} s"
    return f"{count}{_number(reps)} reps at your pace"


def sets_done(sets: int, each_side: bool) -> str:
    """ "1 set, each side", "3 sets": a set done left and right is one set, as planned."""
    text = f"{sets} set" + ("" if sets == 1 else "s")
    return f"{text}, each side" if each_side else text


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _number(value: object) -> str:
    return f"{value:g}" if _is_number(value) else str(value)


def _seconds(value: object) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return seconds_text(value)
    return f"{value} s"
