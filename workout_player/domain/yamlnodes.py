"""Read YAML text into a small tree of marked nodes, safely.

ruamel.yaml's parser gives a stream of events; this module builds the tree from
that stream itself instead of using a composer or constructor, so that:
- nesting deeper than MAX_DEPTH stops the read with a clear message (never a RecursionError),
- any explicit tag (``!!python/object``, ``!foo``) is reported and nothing is ever constructed,
- aliases point at the same node object (no copies), so an alias bomb costs no memory;
  the loader's walk is bounded by the file's structure and a visit budget,
- every node keeps its 1-based line and column for error messages.

Scalars stay text plus their quoting style; `number()`, `is_null()`, `is_bool()` decide
what a plain scalar means (YAML 1.2 core rules), so `%YAML 1.1` tricks such as
sexagesimal ``1:15`` change nothing.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from ruamel.yaml.reader import ReaderError

try:  # libyaml through ruamel.yaml.clib: the same events about 20 times faster
    from _ruamel_yaml import CParser as _CParser
except ImportError:  # pragma: no cover - a platform without the wheel reads in pure Python
    _CParser = None

from workout_player.domain.text_rules import printable
from workout_player.domain.yaml_words import plain_yaml_error

MAX_DEPTH = 50
"""Deepest nesting of lists and mappings accepted; a workout needs 4."""
MAX_ITEMS = 10_000
"""Most items in one list or keys in one mapping: a plan holds at most 10,000 segments,
so a longer list is refused the moment it gets there, not after the whole file is read."""
MAX_NODES = 100_000
"""Most values in a file; reading stops at the first one past this. The largest file the
format allows has fewer: 3,333 exercise steps (10,000 segments) with every key written
and a 4-phase tempo have about 97,000 values; real workouts have a few hundred."""
MAX_NUMBER_DIGITS = 30
"""Digits beyond which a number is read as infinitely large (and so out of every range):
Python's int() refuses more than 4300 digits, and no limit of the format needs 30."""

_YAML12_ORDINARY = "\x85\u2028\u2029"
"""Line breaks in YAML 1.1 but ordinary characters in YAML 1.2; ruamel.yaml still breaks
lines at them, so `compose` swaps them for unused private-use characters while parsing."""


@dataclass(eq=False)
class Node:
    """A YAML value with the 1-based position where it starts."""

    line: int
    column: int
    tagged: bool = field(default=False, kw_only=True)
    """An explicit tag was reported for this node; the loader says nothing more about it."""


@dataclass(eq=False)
class Scalar(Node):
    value: str
    plain: bool
    """Unquoted and not a block scalar: only then can it be a number, null or true/false."""


@dataclass(eq=False)
class Sequence(Node):
    items: list[Node] = field(default_factory=list)


@dataclass(eq=False)
class Mapping(Node):
    pairs: list[tuple[Node, Node]] = field(default_factory=list)


@dataclass(frozen=True)
class YamlProblem:
    line: int
    column: int
    message: str


