"""Lengths of time as the app shows them: `1:05` on a clock face, `40 s` or `2 min` in a summary.

One place for every "how long" text, so the player, the history, the editor and the command
line never disagree about how a length reads. Video times written in a workout file
(`at: "1:15.5"`) are a different thing with a grammar of their own: `timestamps`.
"""

from __future__ import annotations

MAX_SECONDS = 24 * 3600.0
"""Longest accepted time (a set, a rest, a video position): anything longer is a typo."""


def format_clock(seconds: float | None) -> str:
    """`m:ss` (or `h:mm:ss`), rounded to the second, for display; `--` for an unknown length."""
    if seconds is None:
        return "--"
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


def seconds_text(value: float) -> str:
    """An exact length in words: `40 s`, `2.5 s`, `2 min` (whole minutes only), `90 s`."""
    if value >= 60 and value % 60 == 0:
        return f"{int(value // 60)} min"
    return f"{value:g} s"


def rough_length(seconds: float) -> str:
    """A workout's length to the minute: `12 min` (at least `1 min`), or `45 s` under a minute."""
    return f"{max(1, round(seconds / 60))} min" if seconds >= 60 else f"{round(seconds)} s"


def distinct_clocks(first: float, second: float) -> tuple[str, str]:
    """Two different times written with the fewest decimals (up to ms) that show they differ,
    so a message never says "runs until 0:06, past 0:06"."""
    shown = format_clock(first), format_clock(second)
    for places in range(1, 4):
        if shown[0] != shown[1]:
            break
        shown = _clock_places(first, places), _clock_places(second, places)
    return shown


def _clock_places(seconds: float, places: int) -> str:
    whole, fraction = divmod(round(seconds * 10**places), 10**places)
    return f"{format_clock(whole)}.{fraction:0{places}d}"
