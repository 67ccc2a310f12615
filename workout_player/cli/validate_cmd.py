"""`workout-player validate FILE...`: check workout and programme files, each problem as
FILE:LINE:COL.

Exit 0 when every file is valid (warnings allowed), 1 when any is not. Problems go to
stderr, one "OK FILE" line per valid file to stdout, so `validate a.yaml b.yaml 2>/dev/null`
lists the good ones. Whatever a file holds, the answer is a message, never a traceback.
"""

from __future__ import annotations

import argparse
import sys

from workout_player.domain.loader import load_workout
from workout_player.domain.programme.loader import is_programme_file, load_programme


def safe_streams() -> None:
    """Never fail on printing (the CLI entry does this already; kept for direct callers)."""
    from workout_player.cli import tolerant_streams

    tolerant_streams()


def run(args: argparse.Namespace) -> int:
    from workout_player.cli.media_check import media_warnings
    from workout_player.cli.plan_cmd import probe_video  # plan_cmd imports this module

    safe_streams()
    failed = 0
    for name in args.files:
        # A programme names itself with a top-level programme: key; everything else is
        # checked as a workout (so a broken file gets the workout loader's messages).
        if is_programme_file(name):
            programme = load_programme(name)
            found = [*programme.problems]
            ok = programme.ok
        else:
            result = load_workout(name, video_length=probe_video)
            found = [*result.problems]
            if result.workout is not None:
                found.extend(media_warnings(name, result.workout))
            ok = result.ok
        for problem in found:
            print(problem, file=sys.stderr)
        if ok:
            warnings = sum(1 for problem in found if problem.severity == "warning")
            note = f" ({warnings} warning{'s' if warnings != 1 else ''})" if warnings else ""
            print(f"OK {name}{note}")
        else:
            failed += 1
    if failed and len(args.files) > 1:
        print(f"{failed} of {len(args.files)} files have errors", file=sys.stderr)
    return 1 if failed else 0
