"""A step reads the same on every screen: the workout page, the player's stage and the editor.

Once the editor said `8 reps, hold 10 s` and `Both sides` where the workout page said
`8 x 10 s hold` and `each side`, and the player said `left side` for a left-only step.
"""

from __future__ import annotations

import pytest

from workout_player.domain.loader import parse_workout
from workout_player.domain.model import ExerciseStep
from workout_player.domain.sides import SIDES_CHOICES, SIDES_TEXT
from workout_player.domain.step_summary import exercise_summary
from workout_player.editing import WorkoutDocument
from workout_player.ui.editor.step_text import amount_text, sides_text
from workout_player.ui.library.workout_page import step_row

STEPS = [
    ("reps: 8\n    sets: 3\n    tempo: [2, 1, 2]", "3 x 8 reps, tempo 2-1-2 s"),
    ("reps: 8\n    tempo: 1.5", "8 reps, tempo 1.5 s"),
    ("reps: 8\n    hold: 10", "8 x 10 s hold"),
    ("reps: 5\n    sets: 2", "2 x 5 reps at your pace"),
    ("duration: 40\n    sets: 2", "2 x 40 s"),
    ("duration: 120", "2 min"),
    ("duration: 90", "90 s"),
]
SIDES = ["none", "both", "left", "right"]


def workout_text(amount: str, sides: str) -> str:
    return f"title: T\nsteps:\n  - exercise: Bridge\n    {amount}\n    sides: {sides}\n"


@pytest.mark.parametrize(("amount", "expected"), STEPS)
@pytest.mark.parametrize("sides", SIDES)
def test_the_workout_page_and_the_editor_say_the_same(amount: str, expected: str, sides: str):
    text = workout_text(amount, sides)
    result = parse_workout(text)
    assert result.workout is not None, result.problems
    step = result.workout.steps[0]
    assert isinstance(step, ExerciseStep)
    view = WorkoutDocument.from_text(text).step(0)

    assert exercise_summary(step) == amount_text(view) == expected
    assert step_row(1, step)[2:4] == [expected, SIDES_TEXT[step.sides]]
    assert sides_text(view) == SIDES_TEXT[step.sides]


def test_each_choice_in_the_editor_is_the_shown_wording_capitalised() -> None:
    assert SIDES_CHOICES == {
        "none": "No sides",
        "both": "Each side",
        "left": "Left only",
        "right": "Right only",
    }
    assert SIDES_TEXT["left"] == "left only"


def test_a_draft_value_that_is_not_a_number_is_shown_as_written() -> None:
    view = WorkoutDocument.from_text(workout_text('reps: "eight"\n    sets: 2', "lefty")).step(0)
    assert (amount_text(view), sides_text(view)) == ("2 x eight reps at your pace", "lefty")
