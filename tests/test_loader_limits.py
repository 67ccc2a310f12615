"""The loader's limits: numbers of any size, long lines, long lists, 24 hours, and its last guard.

Every value a file holds gets a message at its own FILE:LINE:COL; nothing raises.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from workout_player.domain import loader
from workout_player.domain.loader import MAX_LINE_CHARS, parse_workout
from workout_player.domain.model import ExerciseStep
from workout_player.domain.yamlnodes import MAX_ITEMS, MAX_NODES

HEAD = "title: T\nsteps:\n"
VIDEO_HEAD = "title: T\nvideo: v.mp4\nsteps:\n"

HUGE = [
    "1" * 5000,  # past Python's 4300-digit int() limit
    "-" + "9" * 5000,
    "0" * 4990 + "1" * 40,
    "1" * 5000 + ".5",
    "1e999",
    "-1e999",
    "0x" + "f" * 5000,
    "0o" + "7" * 5000,
    "12345678901234567890123456789012345",
]
NOT_NUMBERS = [".inf", "-.inf", ".nan", "true", "no", "2001-12-14", "0b101", "1_000", "~"]

# (text with {v} where the value goes, line, column of the value, key in the message)
NUMERIC_PLACES = [
    (HEAD + "  - exercise: A\n    reps: {v}\n", 4, 11, "reps"),
    (HEAD + "  - exercise: A\n    reps: 3\n    sets: {v}\n", 5, 11, "sets"),
    (HEAD + "  - exercise: A\n    reps: 3\n    hold: {v}\n", 5, 11, "hold"),
    (HEAD + "  - exercise: A\n    reps: 3\n    tempo: {v}\n", 5, 12, "tempo"),
    (HEAD + "  - exercise: A\n    reps: 3\n    tempo: [1, {v}]\n", 5, 16, "each tempo phase"),
    (HEAD + "  - exercise: A\n    duration: {v}\n", 4, 15, "duration"),
    (HEAD + "  - exercise: A\n    reps: 3\n    rest: {v}\n", 5, 11, "rest"),
    (HEAD + "  - exercise: A\n    reps: 3\n    countdown: {v}\n", 5, 16, "countdown"),
    (HEAD + "  - rest: {v}\n", 3, 11, "rest"),
    ("countdown: {v}\n" + HEAD + "  - rest: 5\n", 1, 12, "countdown"),
    ("switch: {v}\n" + HEAD + "  - rest: 5\n", 1, 9, "switch"),
    (VIDEO_HEAD + "  - rest: 5\n    at: {v}\n", 5, 9, "at"),
]


def _errors(text: str) -> list[str]:
    result = parse_workout(text)
    return [f"{p.line}:{p.column}: {p.message}" for p in result.errors]


@pytest.mark.parametrize("value", HUGE + NOT_NUMBERS)
@pytest.mark.parametrize(("template", "line", "column", "key"), NUMERIC_PLACES)
def test_every_numeric_field_refuses_any_value_at_its_position(
    template: str, line: int, column: int, key: str, value: str
) -> None:
    found = _errors(template.format(v=value))
    assert len(found) == 1, found
    assert found[0].startswith(f"{line}:{column}: {key} must be"), found
    assert len(found[0]) < 300  # a number of 5000 digits is shortened, not printed


@pytest.mark.parametrize("value", HUGE[:3] + HUGE[6:])
def test_a_huge_whole_number_is_out_of_range_not_a_fraction(value: str) -> None:
    shown = (value if len(value) <= 40 else value[:37] + "...") + " (too large)"
    assert _errors(HEAD + f"  - exercise: A\n    reps: {value}\n") == [
        f"4:11: reps must be {'at most 10000' if value[0] != '-' else 'a whole number >= 1'}, "
        f"got {shown}"
    ]


@pytest.mark.parametrize(("written", "reps"), [("0x10", 16), ("0o10", 8), ("010", 10), ("+7", 7)])
def test_yaml_1_2_core_integers_are_numbers(written: str, reps: int) -> None:
    result = parse_workout(HEAD + f"  - exercise: A\n    reps: {written}\n")
    assert result.workout is not None
    step = result.workout.steps[0]
    assert isinstance(step, ExerciseStep) and step.reps == reps


@pytest.mark.parametrize(
    "at", ["99999999999999999999:00", "1:" + "0" * 5000, "0:" + "9" * 5000, "24:00:01"]
)
def test_timestamps_with_huge_parts_are_refused(at: str) -> None:
    found = _errors(VIDEO_HEAD + f"  - rest: 5\n    at: '{at}'\n")
    assert len(found) == 1 and found[0].startswith("5:9: at must be"), found


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-16", "utf-32-le", "utf-32"])
def test_utf_16_and_32_with_or_without_a_byte_order_mark_are_named(
    tmp_path: Path, encoding: str
) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes((HEAD + "  - rest: 5\n").encode(encoding))
    assert [p.message for p in loader.load_workout(path).problems] == [
        "the file is not UTF-8 text (it looks like UTF-16 or UTF-32): save it as UTF-8"
    ]


def test_a_long_line_is_refused_before_parsing() -> None:
    text = HEAD + "  - rest: 5\n" + "# " + "x" * MAX_LINE_CHARS + "\n"
    assert _errors(text) == [
        f"4:{MAX_LINE_CHARS + 1}: line 4 is {MAX_LINE_CHARS + 2:,} characters long; a line may "
        f"be at most {MAX_LINE_CHARS:,} (write long text over several lines, after | )"
    ]
    assert parse_workout(HEAD + "  - rest: 5\n" + "# " + "x" * (MAX_LINE_CHARS - 2)).ok


@pytest.mark.parametrize(
    ("text", "position"),
    [
        (HEAD + "  - rest: 5\n" * (MAX_ITEMS + 5), f"{MAX_ITEMS + 3}:5"),
        ("title: T\ntags:\n" + "  - a\n" * (MAX_ITEMS + 1), f"{MAX_ITEMS + 3}:5"),
        ("".join(f"k{i}: 1\n" for i in range(MAX_ITEMS + 1)), f"{MAX_ITEMS + 1}:1"),
    ],
    ids=["steps", "tags", "keys"],
)
def test_a_long_list_or_mapping_stops_the_reading_where_it_passes_the_limit(
    text: str, position: str
) -> None:
    found = _errors(text)
    assert len(found) == 1 and found[0].startswith(position), found
    assert re.search(f"more than {MAX_ITEMS:,} (items|keys)", found[0])


def test_the_whole_file_has_a_value_budget() -> None:
    steps = "".join(f"  - {{rest: 5, cue: [{', '.join(['c'] * 20)}]}}\n" for _ in range(8000))
    found = _errors(HEAD + steps)
    assert len(found) == 1 and f"more than {MAX_NODES:,} values" in found[0]


def test_segments_are_counted_while_reading_and_stop_at_the_first_step_past_the_limit() -> None:
    step = "  - exercise: A\n    sets: 100\n    reps: 3\n    sides: both\n"
    text = HEAD + step * 60 + "  - exercise: [not checked after the limit]\n"
    # each step counts as a countdown and 100 sets of work and switch on 2 sides (401), so
    # step 25 passes 10,000
    assert _errors(text) == [
        f"{3 + 24 * 4}:5: the plan passes 10,000 segments at step 25, more than a session can "
        "hold; fewer sets or steps, please"
    ]


def test_one_set_longer_than_24_hours_is_refused_at_its_step() -> None:
    found = _errors(HEAD + "  - rest: 5\n  - exercise: A\n    reps: 10000\n    tempo: [5, 5]\n")
    assert "4:5: one set of A lasts 27:46:40, more than the format's 24 hours; fewer reps or a " \
        "shorter tempo or hold, please" in found  # fmt: skip


def test_a_workout_longer_than_24_hours_is_refused_where_it_passes_them() -> None:
    step = "  - exercise: A\n    sets: 50\n    duration: 1000\n"
    assert _errors(HEAD + step * 3) == [
        "6:5: the workout passes the format's limit of 24 hours here (at 24:10:10); fewer sets "
        "or shorter times, please"
    ]
    assert parse_workout(HEAD + step).ok


def test_a_step_after_the_end_of_the_video_is_a_warning_when_the_length_is_known() -> None:
    text = VIDEO_HEAD + "  - rest: 5\n    at: 10\n  - rest: 5\n    at: 1:30\n"
    asked: list[Path] = []

    def length(path: Path) -> float:
        asked.append(path)
        return 60.0

    result = parse_workout(text, "/w/a.yaml", video_length=length)
    assert result.ok and asked == [Path("/w/v.mp4")]
    assert [str(p) for p in result.warnings][1:] == [
        "/w/a.yaml:6:5: warning: this step starts at 1:30, but the video is only 1:00 long, so "
        "it never plays; check at:"
    ]
    unknown = parse_workout(text, "/w/a.yaml", video_length=lambda path: None)
    assert len(unknown.warnings) == 1  # only "video file not found"
    assert len(parse_workout(text, "/w/a.yaml").warnings) == 1


def test_the_result_carries_the_plan_it_checked() -> None:
    """The library shows the plan the loader checked instead of building it a second time."""
    from workout_player.domain.timeline import build_plan

    text = VIDEO_HEAD + "  - rest: 5\n    at: 10\n"
    plain = parse_workout(text, "/w/a.yaml")
    assert plain.workout is not None and plain.plan is not None
    assert plain.plan == build_plan(plain.workout)
    timed = parse_workout(text, "/w/a.yaml", video_length=lambda path: 60.0)
    assert timed.plan is not None and timed.plan.total_seconds == 60.0 != plain.plan.total_seconds
    broken = parse_workout(text.replace("rest: 5", "rest: -5"), "/w/a.yaml")
    assert broken.workout is None and broken.plan is None


def test_an_unexpected_error_is_a_problem_that_says_it_is_a_bug(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(loader, "read_workout", broken)
    path = tmp_path / "a.yaml"
    path.write_text(HEAD + "  - rest: 5\n", encoding="utf-8")
    for result in (parse_workout(path.read_text(), path), loader.load_workout(path)):
        assert result.workout is None
        assert [str(p) for p in result.problems] == [
            f"{path}:1:1: this file could not be checked because of a bug in Workout Player "
            "(RuntimeError: boom); please report it with the file"
        ]


def test_the_largest_plan_the_format_allows_with_every_key_fits_the_value_budget() -> None:
    step = (
        "  - exercise: A\n    cue: c\n    sets: 1\n    reps: 3\n    tempo: [1, 0, 1, 0]\n"
        "    sides: none\n    rest: 0\n    countdown: 0\n    clip: c.mp4\n    at: {at}\n"
    )
    steps = "".join(step.format(at=n * 2) for n in range(3333))  # 3 segments each: 9,999
    result = parse_workout("title: T\nvideo: v.mp4\ncountdown: 0\nswitch: 0\nsteps:\n" + steps)
    assert result.ok, result.errors[:3]
    assert result.workout is not None and len(result.workout.steps) == 3333
    # 6,666 warnings (clip in a video-led workout, clip not found): their summary is one too
    last = result.problems[-1]
    assert last.severity == "warning" and last.message.startswith("... and 5667 more problems")


def test_a_huge_number_where_text_belongs_is_not_printed_in_full() -> None:
    assert _errors("title: " + "7" * 5000 + "\nsteps:\n  - rest: 5\n") == [
        f"1:8: title must be text, got {'7' * 37}... (too large)"
    ]
    assert _errors("title: 2024\nsteps:\n  - rest: 5\n") == [
        '1:8: title must be text, got 2024; put it in quotes to use it as text: title: "2024"'
    ]
