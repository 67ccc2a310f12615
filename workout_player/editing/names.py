"""Exercise names: the "Exercise N" a new step gets, and the names the app already knows."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

_NUMBERED = re.compile(r"^Exercise (\d+)$")


def next_exercise_name(existing: Iterable[str]) -> str:
    """`Exercise N` where N is one more than the number of exercises, skipping names in use.

    Counting (rather than taking the highest number) keeps the names in step with
    what the person sees: three marks give Exercise 1, 2 and 3 even after renames.
    """
    names = set(existing)
    number = len(names) + 1
    while f"Exercise {number}" in names:
        number += 1
    return f"Exercise {number}"


def known_exercise_names(files: Iterable[Path] | None = None) -> list[str]:
    """Sorted exercise names from workout files (default: the bundled workouts).

    Files that do not load are skipped: completion is a convenience, and the
    library already reports broken files where they can be fixed.
    """
    from workout_player.domain.loader import load_workout

    if files is None:
        from workout_player.paths import bundled_workout_files

        files = bundled_workout_files()
    seen: dict[str, str] = {}
    for file in files:
        workout = load_workout(file).workout
        if workout is None:
            continue
        for name in workout.exercises:
            seen.setdefault(name.casefold(), name)
    return sorted(seen.values(), key=str.casefold)


def is_placeholder_name(name: str) -> bool:
    """True for the `Exercise N` names the editor hands out."""
    return _NUMBERED.match(name) is not None
