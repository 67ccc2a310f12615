"""Check the value of one key of a workout file: text, whole numbers, seconds, times, paths.

Each reader takes the step's (or workout's) checked keys, notes any problem with the
value's position, and returns the value or None. Messages say what was expected and
what was written: `reps must be a whole number >= 1, got "eight"`.
"""

from __future__ import annotations

import contextlib
import difflib
import os
import re
from collections.abc import Set
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from workout_player.domain import filecheck
from workout_player.domain.durations import MAX_SECONDS
from workout_player.domain.model import Location
from workout_player.domain.text_rules import character_problem, is_visible, printable
from workout_player.domain.timestamps import parse_clock
from workout_player.domain.yamlnodes import Mapping, Node, Scalar, Sequence, describe, number, text

__all__ = ["MAX_SECONDS", "Issues", "Note", "Pairs", "describe"]

MAX_VISITS = 200_000
"""Values the checks may look at; aliases repeating a big list many times hit this first."""
MAX_NOTES = 1000

Pairs = dict[str, tuple[Node, Node]]
"""Checked keys of one mapping: name -> (key node, value node)."""


class TooManyValuesError(Exception):
    """The visit budget ran out: the file repeats values through aliases without end."""


@dataclass(frozen=True)
class Note:
    line: int
    column: int
    message: str
    severity: Literal["error", "warning"]


@dataclass
class Issues:
    """The problems found so far, with a budget so no file can keep the checks busy."""

    notes: list[Note] = field(default_factory=list)
    errors: int = 0
    dropped: int = 0
    """Notes past MAX_NOTES, counted but not kept."""
    dropped_errors: int = 0
    visits: int = 0
    _seen: set[tuple[int, int, str]] = field(default_factory=set)
    checked: dict[int, Pairs] = field(default_factory=dict)
    """Mappings already checked, by id: an alias repeats a step without repeating the work."""

    def _add(self, node: Node, message: str, severity: Literal["error", "warning"]) -> None:
        if severity == "error":
            self.errors += 1
        key = (node.line, node.column, message)
        # An alias makes one value appear many times; one note per place is enough.
        if key in self._seen:
            return
        if len(self.notes) >= MAX_NOTES:
            self.dropped += 1
            self.dropped_errors += severity == "error"
            return
        self._seen.add(key)
        self.notes.append(Note(node.line, node.column, message, severity))

    @property
    def full(self) -> bool:
        """No more notes are kept: a costly message (a suggestion) need not be written."""
        return len(self.notes) >= MAX_NOTES

    def error(self, node: Node, message: str) -> None:
        self._add(node, message, "error")

    def warning(self, node: Node, message: str) -> None:
        self._add(node, message, "warning")

    def visit(self, count: int = 1) -> None:
        self.visits += count
        if self.visits > MAX_VISITS:
            raise TooManyValuesError


def key_name(key: Node) -> str:
    return key.value if isinstance(key, Scalar) else ""


_COMMON = frozenset({"exercise", "reps", "duration", "rest", "title", "steps"})
"""Keys nearly every file has: the likelier meaning of a typo that is as close to another."""


def suggestion(name: str, candidates: tuple[str, ...], present: Set[str] = frozenset()) -> str:
    """'did you mean ...?' for a mistyped key, else the list of valid keys.

    Ties (`rets` is as close to `sets` as to `reps` and `rest`) go to a key the mapping does
    not have yet, then to the one with more letters in the same places, then to a common key.
    """
    unique = tuple(dict.fromkeys(candidates))
    typed = name.lower()

    def score(candidate: str) -> tuple[float, bool, int, bool]:
        ratio = difflib.SequenceMatcher(None, typed, candidate).ratio()
        same_places = sum(a == b for a, b in zip(typed, candidate, strict=False))
        return (ratio, candidate not in present, same_places, candidate in _COMMON)

    best = max(unique, key=score, default=None)
    if best is not None and score(best)[0] >= 0.6:
        return f"did you mean '{best}'?"
    return "valid keys: " + ", ".join(unique)


def location(node: Node) -> Location:
    """Where `node` starts, as the model keeps it."""
    return Location(node.line, node.column)


def top_mapping(root: Node, issues: Issues, kind: str, example: str) -> Mapping | None:
    """A file's top level when it is one mapping; otherwise an error saying what a `kind`
    file holds (`example`: "title: and steps:") and None. A tagged root was reported."""
    if isinstance(root, Mapping) and not root.tagged:
        return root
    if not root.tagged:
        issues.error(
            root, f"a {kind} file holds one mapping of keys such as {example}, got {describe(root)}"
        )
    return None


