"""Published reference figures for the self-checks, and how one result compares with them.

The figures ship as `norms.json` beside this module, one source per row (docs/self-check-norms.md
lists them). `compare()` picks the row for the person's age and sex and says whether a result
is below, within or above the typical range; without the profile a row needs it returns None,
and the app shows the person's own trend instead. `ratios()` gives McGill's ratios between the
torso holds, `asymmetry()` the difference between the two sides of a check.

Plain Python, no Qt: the Checks screen and the command line both use it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Literal

from workout_player.domain.checks.parse import NormsError, parse_norms
from workout_player.domain.checks.records import Check, NormRow, Norms, PersonSex, RatioRule, Source

NORMS_FILE = "norms.json"

Position = Literal["below", "within", "above"]
Side = Literal["left", "right"]


def read_norms(path: str | Path) -> Norms:
    """Read and check a reference data file (tests and maintainers); raises NormsError."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise NormsError(f"{path}: {exc}") from exc
    return parse_norms(data)


@cache
def load_norms() -> Norms:
    """The reference data shipped with the app (read once)."""
    text = resources.files(__package__ or __name__).joinpath(NORMS_FILE).read_text(encoding="utf-8")
    return parse_norms(json.loads(text))


@dataclass(frozen=True)
class Comparison:
    """One result set beside the norm row for the person."""

    check: Check
    value: float
    position: Position
    row: NormRow
    source: Source
    """The row's original publication."""


def _norms(norms: Norms | None) -> Norms:
    return load_norms() if norms is None else norms


def compare(
    check_id: str,
    value: float,
    *,
    age: int | None = None,
    sex: PersonSex | None = None,
    norms: Norms | None = None,
) -> Comparison | None:
    """The result against the norm row for this age and sex, or None when there is none.

    None when the check has no verified rows, when its rows need an age or sex that was not
    given, or when no row covers the person (a chair-stand result at 45, say).
    """
    data = _norms(norms)
    row = next((r for r in data.rows_for(check_id) if r.matches(age, sex)), None)
    if row is None:
        return None
    if value < row.low:
        position: Position = "below"
    elif value > row.high:
        position = "above"
    else:
        position = "within"
    return Comparison(data.checks[check_id], value, position, row, data.sources[row.source])


def needs_profile(check_id: str, *, norms: Norms | None = None) -> bool:
    """Whether every row of this check needs an age or a sex to be picked."""
    rows = _norms(norms).rows_for(check_id)
    return bool(rows) and all(r.needs_age or r.needs_sex for r in rows)


@dataclass(frozen=True)
class Ratio:
    """One of McGill's ratios computed from a person's holds."""

    rule: RatioRule
    value: float
    within: bool | None
    """Whether it meets the guide; None when the guide is not verified (no judgement made)."""


def ratios(results: Mapping[str, float], *, norms: Norms | None = None) -> tuple[Ratio, ...]:
    """McGill's ratios for the holds in `results` (check id -> seconds).

    A ratio is left out when either hold is missing or the denominator is zero.
    """
    out = []
    for rule in _norms(norms).ratio_rules:
        top, bottom = results.get(rule.numerator), results.get(rule.denominator)
        if top is None or bottom is None or bottom <= 0:
            continue
        value = top / bottom
        out.append(Ratio(rule, value, rule.holds(value) if rule.verified else None))
    return tuple(out)


@dataclass(frozen=True)
class Asymmetry:
    """How the two sides of one check differ."""

    right: float
    left: float
    shorter: Side | None
    """The side with the lower result; None when both are equal."""
    difference: float
    """The gap as a fraction of the better side (0.2: the shorter side is 20% shorter)."""


def asymmetry(right: float, left: float) -> Asymmetry | None:
    """The difference between sides, or None when both results are zero (nothing to compare)."""
    best = max(right, left)
    if best <= 0:
        return None
    shorter: Side | None = None if right == left else ("right" if right < left else "left")
    return Asymmetry(right, left, shorter, abs(right - left) / best)