@dataclass
class _Builder:
    """Turns events into nodes with an explicit stack (no recursion)."""

    problems: list[YamlProblem] = field(default_factory=list)
    root: Node | None = None
    documents: int = 0
    stack: list[Node] = field(default_factory=list)
    pending_key: list[Node | None] = field(default_factory=list)
    anchors: dict[str, Node] = field(default_factory=dict)
    nodes: int = 0
    restore: dict[int, str] = field(default_factory=dict)
    """Placeholder -> original character (see _YAML12_ORDINARY), as a str.translate table."""

    def attach(self, node: Node) -> bool:
        """Add the node to its parent; False when a list or mapping grew past MAX_ITEMS."""
        if not self.stack:
            self.root = node
            return True
        parent = self.stack[-1]
        if isinstance(parent, Sequence):
            parent.items.append(node)
            if len(parent.items) > MAX_ITEMS:
                return self._stop(
                    node,
                    f"this list has more than {MAX_ITEMS:,} items; a workout holds at most "
                    f"{MAX_ITEMS:,} steps (it is surely a mistake)",
                )
        elif isinstance(parent, Mapping):
            key = self.pending_key[-1]
            if key is None:
                self.pending_key[-1] = node
            else:
                if isinstance(node, Scalar) and node.plain and not node.value:
                    # An empty value is marked where the next line starts; the key is
                    # where the person will look.
                    node.line, node.column = key.line, key.column
                parent.pairs.append((key, node))
                self.pending_key[-1] = None
                if len(parent.pairs) > MAX_ITEMS:
                    return self._stop(
                        key, f"this mapping has more than {MAX_ITEMS:,} keys; a workout has a few"
                    )
        return True

    def _stop(self, node: Node, message: str) -> bool:
        self.problems.append(YamlProblem(node.line, node.column, message))
        return False

    def feed(self, event: Any) -> bool:
        """Handle one event; False means stop reading (the rest cannot be trusted)."""
        if (
            type(event) is ScalarEvent
            and event.tag is None
            and event.anchor is None
            and self.nodes < MAX_NODES
        ):
            # Most events are untagged scalars: the same as below, without its other cases
            # (a 1,000-file library spends a third of its reading here).
            self.nodes += 1
            mark = event.start_mark
            value = str(event.value)
            if self.restore:
                value = value.translate(self.restore)
            return self.attach(Scalar(mark.line + 1, mark.column + 1, value, plain=not event.style))
        mark = event.start_mark
        line, column = mark.line + 1, mark.column + 1
        if isinstance(event, DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                self.problems.append(
                    YamlProblem(
                        line,
                        column,
                        "a workout file holds one YAML document; a second one starts here "
                        "(remove the '---' line or split the file)",
                    )
                )
                return False
            return True
        if isinstance(event, AliasEvent):
            target = self.anchors.get(str(event.anchor))
            if target is None:
                self.problems.append(
                    YamlProblem(
                        line,
                        column,
                        f"*{event.anchor} is read as a YAML alias (a reference to an "
                        f"'&{event.anchor}' written earlier) and there is none; to write the "
                        f'text, put it in quotes ("*{event.anchor}")',
                    )
                )
                target = Scalar(line, column, "", plain=True, tagged=True)
            return self.attach(target)
        node: Node
        if isinstance(event, ScalarEvent | SequenceStartEvent | MappingStartEvent):
            self.nodes += 1
            if self.nodes > MAX_NODES:
                self.problems.append(
                    YamlProblem(
                        line,
                        column,
                        f"the file holds more than {MAX_NODES:,} values; a workout holds far "
                        "fewer (is this really a workout?)",
                    )
                )
                return False
        if isinstance(event, ScalarEvent):
            value = str(event.value)
            if self.restore:
                value = value.translate(self.restore)
            # Plain style is None from the pure parser and "" from libyaml.
            node = Scalar(line, column, value, plain=not event.style)
        elif isinstance(event, SequenceStartEvent):
            node = Sequence(line, column)
        elif isinstance(event, MappingStartEvent):
            node = Mapping(line, column)
        elif isinstance(event, SequenceEndEvent | MappingEndEvent):
            self.stack.pop()
            self.pending_key.pop()
            return True
        else:  # stream and document boundaries
            return True
        if event.tag is not None:
            node.tagged = True
            self.problems.append(
                YamlProblem(
                    line,
                    column,
                    f"tags are not allowed (found {_shown_tag(event.tag)}): a workout holds plain "
                    "text, numbers and lists only",
                )
            )
        if event.anchor is not None:
            self.anchors[str(event.anchor)] = node
        if not self.attach(node):
            return False
        if isinstance(node, Sequence | Mapping):
            if len(self.stack) >= MAX_DEPTH:
                self.problems.append(
                    YamlProblem(
                        line,
                        column,
                        f"the file is nested more than {MAX_DEPTH} levels deep here; "
                        "a workout needs only a few levels",
                    )
                )
                return False
            self.stack.append(node)
            self.pending_key.append(None)
        return True


def _shown_tag(tag: object) -> str:
    """A tag as it was written: `!!str`, not `tag:yaml.org,2002:str`."""
    written = str(tag)
    prefix = "tag:yaml.org,2002:"
    return "!!" + written[len(prefix) :] if written.startswith(prefix) else written


def _position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of a character index."""
    index = max(0, min(index, len(text)))
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, column


def compose(text: str) -> tuple[Node | None, list[YamlProblem]]:
    """Read `text` into nodes. Returns the root (None when empty or unreadable) and problems.

    Never raises: syntax errors, bad characters and anything unexpected from the parser
    become problems with a position.
    """
    text, restore = _hide_yaml12_ordinary(text)
    if _CParser is not None:
        fast = _compose_fast(text, restore)
        if fast is not None:
            return fast, []
    return _compose_pure(text, restore)


def _compose_fast(text: str, restore: dict[int, str]) -> Node | None:
    """The tree from libyaml's events when the file is clean; None when anything is amiss.

    Only a file with no problem at all is taken from here: for every other file (a syntax
    error, a tag, a limit) `_compose_pure` reads it again, so every message, position and
    stopping point is exactly the pure parser's. tests/test_yamlnodes_fast.py checks that
    both parsers build the same tree for the files this path accepts.
    """
    if _PURE_ONLY.search(text):
        return None
    builder = _Builder()
    builder.restore = restore
    try:
        parser = _CParser(text)  # encodes to UTF-8 here: a lone surrogate stops it
    except ValueError:
        return None
    get_event, feed, problems = parser.get_event, builder.feed, builder.problems
    try:
        while True:
            event = get_event()
            kind = type(event)
            if kind is ScalarEvent and not event.value and not _is_value(builder):
                # libyaml marks an empty scalar where the next thing starts, the pure parser
                # where the last one ended; only a mapping's value is re-marked (at its key).
                return None
            if not feed(event) or problems:
                return None
            if kind is StreamEndEvent:
                return builder.root
    except (YAMLError, ValueError, TypeError, AttributeError, IndexError, KeyError):
        # libyaml's own words and positions differ; the pure parser says it the usual way.
        return None
    finally:
        parser.dispose()


_PURE_ONLY = re.compile(r"\t|\ufeff|[|>][-+0-9]*#|(?:^|[\r\n]) +(?:[\r\n]|$)")
"""What the two parsers read differently, found by tests/test_yamlnodes_fast.py: libyaml
takes a tab after "key:" or "-" (the pure parser refuses any tab), skips byte order marks
the pure parser reads as text (the loaders remove the one a file may start with), and takes
a comment right after a block scalar's "|" or ">" and a line of spaces before a block's
first line, both of which the pure parser refuses. A file holding any of them is read the
pure way, with the pure parser's message."""


def _is_value(builder: _Builder) -> bool:
    """The next node is a mapping's value (its key was read)."""
    return bool(builder.stack) and builder.pending_key[-1] is not None


def _compose_pure(text: str, restore: dict[int, str]) -> tuple[Node | None, list[YamlProblem]]:
    builder = _Builder()
    builder.restore = restore
    parser = YAML(typ="safe", pure=True)
    events: Iterator[Any] = iter(parser.parse(text))
    try:
        for event in events:
            if not builder.feed(event):
                return None, _restored(builder)
    except MarkedYAMLError as error:
        words, line, column = plain_yaml_error(error)
        builder.problems.append(YamlProblem(line, column, words))
        return None, _restored(builder)
    except ReaderError as error:
        line, column = _position(text, int(error.position))
        code = ord(error.character) if isinstance(error.character, str) else int(error.character)
        code = ord(builder.restore.get(code, chr(code)))
        builder.problems.append(
            YamlProblem(
                line,
                column,
                f"character U+{code:04X} is not allowed in a YAML file "
                "(control characters and broken text cannot be read); remove it",
            )
        )
        return None, builder.problems
    except (YAMLError, ValueError, TypeError, AttributeError, IndexError, KeyError) as error:
        # ruamel has rare internal errors on pathological input; the promise is a message,
        # never a traceback, so name the problem and where reading stopped.
        builder.problems.append(YamlProblem(1, 1, f"the YAML cannot be read: {error}"))
        return None, builder.problems
    return builder.root, _restored(builder)


def _hide_yaml12_ordinary(text: str) -> tuple[str, dict[int, str]]:
    """Swap U+0085, U+2028 and U+2029 for private-use characters the text does not hold.

    One character for one, so every line and column ruamel reports stays right; the
    returned table puts the originals back into scalar values.
    """
    present = [c for c in _YAML12_ORDINARY if c in text]
    if not present:
        return text, {}
    used = set(text)
    spare = (
        chr(code)
        for block in ((0xE000, 0xF900), (0xF0000, 0xFFFFE), (0x100000, 0x10FFFE))
        for code in range(*block)
        if chr(code) not in used
    )
    swap = {original: next(spare) for original in present}
    hidden = text.translate({ord(o): p for o, p in swap.items()})
    return hidden, {ord(p): o for o, p in swap.items()}


def _restored(builder: _Builder) -> list[YamlProblem]:
    """The problems, with any placeholder in a quoted bit of text put back."""
    if not builder.restore:
        return builder.problems
    return [
        YamlProblem(p.line, p.column, p.message.translate(builder.restore))
        for p in builder.problems
    ]


# --- what a scalar means ---------------------------------------------------------------

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_BOOLS = frozenset({"true", "True", "TRUE", "false", "False", "FALSE"})
_INT = re.compile(r"[-+]?[0-9]+")
_OCT_HEX = re.compile(r"0o[0-7]+|0x[0-9a-fA-F]+")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
_NOT_FINITE = re.compile(r"[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)")


def is_null(node: Node) -> bool:
    return isinstance(node, Scalar) and node.plain and node.value in _NULLS


def is_bool(node: Node) -> bool:
    return isinstance(node, Scalar) and node.plain and node.value in _BOOLS


def is_not_finite(node: Node) -> bool:
    return isinstance(node, Scalar) and node.plain and bool(_NOT_FINITE.fullmatch(node.value))


def number(node: Node) -> int | float | None:
    """The number a plain scalar writes (YAML 1.2 core: 12, 0o14, 0xC, 1.5, 1e3), else None.

    A number too large to hold (thousands of digits, 1e999) is +-inf, so every range check
    refuses it with its own message; `.inf` and `.nan` as written are None (not numbers).
    """
    if not isinstance(node, Scalar) or not node.plain:
        return None
    text = node.value
    if _INT.fullmatch(text):
        digits = text.lstrip("+-").lstrip("0")
        if len(digits) > MAX_NUMBER_DIGITS:
            return -math.inf if text.startswith("-") else math.inf
        return int(text)
    if _OCT_HEX.fullmatch(text):
        if len(text.lstrip("0ox").lstrip("0")) > MAX_NUMBER_DIGITS:
            return math.inf
        return int(text[2:], 8 if text[1] == "o" else 16)
    if _FLOAT.fullmatch(text):
        # float() has no digit limit; a huge mantissa or exponent gives inf, never an error.
        return float(text)
    return None


def text(node: Node) -> str | None:
    """The text of a scalar that YAML reads as a string (not a number, null or true/false)."""
    if not isinstance(node, Scalar):
        return None
    if node.plain and (
        node.value in _NULLS
        or node.value in _BOOLS
        or _INT.fullmatch(node.value)
        or _OCT_HEX.fullmatch(node.value)
        or _FLOAT.fullmatch(node.value)
        or _NOT_FINITE.fullmatch(node.value)
    ):
        return None
    return node.value


def describe(node: Node) -> str:
    """How a value reads in a message: `"eight"`, `2.5`, `true`, `nothing`, `a list`."""
    if isinstance(node, Sequence):
        return "a list"
    if isinstance(node, Mapping):
        return "a mapping (key: value lines)"
    assert isinstance(node, Scalar)
    if is_null(node):
        return "nothing"
    if is_bool(node):
        return f"{node.value} (a yes/no value)"
    if is_not_finite(node):
        return f"{node.value} (not a finite number)"
    value = number(node)
    if value is not None:
        return _shortened(node.value) + (" (too large)" if math.isinf(value) else "")
    shown = _shortened(node.value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{printable(shown)}"'


def _shortened(value: str) -> str:
    return value if len(value) <= 40 else value[:37] + "..."
