"""Build `Norms` from the parsed JSON of the reference data file, checking every value.

A mistake in the data file (a typo in a source key, a band that overlaps another, a missing
citation) is a bug in the app, so it raises `NormsError` naming the place: `rows[3]: ...`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import get_args

from workout_player.domain.checks.records import (
    Check,
    NormRow,
    Norms,
    RatioRule,
    RuleKind,
    Sex,
    Source,
    SourceKind,
    Statistic,
    Unit,
)

FORMAT = 1


class NormsError(ValueError):
    """The reference data file is not what the app expects; the message says where."""


class _Obj:
    """One JSON object with typed getters that name the place of any problem."""

    def __init__(self, value: object, where: str) -> None:
        if not isinstance(value, dict):
            raise NormsError(f"{where}: expected an object, got {type(value).__name__}")
        self.value: dict[str, object] = value
        self.where = where

    def _fail(self, key: str, expected: str) -> NormsError:
        got = self.value.get(key, "nothing")
        return NormsError(f"{self.where}.{key}: expected {expected}, got {got!r}")

    def text(self, key: str) -> str:
        value = self.value.get(key)
        if not isinstance(value, str) or not value.strip():
            raise self._fail(key, "text")
        return value

    def text_or_none(self, key: str) -> str | None:
        return None if self.value.get(key) is None else self.text(key)

    def number(self, key: str) -> float:
        value = self.value.get(key)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self._fail(key, "a number")
        return float(value)

    def number_or_none(self, key: str) -> float | None:
        return None if self.value.get(key) is None else self.number(key)

    def whole_or_none(self, key: str) -> int | None:
        value = self.value.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise self._fail(key, "a whole number or null")
        return value

    def flag(self, key: str) -> bool:
        value = self.value.get(key)
        if not isinstance(value, bool):
            raise self._fail(key, "true or false")
        return value

    def choice(self, key: str, options: tuple[str, ...]) -> str:
        value = self.value.get(key)
        if value not in options:
            raise self._fail(key, " or ".join(options))
        assert isinstance(value, str)
        return value

    def items(self, key: str) -> list[object]:
        value = self.value.get(key)
        if not isinstance(value, list):
            raise self._fail(key, "a list")
        return value

    def mapping(self, key: str) -> dict[str, object]:
        value = self.value.get(key)
        if not isinstance(value, dict) or not value:
            raise self._fail(key, "an object with at least one entry")
        return value


def parse_norms(data: object) -> Norms:
    """Check the whole file and return it as dataclasses; raises NormsError."""
    top = _Obj(data, "norms")
    if top.value.get("format") != FORMAT:
        raise NormsError(f"norms.format: expected {FORMAT}, got {top.value.get('format')!r}")
    sources = {
        key: _source(key, _Obj(v, f"sources.{key}")) for key, v in top.mapping("sources").items()
    }
    checks = {
        key: _check(key, _Obj(v, f"checks.{key}"), sources)
        for key, v in top.mapping("checks").items()
    }
    rows = tuple(
        _row(_Obj(v, f"rows[{i}]"), checks, sources) for i, v in enumerate(top.items("rows"))
    )
    rules = tuple(
        _rule(_Obj(v, f"ratio_rules[{i}]"), checks, sources)
        for i, v in enumerate(top.items("ratio_rules"))
    )
    _no_overlaps(rows)
    ids = [r.id for r in rules]
    if len(set(ids)) != len(ids):
        raise NormsError(f"ratio_rules: ids must be unique, got {ids}")
    return Norms(checks=checks, sources=sources, rows=rows, ratio_rules=rules)


def _source(key: str, obj: _Obj) -> Source:
    kind: SourceKind = obj.choice("kind", get_args(SourceKind))  # type: ignore[assignment]
    source = Source(
        key=key,
        kind=kind,
        short=obj.text("short"),
        authors=obj.text("authors"),
        year=obj.whole_or_none("year"),
        title=obj.text("title"),
        read=obj.text("read"),
        journal=obj.text_or_none("journal"),
        volume_pages=obj.text_or_none("volume_pages"),
        doi=obj.text_or_none("doi"),
        pmid=obj.text_or_none("pmid"),
        url=obj.text_or_none("url"),
    )
    if kind == "primary" and (source.year is None or not source.journal or not source.volume_pages):
        raise NormsError(f"{obj.where}: a primary source needs year, journal and volume_pages")
    if kind == "secondary" and not source.url:
        raise NormsError(f"{obj.where}: a secondary source needs its url")
    return source


def _check(key: str, obj: _Obj, sources: Mapping[str, Source]) -> Check:
    unit: Unit = obj.choice("unit", get_args(Unit))  # type: ignore[assignment]
    cap = obj.number_or_none("cap")
    cap_source = obj.text_or_none("cap_source")
    if (cap is None) != (cap_source is None):
        raise NormsError(f"{obj.where}: cap and cap_source go together")
    if cap_source is not None and cap_source not in sources:
        raise NormsError(f"{obj.where}.cap_source: no source {cap_source!r}")
    return Check(key, obj.text("title"), unit, cap, cap_source, obj.text_or_none("no_norm_reason"))


def _row(obj: _Obj, checks: Mapping[str, Check], sources: Mapping[str, Source]) -> NormRow:
    check = obj.choice("check", tuple(checks))
    sex: Sex = obj.choice("sex", get_args(Sex))  # type: ignore[assignment]
    unit = obj.choice("unit", (checks[check].unit,))
    statistic: Statistic = obj.choice("statistic", get_args(Statistic))  # type: ignore[assignment]
    age_min, age_max = obj.whole_or_none("age_min"), obj.whole_or_none("age_max")
    if age_min is not None and age_max is not None and age_min > age_max:
        raise NormsError(f"{obj.where}: age_min {age_min} is above age_max {age_max}")
    source = obj.choice("source", tuple(sources))
    read_in = tuple(str(k) for k in obj.items("read_in"))
    for key in read_in:
        if key not in sources or sources[key].kind != "secondary":
            raise NormsError(f"{obj.where}.read_in: {key!r} is not a secondary source")
    mean = sd = None
    below_means = above_means = None
    if statistic == "p25_p75":
        low, high = obj.number("p25"), obj.number("p75")
    elif statistic == "mean_sd":
        mean, sd = obj.number("mean"), obj.number("sd")
        low, high = mean - sd, mean + sd
    else:
        low, high = obj.number("below"), obj.number("above")
        below_means, above_means = obj.text("below_means"), obj.text("above_means")
    if not 0 <= low <= high:
        raise NormsError(f"{obj.where}: expected 0 <= {low} <= {high}")
    return NormRow(
        check=check,
        sex=sex,
        age_min=age_min,
        age_max=age_max,
        unit=unit,  # type: ignore[arg-type]  # one of the check's units, checked above
        statistic=statistic,
        low=low,
        high=high,
        population=obj.text("population"),
        source=source,
        where=obj.text("where"),
        verified=obj.flag("verified"),
        read_in=read_in,
        mean=mean,
        sd=sd,
        below_means=below_means,
        above_means=above_means,
    )


def _rule(obj: _Obj, checks: Mapping[str, Check], sources: Mapping[str, Source]) -> RatioRule:
    kind: RuleKind = obj.choice("kind", get_args(RuleKind))  # type: ignore[assignment]
    tolerance = obj.number_or_none("tolerance")
    if (kind == "near") != (tolerance is not None) or (tolerance is not None and tolerance < 0):
        raise NormsError(f"{obj.where}: a 'near' rule needs a tolerance >= 0, a 'below' rule none")
    limit = obj.number("limit")
    if limit <= 0:
        raise NormsError(f"{obj.where}.limit: expected a ratio above 0, got {limit}")
    return RatioRule(
        id=obj.text("id"),
        numerator=obj.choice("numerator", tuple(checks)),
        denominator=obj.choice("denominator", tuple(checks)),
        kind=kind,
        limit=limit,
        tolerance=tolerance,
        source=obj.choice("source", tuple(sources)),
        where=obj.text("where"),
        verified=obj.flag("verified"),
    )


def _no_overlaps(rows: tuple[NormRow, ...]) -> None:
    """Two rows of a check that could describe the same person make the choice arbitrary."""
    for i, a in enumerate(rows):
        for b in rows[i + 1 :]:
            if a.check != b.check or not (a.verified and b.verified):
                continue
            sexes_meet = a.sex == b.sex or "any" in (a.sex, b.sex)
            lo = max(
                a.age_min if a.age_min is not None else -1,
                b.age_min if b.age_min is not None else -1,
            )
            hi = min(
                a.age_max if a.age_max is not None else 999,
                b.age_max if b.age_max is not None else 999,
            )
            if sexes_meet and lo <= hi:
                raise NormsError(
                    f"rows: two {a.check} rows both describe {a.sex}/{b.sex} people aged {lo}-{hi}"
                )
