"""The YAML reader's syntax errors in plain words, each pointing where the fix goes."""

from __future__ import annotations

import pytest

from workout_player.domain.loader import parse_workout

STEP = "title: T\nsteps:\n  - exercise: A\n"


@pytest.mark.parametrize(
    ("text", "where", "words"),
    [
        pytest.param(STEP + "    reps: 5\n   sets: 2\n", "5:4", "indented differently",
                     id="indent"),
        pytest.param(STEP + "  reps: 5\n  - exercise: B\n", "4:3", "indented differently",
                     id="block-end"),
        pytest.param(STEP + "     reps: 5\n", "4:10", "colon where none can go", id="too-deep"),
        pytest.param("title: Back: day 1\nsteps: []\n", "1:12", "needs quotes", id="colon"),
        pytest.param("title: T\nsteps\n  - exercise: A\n", "2:1", "without a colon", id="colon-"),
        pytest.param("title: T\nsteps:\n\t- exercise: A\n", "3:1", "a tab", id="tab"),
        pytest.param(STEP + "\treps: 5\n", "4:1", "a tab", id="tab-inside"),
        pytest.param('title: "T\n' + STEP[9:], "1:8", "quote opened here is never closed",
                     id="double-quote"),
        pytest.param("title: 'T\n" + STEP[9:], "1:8", "quote opened here is never closed",
                     id="single-quote"),
        pytest.param("title: T\nsteps: [ {exercise: A}\n", "2:8", "'[' opened here", id="["),
        pytest.param("title: T\nsteps:\n  - {exercise: A, reps: 5\n", "3:5", "'{' opened here",
                     id="{"),
        pytest.param('title: "a \\q"\nsteps: []\n', "1:12", "backslash", id="escape"),
        pytest.param("title: *T\nsteps: []\n", "1:8", "put it in quotes", id="alias"),
        pytest.param("title: @T\nsteps: []\n", "1:8", "put the value in quotes", id="at"),
        pytest.param("title: T\nsteps: [\n", "3:1", "the file ends while", id="open-end"),
        pytest.param("title: T\ntitle: U\n" + STEP[9:], "2:1", "written twice", id="duplicate"),
    ],
)  # fmt: skip
def test_a_syntax_error_says_what_is_wrong_and_how_to_fix_it(
    text: str, where: str, words: str
) -> None:
    result = parse_workout(text, "back.yaml")
    problem = result.problems[0]
    assert f"{problem.line}:{problem.column}" == where, str(problem)
    assert words in problem.message
    assert str(problem).startswith(f"back.yaml:{where}: ")  # validate's FILE:LINE:COL kept
    for jargon in ("<block", "scalar", "token", "flow", "stream", "YAML syntax error"):
        assert jargon not in problem.message
