"""What the steps table shows of a step: its amount, its sides and its rest, as text."""

from __future__ import annotations

from typing import Any

from workout_player.domain.sides import SIDES_TEXT
from workout_player.domain.step_summary import amount_summary
from workout_player.editing import StepView


def number_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def amount_text(view: StepView) -> str:
    """`3 x 10 reps at your pace`, `45 s`, `30 s` (a rest): what the step asks for, in the table."""
    if view.kind == "rest":
        return f"{number_text(view.rest)} s" if view.rest is not None else ""
    return amount_summary(
        sets=view.sets, reps=view.reps, duration=view.duration, hold=view.hold, tempo=view.tempo
    )


def sides_text(view: StepView) -> str:
    if view.kind == "rest" or view.sides in (None, "none"):
        return ""
    return SIDES_TEXT.get(view.sides) or str(view.sides)


def rest_text(view: StepView) -> str:
    if view.kind == "rest" or view.rest in (None, 0):
        return ""
    return f"{number_text(view.rest)} s"
