"""`workout-player new --video VIDEO [-o FILE]` and `workout-player edit FILE`: the editors.

`new` opens the cue editor on a follow-along video; `edit` opens a video-led file
in the cue editor and a timer-led one in the step editor. Files and videos are
checked before any window opens, so a typo gets a message, not an empty window.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from workout_player import paths
from workout_player.domain.filecheck import describe, file_problem
from workout_player.output_file import history_files, refusal, same_file

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


def check(args: argparse.Namespace) -> str | None:
    """What is wrong with the command's files, as a message; None when the editor can open."""
    video = getattr(args, "video", None)
    if video is not None:
        path = Path(video).expanduser()
        problem = file_problem(path)
        if problem is not None:
            return f"{describe('Video', path, problem)}. Check the name, or give the full path."
        output = getattr(args, "output", None)
        return _output_problem(Path(output).expanduser(), path, args) if output else None
    file = Path(args.file).expanduser()
    problem = file_problem(file)
    if problem is not None:
        return f"{describe('Workout', file, problem)}. Check the name, or give the full path."
    return None


def _output_problem(target: Path, video: Path, args: argparse.Namespace) -> str | None:
    if same_file(target, video):
        return (
            f"-o {target} is the video itself; give the workout a name such as {video.stem}.yaml."
        )
    database = paths.database_path(getattr(args, "db", None))
    # A missing folder is fine: saving makes it.
    refused = refusal(target, history_files(database), folder_may_be_missing=True)
    if refused:
        return refused
    if target.exists():
        return (
            f"{target} already exists. Open it with `workout-player edit {target}`, "
            "or choose another name with -o."
        )
    return None


def build_window(args: argparse.Namespace) -> QWidget:
    """The editor window for the command (needs a QApplication). Raises DocumentError."""
    from workout_player.ui.editor import new_from_video, open_editor

    if getattr(args, "video", None) is not None:
        output = Path(args.output).expanduser() if args.output else None
        return new_from_video(Path(args.video).expanduser(), output)
    return open_editor(Path(args.file).expanduser())


def run(args: argparse.Namespace) -> int:
    problem = check(args)
    if problem:
        print(problem, file=sys.stderr)
        return 1
    from workout_player.editing import DocumentError
    from workout_player.ui.app import create_application

    app = create_application()
    try:
        window = build_window(args)
    except DocumentError as error:
        print(error, file=sys.stderr)
        return 1
    window.show()
    return app.exec()
