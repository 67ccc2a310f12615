"""Property tests: whatever text or structure a file holds, loading gives a LoadResult.

Set HYPOTHESIS_EXAMPLES to change how many examples each property tries (default 1000).
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from workout_player.domain.loader import LoadResult, load_workout, parse_workout
from workout_player.domain.timeline import build_plan
from workout_player.domain.workout_reader import EXERCISE_KEYS, TOP_KEYS

settings.register_profile(
    "loader-fuzz",
    max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", "1000")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
FUZZ = settings.get_profile("loader-fuzz")


def check(result: LoadResult) -> None:
    assert isinstance(result, LoadResult)
    assert result.ok == (result.workout is not None)
    for problem in result.problems:
        assert problem.line >= 1 and problem.column >= 1 and problem.message
        str(problem)
    if result.workout is not None:
        build_plan(result.workout)  # a valid workout always expands


@FUZZ
@given(st.text())
def test_any_text_gives_a_result(text: str) -> None:
    check(parse_workout(text, "fuzz.yaml"))


YAML_PIECES = st.sampled_from(
    [
        "title: T\n", "steps:\n", "  - ", "exercise: A\n", "    reps: 8\n", "rest: 5\n", "[", "]",
        "{", "}", "&a ", "*a ", "!!str ", "? ", ": ", "- ", "---\n", "...\n", "'", '"', "|\n",
        ">\n", "#", "\t", "1:15", ".nan", "%YAML 1.1\n", "<<: *a\n", "\n", "    ", "~",
        "9" * 5000, "0x", "0o7", "1e999", "-", ".", "\u2028", "\u2029", "\x85", "\ue000",
        '"\\ud800"', '"\\e"', '"\\L"', "\\", "\u200b", "\r\n", "\ufeff", "at: ", "video: v\n",
    ]
)  # fmt: skip


@FUZZ
@given(st.lists(YAML_PIECES | st.text(max_size=5), max_size=40).map("".join))
def test_yamlish_text_gives_a_result(text: str) -> None:
    check(parse_workout(text, "fuzz.yaml"))


KEYS = st.sampled_from([*TOP_KEYS, *EXERCISE_KEYS, "bogus", "<<", "", "Reps", "rets"])
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=8)
    | st.sampled_from(["both", "left", "beginner", "1:15", "0:00:01.5", "../x.mp4", "http://x"])
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(KEYS, inner, max_size=6),
    max_leaves=12,
)
STEP = st.dictionaries(st.sampled_from(EXERCISE_KEYS), VALUES, max_size=8)
WORKOUT = st.fixed_dictionaries(
    {},
    optional={
        "title": VALUES,
        "steps": st.lists(STEP | VALUES, max_size=5),
        "video": SCALARS,
        "countdown": SCALARS,
        "tags": VALUES,
    },
)


_DUMPER = YAML(typ="safe", pure=True)


def dump(data: Any) -> str:
    stream = io.StringIO()
    _DUMPER.dump(data, stream)
    return stream.getvalue()


@FUZZ
@given(WORKOUT | VALUES)
def test_any_structure_dumped_as_yaml_gives_a_result(data: Any) -> None:
    check(parse_workout(dump(data), "fuzz.yaml"))


@settings(FUZZ, max_examples=min(FUZZ.max_examples, 200))
@given(st.binary(max_size=200))
def test_any_bytes_in_a_file_give_a_result(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "fuzz.yaml"
    path.write_bytes(data)
    check(load_workout(path))


@pytest.mark.parametrize("steps", [1, 3])
def test_well_formed_random_values_in_the_right_places(steps: int) -> None:
    """A sanity anchor for the properties above: the generator can make a valid file."""
    text = "title: T\nsteps:\n" + "  - exercise: A\n    reps: 3\n" * steps
    result = parse_workout(text)
    assert result.ok and result.workout is not None and len(result.workout.steps) == steps
