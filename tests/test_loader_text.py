"""Which characters a workout's text may hold, YAML 1.2's ordinary line breaks, and timestamps."""

from __future__ import annotations

import pytest

from workout_player.domain.loader import parse_workout
from workout_player.domain.model import ExerciseStep
from workout_player.domain.text_rules import printable

HEAD = "title: T\nsteps:\n"

# (YAML text with {t} for a double-quoted value, line, column, key in the message)
TEXT_PLACES = [
    ("title: {t}\nsteps:\n  - rest: 5\n", 1, 8, "title", True),
    ("title: T\ndescription: {t}\nsteps:\n  - rest: 5\n", 2, 14, "description", False),
    ("title: T\nsafety: {t}\nsteps:\n  - rest: 5\n", 2, 9, "safety", False),
    ("title: T\ntags: [{t}]\nsteps:\n  - rest: 5\n", 2, 8, "each of tags", True),
    (HEAD + "  - exercise: {t}\n    reps: 3\n", 3, 15, "exercise", True),
    (HEAD + "  - exercise: A\n    reps: 3\n    cue: {t}\n", 5, 10, "cue", False),
    (HEAD + "  - rest: 5\n    cue: {t}\n", 4, 10, "cue", False),
    (HEAD + "  - exercise: A\n    reps: 3\n    clip: {t}\n", 5, 11, "clip", True),
    ("title: T\nvideo: {t}\nsteps:\n  - rest: 5\n    at: 1\n", 2, 8, "video", True),
]
CONTROLS = ["\\0", "\\x01", "\\x1b[31m", "\\r", "\\x7f", "\\x80", "\\x9b", "\\e", "\\b"]
LINE_BREAKS = ["\\n", "\\N", "\\L", "\\P"]  # newline, U+0085, U+2028, U+2029


def _errors(text: str) -> list[str]:
    return [f"{p.line}:{p.column}: {p.message}" for p in parse_workout(text).errors]


@pytest.mark.parametrize("char", CONTROLS)
@pytest.mark.parametrize(("template", "line", "column", "key", "one_line"), TEXT_PLACES)
def test_control_characters_are_refused_in_every_text(
    template: str, line: int, column: int, key: str, one_line: bool, char: str
) -> None:
    found = _errors(template.format(t=f'"a{char}b"'))
    # a carriage return is a line break where the text must be one line
    what = "must be one line" if one_line and char == "\\r" else "holds "
    assert len(found) == 1, found
    assert found[0].startswith(f"{line}:{column}: {key} {what}")
    assert "at character 2" in found[0]


@pytest.mark.parametrize(("template", "line", "column", "key", "one_line"), TEXT_PLACES)
def test_lone_surrogates_are_refused_in_every_text(
    template: str, line: int, column: int, key: str, one_line: bool
) -> None:
    assert _errors(template.format(t='"a\\udc80"')) == [
        f"{line}:{column}: {key} holds U+DC80 at character 2, half of a character pair (broken "
        "text that cannot be saved); remove it or write the whole character"
    ]


@pytest.mark.parametrize("char", [*LINE_BREAKS, "\\t"])
@pytest.mark.parametrize(("template", "line", "column", "key", "one_line"), TEXT_PLACES)
def test_line_breaks_and_tabs_only_in_longer_text(
    template: str, line: int, column: int, key: str, one_line: bool, char: str
) -> None:
    found = _errors(template.format(t=f'"a{char}b"'))
    if not one_line:
        assert found == []
        return
    what = "a tab" if char == "\\t" else "a line break"
    assert len(found) == 1 and found[0].startswith(f"{line}:{column}: {key} ")
    assert f"{what} at character 2" in found[0]


def test_a_block_title_has_a_line_break() -> None:
    assert _errors("title: |\n  My title\nsteps:\n  - rest: 5\n") == [
        "1:8: title must be one line, but it holds a line break at character 9; "
        "write it on one line"
    ]
    assert parse_workout("title: >-\n  My\n  title\nsteps:\n  - rest: 5\n").ok


