"""The loader: every kind of problem with its exact line and column, and the hostile files."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import WORKOUTS
from workout_player.domain.check_reader import CHECK_KEYS
from workout_player.domain.fields import suggestion
from workout_player.domain.loader import (
    MAX_FILE_BYTES,
    LoadResult,
    Problem,
    WorkoutError,
    load_workout,
    load_workout_or_raise,
    parse_workout,
)
from workout_player.domain.model import ExerciseStep, RestStep
from workout_player.domain.schema import load_schema, schema_text
from workout_player.domain.workout_reader import EXERCISE_KEYS, REST_KEYS, TOP_KEYS

# CI clones the repository with shared/ beside it; a developer's machine has it at /work.
SPEC = next(
    (path for path in (WORKOUTS.parent.parent / "shared" / "workout-format.md",) if path.exists()),
    Path("/work/shared/workout-format.md"),
)

SPEC_EXAMPLE = """\
title: Static stability basics
level: beginner
tags: [low-back, core]
safety: Stop if pain increases or spreads into a leg.
steps:
  - exercise: Bird dog
    cue: Brace, reach long through heel and hand, keep the hips level
    sets: 2
    reps: 8
    tempo: [2, 2, 2]
    sides: both
    rest: 30
    clip: ../media/bird-dog.mp4
  - rest: 45
    cue: Walk around and breathe
  - exercise: Side plank
    sets: 3
    reps: 3
    hold: 10
    sides: both
    rest: 20
  - exercise: Glute bridge
    duration: 40
