"""What the player shows during a self-check: the large count-up time, the cap, the count
and what ends the trial, from the session's `CheckView` (no Qt; the screen applies it).

A hold counts *up*: the ring fills towards the cap and its number is the whole seconds
held so far. A count shows the number counted and, with a fixed time, the seconds left.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from workout_player.domain.durations import format_clock

if TYPE_CHECKING:
    # Types only: `workout-player checks` words its results here and never runs a session.
    from workout_player.domain.session import CheckView


@dataclass(frozen=True)
class CheckFace:
    """The check's part of the player face."""

    name: str
    time_text: str
    """The large number: seconds held (counting up), or seconds left of a timed count."""
    time_caption: str
    """ "HELD" / "LEFT"; "" for a count until Enter."""
    count_text: str | None
    """The count so far ("7 reps"); None for a hold."""
    cap_text: str
    """ "Stops by itself at 45 s", "30 s", or "" for a count until Enter."""
    prompt: str
    """What ends the trial: "Press Enter when you lose the position"."""
    trial_text: str
    """ "Trial 2 of 3, left leg" ("" for a single trial without sides)."""
    fraction: float
    """How full the ring is: held / cap, or the time used of a timed count."""
    awaiting_count: bool
    """Digits then Enter give the count now (after a typed-entry trial)."""
    keys_text: str
    """The keys that act now, for the on-screen hint."""


def held_text(seconds: float) -> str:
    """Whole seconds held, counting up ("0", "12", then "1:40" from 100 s)."""
    whole = math.floor(seconds + 1e-6)
    return format_clock(whole) if whole >= 100 else str(whole)


def result_text(value: float, unit: str) -> str:
    """A trial's result in words: "12.3 s", "14 reps", "9 steps"."""
    if unit == "s":
        return f"{value:.1f} s"
    count = round(value)
    return f"{count} {unit[:-1] if count == 1 else unit}"


def check_face(view: CheckView) -> CheckFace:
    """The check display for `view`."""
    parts = []
    if view.trials > 1:
        parts.append(f"Trial {view.trial} of {view.trials}")
    if view.side:
        parts.append(f"{view.side} side")
    trial = ", ".join(parts)
    hold = view.measure == "hold"
    if hold:
        cap = view.cap or 0.0
        time_text, caption = held_text(view.seconds), "HELD"
        cap_text = f"Stops by itself at {cap:g} s"
        fraction = view.seconds / cap if cap > 0 else 0.0
        keys = "Enter: lost the position · Space: pause · N: skip this test"
    else:
        left = view.time_left
        time_text = str(math.ceil(left - 1e-6)) if left is not None else ""
        caption = "LEFT" if left is not None else ""
        total = view.seconds + (left or 0.0)
        cap_text = f"{total:g} s" if left is not None else ""
        fraction = view.seconds / total if left is not None and total > 0 else 0.0
        keys = "R or ↑: one more · digits: type the count · N: skip this test"
        if left is None:
            keys = "R or ↑: one more · digits: type the count · Enter: done · N: skip"
    if view.awaiting_count:
        time_text, caption, fraction = "", "", 1.0
        keys = "Digits, then Enter: the count"
    count = None if hold else result_text(float(view.count or 0), view.unit)
    return CheckFace(
        name=view.name,
        time_text=time_text,
        time_caption=caption,
        count_text=count,
        cap_text=cap_text,
        prompt=view.prompt,
        trial_text=trial[:1].upper() + trial[1:],
        fraction=min(1.0, max(0.0, fraction)),
        awaiting_count=view.awaiting_count,
        keys_text=keys,
    )
