"""The `workout-player` command line.

Every sub-command is declared here; its work lives in a module of this package
with a `run(args) -> int` function, imported only when that command runs, so
`validate` or `history` never pay for Qt's start-up.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from workout_player import __version__


def _db_option(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    # A sub-command's --db must not reset one given before the command
    # (`workout-player --db X play F`), hence SUPPRESS below the top level.
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=None if top else argparse.SUPPRESS,
        help="history database to use (default: $WORKOUT_PLAYER_DB, else the per-user data folder)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="workout-player",
        description=(
            "Follow workout videos with timed cues, rep counters and rest timers, "
            "and keep a history of every session. With no command, opens the app."
        ),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _db_option(parser, top=True)
    parser.set_defaults(handler="gui")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    p = commands.add_parser(
        "validate",
        help="check workout files and report every problem as FILE:LINE:COL: message",
        description="Check workout files. Exit 0 when all are valid (warnings allowed), 1 if not.",
    )
    p.add_argument("files", nargs="+", metavar="FILE")
    p.set_defaults(handler="validate")

    p = commands.add_parser(
        "plan",
        help="show a workout's timeline (start, kind, exercise, set, side, reps, duration)",
        description="Expand a workout into its segments and print them with the total time.",
    )
    p.add_argument("file", metavar="FILE")
    p.add_argument("--json", action="store_true", help="print the plan as one JSON object")
    p.set_defaults(handler="plan")

    p = commands.add_parser(
        "schema",
        help="print the JSON Schema of the workout format",
        description="Print the JSON Schema of workout format v1 (for editor completion).",
    )
    p.set_defaults(handler="schema")

    p = commands.add_parser(
        "play",
        help="open a workout straight in the player and start it",
        description="Open FILE in the player and start at once; the countdown is the get-ready.",
    )
    p.add_argument("file", metavar="FILE")
    _db_option(p)
    p.set_defaults(handler="play")

    p = commands.add_parser(
        "history",
        help="list past sessions, newest first",
        description="List past sessions with their sets, newest first.",
    )
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.add_argument("--limit", type=int, metavar="N", help="show at most N sessions")
    _db_option(p)
    p.set_defaults(handler="history")

    p = commands.add_parser(
        "export",
        help="export every set of every session as CSV or JSON",
        description="Export the history: CSV (one row per set, Hevy's columns) or JSON.",
    )
    p.add_argument("--format", choices=["csv", "json"], required=True)
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    _db_option(p)
    p.set_defaults(handler="export")

    p = commands.add_parser(
        "new",
        help="make a video-led workout from a follow-along video in the cue editor",
        description="Open the cue editor on VIDEO to mark steps and save a workout.",
    )
    p.add_argument("--video", required=True, metavar="VIDEO")
    p.add_argument("-o", "--output", metavar="FILE", help="where to save the workout")
    _db_option(p)
    p.set_defaults(handler="editor")

    p = commands.add_parser(
        "edit",
        help="edit a workout file in the editor",
        description="Open FILE in the cue editor (video-led) or the step editor (timer-led).",
    )
    p.add_argument("file", metavar="FILE")
    _db_option(p)
    p.set_defaults(handler="editor")

    for name, summary, description in (
        (
            "install-desktop",
            "add the app to your application launcher (entry, icons, AppStream file)",
            "Add Workout Player to your application launcher: write its .desktop entry,",
        ),
        (
            "uninstall-desktop",
            "take the app out of your application launcher",
            "Take Workout Player out of your application launcher: remove its .desktop entry,",
        ),
    ):
        p = commands.add_parser(
            name,
            help=summary,
            description=(
                f"{description} icons and AppStream file in $XDG_DATA_HOME/applications, "
                "/icons and /metainfo (default ~/.local/share)."
            ),
        )
        p.add_argument(
            "--prefix",
            metavar="DIR",
            help="use DIR/share instead of $XDG_DATA_HOME (for example --prefix ~/.local)",
        )
        p.set_defaults(handler=name.replace("-", "_"))

    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    module = importlib.import_module(f"workout_player.cli.{args.handler}_cmd")
    try:
        return int(module.run(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `workout-player history | head`: the reader left, which is not an error.
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
