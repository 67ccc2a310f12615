"""Video times (`at:`) in the workout format's one grammar: read and written here only.

A video time is a number of seconds (`75`, `75.5`) or text `M:SS`, `MM:SS` or `H:MM:SS`,
each with an optional fraction (`1:15`, `01:15.5`, `1:02:03`), at most 24 hours. The loader
(`fields.timestamp`), the JSON Schema's `timestamp` pattern and the editor all follow this
grammar, so a time the editor reads or writes is one the loader accepts.
"""

from __future__ import annotations

import math
import re

from workout_player.domain.durations import MAX_SECONDS

# [0-9], not \d: \d also matches other scripts' digits, which the schema (and people) refuse.
_MSS = re.compile(r"([0-9]{1,2}):([0-5][0-9])(\.[0-9]+)?")
_HMMSS = re.compile(r"([0-9]{1,2}):([0-5][0-9]):([0-5][0-9])(\.[0-9]+)?")


def parse_clock(value: str) -> float | None:
    """Seconds for `M:SS`, `MM:SS` or `H:MM:SS` text (optional fraction), else None."""
    value = value.strip()
    if match := _MSS.fullmatch(value):
        minutes, secs, fraction = match.groups()
        return int(minutes) * 60 + int(secs) + float(fraction or 0)
    if match := _HMMSS.fullmatch(value):
        hours, minutes, secs, fraction = match.groups()
        return int(hours) * 3600 + int(minutes) * 60 + int(secs) + float(fraction or 0)
    return None


def parse_timestamp(value: object) -> float | None:
    """Seconds for a value as YAML reads it (a number, or clock text), None when the format
    refuses it: negative, not finite, past 24 hours, quoted digits ("75"), or true/false."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        seconds = float(value)
    elif isinstance(value, str):
        parsed = parse_clock(value)
        if parsed is None:
            return None
        seconds = parsed
    else:
        return None
    return seconds if math.isfinite(seconds) and 0 <= seconds <= MAX_SECONDS else None


def format_timestamp(seconds: float, *, places: int = 3, pad: bool = False) -> str:
    """Clock text the grammar reads back: `1:15`, `1:15.5`, `1:02:03`; never negative.

    The fraction is rounded to `places` digits; trailing zeros go unless `pad` keeps them
    (the editor writes tenths: `0:05.0`).
    """
    scale = 10**places
    whole, fraction = divmod(max(0, round(seconds * scale)), scale)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    shown = f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
    digits = f"{fraction:0{places}d}" if places else ""
    if not pad:
        digits = digits.rstrip("0")
    return f"{shown}.{digits}" if digits else shown
