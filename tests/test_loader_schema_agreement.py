"""The loader and the shipped JSON Schema agree on every case the loader tests have.

Each case is read into plain data the way the loader reads YAML (YAML 1.2 core: `0x10` is
16, `1_000` is text) and checked by jsonschema. Where the schema cannot say a rule (steps in
video order, the plan's limits, tags and duplicate keys that plain data cannot show), the
case is marked and the test asserts the loader refuses what the schema lets through.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import WORKOUTS
from tests.test_loader import SPEC_EXAMPLE
from tests.test_loader_limits import HUGE, NOT_NUMBERS, NUMERIC_PLACES
from tests.test_loader_text import CONTROLS, LINE_BREAKS, TEXT_PLACES
from workout_player.domain import text_rules
from workout_player.domain.loader import parse_workout
from workout_player.domain.schema import load_schema
from workout_player.domain.yamlnodes import (
    Mapping,
    Node,
    Scalar,
    Sequence,
    compose,
    is_bool,
    is_not_finite,
    is_null,
    number,
)

jsonschema = pytest.importorskip("jsonschema")

HEAD = "title: T\nsteps:\n"
VIDEO = "title: T\nvideo: v.mp4\nsteps:\n"

VALID = [
    SPEC_EXAMPLE,
    *(path.read_text(encoding="utf-8") for path in sorted(WORKOUTS.glob("*.yaml"))),
    HEAD + "  - exercise: A\n    reps: 5\n    tempo: 3\n",
    VIDEO + "  - rest: 5\n    at: '1:02:03.5'\n",
    VIDEO + "  - rest: 5\n    at: ' 1:15 '\n",
    HEAD + "  - exercise: A\n    reps: 0x10\n    sets: 0o3\n",
    HEAD + "  - exercise: A\n    reps: 3.0\n    rest: 1e1\n",
    'title: T\ndescription: "a\\tb\\nc\\Nd\\Le\\Pf"\nsteps:\n  - rest: 5\n',
    "title: T\ndescription: one\u2028two\nsteps:\n  - rest: 5\n",
    "title: \u0645\u0631\u062d\u0628\u0627\ntags: [\u8170, a b]\nsteps:\n  - rest: 5\n",
    "title: T\u200dx\nsteps:\n  - exercise: \u3164a\n    duration: 86000\n",
    HEAD + "  - exercise: A\n    reps: 10000\n    sets: 100\n",
]

INVALID = [
    HEAD + "  - exercise: A\n",
    HEAD + "  - exercise: A\n    reps: 5\n    duration: 3\n",
    HEAD + "  - exercise: A\n    duration: 5\n    tempo: 3\n",
    HEAD + "  - exercise: A\n    reps: 5\n    tempo: 3\n    hold: 2\n",
    HEAD + "  - exercise: A\n    reps: 5\n    tempo: [0, 0]\n",
    HEAD + "  - exercise: A\n    reps: 5\n    rets: 3\n",
    HEAD + "  - rest: 0\n",
    HEAD + "  - rest: 5\n    at: 3\n",
    "title: T\nvideo: v.mp4\nsteps:\n  - rest: 5\n",
    "title: T\nvideo: https://x/v.mp4\nsteps:\n  - rest: 5\n    at: 1:75\n",
    "title: ''\nsteps:\n  - rest: 5\n",
    "title: T\nvideo: ' '\nsteps:\n  - rest: 5\n    at: 1\n",
    HEAD + "  - exercise: A\n    reps: 1_000\n",
    HEAD + "  - exercise: A\n    reps: 0b11\n",
    HEAD + "  - exercise: A\n    reps: 2.5\n",
    HEAD + "  - exercise: A\n    reps: '8'\n",
    VIDEO + "  - rest: 5\n    at: '\u0661:\u0661\u0665'\n",
    VIDEO + "  - rest: 5\n    at: '\uff11:15'\n",
    "base: &b {rest: 5}\n" + HEAD + "  - <<: *b\n",
    *(t.format(v=v) for t, *_ in NUMERIC_PLACES for v in HUGE + NOT_NUMBERS),
    *(t.format(t=f'"a{c}b"') for t, *_ in TEXT_PLACES for c in CONTROLS),
    *(t.format(t='"a\\udc80"') for t, *_ in TEXT_PLACES),
    *(t.format(t=f'"a{c}b"') for t, *_, one in TEXT_PLACES if one for c in LINE_BREAKS),
    *(
        t.format(t=f'"{blank}"')
        for t in ("title: {t}\nsteps:\n  - rest: 5\n", HEAD + "  - exercise: {t}\n    reps: 3\n")
        for blank in ("\\u200b", " \\u3000 ", "\\ufeff", "\\u2060", "\\u2800", "")
    ),
]

LOADER_ONLY = [
    VIDEO + "  - rest: 5\n    at: 10\n  - rest: 5\n    at: 5\n",  # video order
    HEAD + "  - exercise: A\n    sets: 100\n    reps: 3\n    sides: both\n" * 30,  # segments
    HEAD + "  - exercise: A\n    reps: 10000\n    tempo: [5, 5]\n",  # one set over 24 h
    HEAD + "  - exercise: A\n    sets: 50\n    duration: 1000\n" * 3,  # workout over 24 h
    "title: !!str T\nsteps:\n  - rest: 5\n",  # YAML tags
    "title: T\ntitle: U\nsteps:\n  - rest: 5\n",  # duplicate keys
]


def as_data(node: Node) -> Any:
    """Plain data as the loader reads it (YAML 1.2 core), for jsonschema."""
    if isinstance(node, Mapping):
        return {as_data(key): as_data(value) for key, value in node.pairs}
    if isinstance(node, Sequence):
        return [as_data(item) for item in node.items]
    assert isinstance(node, Scalar)
    if is_null(node):
        return None
    if is_bool(node):
        return node.value.lower() == "true"
    if is_not_finite(node):
        return node.value  # JSON has no such number: a tool converting to JSON cannot say it
    value = number(node)
    return node.value if value is None else value


def schema_accepts(text: str) -> bool:
    root, _tags_reported = compose(text)
    assert root is not None
    validator = jsonschema.Draft202012Validator(load_schema())
    return not list(validator.iter_errors(as_data(root)))


@pytest.mark.parametrize("text", VALID)
def test_valid_cases_pass_both(text: str) -> None:
    assert parse_workout(text).ok
    assert schema_accepts(text)


@pytest.mark.parametrize("text", INVALID)
def test_invalid_cases_fail_both(text: str) -> None:
    assert not parse_workout(text).ok
    assert not schema_accepts(text)


@pytest.mark.parametrize("text", LOADER_ONLY)
def test_rules_only_the_loader_can_check(text: str) -> None:
    assert not parse_workout(text).ok
    assert schema_accepts(text)


def test_the_schema_uses_the_loaders_character_classes() -> None:
    schema = load_schema()
    one_line = {"not": {"pattern": f"[{text_rules.ONE_LINE_FORBIDDEN}]"}}
    visible = {"pattern": f"[^{text_rules.BLANK}]"}
    multi = {"pattern": f"[{text_rules.MULTI_LINE_FORBIDDEN}]"}
    steps = schema["$defs"]
    assert schema["properties"]["title"]["allOf"] == [one_line, visible]
    assert steps["exerciseStep"]["properties"]["exercise"]["allOf"] == [one_line, visible]
    assert schema["properties"]["tags"]["items"]["allOf"] == [one_line, visible]
    for where in (schema["properties"]["video"], steps["exerciseStep"]["properties"]["clip"]):
        assert one_line in where["allOf"]
    for where in (
        schema["properties"]["description"],
        schema["properties"]["safety"],
        steps["exerciseStep"]["properties"]["cue"],
        steps["restStep"]["properties"]["cue"],
    ):
        assert where["not"] == multi