"""

HEAD = "title: T\nsteps:\n"


def problems(text: str, path: str = "w.yaml") -> list[str]:
    """Problems as 'LINE:COL: message' (the file name left out)."""
    return [str(p).removeprefix(f"{path}:") for p in parse_workout(text, path).problems]


def errors(text: str) -> list[str]:
    return [str(p).removeprefix("w.yaml:") for p in parse_workout(text, "w.yaml").errors]


def test_spec_example_loads_with_only_a_missing_clip_warning(tmp_path: Path) -> None:
    result = parse_workout(SPEC_EXAMPLE, tmp_path / "static.yaml")
    assert result.ok
    assert [p.severity for p in result.problems] == ["warning"]
    assert str(result.problems[0]).startswith(f"{tmp_path / 'static.yaml'}:13:11: warning: clip")
    workout = result.workout
    assert workout is not None
    assert workout.title == "Static stability basics"
    assert workout.tags == ("low-back", "core")
    bird, rest, plank, bridge = workout.steps
    assert isinstance(bird, ExerciseStep) and isinstance(rest, RestStep)
    assert bird.tempo == (2.0, 2.0, 2.0) and bird.sides == "both" and bird.sets == 2
    assert bird.clip == tmp_path.parent / "media" / "bird-dog.mp4"
    assert bird.location is not None and (bird.location.line, bird.location.column) == (6, 5)
    assert rest.rest == 45 and rest.cue == "Walk around and breathe"
    assert isinstance(plank, ExerciseStep) and plank.hold == 10
    assert isinstance(bridge, ExerciseStep) and bridge.duration == 40 and bridge.reps is None


def test_spec_example_here_is_the_spec_text() -> None:
    if not SPEC.exists():
        pytest.skip("the shared format contract is not beside this checkout")
    assert SPEC_EXAMPLE in SPEC.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", sorted(WORKOUTS.glob("*.yaml")), ids=lambda p: p.name)
def test_bundled_workouts_have_no_errors(path: Path) -> None:
    result = load_workout(path)
    assert result.errors == (), [str(p) for p in result.errors]
    assert result.workout is not None and result.workout.source == path


# --- one test per kind of error, with its exact position ---------------------------

STEP_ERRORS = [
    ("    rets: 8\n", "5:5: unknown key 'rets' in exercise step; did you mean 'reps'?"),
    ("    reps: eight\n", '5:11: reps must be a whole number >= 1, got "eight"'),
    ("    reps: true\n", "5:11: reps must be a whole number >= 1, got true (a yes/no value)"),
    ("    reps: 2.5\n", "5:11: reps must be a whole number >= 1, got 2.5"),
    ("    reps: 0\n", "5:11: reps must be a whole number >= 1, got 0"),
    ('    reps: "8"\n', '5:11: reps must be a whole number >= 1, got "8"'),
    ("    reps: 20000\n", "5:11: reps must be at most 10000, got 20000"),
    ("    reps: [8]\n", "5:11: reps must be a whole number >= 1, got a list"),
    ("    reps:\n", "5:5: reps must be a whole number >= 1, got nothing"),
]


@pytest.mark.parametrize(("line", "expected"), STEP_ERRORS)
def test_value_errors_name_what_was_expected_and_got(line: str, expected: str) -> None:
    text = HEAD + "  - exercise: Bird dog\n    sets: 2\n" + line
    if "reps" not in line or line.startswith("    rets"):
        text += "    duration: 30\n"
    assert expected in errors(text)


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (
            "duration: .nan",
            "4:15: duration must be a number of seconds > 0, got .nan (not a finite number)",
        ),
        (
            "duration: .inf",
            "4:15: duration must be a number of seconds > 0, got .inf (not a finite number)",
        ),
        ("duration: 0", "4:15: duration must be a number of seconds > 0, got 0"),
        ("duration: 90000", "4:15: duration must be at most 86400 seconds (24 hours), got 90000"),
        ("duration: 30\n    rest: -5", "5:11: rest must be a number of seconds >= 0, got -5"),
        (
            "duration: 30\n    countdown: -1",
            "5:16: countdown must be a number of seconds >= 0, got -1",
        ),
        (
            "duration: 30\n    countdown: false",
            "5:16: countdown must be a number of seconds >= 0, got false (a yes/no value)",
        ),
        (
            "duration: 30\n    sides: bth",
            "5:12: sides must be one of none, both, left, right, got \"bth\"; did you mean 'both'?",
        ),
        ("duration: 30\n    sets: 0", "5:11: sets must be a whole number >= 1, got 0"),
        ("reps: 5\n    hold: 0", "5:11: hold must be a number of seconds > 0, got 0"),
        (
            "reps: 5\n    tempo: 0",
            (
                "5:12: tempo must be a number of seconds > 0, or a list of 2 to 4 phase seconds "
                "such "
                "as [2, 1, 2], got 0"
            ),
        ),
        (
            "reps: 5\n    tempo: [3]",
            (
                "5:12: tempo must be a number of seconds > 0, or a list of 2 to 4 phase seconds "
                "such "
                "as [2, 1, 2], got a list of 1"
            ),
        ),
        (
            "reps: 5\n    tempo: [1, 1, 1, 1, 1]",
            (
                "5:12: tempo must be a number of seconds > 0, or a list of 2 to 4 phase seconds "
                "such "
                "as [2, 1, 2], got a list of 5"
            ),
        ),
        (
            "reps: 5\n    tempo: [2, -1]",
            "5:16: each tempo phase must be seconds from 0 to 86400, got -1",
        ),
        ("reps: 5\n    tempo: [0, 0, 0]", "5:12: tempo phases must add up to more than 0 seconds"),
        (
            "reps: 5\n    tempo: [2, 2]\n    hold: 5",
            (
                "6:5: tempo and hold do not go together: tempo times a moving rep, "
                "hold a still one; "
                "keep one"
            ),
        ),
        (
            "duration: 30\n    tempo: 3",
            "5:5: tempo goes only with reps (it times each rep); add reps: or remove tempo",
        ),
        (
            "duration: 30\n    hold: 3",
            "5:5: hold goes only with reps (it times each rep); add reps: or remove hold",
        ),
        (
            "reps: 5\n    duration: 30",
            (
                "5:5: reps and duration do not go together: a set is either reps or a timed "
                "duration; keep one"
            ),
        ),
        (
            "cue: x",
            (
                "3:5: exercise step (Bird dog) needs reps: (reps per set) or duration: "
                "(seconds per "
                "set)"
            ),
        ),
        (
            "duration: 30\n    at: 0:10",
            (
                "5:5: at is only for video-led workouts (those with a top-level video:); "
                "remove it, "
                "or add video: to the workout"
            ),
        ),
        (
            "duration: 30\n    duration: 40",
            "5:5: 'duration' is written twice here (first on line 4); keep one of them and "
            "delete the other",
        ),
        (
            "duration: 30\n    cue: 12",
            '5:10: cue must be text, got 12; put it in quotes to use it as text: cue: "12"',
        ),
    ],
)
def test_exercise_step_rules(lines: str, expected: str) -> None:
    text = HEAD + "  - exercise: Bird dog\n    " + lines + "\n"
    assert expected in errors(text), errors(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("steps:\n  - rest: 5\n", "1:1: title is missing: the workout needs a title"),
        ("title: '  '\nsteps:\n  - rest: 5\n", "1:8: title must not be empty"),
        (
            f"title: {'x' * 121}\nsteps:\n  - rest: 5\n",
            "1:8: title must be at most 120 characters, got 121",
        ),
        (
            "title: 2024\nsteps:\n  - rest: 5\n",
            '1:8: title must be text, got 2024; put it in quotes to use it as text: title: "2024"',
        ),
        ("title: T\n", "1:1: steps is missing: a workout needs a list of exercise and rest steps"),
        (
            "title: T\nsteps: []\n",
            (
                "2:8: steps must be a list of exercise and rest steps (lines starting with '- '), "
                "got an empty list"
            ),
        ),
        (
            "title: T\nsteps: warm up\n",
            (
                "2:8: steps must be a list of exercise and rest steps (lines starting with '- '), "
                'got "warm up"'
            ),
        ),
        (
            HEAD + "  - just a string\n",
            '3:5: step 1 must be a mapping with exercise: or rest:, got "just a string"',
        ),
        (
            HEAD + "  - cue: hello\n",
            "3:5: step 1 needs exercise: (an exercise step), rest: (a rest step) "
            "or check: (a self-check)",
        ),
        (
            HEAD + "  - exercize: Plank\n    duration: 5\n",
            "3:5: unknown key 'exercize' in step; did you mean 'exercise'?",
        ),
        (HEAD + "  - rest: 0\n", "3:11: rest must be a number of seconds > 0, got 0"),
        (
            HEAD + "  - rest: 30\n    reps: 5\n",
            (
                "4:5: reps belongs in an exercise step; this step has rest: and no exercise:, "
                "so it "
                "is a rest step (rest, cue, at)"
            ),
        ),
        (HEAD + "  - rest: 30\n    cue: [a]\n", "4:10: cue must be text, got a list"),
        (
            "title: T\nlevel: beginer\nsteps:\n  - rest: 5\n",
            (
                '2:8: level must be one of beginner, intermediate, advanced, got "beginer"; did '
                "you mean 'beginner'?"
            ),
        ),
        (
            "title: T\ntags: core\nsteps:\n  - rest: 5\n",
            '2:7: tags must be a list of text such as [low-back, core], got "core"',
        ),
        (
            "title: T\ntags: [core, 3]\nsteps:\n  - rest: 5\n",
            "2:14: each of tags must be text, got 3",
        ),
        (
            "title: T\nswitch: -1\nsteps:\n  - rest: 5\n",
            "2:9: switch must be a number of seconds >= 0, got -1",
        ),
        (
            "title: T\ntitel: U\nsteps:\n  - rest: 5\n",
            "2:1: unknown key 'titel' in workout; did you mean 'title'?",
        ),
        (
            "title: T\ntitle: U\nsteps:\n  - rest: 5\n",
            "2:1: 'title' is written twice here (first on line 1); keep one of them and delete "
            "the other",
        ),
        (
            "title: T\n<<: {a: 1}\nsteps:\n  - rest: 5\n",
            "2:1: merge keys (<<) are not supported; write the keys out in full",
        ),
        (
            "title: T\n[a]: 1\nsteps:\n  - rest: 5\n",
            "2:1: a key must be a plain name such as title, got a list",
        ),
        (
            "- title: T\n",
            "1:1: a workout file holds one mapping of keys such as title: and steps:, got a list",
        ),
        (
            "just words\n",
            'a workout file holds one mapping of keys such as title: and steps:, got "just words"',
        ),
    ],
)
def test_workout_and_rest_step_rules(text: str, expected: str) -> None:
    assert any(expected in e for e in errors(text)), errors(text)


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        ("75", 75.0),
        ("75.5", 75.5),
        ("1:15", 75.0),
        ("01:15.5", 75.5),
        ("'1:15'", 75.0),
        ("1:02:03", 3723.0),
        ("0:00", 0.0),
        ("1:02:03.25", 3723.25),
    ],
)
def test_timestamps(value: str, seconds: float) -> None:
    text = f"title: T\nvideo: v.mp4\nsteps:\n  - rest: 5\n    at: {value}\n"
    result = parse_workout(text)
    assert result.ok, result.problems
    assert result.workout is not None and result.workout.steps[0].at == seconds


@pytest.mark.parametrize("value", ["1:75", "abc", "-1", "1:2", "100:00", "1:00:60", "true"])
def test_bad_timestamps(value: str) -> None:
    text = f"title: T\nvideo: v.mp4\nsteps:\n  - rest: 5\n    at: {value}\n"
    assert any(
        e.startswith("5:9: at must be a video time: seconds (75 or 75.5) or M:SS")
        for e in errors(text)
    )


def test_video_led_needs_at_on_every_step_in_increasing_order() -> None:
    text = (
        "title: T\nvideo: v.mp4\nsteps:\n"
        "  - exercise: A\n    duration: 10\n    at: 0:30\n"  # 4
        "  - exercise: B\n    duration: 10\n"  # 7: no at
        "  - rest: 10\n    at: 0:20\n"  # 9: before 0:30
        "  - rest: 10\n    at: 0:20\n"  # 11: equal to the previous
    )
    assert errors(text) == [
        "7:5: step 2 has no at: in a video-led workout every step needs the video time it "
        "starts at, e.g. at: 1:15",
        "10:9: at 0:20 must be later than the previous step's at 0:30 (line 6): steps follow "
        "the video's order",
        "12:9: at 0:20 must be later than the previous step's at 0:20 (line 10): steps follow "
        "the video's order",
    ]


def test_overlapping_video_steps_are_a_warning_from_the_timeline(tmp_path: Path) -> None:
    (tmp_path / "v.mp4").write_bytes(b"not really a video")
    text = (
        "title: T\nvideo: v.mp4\nsteps:\n"
        "  - exercise: A\n    duration: 40\n    at: 0:10\n"
        "  - rest: 10\n    at: 0:30\n"
    )
    result = parse_workout(text, tmp_path / "w.yaml")
    assert result.ok and result.workout is not None
    assert [str(p).split(":", 1)[1] for p in result.problems] == [
        "4:5: warning: step 1 (A) runs until 0:50, past the next step's start at 0:30; "
        "it will be cut short"
    ]


def test_urls_are_refused_but_windows_drive_letters_are_paths(tmp_path: Path) -> None:
    for url in ("http://x.org/a.mp4", "https://x.org/a.mp4", "file:///tmp/a.mp4", "ftp://x/a"):
        text = f"title: T\nvideo: {url}\nsteps:\n  - rest: 5\n    at: 0\n"
        assert errors(text)[0].startswith("2:8: video must be a local file, not a URL")
    text = "title: T\nvideo: C:\\videos\\a.mp4\nsteps:\n  - rest: 5\n    at: 0\n"
    result = parse_workout(text, tmp_path / "w.yaml")
    assert result.ok
    assert result.problems[0].severity == "warning"
    assert "video file not found" in result.problems[0].message


def test_relative_paths_resolve_against_the_workout_folder(tmp_path: Path) -> None:
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "a.mp4").write_bytes(b"x")
    (tmp_path / "workouts").mkdir()
    text = HEAD + "  - exercise: A\n    duration: 5\n    clip: ../media/a.mp4\n"
    result = parse_workout(text, tmp_path / "workouts" / "w.yaml")
    assert result.problems == ()
    step = result.workout.steps[0] if result.workout else None
    assert isinstance(step, ExerciseStep) and step.clip == tmp_path / "media" / "a.mp4"
    missing = parse_workout(text.replace("a.mp4", "b.mp4"), tmp_path / "workouts" / "w.yaml")
    assert missing.ok and [p.severity for p in missing.problems] == ["warning"]
    assert str(missing.problems[0]).endswith(
        f"5:11: warning: clip file not found: {tmp_path / 'media' / 'b.mp4'} "
        "(a relative path starts from the workout's folder)"
    )


def test_clip_in_a_video_led_workout_is_a_warning() -> None:
    text = (
        "title: T\nvideo: v.mp4\nsteps:\n"
        "  - exercise: A\n    duration: 5\n    clip: c.mp4\n    at: 0\n"
    )
    messages = problems(text)
    assert (
        "6:5: warning: clip is not played in a video-led workout (the workout's video is); "
        "remove it" in messages
    )


def test_every_problem_is_reported_at_once_in_file_order() -> None:
    text = "title: 3\nrets: 1\nsteps:\n  - exercise: A\n    reps: x\n  - rest: -1\n"
    assert [e.split(":")[0] for e in errors(text)] == ["1", "2", "5", "6"]


# --- YAML-level problems --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "1:1: the file is empty; a workout needs at least title: and steps:"),
        (
            "# only a comment\n",
            "1:1: the file is empty; a workout needs at least title: and steps:",
        ),
        (
            "title: [a, b\nsteps: 1\n",
            (
                "1:8: a '[' opened here is not closed where the list ends; add the ']' after "
                "its last item (and a comma between items)"
            ),
        ),
        (
            "title: T\n  steps: x\n",
            (
                "2:8: there is a colon where none can go: this line is indented further than "
                "the line above it, or a value contains ': ' and needs quotes "
                '(title: "Back: day 1")'
            ),
        ),
        (
            "title: T\n---\ntitle: U\n",
            (
                "2:1: a workout file holds one YAML document; a second one starts here (remove the "
                "'---' line or split the file)"
            ),
        ),
        (
            "title: T\x07\n",
            (
                "1:9: character U+0007 is not allowed in a YAML file (control characters "
                "and broken "
                "text cannot be read); remove it"
            ),
        ),
        (
            "title: *nothing\n",
            (
                "1:8: *nothing is read as a YAML alias (a reference to an '&nothing' written "
                'earlier) and there is none; to write the text, put it in quotes ("*nothing")'
            ),
        ),
    ],
)
def test_yaml_problems_have_positions(text: str, expected: str) -> None:
    assert expected in errors(text), errors(text)


@pytest.mark.parametrize(
    ("text", "position", "tag"),
    [
        (
            "title: !!python/object:os.system echo\nsteps: [{rest: 5}]\n",
            "1:8",
            "!!python/object:os.system",
        ),
        ("title: T\nsteps:\n  - !foo {rest: 5}\n", "3:5", "!foo"),
        ("title: !!str 12\nsteps: [{rest: 5}]\n", "1:8", "!!str"),
        (
            "title: T\nsteps: !!python/object/apply:os.system [echo]\n",
            "2:8",
            "!!python/object/apply:os.system",
        ),
        ("title: ! T\nsteps: [{rest: 5}]\n", "1:8", "!"),
    ],
)
def test_tags_are_refused_and_never_constructed(text: str, position: str, tag: str) -> None:
    assert errors(text) == [
        f"{position}: tags are not allowed (found {tag}): a workout holds plain text, numbers "
        "and lists only"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "[" * 4_000 + "]" * 4_000,
        "- " * 4_000 + "a\n",
        "{a: " * 2_000,
    ],
    ids=["flow", "block", "open-flow"],
)
def test_deep_nesting_is_an_error_not_a_recursion_error(text: str) -> None:
    found = errors(text)
    assert len(found) == 1
    assert re.fullmatch(
        (
            r"\d+:\d+: the file is nested more than 50 levels deep here; "
            r"a workout needs only a few "
            r"levels"
        ),
        found[0],
    )


def test_billion_laughs_is_cheap_and_reported() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    previous = "a"
    for name in "bcdefghi":
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
        previous = name
    lines += ["title: T", "tags: [*i, *i]", "steps: *i"]
    result = parse_workout("\n".join(lines) + "\n", "w.yaml")
    assert not result.ok
    messages = [str(p) for p in result.problems]
    assert "w.yaml:9:4: each of tags must be text, got a list" in messages
    assert "w.yaml:8:4: step 1 must be a mapping with exercise: or rest:, got a list" in messages


def test_aliases_that_repeat_a_big_step_hit_the_budget() -> None:
    keys = ", ".join(f"k{i}: 1" for i in range(1000))
    text = (
        f"title: T\nbase: &s {{exercise: x, reps: 1, {keys}}}\nsteps: ["
        + ", ".join(["*s"] * 300)
        + "]\n"
    )
    result = parse_workout(text, "w.yaml")
    assert str(result.problems[0]) == (
        "w.yaml:1:1: the file repeats values through aliases (*name) too many times to check; "
        "write the values out instead"
    )
    assert str(result.problems[-1]).endswith("more problems, not shown; fix these first")


def test_self_referencing_alias() -> None:
    assert errors("title: T\nsteps: &a [*a]\n") == [
        "2:8: step 1 must be a mapping with exercise: or rest:, got a list"
    ]


def test_aliases_of_plain_values_work() -> None:
    text = (
        "title: T\nsteps:\n  - &plank {exercise: Plank, duration: 30}\n  - rest: 10\n  - *plank\n"
    )
    result = parse_workout(text)
    assert result.ok and result.workout is not None and len(result.workout.steps) == 3


# --- files ----------------------------------------------------------------------------


def test_file_over_one_mib_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("title: T\n" + "# padding\n" * (2 * MAX_FILE_BYTES // 10), encoding="utf-8")
    assert [str(p) for p in load_workout(path).problems] == [
        f"{path}:1:1: the file is 2.0 MiB; a workout file may be at most 1 MiB (is this really a "
        f"workout?)"
    ]
    assert (
        parse_workout("#" * (MAX_FILE_BYTES + 1))
        .problems[0]
        .message.startswith("the file is 1.0 MiB")
    )


def test_latin1_file_names_the_byte_and_its_position(tmp_path: Path) -> None:
    path = tmp_path / "latin.yaml"
    path.write_bytes("title: T\nsteps:\n  - exercise: Étirement\n".encode("latin-1"))
    assert [str(p) for p in load_workout(path).problems] == [
        f"{path}:3:15: the file is not UTF-8 text: byte 0xc9 cannot be read; save it as UTF-8"
    ]


def test_utf16_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "wide.yaml"
    path.write_bytes("title: T\n".encode("utf-16"))
    assert "(it looks like UTF-16 or UTF-32)" in load_workout(path).problems[0].message


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + b"title: T\nsteps:\n  - rest: 5\n")
    assert load_workout(path).ok


def test_binary_file_is_a_message(tmp_path: Path) -> None:
    path = tmp_path / "zeros.yaml"
    path.write_bytes(bytes(range(256)) * 4)
    result = load_workout(path)
    assert not result.ok and result.problems[0].line >= 1


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("missing.yaml", "no such file; check the name and the folder"),
        ("", "is a folder, not a workout file"),
    ],
)
def test_missing_file_and_folder(tmp_path: Path, name: str, message: str) -> None:
    path = tmp_path / name if name else tmp_path
    assert [p.message for p in load_workout(path).problems] == [message]


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.yaml"
    path.write_text("title: T\n", encoding="utf-8")

    def refuse(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(self))

    # Tests run as root in CI, where chmod 000 does not stop reading: refuse the open instead.
    monkeypatch.setattr(Path, "open", refuse)
    assert [str(p) for p in load_workout(path).problems] == [
        f"{path}:1:1: cannot be read: permission denied"
    ]


def test_load_workout_or_raise(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("title: T\nsteps:\n  - rest: 0\n", encoding="utf-8")
    with pytest.raises(WorkoutError) as caught:
        load_workout_or_raise(path)
    assert str(caught.value) == f"{path}:3:11: rest must be a number of seconds > 0, got 0"
    assert len(caught.value.problems) == 1
    path.write_text("title: T\nsteps:\n  - rest: 5\n", encoding="utf-8")
    assert load_workout_or_raise(path).title == "T"


def test_problem_and_result_shapes() -> None:
    assert str(Problem("a.yaml", 3, 4, "bad")) == "a.yaml:3:4: bad"
    assert str(Problem("a.yaml", 3, 4, "look", "warning")) == "a.yaml:3:4: warning: look"
    result = LoadResult(None, (Problem("a", 1, 1, "w", "warning"),))
    assert result.ok and result.errors == () and len(result.warnings) == 1


# --- the JSON Schema agrees with the loader -------------------------------------------


def test_schema_lists_exactly_the_loaders_keys() -> None:
    schema = load_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert tuple(schema["properties"]) == TOP_KEYS
    assert tuple(schema["$defs"]["exerciseStep"]["properties"]) == EXERCISE_KEYS
    assert tuple(schema["$defs"]["restStep"]["properties"]) == REST_KEYS
    assert tuple(schema["$defs"]["checkStep"]["properties"]) == CHECK_KEYS
    assert schema["properties"]["level"]["enum"] == ["beginner", "intermediate", "advanced"]
    assert json.loads(schema_text()) == schema


# Every valid and invalid case is also checked against the schema in
# test_loader_schema_agreement.py.


@pytest.mark.parametrize(
    ("typed", "present", "expected"),
    [
        ("rets", set(), "did you mean 'reps'?"),
        ("rets", {"reps"}, "did you mean 'sets'?"),
        ("Reps", set(), "did you mean 'reps'?"),
        ("exersise", set(), "did you mean 'exercise'?"),
        ("colour", set(), "valid keys: exercise, cue, sets"),
    ],
)
def test_key_suggestions(typed: str, present: set[str], expected: str) -> None:
    assert suggestion(typed, EXERCISE_KEYS, present).startswith(expected)


def test_the_format_guide_example_is_the_spec_example_and_valid() -> None:
    guide = Path(__file__).resolve().parent.parent / "docs" / "workout-format.md"
    text = guide.read_text(encoding="utf-8").split("```yaml\n", 1)[1].split("```", 1)[0]
    assert text.startswith("# yaml-language-server: $schema=workout-v1.schema.json\n")
    assert text.removeprefix(text.splitlines()[0] + "\n") == SPEC_EXAMPLE
    assert parse_workout(text).ok
