"""What the Checks screen and the session summary show of each check, from stored rows.

For each check: its latest session's best result per side beside the norm sentence for
the person's profile (domain.check_report.judge_all), the person's own last time (the
session before), the left/right difference, and the trend (one point per session and
side, the best trial). McGill's ratios come from the newest session that has them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import cast

from workout_player.domain.check_face import result_text
from workout_player.domain.check_report import (
    Judged,
    TrialRow,
    judge_all,
    session_asymmetry,
    session_ratios,
)
from workout_player.domain.checks.records import Unit
from workout_player.domain.checks.wording import asymmetry_sentence, group, ratio_sentence
from workout_player.domain.profile import Profile

SIDE_ORDER = {None: 0, "left": 1, "right": 2}


@dataclass(frozen=True)
class SideResult:
    """One side's latest best (or the only one, `side` None) and the time before it."""

    side: str | None
    value: float
    unit: str
    capped: bool
    measured_at: datetime
    sentence: str
    below: bool
    """Below the typical range of the person's norm row (worth working on)."""
    last_value: float | None
    last_at: datetime | None
    compared: bool = False
    """A norm row for the person was found: `sentence` compares the result with it."""

    @property
    def label(self) -> str:
        return f"{self.side.capitalize()} side" if self.side else "Result"

    def value_text(self) -> str:
        text = result_text(self.value, self.unit)
        return f"{text} (reached the cap)" if self.capped else text

    def last_text(self) -> str:
        """Your own last time, in words ("Last time: 12.0 s on 3 Nov")."""
        if self.last_value is None or self.last_at is None:
            return "First time: nothing to compare with yet."
        day = f"{self.last_at.day} {self.last_at:%b %Y}"
        return f"Last time: {result_text(self.last_value, self.unit)} on {day}."

    def last_short(self) -> str:
        """The same in a few words, under a "Last time" heading ("12.0 s, 3 Nov")."""
        if self.last_value is None or self.last_at is None:
            return "first time"
        return f"{result_text(self.last_value, self.unit)}, {self.last_at.day} {self.last_at:%b}"


@dataclass(frozen=True)
class CheckSummary:
    """One check on the Checks screen."""

    check: str
    name: str
    unit: str
    session_id: int
    """The session of the latest result."""
    sides: tuple[SideResult, ...]
    asymmetry: str | None
    trend: dict[str | None, list[tuple[datetime, float]]] = field(default_factory=dict)
    """Per side, oldest first: each session's best."""
    band: NormBand | None = None
    """The typical range the latest result was compared with (the chart shades it)."""


@dataclass(frozen=True)
class NormBand:
    """A norm row's typical range, for the chart: "Typical range, women aged 65 to 69 ..."."""

    low: float
    high: float
    label: str


def norm_band(items: Sequence[Judged]) -> NormBand | None:
    """The range of the first judged result with one (a threshold study has no range)."""
    for item in items:
        found = item.comparison
        if found is not None and found.row.statistic != "threshold":
            label = f"Typical range, {group(found.row)} ({found.source.short})"
            return NormBand(found.row.low, found.row.high, label)
    return None


def _best(items: Sequence[Judged]) -> list[Judged]:
    return [item for item in items if item.best]


def summarise(rows: Sequence[TrialRow], profile: Profile) -> list[CheckSummary]:
    """Every check in `rows` (newest first, as the store gives them), newest check first."""
    judged = _best(judge_all(rows, profile))
    by_check: dict[str, list[Judged]] = {}
    for item in judged:
        by_check.setdefault(item.row.check, []).append(item)
    out = []
    for check, items in by_check.items():
        items.sort(key=lambda j: j.row.measured_at, reverse=True)
        latest_session = items[0].row.session_id
        latest = [j for j in items if j.row.session_id == latest_session]
        sides = []
        for item in sorted(latest, key=lambda j: SIDE_ORDER.get(j.row.side, 3)):
            row = item.row
            before = next(
                (
                    j.row
                    for j in items
                    if j.row.side == row.side
                    and j.row.measured_at < row.measured_at
                    and j.row.session_id != latest_session
                ),
                None,
            )
            below = item.comparison is not None and item.comparison.position == "below"
            sides.append(
                SideResult(
                    row.side, row.value, row.unit, row.capped, row.measured_at, item.sentence,
                    below, before.value if before else None, before.measured_at if before else None,
                    item.comparison is not None,
                )
            )  # fmt: skip
        session_rows = [r for r in rows if r.session_id == latest_session and r.check == check]
        found = session_asymmetry(session_rows).get(check)
        unit = cast(Unit, latest[0].row.unit)  # the store only keeps "s", "reps", "steps"
        trend: dict[str | None, list[tuple[datetime, float]]] = {}
        for item in reversed(items):
            trend.setdefault(item.row.side, []).append((item.row.measured_at, item.row.value))
        out.append(
            CheckSummary(
                check=check,
                name=latest[0].row.name,
                unit=latest[0].row.unit,
                session_id=latest_session,
                sides=tuple(sides),
                asymmetry=asymmetry_sentence(found, unit) if found is not None else None,
                trend=trend,
                band=norm_band(latest),
            )
        )
    # Newest session first; within a session, in the order the checks were done.
    session_day = {r.session_id: r.measured_at for r in rows}
    for r in rows:
        session_day[r.session_id] = max(session_day[r.session_id], r.measured_at)
    return sorted(
        out,
        key=lambda c: (-session_day[c.session_id].timestamp(), min(s.measured_at for s in c.sides)),
    )


def session_summaries(
    own: Sequence[TrialRow], others: Sequence[TrialRow], profile: Profile
) -> list[CheckSummary]:
    """The checks of one session as `summarise` says them, in the order they were done:
    what the summary after that session shows.

    `own` is the session's trials in the order done (store.session_checks, or what the
    writer still holds); `others` may be every stored trial: the ones measured before the
    session began are "your last time", later ones and the session's own are left out.
    """
    if not own:
        return []
    session_id = own[0].session_id
    began = min(r.measured_at for r in own)
    earlier = [r for r in others if r.session_id != session_id and r.measured_at < began]
    # summarise lists checks measured in the same second in the order it met them: the
    # order done (a stable sort keeps it), then the earlier sessions for the last time.
    ordered = [*sorted(own, key=lambda r: r.measured_at), *earlier]
    return [s for s in summarise(ordered, profile) if s.session_id == session_id]


def ratio_lines(rows: Sequence[TrialRow]) -> tuple[str, list[str]]:
    """McGill's ratios of the newest session that has them: (its date in words, sentences)."""
    sessions: dict[int, list[TrialRow]] = {}
    for row in rows:
        sessions.setdefault(row.session_id, []).append(row)
    for session_rows in sessions.values():  # newest first, as the rows come
        found = session_ratios(session_rows)
        if found:
            at = max(r.measured_at for r in session_rows)
            return f"{at.day} {at:%b %Y}", [ratio_sentence(r) for r in found]
    return "", []