def pairs(
    mapping: Mapping,
    allowed: tuple[str, ...],
    where: str,
    issues: Issues,
    *,
    other: tuple[str, ...] = (),
) -> Pairs:
    """The mapping's keys, checking each is a known, unrepeated name.

    `other` are keys that belong to another kind of step: they get a message saying so.
    """
    issues.visit(len(mapping.pairs))
    if id(mapping) in issues.checked:
        return issues.checked[id(mapping)]
    found: Pairs = {}
    present = {key_name(key) for key, _ in mapping.pairs}
    for key, value in mapping.pairs:
        if key.tagged:
            continue
        if not isinstance(key, Scalar):
            issues.error(key, f"a key must be a plain name such as title, got {describe(key)}")
            continue
        name = key.value
        if name in found:
            issues.error(
                key,
                f"'{name}' is written twice here (first on line {found[name][0].line}); "
                "keep one of them and delete the other",
            )
            continue
        if name == "<<":
            issues.error(key, "merge keys (<<) are not supported; write the keys out in full")
            continue
        if name not in allowed:
            if name in other:
                issues.error(
                    key,
                    f"{name} belongs in an exercise step; this step has rest: and no "
                    "exercise:, so it is a rest step (rest, cue, at)",
                )
            elif issues.full:
                issues.error(key, "unknown key")  # counted, not shown: skip the suggestion
            else:
                shown = printable(name if len(name) <= 40 else name[:37] + "...")
                issues.error(
                    key,
                    f"unknown key '{shown}' in {where}; "
                    + suggestion(name, allowed + other, present),
                )
            continue
        found[name] = (key, value)
    issues.checked[id(mapping)] = found
    return found


def _value(found: Pairs, key: str) -> Node | None:
    """The value node, or None when absent or already reported (tagged)."""
    if key not in found:
        return None
    node = found[key][1]
    return None if node.tagged else node


def text_value(
    found: Pairs,
    key: str,
    issues: Issues,
    *,
    required: Node | None = None,
    non_empty: bool = False,
    limit: int | None = None,
) -> str | None:
    """Text; `non_empty` makes it a name: one line, with something visible in it."""
    if key not in found:
        if required is not None:
            issues.error(required, f"{key} is missing: the workout needs a {key}")
        return None
    node = _value(found, key)
    if node is None:
        return None
    value = text(node)
    if value is None:
        hint = ""
        if isinstance(node, Scalar) and node.value and len(node.value) <= 40:
            hint = f'; put it in quotes to use it as text: {key}: "{node.value}"'
        issues.error(node, f"{key} must be text, got {describe(node)}{hint}")
        return None
    if not checked_characters(node, key, value, issues, one_line=non_empty):
        return None
    if non_empty and not is_visible(value):
        shown = " (it holds only spaces or invisible characters)" if value else ""
        issues.error(node, f"{key} must not be empty{shown}")
        return None
    if limit is not None and len(value) > limit:
        issues.error(node, f"{key} must be at most {limit} characters, got {len(value)}")
        return None
    return value


def checked_characters(node: Node, key: str, value: str, issues: Issues, *, one_line: bool) -> bool:
    """False (with a note) when `value` holds characters text may not hold (text_rules)."""
    problem = character_problem(value, one_line=one_line)
    if problem is not None:
        issues.error(node, f"{key} {problem}")
    return problem is None


def choice(found: Pairs, key: str, options: tuple[str, ...], issues: Issues) -> str | None:
    node = _value(found, key)
    if node is None:
        return None
    value = text(node)
    if value in options:
        return value
    close = difflib.get_close_matches(str(value).lower(), options, n=1, cutoff=0.6)
    hint = f"; did you mean '{close[0]}'?" if value is not None and close else ""
    issues.error(node, f"{key} must be one of {', '.join(options)}, got {describe(node)}{hint}")
    return None


def text_list(found: Pairs, key: str, issues: Issues) -> tuple[str, ...] | None:
    node = _value(found, key)
    if node is None:
        return None
    if not isinstance(node, Sequence):
        issues.error(
            node, f"{key} must be a list of text such as [low-back, core], got {describe(node)}"
        )
        return None
    issues.visit(len(node.items))
    values: list[str] = []
    for item in node.items:
        value = text(item)
        if value is None:
            if not item.tagged:
                issues.error(item, f"each of {key} must be text, got {describe(item)}")
            continue
        if not checked_characters(item, f"each of {key}", value, issues, one_line=True):
            continue
        if not is_visible(value):
            issues.error(item, f"each of {key} must show something, got {describe(item)}")
            continue
        values.append(value)
    return tuple(values) if len(values) == len(node.items) else None


def _number(node: Node, key: str, expected: str, issues: Issues) -> float | int | None:
    value = number(node)
    if value is None:
        issues.error(node, f"{key} must be {expected}, got {describe(node)}")
    return value


