"""libyaml's events (ruamel.yaml.clib) build exactly the tree the pure parser builds.

`yamlnodes.compose` takes a file from the fast C parser only when it reads with no problem
at all, and reads every other file again with the pure parser. So the one thing that could
change what a person sees is a file both parsers accept but read differently (another value,
style or position), or one the C parser accepts and the pure parser refuses. These tests look
for such files: the project's own YAML, hand-picked corners of the YAML syntax, and
hypothesis-made token soup and text.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workout_player.domain import yamlnodes
from workout_player.domain.yamlnodes import Mapping, Node, Scalar, Sequence

REPO = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(yamlnodes._CParser is None, reason="ruamel.yaml.clib missing")


def tree(node: Node | None) -> object:
    """Everything the loader can see of a node, as plain values (identity of aliases too)."""
    seen: dict[int, int] = {}

    def walk(item: Node) -> object:
        if id(item) in seen:
            return ("alias", seen[id(item)])
        seen[id(item)] = len(seen)
        head = (type(item).__name__, item.line, item.column, item.tagged)
        if isinstance(item, Scalar):
            return (*head, item.value, item.plain)
        if isinstance(item, Sequence):
            return (*head, [walk(child) for child in item.items])
        assert isinstance(item, Mapping)
        return (*head, [(walk(key), walk(value)) for key, value in item.pairs])

    return None if node is None else walk(node)


def agree(text: str) -> bool:
    """Assert both parsers agree on `text`; True when the fast path took it."""
    hidden, restore = yamlnodes._hide_yaml12_ordinary(text)
    fast = yamlnodes._compose_fast(hidden, restore)
    if fast is None:
        return False
    root, problems = yamlnodes._compose_pure(hidden, restore)
    assert problems == [], f"libyaml accepted what the pure parser refuses: {text!r}"
    assert tree(fast) == tree(root), f"the parsers read {text!r} differently"
    return True


def project_yaml() -> list[Path]:
    found = [
        path
        for folder in ("workouts", "tests", "docs", "workout_player")
        for path in (REPO / folder).rglob("*.y*ml")
    ]
    assert len(found) >= 10  # the bundled workouts, programmes and checks at least
    return sorted(found)


PROJECT_YAML = project_yaml()


@pytest.mark.parametrize("path", PROJECT_YAML, ids=lambda p: str(p.relative_to(REPO)))
def test_the_projects_own_files_read_the_same(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert agree(text) or yamlnodes._compose_pure(text, {})[1], "a clean file left the fast path"


def test_every_bundled_workout_takes_the_fast_path() -> None:
    """The guards in `_PURE_ONLY` are narrow: the bundled files (folded `>-` text and all)."""
    bundled = sorted((REPO / "workouts").rglob("*.yaml"))
    assert len(bundled) >= 10
    assert [p.name for p in bundled if not agree(p.read_text(encoding="utf-8"))] == []


CORNERS = [
    "title: T\nsteps:\n  - exercise: Squat\n    reps: 8\n",
    "title: T\r\nsteps:\r\n  - rest: 5\r\n",
    "\ufefftitle: BOM first\n",
    "title: Caf\u00e9 \U0001f3cb\ufe0f\nnote: \u00e9\u00e9\n",
    "title: a\x85b\u2028c\u2029d\n",
    'title: "a\\x85 \\u2028 \\t \\n \\\\ \\" \\N"\n',
    "title: 'it''s'\n",
    "cue: |\n  line one\n   line two\n\n  three\n",
    "cue: >-\n  folded\n  text\n\n  para\n",
    "cue: |2+\n    kept\n\n",
    "cue: plain\n  continued\n  lines\n",
    "a: [1, 'two', \"three\", {b: c}, [d]]\n",
    "{a: 1, b: [x, y]}\n",
    "a: &anchor [1, 2]\nb: *anchor\nc: *anchor\n",
    "? complex key\n: value\n",
    "? [a, b]\n: c\n",
    "a:\n- 1\n- 2\n",
    "- - nested\n  - list\n- x\n",
    "%YAML 1.2\n---\na: 1\n",
    "%YAML 1.1\n---\na: 1:15\n",
    "--- \na: 1\n...\n",
    "a: 1 # comment\n# another\nb: ~\n",
    "a:\n",
    "a: \nb: null\nc: ''\n",
    "",
    "# only a comment\n",
    "a: 1\n\n\n\nb: 2\n",
    "a:\tb\n",
    "key with spaces: value with: colon\n",
    "url: http://x/y?z=1#frag\n",
    "a: -1\nb: +2\nc: .5\nd: 1e3\ne: 0o17\nf: 0x1F\ng: .inf\nh: .NaN\n",
    "a: true\nb: yes\nc: on\nd: False\n",
    'a: "multi\n  line\n\n  quoted"\n',
    "a: 'multi\n  line'\n",
    "a: x" + "y" * 5000 + "\n",
    "- " + "[" * 40 + "]" * 40 + "\n",
    "a: \u00a0nbsp\n",
    "a: b\u00a0\n",
    "a: \ue000 private use\n",
    "a: \U0010fffd\n",
    "a: \ufffd\n",
    "a: \x7f\n",
    "a: \x80\n",
    "a: \x9f\n",
    "a: x\ufeffy\n",
    "a: \ufffe\n",
    "a: \x00\n",
    "a: \x1b[31m\n",
    "a: \ud800\n",
    "a: !!str 1\n",
    "a: !custom x\n",
    "a: *missing\n",
    "a: 1\na: 2\n",
    "a: 1\n---\nb: 2\n",
    "a: [unclosed\n",
    "\tnot: yaml: at: all\n",
    "a: b: c\n",
    "- a\nb: c\n",
    "a: 'unterminated\n",
    "a: |\n text\n  more\n less\n",
    "a: @reserved\n",
    "a: `reserved\n",
    "a: %percent\n",
    "a: -\n",
    "- -\n",
    "a: - b\n",
    "[a, b]: c\n",
    "{a: b}: c\n",
    "a: {b: c, d}\n",
    "a: [b: c]\n",
    "a: [b, c,]\n",
    "a: {b, c,}\n",
    "? a\n",
    "a: !\n",
    "&a a: *a\n",
    "a: &a\nb: *a\n",
    "\u2028a: 1\n",
    "a: 1\u2028b: 2\n",
    "a: \x85\n",
    "'a\x85b': 1\n",
    "a: 1\r\nb: 2\rc: 3\n",
    "a:\r\n  - 1\r\n",
    "  a: 1\n  b: 2\n",
    "a:\n  b:\n    c:\n      d: 1\n",
    "a: 1 #c\n#c\n  # c\nb: 2\n",
    "a: b #c: d\n",
    "a: b# not a comment\n",
    "a: 'x' #c\n",
    "- 'a'\n- \"b\"\n- |\n  c\n- >\n  d\n",
]


@pytest.mark.parametrize("text", CORNERS)
def test_corners_of_the_syntax_read_the_same(text: str) -> None:
    agree(text)


def test_most_corners_take_the_fast_path() -> None:
    """The fast path is real: a clean workout (the common case) never falls back."""
    taken = sum(agree(text) for text in CORNERS)
    assert agree(CORNERS[0]) and taken >= len(CORNERS) // 2


TOKENS = [
    "a", "b", "title", ":", ": ", " ", "  ", "\n", "\n  ", "- ", "-", "'", '"', "|", ">", "|-",
    "#", " #", "[", "]", "{", "}", ",", ", ", "&x ", "*x", "!", "!!str ", "?", "? ", "\t",
    "\r\n", "\r", "\u00e9", "\U0001f3cb", "\x85", "\u2028", "\ufeff", "\x7f", "\x01",
    "%YAML 1.2\n", "%YAML 1.1\n", "%TAG ! tag:x:\n", "---", "--- ", "...", "1", ".5", "1e3",
    "~", "null", "0o7", "0x1f", "\\", "\\n", "\\x85", "@", "`", "%", "\u00a0",
]  # fmt: skip
BLOCK_TOKENS = [
    "a: ", "- ", "|", ">", "|-", ">+", "|2", ">1-", "|+2", " #c", "#", "\n", "\n ", "\n  ",
    "\n   ", "\n    ", "  ", " ", "x", "y z", "'", '"', ":", "\r\n", "\x85", "\u2028", "...",
    "---", "k:", "\u00e9",
]  # fmt: skip


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(TOKENS), max_size=40).map("".join))
def test_token_soup_reads_the_same(text: str) -> None:
    agree(text)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(BLOCK_TOKENS), max_size=30).map("".join))
def test_block_scalar_soup_reads_the_same(text: str) -> None:
    agree(text)


EDITS = [*" \n:-'\"#[]{},&*!|>?\\\t\u00e9\x85", "  ", "\n  "]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_edited_project_files_read_the_same(data: st.DataObject) -> None:
    """A person's typo in a real workout: characters put in, taken out or copied."""
    text = data.draw(st.sampled_from([p.read_text(encoding="utf-8") for p in PROJECT_YAML]))
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(text)))
        match data.draw(st.sampled_from(["insert", "delete", "copy"])):
            case "insert":
                text = text[:at] + data.draw(st.sampled_from(EDITS)) + text[at:]
            case "delete":
                text = text[:at] + text[at + data.draw(st.integers(1, 3)) :]
            case "copy":
                start = data.draw(st.integers(0, len(text)))
                text = text[:at] + text[start : start + data.draw(st.integers(1, 20))] + text[at:]
    agree(text)


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=200))
def test_any_text_reads_the_same(text: str) -> None:
    agree(text)


def test_without_the_c_parser_files_still_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """A platform without ruamel.yaml.clib reads every file in pure Python, same tree."""
    text = CORNERS[0]
    fast_root, fast_problems = yamlnodes.compose(text)
    monkeypatch.setattr(yamlnodes, "_CParser", None)
    pure_root, pure_problems = yamlnodes.compose(text)
    assert fast_problems == pure_problems == []
    assert tree(fast_root) == tree(pure_root)
