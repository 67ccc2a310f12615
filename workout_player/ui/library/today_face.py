"""What the Today panel shows, as plain data from a TodayReport (no Qt: tests need no app).

The panel (ui/library/today.py) only applies a TodayFace: the first line, the week strip,
adherence per week, self-checks due, the suggestion with its keys, and the key hints.
Every key named here is handled by the panel; one table per state keeps the hints and
the handling the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from workout_player.domain.programme.schedule import Mark
from workout_player.domain.programme.suggestion import Kind, Suggestion, level_for
from workout_player.store.today import TodayReport

NO_PROGRAMME = "You are not following a programme."
STOP_NOTE = "A precaution, not an alarm. Pausing keeps your place in the programme."
MARK_WORDS: dict[Mark, str] = {"done": "done", "planned": "planned", "missed": "missed"}


@dataclass(frozen=True)
class Key:
    """One key of the panel: what to press, what it does (shown as a hint), its action name."""

    key: str
    label: str
    action: str


@dataclass(frozen=True)
class ChoiceFace:
    """The suggestion the person decides on: its sentence and the keys that choose."""

    kind: Kind
    title: str
    text: str
    note: str
    """The calm advice of a "stop and check" suggestion ("" otherwise)."""
    keys: tuple[Key, ...]
    levels: dict[str, int]
    """The level each choice (accept / same / easier) sets."""


@dataclass(frozen=True)
class TodayFace:
    headline: str
    quiet: bool
    """Nothing followed: one dim line, not a headline."""
    strip: tuple[Mark, ...]
    strip_title: str
    adherence: str
    checks: str
    problem: str
    choice: ChoiceFace | None
    keys: tuple[Key, ...]
    can_start: bool


def bundled_title(path: Path) -> str:
    return path.stem.replace("-", " ").capitalize()


def no_programme_face(bundled: str) -> TodayFace:
    """The quiet line offering the bundled programme."""
    return TodayFace(
        # The key strip below says "S  Start ..."; the headline only names what is on offer.
        headline=f"{NO_PROGRAMME} One comes with the app: {bundled}.",
        quiet=True,
        strip=(),
        strip_title="",
        adherence="",
        checks="",
        problem="",
        choice=None,
        keys=(Key("S", f"Start {bundled}", "start"), Key("F", "Another programme file…", "file")),
        can_start=False,
    )


def today_face(report: TodayReport) -> TodayFace:
    """Today's texts and keys for a followed programme (paused included)."""
    view = report.today
    state = report.enrolment.enrolment.state()
    pause = Key("P", "Resume" if state == "paused" else "Pause (flare-up, holiday)", "pause")
    leave = Key("L", "Leave the programme", "leave")
    if view is None:
        first = next((p for p in report.problems if p.severity == "error"), None)
        problem = (
            f"{report.enrolment.programme} cannot be opened: "
            + (first.message if first else "the file is missing")
            + ". Put the file back, or leave the programme (L) and start another."
        )
        return TodayFace(report.enrolment.programme, False, (), "", "", "", problem, None,
                         (leave,), False)  # fmt: skip
    choice = None
    if view.suggestion is not None and view.due is not None and state == "active":
        choice = choice_face(view.suggestion, view.due.slot.levels)
    # After a red flag the next session waits until the person has decided (P, K or E).
    waits = choice is not None and choice.kind == "stop"
    can_start = view.state == "due" and report.workout is not None and not waits
    keys: list[Key] = []
    if can_start:
        keys.append(Key("Enter", "Start", "start_session"))
    if view.state not in ("left", "finished") and not waits:
        keys.append(pause)
    keys.append(leave)
    strip = view.strip.sessions if view.strip is not None else ()
    adherence = ""
    if view.adherence:
        adherence = "Done of planned: " + "   ".join(
            f"week {a.week} {a.done}/{a.planned}" for a in view.adherence
        )
    checks = ""
    if view.checks_due:
        names = ", ".join(bundled_title(c.file) for c in view.checks_due)
        checks = f"Self-check due: {names} (in the list below)."
    if waits:
        checks = ""  # no self-check before a clinician has had a look
    return TodayFace(
        headline=view.headline,
        quiet=False,
        strip=strip,
        strip_title=f"Week {view.strip.week}:" if view.strip is not None else "",
        adherence=adherence,
        checks=checks,
        problem="",
        choice=choice,
        keys=tuple(keys),
        can_start=can_start,
    )


def choice_face(suggestion: Suggestion, top_level: int) -> ChoiceFace:
    """The suggestion's sentence and the choices: accept, keep the level, easier.

    A choice that would set the same level as another is not offered twice (at level 1,
    easier is the same as keeping it). "Stop and check" offers the pause first; its
    advice is plain and calm, and the session waits until the person has decided.
    """
    level = suggestion.level_from
    levels = {
        "accept": level_for(suggestion, suggestion.kind, top_level),
        "same": level_for(suggestion, "same", top_level),
        "easier": level_for(suggestion, "easier", top_level),
    }
    lower = levels["easier"] < level
    easier = (Key("E", f"Easier: level {levels['easier']}", "easier"),) if lower else ()
    keep = Key("K", f"Keep level {level}", "same")
    keys: tuple[Key, ...]
    if suggestion.kind == "stop":
        keys = (Key("P", "Pause the programme", "pause"),
                Key("K", f"Carry on at level {level}", "same"), *easier)  # fmt: skip
        return ChoiceFace("stop", "Stop and check with a clinician", suggestion.reason,
                          STOP_NOTE, keys, levels)  # fmt: skip
    if suggestion.kind == "harder":
        keys = (Key("A", f"Try level {levels['accept']}", "accept"), keep, *easier)
        title = "Suggestion: a step up"
    elif suggestion.kind == "easier" and lower:
        keys = (Key("A", f"Accept: level {levels['accept']}", "accept"), keep)
        title = "Suggestion: a step down"
    elif suggestion.kind == "easier":
        keys = (Key("A", f"Accept: stay at level {level}", "accept"),)
        title = "Suggestion: go gently"
    else:
        keys = (Key("A", f"Accept: stay at level {level}", "accept"), *easier)
        title = "Suggestion: the same level"
    return ChoiceFace(suggestion.kind, title, suggestion.reason, "", keys, levels)