@pytest.mark.parametrize(
    "blank", ["\\u200b", " \\u3000 ", "\\ufeff", "\\u2060\\u200d", "\\u00a0", "\\u3164", "\\u2800"]
)
@pytest.mark.parametrize(
    ("template", "key"),
    [
        ("title: {t}\nsteps:\n  - rest: 5\n", "1:8: title must not be empty"),
        (HEAD + "  - exercise: {t}\n    reps: 3\n", "3:15: exercise must not be empty"),
        ("title: T\ntags: [{t}]\nsteps:\n  - rest: 5\n", "2:8: each of tags must show something"),
    ],
)
def test_names_of_only_spaces_and_zero_width_characters_are_empty(
    template: str, key: str, blank: str
) -> None:
    found = _errors(template.format(t=f'"{blank}"'))
    assert len(found) == 1 and found[0].startswith(key), found


def test_visible_names_in_any_script_are_fine() -> None:
    text = 'title: "\u0645\u0631\u062d\u0628\u0627 \u200d\U0001f3cb"\ntags: [\u8170]\n'
    assert parse_workout(text + HEAD.removeprefix("title: T\n") + "  - rest: 5\n").ok


@pytest.mark.parametrize(
    "at", ["\u0661:\u0661\u0665", "\uff11:15", "1:\u0661\u0665", "1:15.\u0665", "\u0967:00:00"]
)
def test_timestamps_take_only_ascii_digits(at: str) -> None:
    found = _errors(f"title: T\nvideo: v.mp4\nsteps:\n  - rest: 5\n    at: '{at}'\n")
    assert len(found) == 1 and found[0].startswith("5:9: at must be a video time"), found


# --- U+0085, U+2028, U+2029 are ordinary characters in YAML 1.2 --------------------------


@pytest.mark.parametrize("char", ["\x85", "\u2028", "\u2029"])
def test_yaml_1_2_ordinary_line_breaks_pass_and_later_positions_stay_right(char: str) -> None:
    text = (
        f"# a comment{char}with it\n"
        f"title: T\n"
        f"description: one{char}two # and{char}here\n"
        f"steps:\n"
        f"  - exercise: A{char}\n"
        f"    cue: 'quoted{char}text'\n"
        f"    reps: 3\n"
        f"  - rest: 0 #{char}\n"
    )
    assert _errors(text) == [
        "5:15: exercise must be one line, but it holds a line break at character 2; "
        "write it on one line",
        "8:11: rest must be a number of seconds > 0, got 0",
    ]
    fixed = parse_workout(text.replace(f"A{char}", "A").replace("rest: 0", "rest: 5"))
    assert fixed.workout is not None
    assert fixed.workout.description == f"one{char}two"
    step = fixed.workout.steps[0]
    assert isinstance(step, ExerciseStep) and step.cue == f"quoted{char}text"


def test_private_use_characters_already_in_the_file_are_kept() -> None:
    text = "title: T\ndescription: \ue000\uf8ff \u2028 \ue001\nsteps:\n  - rest: 5\n"
    result = parse_workout(text)
    assert result.workout is not None
    assert result.workout.description == "\ue000\uf8ff \u2028 \ue001"


def test_a_syntax_error_after_them_is_at_its_place() -> None:
    found = _errors("# \u2028\u2029\x85\ntitle: T\u2028\nsteps: [\n")
    assert len(found) == 1 and found[0].startswith(
        "4:1: the file ends while a '[', '{' or quote is still open"
    )


def test_printable_escapes_what_a_terminal_would_obey() -> None:
    assert printable("a\x1b[2Jb\nc\td\x85\u2028\ud800 \u00e9") == (
        "a\\x1b[2Jb\\nc\\td\\x85\\u2028\\ud800 \u00e9"
    )
