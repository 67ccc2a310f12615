"""The workout editors: the cue editor for video-led workouts, the step editor for timer-led ones.

The library and the command line open them through `open_editor()` (an existing
file: the right editor for its mode) and `new_from_video()` (a new video-led workout).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from workout_player.editing import WorkoutDocument
from workout_player.playback import Player
from workout_player.ui.editor.cue_editor import CueEditorWindow
from workout_player.ui.editor.step_editor import StepEditorWindow


def open_editor(
    path: str | Path, parent: QWidget | None = None, *, player: Player | None = None
) -> QWidget:
    """The cue editor for a video-led file, the step editor for a timer-led one.

    Raises `DocumentError` (with a message to show) when the file cannot be edited.
    `player` is for tests (the cue editor creates its own otherwise).
    """
    document = WorkoutDocument.load(Path(path))
    if document.video_led:
        return CueEditorWindow(workout_path=path, player=player, parent=parent)
    return StepEditorWindow(path, parent=parent)


def new_from_video(
    video: str | Path, save_path: str | Path | None = None, parent: QWidget | None = None
) -> CueEditorWindow:
    """The cue editor on a new workout for `video` (saved next to it unless `save_path`)."""
    return CueEditorWindow(video, save_path=save_path, parent=parent)


__all__ = ["CueEditorWindow", "StepEditorWindow", "new_from_video", "open_editor"]
