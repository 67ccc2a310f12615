"""The editor's video times: the format's one grammar (`domain.timestamps`), in tenths.

The editor writes the text form, quoted, because a YAML 1.1 reader would take a bare
`1:15` for the number 4515 (base 60); it reads whatever the loader accepts, and nothing
more: a time the editor shows is one the player will play.
"""

from __future__ import annotations

from workout_player.domain import timestamps
from workout_player.domain.timestamps import parse_timestamp

__all__ = ["format_timestamp", "parse_timestamp", "round_tenth"]


def format_timestamp(seconds: float) -> str:
    """`0:05.0`, `1:15.5`, `1:02:03.4`: tenths of a second, never negative."""
    return timestamps.format_timestamp(seconds, places=1, pad=True)


def round_tenth(seconds: float) -> float:
    """Round to the tenth of a second the editor works in (and drop float noise)."""
    return round(seconds * 10) / 10
