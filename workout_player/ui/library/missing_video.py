"""A workout whose video is missing: choose the file, and write it into the workout.

The choice goes through the editing layer (`WorkoutDocument`), so the file keeps its
comments and layout, and the path is written relative to the workout file whenever it
can be (the format says so): a folder of workouts and videos still works when moved.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from workout_player.domain.filecheck import file_problem
from workout_player.domain.model import Workout
from workout_player.editing import WorkoutDocument, video_reference

VIDEO_FILTER = "Videos (*.mp4 *.m4v *.mkv *.webm *.mov *.avi *.ogv);;All files (*)"

#: Asks the person for a video file: (parent, the missing path) -> the chosen file or None.
AskVideo = Callable[[QWidget, Path], Path | None]


def missing_video(workout: Workout | None) -> Path | None:
    """The workout's video when it names one that is not there (or cannot be read)."""
    if workout is None or workout.video is None:
        return None
    return workout.video if file_problem(workout.video) is not None else None


def ask_with_dialog(parent: QWidget, missing: Path) -> Path | None:
    """The file dialog, opened where the video was expected (or the nearest folder there)."""
    folder = missing.parent
    while not folder.is_dir() and folder != folder.parent:
        folder = folder.parent
    chosen, _filter = QFileDialog.getOpenFileName(
        parent, f"Choose the video for this workout ({missing.name})", str(folder), VIDEO_FILTER
    )
    return Path(chosen) if chosen else None


def write_video(workout_file: Path, video: Path) -> str:
    """Point the workout at `video` (relative when it can be); returns the text written.

    Raises DocumentError with words to show (the file cannot be read or written).
    """
    document = WorkoutDocument.load(workout_file)
    written = video_reference(video, workout_file)
    document.set_top("video", written)
    document.save()
    return written
