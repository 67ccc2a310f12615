"""Video times have one grammar: what the editor reads and writes, the loader and the schema accept.

The editor once had its own, looser reading (`1:5`, `0:5.5`, `100:00:00`, quoted digits,
more than 24 hours), so it could show a time the loader then refused. These tests hold the
loader, the shipped schema and the editor to the same answer for any text.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workout_player import editing
from workout_player.domain.durations import MAX_SECONDS, format_clock
from workout_player.domain.loader import parse_workout
from workout_player.domain.schema import load_schema
from workout_player.domain.timestamps import format_timestamp, parse_clock, parse_timestamp

SCHEMA_PATTERN = re.compile(
    next(
        choice["pattern"]
        for choice in load_schema()["$defs"]["timestamp"]["oneOf"]
        if choice["type"] == "string"
    )
)
THOUSANDTHS = st.integers(min_value=0, max_value=int(MAX_SECONDS * 1000))


def loader_accepts(written: str) -> bool:
    """Whether the loader takes `written` (a YAML scalar as in the file) as a step's `at:`."""
    text = f"title: T\nvideo: v.mp4\nsteps:\n  - exercise: A\n    reps: 1\n    at: {written}\n"
    return not any("at " in p.message or "at must" in p.message for p in parse_workout(text).errors)


@settings(max_examples=300)
@given(THOUSANDTHS)
def test_format_then_parse_gives_the_time_back(thousandths: int) -> None:
    seconds = thousandths / 1000
    written = format_timestamp(seconds)
    assert SCHEMA_PATTERN.search(written), written
    assert parse_timestamp(written) == pytest.approx(seconds, abs=1e-9)


@settings(max_examples=300)
@given(st.integers(min_value=0, max_value=int(MAX_SECONDS * 10)))
def test_the_editors_tenths_read_back_as_written(tenths: int) -> None:
    seconds = tenths / 10
    written = editing.format_timestamp(seconds)
    assert re.fullmatch(r"[0-9:]+\.[0-9]", written), written
    read = editing.parse_timestamp(written)
    assert read is not None, written
    assert editing.round_tenth(read) == seconds


@settings(max_examples=300)
@given(st.integers(min_value=0, max_value=int(MAX_SECONDS)))
def test_a_clock_face_length_reads_back_as_a_time(whole: int) -> None:
    assert parse_clock(format_clock(whole)) == whole


def test_rounding_carries_into_the_next_second_minute_and_hour() -> None:
    assert format_timestamp(59.9999) == "1:00"
    assert format_timestamp(3599.9996) == "1:00:00"
    assert editing.format_timestamp(59.96) == "1:00.0"
    assert format_timestamp(-3) == "0:00"


CLOCK_TEXT = st.text(alphabet="0123456789:. ", max_size=12)


@settings(max_examples=400, deadline=None)
@given(CLOCK_TEXT)
def test_the_editor_the_schema_and_the_loader_agree_on_any_clock_text(text: str) -> None:
    value = parse_timestamp(text)
    in_schema = SCHEMA_PATTERN.search(text) is not None
    assert (value is not None) == (in_schema and (parse_clock(text) or 0) <= MAX_SECONDS)
    assert (value is not None) == loader_accepts(f'"{text}"')


@pytest.mark.parametrize(
    "written",
    ["1:5", "0:5.5", "100:00:00", "1:60", "1:00:60", "24:00:01", "٣:٠٠", "1:15.", "", "75"],
)
def test_the_editor_refuses_what_the_loader_refuses(written: str) -> None:
    assert not loader_accepts(f'"{written}"')
    assert editing.parse_timestamp(written) is None


@pytest.mark.parametrize("number", [90000, -1, float("inf"), float("nan"), True])
def test_numbers_outside_the_format_are_refused(number: float) -> None:
    assert parse_timestamp(number) is None


@pytest.mark.parametrize(
    ("written", "seconds"),
    [("1:15", 75), ("01:15.5", 75.5), ("1:02:03", 3723), (" 24:00:00 ", MAX_SECONDS), (75.5, 75.5)],
)
def test_the_formats_own_examples_read(written: object, seconds: float) -> None:
    assert parse_timestamp(written) == seconds
    assert loader_accepts(f'"{written}"' if isinstance(written, str) else str(written))