def seconds(found: Pairs, key: str, issues: Issues, *, positive: bool = False) -> float | None:
    """A number of seconds, >= 0 (or > 0 when `positive`), at most MAX_SECONDS."""
    node = _value(found, key)
    if node is None:
        return None
    expected = f"a number of seconds {'> 0' if positive else '>= 0'}"
    value = _number(node, key, expected, issues)
    if value is None:
        return None
    if value < 0 or (positive and value == 0):
        issues.error(node, f"{key} must be {expected}, got {describe(node)}")
        return None
    if value > MAX_SECONDS:
        issues.error(
            node,
            f"{key} must be at most {MAX_SECONDS:.0f} seconds (24 hours), got {describe(node)}",
        )
        return None
    return float(value)


def whole(found: Pairs, key: str, issues: Issues, *, limit: int) -> int | None:
    """A whole number from 1 to `limit` (8.0 counts as 8, as in JSON Schema)."""
    node = _value(found, key)
    if node is None:
        return None
    expected = "a whole number >= 1"
    value = _number(node, key, expected, issues)
    if value is None:
        return None
    # Range first: a number too large to hold is inf, which is out of range, not "not whole".
    if value < 1:
        issues.error(node, f"{key} must be {expected}, got {describe(node)}")
        return None
    if value > limit:
        issues.error(node, f"{key} must be at most {limit}, got {describe(node)}")
        return None
    if isinstance(value, float) and not value.is_integer():
        issues.error(node, f"{key} must be {expected}, got {describe(node)}")
        return None
    return int(value)


def tempo(found: Pairs, issues: Issues) -> tuple[float, ...] | None:
    """A number > 0 (seconds per rep), or a list of 2-4 phases >= 0 with a positive sum."""
    node = _value(found, "tempo")
    if node is None:
        return None
    expected = "a number of seconds > 0, or a list of 2 to 4 phase seconds such as [2, 1, 2]"
    if not isinstance(node, Sequence):
        value = number(node)
        if value is None or value <= 0 or value > MAX_SECONDS:
            issues.error(node, f"tempo must be {expected}, got {describe(node)}")
            return None
        return (float(value),)
    if not 2 <= len(node.items) <= 4:
        issues.error(node, f"tempo must be {expected}, got a list of {len(node.items)}")
        return None
    phases: list[float] = []
    for item in node.items:
        value = number(item)
        if value is None or value < 0 or value > MAX_SECONDS:
            if not item.tagged:
                issues.error(
                    item,
                    f"each tempo phase must be seconds from 0 to {MAX_SECONDS:.0f}, "
                    f"got {describe(item)}",
                )
            continue
        phases.append(float(value))
    if len(phases) != len(node.items):
        return None
    if sum(phases) <= 0:
        issues.error(node, "tempo phases must add up to more than 0 seconds")
        return None
    return tuple(phases)


def timestamp(found: Pairs, key: str, issues: Issues) -> float | None:
    node = _value(found, key)
    if node is None:
        return None
    value: float | None
    as_number = number(node)
    if as_number is not None:
        value = float(as_number) if as_number >= 0 else None
    else:
        written = text(node)
        value = parse_clock(written) if written is not None else None
    if value is not None and value > MAX_SECONDS:
        issues.error(node, f"{key} must be at most 24:00:00 (24 hours), got {describe(node)}")
        return None
    if value is None:
        issues.error(
            node,
            f"{key} must be a video time: seconds (75 or 75.5) or M:SS, MM:SS, H:MM:SS "
            f"(1:15, 1:15.5), got {describe(node)}",
        )
        return None
    return value


_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]+:")
"""A URL scheme; at least two letters, so Windows drive letters (C:\\) are paths."""


def path_value(
    found: Pairs, key: str, issues: Issues, base: Path, *, what: str, holder: str = "workout"
) -> Path | None:
    """A local file path, relative to the `holder` file's folder; a missing file is a warning."""
    node = _value(found, key)
    if node is None:
        return None
    written = text(node)
    if written is None or not written.strip():
        issues.error(node, f"{key} must be the path of a {what} file, got {describe(node)}")
        return None
    if not checked_characters(node, key, written, issues, one_line=True):
        return None
    if _SCHEME.match(written):
        issues.error(
            node,
            f"{key} must be a local file, not a URL ({written.split(':', 1)[0]}:): the player "
            "works offline; download the file and give its path (a file name with ':' "
            "can be written ./name)",
        )
        return None
    path = Path(written)
    # "~someone" with no such user cannot expand: leave it as written.
    with contextlib.suppress(RuntimeError):
        path = path.expanduser()
    if not path.is_absolute():
        path = base / path
    # normpath folds "../media" so the path reads well in messages and does not depend
    # on the current folder later; resolve() would also follow symlinks, which we leave be.
    path = Path(os.path.normpath(path.absolute()))
    problem = filecheck.file_problem(path)
    if problem is not None:
        hint = f" (a relative path starts from the {holder}'s folder)" if problem.missing else ""
        issues.warning(node, filecheck.describe(what, path, problem) + hint)
    return path
