"""The diary rule for self-checks: which check results go into the history, and as what.

The engine gives a `CheckResult` only for a trial that measured something (ended by
Enter, by its cap or by its time, or a count typed for it), so every result is kept;
this module turns it into the `CheckRecord` the store writes, one row per trial, and
refuses what no trial can measure (a negative value, a unit the store does not know).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # Types only: the store imports CheckRecord, and a command that reads the history
    # should not load the whole session engine for it.
    from workout_player.domain.session import CheckResult

UNITS = ("s", "reps", "steps")
"""What a check's value can be in (the store's CHECK constraint says the same)."""


@dataclass(frozen=True)
class CheckRecord:
    """One trial of a check as the history keeps it."""

    step: int
    check: str
    name: str
    side: str | None
    trial: int
    value: float
    unit: str
    capped: bool
    measured_at: datetime
    revision: int = 0
    """A later revision of the same trial (a typed correction) replaces an earlier one."""


def check_record(event: CheckResult, measured: datetime) -> CheckRecord | None:
    """The record to store for a result given at wall time `measured`, or None when it
    cannot be a measurement."""
    if event.value < 0 or event.unit not in UNITS or event.trial < 1:
        return None
    value = round(event.value, 2) if event.unit == "s" else float(round(event.value))
    return CheckRecord(
        step=event.step,
        check=event.check,
        name=event.name,
        side=event.side,
        trial=event.trial,
        value=value,
        unit=event.unit,
        capped=event.capped,
        measured_at=measured,
        revision=event.revision,
    )
