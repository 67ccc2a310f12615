"""What the summary's "Your results" block says after a session with self-checks (no Qt).

It words what domain.check_summary.session_summaries found, the same as the Checks screen:
one row per check and side (the best trial, and your own last time), the left/right
difference under its check's rows; after every check the norm sentences where a published
norm was found for the profile (domain.check_report: long, read from close by, so they
never push a value out of view); and the disclaimer, pointing at the Checks screen (Ctrl+K)
for the trend. While the history writer still holds the results (another program has the
database), the values come from what it holds and the comparisons wait until they are saved.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from workout_player.domain.check_report import DISCLAIMER
from workout_player.domain.check_summary import CheckSummary
from workout_player.domain.checks import needs_profile
from workout_player.domain.profile import Profile

TREND = "Your trend: Self-checks (Ctrl+K)."
FOOTER = f"{DISCLAIMER} {TREND}"
ADD_PROFILE = (
    "Add your birth year and sex on Self-checks (Ctrl+K, then E) to compare with published figures."
)
SAVED_LATER = "Your last time and the published figures show here once the results are saved."


@dataclass(frozen=True)
class ResultRow:
    """One check and side: "Single-leg stance, eyes open | left | 8.0 s | 6.5 s, 3 Nov"."""

    name: str
    """The check's name on its first row; "" on the row of its second side."""
    side: str
    """"left", "right", or "" for a check without sides or whose name says the side."""
    value: str
    below: bool
    """Below the typical range of the person's norm row (shown as worth working on)."""
    last: str
    """Your own last time in a few words ("first time"); "" until the results are saved."""


@dataclass(frozen=True)
class CheckLines:
    """One check: its rows, then how its sides differ (None without two sides)."""

    rows: tuple[ResultRow, ...]
    asymmetry: str | None


@dataclass(frozen=True)
class ResultsFace:
    """The whole block: every check of the session in the order done, the norm sentences
    ("30-second chair stand: 12 reps is within ..."), a note (what is not shown yet, or
    the profile to add; may be "") and the disclaimer."""

    checks: tuple[CheckLines, ...]
    norms: tuple[str, ...]
    note: str
    footer: str = FOOTER


def check_lines(summary: CheckSummary, *, saved: bool) -> CheckLines:
    """A check's rows; before `saved` no value is judged and no last time said (the profile
    and the sessions before are not read yet)."""
    rows = tuple(
        ResultRow(
            name=summary.name if index == 0 else "",
            # "Side bridge, left side" says it already.
            side="" if side.side is None or side.side in summary.name.lower() else side.side,
            value=side.value_text(),
            below=saved and side.below,
            last=side.last_short() if saved else "",
        )
        for index, side in enumerate(summary.sides)
    )
    return CheckLines(rows, summary.asymmetry)


def norm_sentences(summary: CheckSummary) -> list[str]:
    """The comparisons with a published norm, each once ("no reference" and "add your
    profile" are the Checks screen's to explain: the footer points there)."""
    sentences: list[str] = []
    for side in summary.sides:
        if side.compared and side.sentence not in sentences:
            sentences.append(side.sentence)
    return [f"{summary.name}: {sentence}" for sentence in sentences]


def results_face(
    summaries: Sequence[CheckSummary], *, saved: bool, profile: Profile
) -> ResultsFace | None:
    """The block for a session's checks (None for a session without any: nothing shows).

    `saved`: the results are in the history, so the last time and the norms can be said;
    otherwise `summaries` came from the writer's copy of this session alone.
    """
    if not summaries:
        return None
    checks = tuple(check_lines(summary, saved=saved) for summary in summaries)
    if not saved:
        return ResultsFace(checks, (), SAVED_LATER)
    norms = tuple(sentence for summary in summaries for sentence in norm_sentences(summary))
    # Only where published figures exist that a birth year or sex would pick.
    wants_profile = profile.empty and any(needs_profile(summary.check) for summary in summaries)
    return ResultsFace(checks, norms, ADD_PROFILE if wants_profile else "")
