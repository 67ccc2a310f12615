"""Plain sentences about a self-check result, its norm, McGill's ratios and left/right differences.

The tone is set on purpose: one test on one day is not a diagnosis, a result below the typical
range is "worth working on, and worth showing your physiotherapist", and nothing is an alarm.
tests/test_norms.py runs every sentence through a list of words that must never appear.
"""

from __future__ import annotations

from workout_player.domain.checks.norms import (
    Asymmetry,
    Comparison,
    Ratio,
    compare,
    load_norms,
    needs_profile,
)
from workout_player.domain.checks.records import NormRow, Norms, PersonSex, Unit

DISCLAIMER = "One test on one day is not a diagnosis; your trend over the weeks says more."
WORTH = "That is worth working on, and worth showing your physiotherapist."
OWN_TREND = "the app shows your own trend"

_UNIT_WORDS: dict[Unit, tuple[str, str]] = {
    "s": ("second", "seconds"),
    "reps": ("rep", "reps"),
    "steps": ("step", "steps"),
}
_GROUP = {"female": "women", "male": "men", "any": "adults"}


def number(value: float) -> str:
    """12 -> "12", 37.46 -> "37.5"."""
    return f"{round(value, 1):g}"


def amount(value: float, unit: Unit) -> str:
    """12 -> "12 reps", 1 -> "1 second"."""
    one, many = _UNIT_WORDS[unit]
    return f"{number(value)} {one if number(value) == '1' else many}"


def ages(age_min: int | None, age_max: int | None) -> str:
    if age_min is not None and age_max is not None:
        return f"aged {age_min} to {age_max}"
    if age_min is not None:
        return f"aged {age_min} and over"
    if age_max is not None:
        return f"aged up to {age_max}"
    return ""


def group(row: NormRow) -> str:
    """Whom a row describes: "women aged 65 to 69"."""
    return f"{_GROUP[row.sex]} {ages(row.age_min, row.age_max)}".strip()


def describe(c: Comparison) -> str:
    """One result against its norm row, in one or two plain sentences."""
    row, short = c.row, c.source.short
    if row.statistic == "threshold":
        held = f"You held {amount(c.value, row.unit)}"
        study = f"a study of {row.population} ({short})"
        if c.position == "below":
            return f"{held}. In {study}, {row.below_means}. {WORTH}"
        if c.position == "above":
            return f"{held}. In {study}, {row.above_means}."
        figures = f"{number(row.low)} and {amount(row.high, row.unit)}"
        return f"{held}: between the two figures ({figures}) of {study}."
    spread = "the middle half" if row.statistic == "p25_p75" else "the average give or take one SD"
    sentence = (
        f"{amount(c.value, row.unit).capitalize()} is {c.position} the typical range for "
        f"{group(row)}: {number(row.low)} to {amount(row.high, row.unit)}, {spread} of "
        f"{row.population} ({short})."
    )
    return f"{sentence} {WORTH}" if c.position == "below" else sentence


def coverage(check_id: str, norms: Norms) -> str:
    """Whom the rows of a check describe together: "women and men aged 60 to 94"."""
    rows = norms.rows_for(check_id)
    sexes = {r.sex for r in rows}
    who = (
        "adults"
        if "any" in sexes or not sexes
        else " and ".join(_GROUP[s] for s in ("female", "male") if s in sexes)
    )
    lows = [r.age_min for r in rows]
    highs = [r.age_max for r in rows]
    low = None if None in lows else min(a for a in lows if a is not None)
    high = None if None in highs else max(a for a in highs if a is not None)
    return f"{who} {ages(low, high)}".strip()


def result_sentence(
    check_id: str,
    value: float,
    *,
    age: int | None = None,
    sex: PersonSex | None = None,
    norms: Norms | None = None,
) -> str:
    """What to say about any result: its norm, or why there is none and what is shown instead."""
    data = load_norms() if norms is None else norms
    check = data.checks[check_id]
    found = compare(check_id, value, age=age, sex=sex, norms=data)
    if found is not None:
        return describe(found)
    if not data.rows_for(check_id):
        return (
            f"There is no published reference for the {check.title} that we could check, "
            f"so {OWN_TREND}."
        )
    if needs_profile(check_id, norms=data) and (age is None or sex is None):
        return (
            f"Add your birth year and sex in your profile to compare your {check.title} with "
            f"published figures; until then {OWN_TREND}."
        )
    return (
        f"The published figures for the {check.title} cover {coverage(check_id, data)}; "
        f"for you {OWN_TREND}."
    )


def ratio_sentence(r: Ratio, *, norms: Norms | None = None) -> str:
    """One of McGill's ratios in plain words, with the guide only when it is verified."""
    data = load_norms() if norms is None else norms
    top, bottom = data.checks[r.rule.numerator].title, data.checks[r.rule.denominator].title
    sentence = f"Your {top} lasted {r.value:.2f} times as long as your {bottom}."
    if r.within is None:
        return f"{sentence} Keep an eye on how this changes over the weeks."
    short = data.sources[r.rule.source].short
    if r.rule.kind == "below":
        guide = f"The guide is under {r.rule.limit:g} ({short})"
    else:
        guide = f"The guide is within {r.rule.tolerance:g} of {r.rule.limit:g} ({short})"
    if r.within:
        return f"{sentence} {guide}, and yours is."
    return f"{sentence} {guide}; yours is outside it. {WORTH}"


def asymmetry_sentence(a: Asymmetry, unit: Unit) -> str:
    """The difference between two sides: "On the left side you held 48 seconds, 20% less ..."."""
    percent = round(a.difference * 100)
    if a.shorter is None or percent < 1:
        return "Your two sides were about the same."
    other = "left" if a.shorter == "right" else "right"
    low, high = (a.right, a.left) if a.shorter == "right" else (a.left, a.right)
    verb, less = ("held", "less") if unit == "s" else ("did", "fewer")
    return (
        f"On the {a.shorter} side you {verb} {amount(low, unit)}, {percent}% {less} than the "
        f"{amount(high, unit)} on the {other} side."
    )
