"""How a step's sides read to the person: one wording for the library, the player and the editor.

A step in the file says `sides: none | both | left | right`. Wherever that is shown (the
workout page's column, the player's stage, the editor's table and its choice box) it reads
as below, so "each side" on one screen is never "Both sides" on the next.
"""

from __future__ import annotations

from workout_player.domain.model import SIDES, Sides

SIDES_TEXT: dict[Sides, str] = {
    "none": "",
    "both": "each side",
    "left": "left only",
    "right": "right only",
}
"""Beside a step's sets and reps; a step without sides says nothing."""

SIDES_CHOICES: dict[Sides, str] = {
    sides: SIDES_TEXT[sides].capitalize() or "No sides" for sides in SIDES
}
"""The same words as choices (the editor's box): `No sides`, `Each side`, `Left only`, ..."""
