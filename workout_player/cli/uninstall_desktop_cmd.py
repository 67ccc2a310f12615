"""`workout-player uninstall-desktop`: take Workout Player out of the application launcher."""

from __future__ import annotations

import argparse
import sys

from workout_player.desktop import install as installer


def run(args: argparse.Namespace) -> int:
    problem = installer.unsupported_platform()
    if problem and args.prefix is None:
        print(problem, file=sys.stderr)
        return 1
    home = installer.data_home(args.prefix)
    try:
        changes = installer.uninstall(home)
    except OSError as exc:
        print(
            f"Could not remove the launcher entry: {exc.strerror or exc} ({exc.filename or home}). "
            "Check the folder's permissions and try again.",
            file=sys.stderr,
        )
        return 1
    if not changes:
        print(f"Nothing to remove: no Workout Player launcher entry under {home}.")
        return 0
    for change in changes:
        print(change)
    for note in installer.refresh_caches(home):
        print(f"Note: {note}", file=sys.stderr)
    return 0
