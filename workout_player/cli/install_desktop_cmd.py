"""`workout-player install-desktop`: put Workout Player in the person's application launcher."""

from __future__ import annotations

import argparse
import shlex
import sys

from workout_player.desktop import install as installer
from workout_player.desktop.entry import LaunchError, launch_command


def run(args: argparse.Namespace) -> int:
    problem = installer.unsupported_platform()
    if problem and args.prefix is None:
        print(problem, file=sys.stderr)
        return 1
    home = installer.data_home(args.prefix)
    try:
        command = launch_command()
    except LaunchError as exc:
        print(exc, file=sys.stderr)
        return 1
    # Read outside the try: a shipped file missing is a broken installation, not the folder's fault.
    files = installer.planned_files(command)
    try:
        changes = installer.install(home, files)
    except OSError as exc:
        print(
            "Could not install the launcher entry: "
            f"{exc.strerror or exc} ({exc.filename or home}). "
            "Check that the folder is yours and writable, or choose another with --prefix.",
            file=sys.stderr,
        )
        return 1
    for change in changes:
        print(change)
    if any(change.action == "wrote" for change in changes):
        for note in installer.refresh_caches(home):
            print(f"Note: {note}", file=sys.stderr)
    print(f"Workout Player is now in your application launcher; it starts {shlex.join(command)}")
    return 0
