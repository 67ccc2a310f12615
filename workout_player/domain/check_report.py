"""Stored check results, judged: best of the trials, the norm comparison for the person's
profile, left/right asymmetry and McGill's ratios, each with its careful sentence.

What `workout-player checks` prints and what the Checks screen shows come from here, so
both say the same thing. It reads any rows with the fields of `TrialRow` (the store's
`CheckRow` has them); plain Python, no store, no Qt.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from workout_player.domain.checks import (
    Asymmetry,
    Comparison,
    Ratio,
    asymmetry,
    compare,
    load_norms,
    ratios,
)
from workout_player.domain.checks.wording import DISCLAIMER, result_sentence
from workout_player.domain.profile import Profile

OWN_CHECK = (
    "This is a check of your own, with no published reference, so the app shows your own trend."
)


class TrialRow(Protocol):
    """One stored trial (store.CheckRow is one)."""

    @property
    def session_id(self) -> int: ...
    @property
    def check(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def side(self) -> str | None: ...
    @property
    def trial(self) -> int: ...
    @property
    def value(self) -> float: ...
    @property
    def unit(self) -> str: ...
    @property
    def capped(self) -> bool: ...
    @property
    def measured_at(self) -> datetime: ...


@dataclass(frozen=True)
class Judged:
    """One trial beside its norm: `comparison` is None without a norm for the person."""

    row: TrialRow
    age: int | None
    comparison: Comparison | None
    sentence: str
    best: bool
    """The best trial of its check and side in its session (the one that counts)."""


def judge(row: TrialRow, profile: Profile, *, best: bool = True) -> Judged:
    """`row` compared with the norm row for `profile` at the time it was measured."""
    age = profile.age_on(row.measured_at.date())
    if row.check not in load_norms().checks:
        return Judged(row, age, None, OWN_CHECK, best)
    found = compare(row.check, row.value, age=age, sex=profile.sex)
    sentence = result_sentence(row.check, row.value, age=age, sex=profile.sex)
    return Judged(row, age, found, sentence, best)


def best_keys(rows: Iterable[TrialRow]) -> set[tuple[int, str, str | None, int]]:
    """(session, check, side, trial) of the best trial of each check and side per session
    (the highest value; the earliest trial on a tie)."""
    best: dict[tuple[int, str, str | None], TrialRow] = {}
    for row in rows:
        key = (row.session_id, row.check, row.side)
        kept = best.get(key)
        if kept is None or (row.value, -row.trial) > (kept.value, -kept.trial):
            best[key] = row
    return {(r.session_id, r.check, r.side, r.trial) for r in best.values()}


def judge_all(rows: Sequence[TrialRow], profile: Profile) -> list[Judged]:
    """Every row judged, in the given order, each marked whether it is its set's best."""
    keys = best_keys(rows)
    return [judge(r, profile, best=(r.session_id, r.check, r.side, r.trial) in keys) for r in rows]


def session_best(rows: Iterable[TrialRow]) -> dict[tuple[str, str | None], float]:
    """One session's best value per (check, side)."""
    out: dict[tuple[str, str | None], float] = {}
    for row in rows:
        key = (row.check, row.side)
        out[key] = max(out.get(key, row.value), row.value)
    return out


def session_asymmetry(rows: Iterable[TrialRow]) -> dict[str, Asymmetry]:
    """Per check done on both sides in one session: how the sides differ (best trials)."""
    best = session_best(rows)
    out: dict[str, Asymmetry] = {}
    for check, side in best:
        if side == "right" and (check, "left") in best:
            found = asymmetry(best[(check, "right")], best[(check, "left")])
            if found is not None:
                out[check] = found
    return out


def session_ratios(rows: Iterable[TrialRow]) -> tuple[Ratio, ...]:
    """McGill's ratios from one session's best holds (a check with sides: its better side)."""
    holds: dict[str, float] = {}
    for (check, _side), value in session_best(rows).items():
        holds[check] = max(holds.get(check, value), value)
    return ratios(holds)


def comparison_json(found: Comparison | None) -> dict[str, object] | None:
    """The comparison for JSON output (None stays None)."""
    if found is None:
        return None
    row = found.row
    return {
        "position": found.position,
        "low": row.low,
        "high": row.high,
        "statistic": row.statistic,
        "sex": row.sex,
        "age_min": row.age_min,
        "age_max": row.age_max,
        "population": row.population,
        "source": found.source.citation,
    }


def judged_json(item: Judged) -> dict[str, object]:
    """One judged trial as `workout-player checks --json` prints it."""
    row = item.row
    return {
        "session_id": row.session_id,
        "measured_at": row.measured_at.isoformat(),
        "check": row.check,
        "name": row.name,
        "side": row.side,
        "trial": row.trial,
        "value": row.value,
        "unit": row.unit,
        "capped": row.capped,
        "best": item.best,
        "age": item.age,
        "comparison": comparison_json(item.comparison),
        "sentence": item.sentence,
    }


__all__ = [
    "DISCLAIMER",
    "OWN_CHECK",
    "Judged",
    "TrialRow",
    "best_keys",
    "comparison_json",
    "judge",
    "judge_all",
    "judged_json",
    "session_asymmetry",
    "session_best",
    "session_ratios",
]
