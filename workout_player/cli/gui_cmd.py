"""`workout-player` with no command: the app window on the library."""

from __future__ import annotations

import argparse


def run(args: argparse.Namespace) -> int:
    from workout_player.ui.app import run_app

    return run_app(db=getattr(args, "db", None))
