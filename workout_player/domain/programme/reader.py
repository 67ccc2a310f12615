"""The programme format's rules: walk its YAML nodes and build the model, noting problems.

The same machinery as workouts (`yamlnodes` for the nodes, `fields` for one value), so a
programme's problems read like a workout's: what was expected, what was written, where.
"""

from __future__ import annotations

from pathlib import Path

from workout_player.domain import fields
from workout_player.domain.fields import Issues, Pairs
from workout_player.domain.programme.model import (
    DEFAULT_PROGRESSION,
    DOSE_STEPS,
    Check,
    DoseStep,
    Phase,
    Programme,
    Slot,
)
from workout_player.domain.yamlnodes import Mapping, Node, Sequence, describe, number

TOP_KEYS = ("programme", "description", "safety", "phases", "checks")
PHASE_KEYS = ("name", "goal", "weeks", "sessions", "workouts")
SLOT_KEYS = ("file", "name", "levels", "progression")
CHECK_KEYS = ("week", "file")
DETECTING_KEY = "programme"
"""A file whose top level has this key is a programme, not a workout."""

MAX_PHASES = 20
MAX_WEEKS = 104
MAX_SESSIONS = 7
MAX_LEVELS = 10
MAX_SLOTS = 20
MAX_NAME = 120


def read_programme(root: Node, issues: Issues, base: Path, source: Path | None) -> Programme | None:
    """Check the whole tree; the programme when there were no errors."""
    checked = fields.top_mapping(root, issues, "programme", "programme: and phases:")
    if checked is None:
        return None
    root = checked
    top = fields.pairs(root, TOP_KEYS, "programme", issues)
    errors_before = issues.errors
    if "programme" not in top:
        issues.error(root, "programme is missing: write the programme's title after programme:")
    title = fields.text_value(top, "programme", issues, non_empty=True, limit=MAX_NAME)
    description = fields.text_value(top, "description", issues)
    safety = fields.text_value(top, "safety", issues)
    phases = _phases(top, root, issues, base)
    weeks = sum(p.weeks for p in phases or ())
    if weeks > MAX_WEEKS:
        issues.error(
            top["phases"][1],
            f"the phases add up to {weeks} weeks; a programme may have at most {MAX_WEEKS}",
        )
    checks = _checks(top, issues, base, weeks)
    if issues.errors > errors_before or title is None or phases is None:
        return None
    return Programme(title, phases, description, safety, checks or (), source)


def _items(top: Pairs, key: str, issues: Issues, what: str, limit: int) -> list[Node] | None:
    node = top[key][1]
    if node.tagged:
        return None
    if not isinstance(node, Sequence) or not node.items:
        got = describe(node) if not isinstance(node, Sequence) else "an empty list"
        issues.error(node, f"{key} must be a list of {what} (lines starting with '- '), got {got}")
        return None
    if len(node.items) > limit:
        issues.error(node, f"{key} may hold at most {limit} items, got {len(node.items)}")
        return None
    issues.visit(len(node.items))
    return node.items


def _phases(top: Pairs, root: Mapping, issues: Issues, base: Path) -> tuple[Phase, ...] | None:
    if "phases" not in top:
        issues.error(root, "phases is missing: a programme needs a list of phases")
        return None
    items = _items(top, "phases", issues, "phases", MAX_PHASES)
    if items is None:
        return None
    phases = [_phase(item, issues, base) for item in items]
    if any(p is None for p in phases):
        return None
    return tuple(p for p in phases if p is not None)


def _mapping(item: Node, issues: Issues, what: str, example: str) -> Mapping | None:
    if isinstance(item, Mapping) and not item.tagged:
        return item
    if not item.tagged:
        issues.error(
            item, f"each of {what} must be a mapping such as {example}, got {describe(item)}"
        )
    return None


def _phase(item: Node, issues: Issues, base: Path) -> Phase | None:
    node = _mapping(item, issues, "phases", "name: ..., weeks: 2")
    if node is None:
        return None
    found = fields.pairs(node, PHASE_KEYS, "a phase", issues)
    before = issues.errors
    for key in ("name", "weeks", "sessions", "workouts"):
        if key not in found:
            issues.error(
                node, f"{key} is missing: each phase needs name, weeks, sessions, workouts"
            )
    name = fields.text_value(found, "name", issues, non_empty=True, limit=MAX_NAME)
    goal = fields.text_value(found, "goal", issues)
    weeks = fields.whole(found, "weeks", issues, limit=MAX_WEEKS)
    sessions = fields.whole(found, "sessions", issues, limit=MAX_SESSIONS)
    slots = None
    if "workouts" in found:
        items = _items(found, "workouts", issues, "workouts", MAX_SLOTS)
        if items is not None:
            read = [_slot(slot, issues, base) for slot in items]
            slots = tuple(s for s in read if s is not None) if all(read) else None
    if issues.errors > before or name is None or weeks is None or sessions is None or not slots:
        return None
    return Phase(name, weeks, sessions, slots, goal, fields.location(node))


def _slot(item: Node, issues: Issues, base: Path) -> Slot | None:
    node = _mapping(item, issues, "workouts", "file: ../static-stability.yaml")
    if node is None:
        return None
    found = fields.pairs(node, SLOT_KEYS, "a phase's workout", issues)
    before = issues.errors
    if "file" not in found:
        issues.error(node, "file is missing: give the workout file (relative to this file)")
    path = fields.path_value(found, "file", issues, base, what="workout", holder="programme")
    name = fields.text_value(found, "name", issues, non_empty=True, limit=MAX_NAME)
    levels = fields.whole(found, "levels", issues, limit=MAX_LEVELS)
    progression = _progression(found, issues)
    if issues.errors > before or path is None:
        return None
    return Slot(path, levels or 1, progression or DEFAULT_PROGRESSION, name, fields.location(node))


def _progression(found: Pairs, issues: Issues) -> tuple[DoseStep, ...] | None:
    values = fields.text_list(found, "progression", issues)
    if values is None:
        return None
    node = found["progression"][1]
    steps: list[DoseStep] = []
    for value in values:
        if value not in DOSE_STEPS:
            issues.error(
                node,
                f'each step of progression must be one of {", ".join(DOSE_STEPS)}, got "{value}"',
            )
            return None
        steps.append(value)
    if not steps:
        issues.error(node, "progression must name at least one step: hold, reps or sets")
        return None
    return tuple(steps)


def _checks(top: Pairs, issues: Issues, base: Path, weeks: int) -> tuple[Check, ...] | None:
    if "checks" not in top:
        return ()
    items = _items(top, "checks", issues, "checks", MAX_WEEKS + 1)
    if items is None:
        return None
    checks: list[Check] = []
    for item in items:
        node = _mapping(item, issues, "checks", "week: 0, file: ../stability-check.yaml")
        if node is None:
            continue
        found = fields.pairs(node, CHECK_KEYS, "a check", issues)
        if "week" not in found or "file" not in found:
            issues.error(node, "each check needs week: (0 is before the first) and file:")
            continue
        week = _week(found["week"][1], issues, weeks)
        path = fields.path_value(
            found, "file", issues, base, what="self-check workout", holder="programme"
        )
        if week is not None and path is not None:
            checks.append(Check(week, path, fields.location(node)))
    return tuple(checks)


def _week(node: Node, issues: Issues, weeks: int) -> int | None:
    if node.tagged:
        return None
    value = number(node)
    expected = f"a whole number of weeks from 0 to {weeks} (the programme's length)"
    if value is None or value < 0 or value > weeks or float(value) != int(value):
        issues.error(node, f"week must be {expected}, got {describe(node)}")
        return None
    return int(value)
