"""`validate` and `plan`: a warning for each video or clip libvlc cannot play, with why.

The loader only knows whether a file is there; whether its picture can be shown needs
libvlc (playback/), which the domain never imports. So the commands probe here, when
libvlc is there, and add warnings in the loader's FILE:LINE:COL form. Without libvlc
nothing is probed and nothing is said: the player says "Video is off" itself.
"""

from __future__ import annotations

from pathlib import Path

from workout_player.domain.filecheck import file_problem
from workout_player.domain.loader import Problem
from workout_player.domain.model import ExerciseStep, Workout
from workout_player.domain.yamlnodes import Mapping, Scalar, compose


def media_warnings(file: str, workout: Workout) -> list[Problem]:
    """Warnings for the workout's video and clips that exist but cannot be played."""
    try:
        from workout_player.playback import probe_media, vlc_status
    except (ImportError, OSError):  # a broken install: the loader's own checks stand
        return []
    if not vlc_status()[0]:
        return []
    places: list[tuple[Path, tuple[int, int], str]] = []
    if workout.video is not None:
        places.append((workout.video, _video_position(file), "video"))
    for step in workout.steps:
        if isinstance(step, ExerciseStep) and step.clip is not None:
            where = (step.location.line, step.location.column) if step.location else (1, 1)
            places.append((step.clip, where, f"clip of {step.exercise}"))
    warnings, seen = [], set()
    for path, (line, column), what in places:
        if path in seen or file_problem(path) is not None:
            continue  # said once; a missing file the loader has reported already
        seen.add(path)
        info = probe_media(path)
        if info.reason is not None:
            message = f"the {what} cannot be played: {info.error}"
            warnings.append(Problem(file, line, column, message, "warning"))
    return warnings


def _video_position(file: str) -> tuple[int, int]:
    """Where `video:`'s value is in the file (1, 1 when it cannot be found again)."""
    try:
        text = Path(file).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return 1, 1
    root, _problems = compose(text)
    if isinstance(root, Mapping):
        for key, value in root.pairs:
            if isinstance(key, Scalar) and key.value == "video":
                return value.line, value.column
    return 1, 1
