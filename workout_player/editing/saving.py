"""Where a new workout is saved, and how it refers to its video."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from workout_player import paths
from workout_player.output_file import history_files, write_output


def _writable(folder: Path) -> bool:
    return folder.is_dir() and os.access(folder, os.W_OK | os.X_OK)


def free_name(folder: Path, stem: str) -> Path:
    """`stem.yaml`, else `stem-2.yaml`, `stem-3.yaml`...: never overwrite another workout."""
    candidate = folder / f"{stem}.yaml"
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{number}.yaml"
        number += 1
    return candidate


def default_save_path(
    video: Path,
    *,
    writable: Callable[[Path], bool] = _writable,
    workouts_dir: Path | None = None,
) -> Path:
    """`<video-stem>.yaml` next to the video, or in the person's workouts folder.

    The workouts folder is the fallback for videos on read-only media (a DVD, a
    shared folder); it is created when the file is saved.
    """
    video = video.expanduser().absolute()
    if writable(video.parent):
        return free_name(video.parent, video.stem)
    folder = workouts_dir if workouts_dir is not None else paths.user_workouts_dir()
    return free_name(folder, video.stem)


def video_reference(video: Path, workout_file: Path) -> str:
    """The `video:` value: relative to the workout's folder whenever it can be.

    The format says paths are relative to the workout file, so a folder holding
    workouts and videos moves (or syncs to another machine) as one. Only a video on
    another drive (Windows), where no relative path exists, is written in full.
    The path is worked out lexically, as the loader reads it (normpath, no symlinks
    followed), so what is written is what the loader finds.
    """
    video = Path(os.path.normpath(video.expanduser().absolute()))
    folder = Path(os.path.normpath(workout_file.expanduser().absolute().parent))
    try:
        return Path(os.path.relpath(video, folder)).as_posix()
    except ValueError:  # another drive: nothing relative leads there
        return video.as_posix()


def write_atomically(path: Path, text: str) -> None:
    """Write through a temporary file and a rename, so a crash never leaves half a workout.

    Raises OutputError for a path that must not be written (the history database, a
    folder), OSError when the folder cannot be made.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    write_output(path, text, history_files(paths.database_path()))
