"""The Today panel's choices as plain data (no Qt): each kind of suggestion offers the keys
that set a different level, and the levels they set are one step at most."""

from __future__ import annotations

import pytest

from workout_player.domain.programme.suggestion import Suggestion
from workout_player.ui.library.today_face import STOP_NOTE, choice_face


def _s(kind: str, level: int, to: int) -> Suggestion:
    return Suggestion(kind, "X1", level, to, "Because.")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kind", "level", "to", "top", "keys", "levels"),
    [
        ("harder", 2, 3, 4, ["A Try level 3", "K Keep level 2", "E Easier: level 1"],
         {"accept": 3, "same": 2, "easier": 1}),
        ("harder", 1, 2, 4, ["A Try level 2", "K Keep level 1"],
         {"accept": 2, "same": 1, "easier": 1}),
        ("same", 3, 3, 4, ["A Accept: stay at level 3", "E Easier: level 2"],
         {"accept": 3, "same": 3, "easier": 2}),
        ("same", 1, 1, 4, ["A Accept: stay at level 1"], {"accept": 1, "same": 1, "easier": 1}),
        ("easier", 3, 2, 4, ["A Accept: level 2", "K Keep level 3"],
         {"accept": 2, "same": 3, "easier": 2}),
        ("easier", 1, 1, 4, ["A Accept: stay at level 1"], {"accept": 1, "same": 1, "easier": 1}),
        ("stop", 2, 2, 4, ["P Pause the programme", "K Carry on at level 2", "E Easier: level 1"],
         {"accept": 2, "same": 2, "easier": 1}),
    ],
)  # fmt: skip
def test_each_suggestion_offers_the_choices_that_change_something(
    kind: str, level: int, to: int, top: int, keys: list[str], levels: dict[str, int]
) -> None:
    face = choice_face(_s(kind, level, to), top)
    assert [f"{k.key} {k.label}" for k in face.keys] == keys
    assert face.levels == levels
    assert face.text == "Because."
    assert face.note == (STOP_NOTE if kind == "stop" else "")
    assert all(abs(v - level) <= 1 for v in face.levels.values())  # one step at most
    if kind == "stop":
        assert "A" not in [k.key for k in face.keys]  # no "accept" of a red flag: pause first
        assert face.levels["accept"] <= level  # never harder after a red flag
