"""Format 1.1's check step: its keys, their values and the rules between them.

`workout_reader.py` hands every step with a `check:` key here. The values of single keys
are checked by `fields.py`; this module knows which keys a check has, which go with a hold
and which with a count, and that a check named after a shipped norm measures what the
norm measures (so its results can be compared with the norm).
"""

from __future__ import annotations

import re
from pathlib import Path

from workout_player.domain import fields
from workout_player.domain.fields import Issues, Pairs
from workout_player.domain.model import (
    ENTRIES,
    MEASURES,
    SIDES,
    CheckStep,
    Entry,
    Location,
    Measure,
    Sides,
)
from workout_player.domain.yamlnodes import Mapping

CHECK_KEYS = (
    "check",
    "name",
    "measure",
    "cap",
    "time",
    "unit",
    "entry",
    "trials",
    "sides",
    "rest",
    "countdown",
    "cue",
    "instructions",
    "safety",
    "clip",
)
COUNT_UNITS = ("reps", "steps")
MAX_TRIALS = 10
MAX_NAME = 120
CHECK_ID = re.compile(r"[a-z][a-z0-9_]{0,63}")
"""A check's id: what its results are stored and compared under."""

_HOLD_ONLY = ("cap",)
_COUNT_ONLY = ("time", "unit", "entry")


def read_check(item: Mapping, issues: Issues, base: Path, video_led: bool) -> CheckStep | None:
    """The check step `item`, or None after noting every problem in it."""
    before = issues.errors
    pairs = fields.pairs(item, CHECK_KEYS, "check step", issues)
    check = _check_id(pairs, issues)
    name = fields.text_value(pairs, "name", issues, non_empty=True, limit=MAX_NAME)
    measure = fields.choice(pairs, "measure", MEASURES, issues)
    cap = fields.seconds(pairs, "cap", issues, positive=True)
    time = fields.seconds(pairs, "time", issues, positive=True)
    unit = fields.choice(pairs, "unit", COUNT_UNITS, issues)
    entry = fields.choice(pairs, "entry", ENTRIES, issues)
    trials = fields.whole(pairs, "trials", issues, limit=MAX_TRIALS)
    sides = fields.choice(pairs, "sides", SIDES, issues)
    rest = fields.seconds(pairs, "rest", issues)
    countdown = fields.seconds(pairs, "countdown", issues)
    cue = fields.text_value(pairs, "cue", issues)
    instructions = fields.text_value(pairs, "instructions", issues)
    safety = fields.text_value(pairs, "safety", issues)
    clip = fields.path_value(pairs, "clip", issues, base, what="clip")
    if video_led:
        issues.error(
            pairs["check"][0],
            "a check step cannot be part of a video-led workout (the video cannot wait for "
            "Enter); put the checks in a workout without video:",
        )
    _check_rules(item, pairs, issues, measure)
    if measure is not None and check is not None:
        _check_norm(pairs, issues, check, measure, unit or "reps", cap)
    if issues.errors > before or check is None or name is None or measure is None:
        return None
    is_hold = measure == "hold"
    return CheckStep(
        check=check,
        name=name,
        measure=_measure(measure),
        cap=cap if is_hold else None,
        time=None if is_hold else time,
        unit="s" if is_hold else (unit or "reps"),
        entry=_entry(entry),
        trials=trials if trials is not None else 1,
        sides=_sides(sides),
        rest=rest if rest is not None else 0.0,
        countdown=countdown,
        cue=cue,
        instructions=instructions,
        safety=safety,
        clip=clip,
        location=Location(item.line, item.column),
    )


def _check_id(pairs: Pairs, issues: Issues) -> str | None:
    value = fields.text_value(pairs, "check", issues, non_empty=True)
    if value is None:
        return None
    if CHECK_ID.fullmatch(value) is None:
        issues.error(
            pairs["check"][1],
            "check must be an id of lowercase letters, digits and _ starting with a letter, "
            "at most 64 characters (e.g. chair_stand_30s), got "
            + fields.describe(pairs["check"][1]),
        )
        return None
    return value


def _check_rules(item: Mapping, pairs: Pairs, issues: Issues, measure: str | None) -> None:
    """name and measure are required; a hold needs a cap; count keys only with a count."""
    for key, what in (("name", "the name shown and spoken"), ("measure", "hold or count")):
        if key not in pairs:
            issues.error(item, f"check step needs {key}: ({what})")
    if measure == "hold":
        if "cap" not in pairs:
            issues.error(
                pairs["measure"][1],
                "a hold needs cap: (the seconds at which it stops by itself, e.g. cap: 45)",
            )
        for key in _COUNT_ONLY:
            if key in pairs:
                issues.error(pairs[key][0], f"{key} goes only with measure: count; remove it")
    if measure == "count":
        for key in _HOLD_ONLY:
            if key in pairs:
                issues.error(
                    pairs[key][0],
                    f"{key} goes only with measure: hold (a count stops after time:); remove it",
                )


def _check_norm(
    pairs: Pairs, issues: Issues, check: str, measure: str, unit: str, cap: float | None
) -> None:
    """A check named after a shipped norm must measure what the norm measures."""
    # Imported here: the norms (and norms.json) are needed only by a file with a check
    # step, not by every workout read (the library, `today`).
    from workout_player.domain.checks import load_norms

    known = load_norms().checks.get(check)
    if known is None:
        return
    measured = "s" if measure == "hold" else unit
    if measured != known.unit:
        what = "a hold (measure: hold)" if known.unit == "s" else f"a count of {known.unit}"
        node = pairs["unit"][1] if "unit" in pairs and measure == "count" else pairs["measure"][1]
        issues.error(
            node,
            f"check {check} is {what}, so its results can be compared with the published "
            "figures; measure it that way, or give the check an id of your own",
        )
    elif known.cap is not None and cap is not None and abs(cap - known.cap) > 1e-9:
        issues.warning(
            pairs["cap"][1],
            f"the published protocol of {check} stops at {known.cap:g} s; with cap: {cap:g} "
            "your results may not compare with its figures",
        )


def _measure(value: str) -> Measure:
    return next((m for m in MEASURES if m == value), "hold")


def _entry(value: str | None) -> Entry:
    return next((e for e in ENTRIES if e == value), "tap")


def _sides(value: str | None) -> Sides:
    return next((s for s in SIDES if s == value), "none")
