"""`workout-player play FILE [--db PATH]`: straight into the player, started at once.

The file is checked before any window opens: a broken file prints every problem
as FILE:LINE:COL: message on stderr and exits 1. Warnings (such as a missing
video, which the player replaces with its timer) are printed and the session starts.
"""

from __future__ import annotations

import argparse
import sys

from workout_player.domain.loader import load_workout


def run(args: argparse.Namespace) -> int:
    result = load_workout(args.file)
    for problem in result.problems:
        print(problem, file=sys.stderr)
    if result.workout is None:
        print(
            f"{args.file}: cannot be played; fix the problems above "
            "(workout-player validate FILE checks it again).",
            file=sys.stderr,
        )
        return 1
    from workout_player.ui.app import run_app

    return run_app(db=getattr(args, "db", None), workout=result.workout)
