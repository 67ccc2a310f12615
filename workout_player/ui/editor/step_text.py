"""What the steps table shows of a step: its amount, its sides and its rest, as text."""

from __future__ import annotations

from typing import Any

from workout_player.editing import StepView

SIDES_LABELS = {
    "none": "No sides",
    "both": "Both sides",
    "left": "Left only",
    "right": "Right only",
}


def number_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def amount_text(view: StepView) -> str:
    """`3 x 10 reps`, `45 s`, `rest 30 s`: what the step asks for, as the table shows it."""
    if view.kind == "rest":
        return f"{number_text(view.rest)} s" if view.rest is not None else ""
    sets = f"{number_text(view.sets)} x " if view.sets not in (None, 1) else ""
    if view.reps is not None:
        extra = ""
        if view.hold is not None:
            extra = f", hold {number_text(view.hold)} s"
        elif view.tempo is not None:
            tempo = view.tempo if isinstance(view.tempo, list | tuple) else [view.tempo]
            extra = ", tempo " + "-".join(number_text(part) for part in tempo)
        return f"{sets}{number_text(view.reps)} reps{extra}"
    if view.duration is not None:
        return f"{sets}{number_text(view.duration)} s"
    return ""


def sides_text(view: StepView) -> str:
    if view.kind == "rest" or view.sides in (None, "none"):
        return ""
    return str(SIDES_LABELS.get(str(view.sides), view.sides))


def rest_text(view: StepView) -> str:
    if view.kind == "rest" or view.rest in (None, 0):
        return ""
    return f"{number_text(view.rest)} s"
