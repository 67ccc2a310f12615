"""The optional profile that picks a self-check's norm row: birth year and sex, kept locally.

Without it the app compares nothing and shows the person's own trend (docs/self-check-
norms.md). The age used is the age reached in the year of the measurement, which is at
most a year more than the exact age: the published bands are five to twenty years wide.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # Types only: the store reads the profile for every command, the norms are needed
    # only where a result is compared with them.
    from workout_player.domain.checks import PersonSex

SEXES: tuple[PersonSex, ...] = ("female", "male")
FIRST_BIRTH_YEAR = 1900


@dataclass(frozen=True)
class Profile:
    """What the person chose to give; either part may be missing."""

    birth_year: int | None = None
    sex: PersonSex | None = None

    def age_on(self, day: date) -> int | None:
        """The age reached in `day`'s year, None without a birth year (or one after it)."""
        if self.birth_year is None or self.birth_year > day.year:
            return None
        return day.year - self.birth_year

    @property
    def empty(self) -> bool:
        return self.birth_year is None and self.sex is None


def birth_year_problem(year: int, today: date) -> str | None:
    """What is wrong with a birth year, in words; None when it can be one."""
    if not FIRST_BIRTH_YEAR <= year <= today.year:
        return f"a birth year is between {FIRST_BIRTH_YEAR} and {today.year}, got {year}"
    return None


def sex_of(value: str | None) -> PersonSex | None:
    return next((s for s in SEXES if s == value), None)
