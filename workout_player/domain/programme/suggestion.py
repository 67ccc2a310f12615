"""The suggestion after a session: easier, same, harder, or stop and check with a clinician.

The rule is the pain-monitoring model (Silbernagel et al. 2007, Am J Sports Med 35:897;
Thomeé 1997) as a table, first matching row wins (docs/programme-format.md has it with
its sources; tests/test_programme_suggestion.py pins every row):

  row  suggestion  when (the most recent session, unless said)
  S1   stop        new leg symptoms (numbness, tingling, pain spreading below the knee)
  S2   stop        pain 7 or more after the session or the next morning
  E1   easier      pain after above 5
  E2   easier      not settled: next morning 2 or more points above the pain before
  E3   easier      under 70% of the planned sets done
  M1   same        pain after 4-5 (it settled, else E2 had matched)
  M2   same        effort (RPE) 8 or more
  M3   same        70-99% done
  H1   harder      the last two sessions: pain after 3 or less, settled by the next morning,
                   everything done, RPE 6 or less; one level up (unless at the top level)
  M4   same        anything else (one good session, a missing answer, RPE 7)

"Harder" needs every answer known; a missing answer never makes a session look better.
A change is one level at a time; at the easiest level "easier" keeps level 1.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

Kind = Literal["easier", "same", "harder", "stop"]
KINDS: tuple[Kind, ...] = ("easier", "same", "harder", "stop")

STOP_PAIN = 7
EASIER_PAIN = 5
"""Pain above this during or after a session is too much (Silbernagel: up to 5 is acceptable)."""
SAME_PAIN = 4
NOT_SETTLED_POINTS = 2
EASIER_COMPLETION = 0.7
HARD_EFFORT = 8
HARDER_PAIN = 3
HARDER_EFFORT = 6


@dataclass(frozen=True)
class Outcome:
    """What is known of one finished session (None: not answered)."""

    pain_before: int | None
    pain_after: int | None
    morning: int | None
    """Pain the next morning (0-10)."""
    rpe: int | None
    completion: float
    """Share of the planned sets done, 0..1."""
    leg_symptoms: bool = False

    @property
    def settled(self) -> bool | None:
        """Next morning no more than 1 point above the pain before; None when unknown."""
        if self.morning is None or self.pain_before is None:
            return None
        return self.morning < self.pain_before + NOT_SETTLED_POINTS

    @property
    def good(self) -> bool:
        """Everything a step up needs: low pain that settled, all done, moderate effort."""
        return (
            self.pain_after is not None
            and self.pain_after <= HARDER_PAIN
            and self.settled is True
            and self.completion >= 1.0
            and self.rpe is not None
            and self.rpe <= HARDER_EFFORT
            and not self.leg_symptoms
        )


@dataclass(frozen=True)
class Suggestion:
    kind: Kind
    row: str
    """The table's row that decided (S1 ... M4), for tests and the record."""
    level_from: int
    level_to: int
    reason: str
    """One plain sentence for the person."""


def suggest(outcomes: Sequence[Outcome], level: int, top_level: int) -> Suggestion | None:
    """The suggestion for the next session at `level` (1..top_level); None with no session."""
    if not outcomes:
        return None
    last = outcomes[-1]
    worst = max((p for p in (last.pain_after, last.morning) if p is not None), default=None)

    def made(kind: Kind, row: str, reason: str) -> Suggestion:
        target = level
        if kind == "easier":
            target = max(1, level - 1)
        elif kind == "harder":
            target = min(top_level, level + 1)
        return Suggestion(kind, row, level, target, reason + _level_tail(kind, level, target))

    if last.leg_symptoms:
        return made(
            "stop", "S1", "You noted new leg symptoms (numbness, tingling or pain below the "
            "knee): stop the programme and see a clinician before the next session"
        )  # fmt: skip
    if worst is not None and worst >= STOP_PAIN:
        return made(
            "stop", "S2", f"Your pain reached {worst} out of 10: stop the programme and see "
            "a clinician before the next session"
        )  # fmt: skip
    if last.pain_after is not None and last.pain_after > EASIER_PAIN:
        return made("easier", "E1", f"Your pain was {last.pain_after} after the session")
    if last.settled is False:
        return made(
            "easier", "E2", f"Your back had not settled by the next morning "
            f"({last.morning}, against {last.pain_before} before the session)"
        )  # fmt: skip
    if last.completion < EASIER_COMPLETION:
        return made("easier", "E3", f"You did {_percent(last.completion)} of the session")
    if last.pain_after is not None and last.pain_after >= SAME_PAIN:
        return made("same", "M1", f"Your pain was {last.pain_after} after the session")
    if last.rpe is not None and last.rpe >= HARD_EFFORT:
        return made("same", "M2", f"The session felt hard (effort {last.rpe} of 10)")
    if last.completion < 1.0:
        return made("same", "M3", f"You did {_percent(last.completion)} of the session")
    if len(outcomes) >= 2 and last.good and outcomes[-2].good:
        if level < top_level:
            return made(
                "harder", "H1",
                "Your back settled by the next morning and you finished everything twice",
            )  # fmt: skip
        return made(
            "same", "H1", "Your back settled and you finished everything twice, and this "
            "is the programme's top level for this phase"
        )  # fmt: skip
    return made("same", "M4", _why_same(outcomes))


def _level_tail(kind: Kind, level: int, target: int) -> str:
    if kind == "stop":
        return "."
    if kind == "harder":
        return f": try level {target}."
    if kind == "easier" and target == level:
        return ": stay at level 1, the easiest, in a range that feels comfortable, and rest a day."
    if kind == "easier":
        return f": go back to level {target}."
    return f": stay at level {level}."


def _percent(fraction: float) -> str:
    return f"{round(100 * max(0.0, min(1.0, fraction)))}%"


def _why_same(outcomes: Sequence[Outcome]) -> str:
    last = outcomes[-1]
    if last.morning is None:
        return "The next morning's answer is not in yet"
    if last.pain_after is None or last.pain_before is None or last.rpe is None:
        return "Not every answer of the last session is in"
    if last.good:
        return "That went well; one more session like it before going up"
    return "Your back tolerated the session"


def level_for(suggestion: Suggestion, chosen: Kind, top_level: int) -> int:
    """The level the person's choice sets (whatever was suggested): one step at most."""
    if chosen == "harder":
        return min(top_level, suggestion.level_from + 1)
    if chosen == "easier":
        return max(1, suggestion.level_from - 1)
    return suggestion.level_from  # same, or stop: the level stays where it was
