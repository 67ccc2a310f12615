"""Video timestamps as people read and type them: `M:SS.s` (or `H:MM:SS.s`).

The format accepts seconds (`75.5`) or text (`1:15.5`); the editor writes the
text form, quoted, because a YAML 1.1 reader would take a bare `1:15` for the
number 4515 (base 60).
"""

from __future__ import annotations

import math
import re

_CLOCK = re.compile(r"^(?:(\d+):)?(\d{1,2}):(\d{1,2}(?:\.\d+)?)$")
_SECONDS = re.compile(r"^\d+(?:\.\d+)?$")


def format_timestamp(seconds: float) -> str:
    """`0:05.0`, `1:15.5`, `1:02:03.4`: tenths of a second, never negative."""
    tenths = max(0, round(seconds * 10))
    whole, tenth = divmod(tenths, 10)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}.{tenth}"
    return f"{minutes}:{secs:02d}.{tenth}"


def parse_timestamp(value: object) -> float | None:
    """Seconds for a number or `[H:]M:SS[.f]` text; None when it is neither."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = float(value)
        return number if math.isfinite(number) and number >= 0 else None
    if not isinstance(value, str):
        return None
    text = value.strip()
    if _SECONDS.match(text):
        return float(text)
    match = _CLOCK.match(text)
    if match is None:
        return None
    hours, minutes, secs = match.groups()
    if float(secs) >= 60 or (hours is not None and int(minutes) >= 60):
        return None
    return int(hours or 0) * 3600 + int(minutes) * 60 + float(secs)


def round_tenth(seconds: float) -> float:
    """Round to the tenth of a second the editor works in (and drop float noise)."""
    return round(seconds * 10) / 10
