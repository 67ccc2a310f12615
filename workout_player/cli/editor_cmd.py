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

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


def check(args: argparse.Namespace) -> str | None:
    """What is wrong with the command's files, as a message; None when the editor can open."""
    video = getattr(args, "video", None)
    if video is not None:
        path = Path(video).expanduser()
        if not path.is_file():
            return f"{video}: no such video file. Check the name, or give the full path."
        output = getattr(args, "output", None)
        if output and Path(output).expanduser().exists():
            return (
                f"{output} already exists. Open it with `workout-player edit {output}`, "
                "or choose another name with -o."
            )
        return None
    file = Path(args.file).expanduser()
    if not file.is_file():
        return f"{args.file}: no such workout file. Check the name, or give the full path."
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
