"""What the reference data file holds, as frozen dataclasses: checks, sources, rows, ratio rules.

`parse.py` builds these from `norms.json` and checks every value; `norms.py` compares a
result with them. Nothing here reads files.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

Sex = Literal["female", "male", "any"]
"""Whom a row describes; "any" when the source reports both sexes together."""
PersonSex = Literal["female", "male"]
Unit = Literal["s", "reps", "steps"]
Statistic = Literal["mean_sd", "p25_p75", "threshold"]
RuleKind = Literal["below", "near"]
SourceKind = Literal["primary", "secondary"]


@dataclass(frozen=True)
class Check:
    """One self-check the app can run and store (a hold, a count of reps or steps)."""

    id: str
    title: str
    """Plain words for sentences: "30-second chair stand"."""
    unit: Unit
    cap: float | None = None
    """Where the check stops by itself (seconds), as its source describes it."""
    cap_source: str | None = None
    no_norm_reason: str | None = None
    """Why no reference figures ship for this check (for maintainers and the docs)."""


@dataclass(frozen=True)
class Source:
    """A publication (primary) or a page reproducing one (secondary), and what of it was read."""

    key: str
    kind: SourceKind
    short: str
    """For sentences: "Rikli & Jones 1999"."""
    authors: str
    year: int | None
    title: str
    read: str
    """What of this source was actually read, and where."""
    journal: str | None = None
    volume_pages: str | None = None
    doi: str | None = None
    pmid: str | None = None
    url: str | None = None

    @property
    def citation(self) -> str:
        """The full reference on one line."""
        year = f" ({self.year})" if self.year is not None else ""
        parts = [f"{self.authors}{year}. {self.title}."]
        if self.journal:
            parts.append(f"{self.journal} {self.volume_pages or ''}".strip() + ".")
        if self.doi:
            parts.append(f"doi:{self.doi}.")
        if self.pmid:
            parts.append(f"PMID {self.pmid}.")
        if self.url:
            parts.append(self.url)
        return " ".join(parts)


@dataclass(frozen=True)
class NormRow:
    """One reference figure: a check, for whom (sex, age band), the statistic and its source."""

    check: str
    sex: Sex
    age_min: int | None
    age_max: int | None
    """Both ends belong to the band (60-64 includes 64); None: no limit on that side."""
    unit: Unit
    statistic: Statistic
    low: float
    """Lower end of the typical range (p25, mean - sd) or the lower threshold."""
    high: float
    """Upper end of the typical range (p75, mean + sd) or the upper threshold."""
    population: str
    source: str
    where: str
    verified: bool
    read_in: tuple[str, ...] = ()
    mean: float | None = None
    sd: float | None = None
    below_means: str | None = None
    above_means: str | None = None
    """For thresholds: what the source found below `low` and above `high`, in plain words."""

    @property
    def needs_age(self) -> bool:
        return self.age_min is not None or self.age_max is not None

    @property
    def needs_sex(self) -> bool:
        return self.sex != "any"

    def matches(self, age: int | None, sex: PersonSex | None) -> bool:
        """Whether this row describes a person of this age and sex (None: not known)."""
        if self.needs_sex and sex != self.sex:
            return False
        if not self.needs_age:
            return True
        if age is None:
            return False
        if self.age_min is not None and age < self.age_min:
            return False
        return not (self.age_max is not None and age > self.age_max)


@dataclass(frozen=True)
class RatioRule:
    """A ratio between two checks and the guide for it (McGill's battery)."""

    id: str
    numerator: str
    denominator: str
    kind: RuleKind
    """"below": the ratio should be under `limit`; "near": within `tolerance` of `limit`."""
    limit: float
    tolerance: float | None
    source: str
    where: str
    verified: bool
    """False: the guide was not confirmed in its original publication; no judgement is made."""

    def holds(self, ratio: float) -> bool:
        if self.kind == "below":
            return ratio < self.limit
        assert self.tolerance is not None  # parse.py requires it for "near"
        # A small allowance so that 1.05 counts as within 0.05 of 1.0 despite float rounding.
        return abs(ratio - self.limit) <= self.tolerance + 1e-9


@dataclass(frozen=True)
class Norms:
    """The whole reference data file, checked."""

    checks: Mapping[str, Check]
    sources: Mapping[str, Source]
    rows: tuple[NormRow, ...]
    ratio_rules: tuple[RatioRule, ...]

    def rows_for(self, check_id: str) -> tuple[NormRow, ...]:
        """The verified rows of one check, in file order."""
        return tuple(r for r in self.rows if r.check == check_id and r.verified)
