"""The `workout-player` command line.

Every sub-command is declared here; its work lives in a module of this package
with a `run(args) -> int` function, imported only when that command runs, so
`validate` or `history` never pay for Qt's start-up.
"""

from __future__ import annotations

import argparse
import codecs
import errno
import importlib
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from workout_player import __version__

if TYPE_CHECKING:
    from _typeshed import SupportsWrite


def _db_option(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    # A sub-command's --db must not reset one given before the command
    # (`workout-player --db X play F`), hence SUPPRESS below the top level.
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=None if top else argparse.SUPPRESS,
        help="history database to use (default: $WORKOUT_PLAYER_DB, else the per-user data folder)",
    )


class _Parser(argparse.ArgumentParser):
    """argparse, except that a failed write of --help or --version is not swallowed:
    `workout-player --help > /dev/full` must say so like every other command."""

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        if message:
            (file or sys.stderr).write(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="workout-player",
        description=(
            "Follow workout videos with timed cues, rep counters and rest timers, "
            "and keep a history of every session. With no command, opens the app."
        ),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--verbose",
        action="store_true",
        help="show libvlc's and the sound system's messages (also WORKOUT_PLAYER_VERBOSE=1)",
    )
    _db_option(parser, top=True)
    parser.set_defaults(handler="gui")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    p = commands.add_parser(
        "validate",
        help="check workout and programme files; every problem as FILE:LINE:COL: message",
        description=(
            "Check workout files and programme files (those with a top-level programme: key)."
            " Exit 0 when all are valid (warnings allowed), 1 if not."
        ),
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
    p.add_argument("--programme", action="store_true", help="the programme format's schema instead")
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
        "checks",
        help="list self-check results with their norm comparison, newest first",
        description=(
            "List every self-check result (one row per trial) beside the published norm for "
            "your profile, newest first. One test on one day is not a diagnosis."
        ),
    )
    p.add_argument("--json", action="store_true", help="print a JSON array")
    _db_option(p)
    p.set_defaults(handler="checks")

    p = commands.add_parser(
        "profile",
        help="show or set the optional birth year and sex that pick the norm rows",
        description=(
            "Show the profile, or set or clear it. It is kept only in the local history "
            "database; without it, check results are shown beside your own earlier ones."
        ),
    )
    p.add_argument("--birth-year", type=int, metavar="YEAR", help="your year of birth")
    p.add_argument("--sex", choices=["female", "male"], help="the sex the norm rows use")
    p.add_argument("--clear", action="store_true", help="remove the profile")
    _db_option(p)
    p.set_defaults(handler="profile")

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

    _programme_commands(commands)
    _report_command(commands)
    return parser


def iso_date(text: str) -> date:
    """argparse type: a YYYY-MM-DD date, or a usage error that says what was expected."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date; write it as YYYY-MM-DD, for example 2026-11-30"
        ) from None


def _report_command(commands: argparse._SubParsersAction[_Parser]) -> None:
    p = commands.add_parser(
        "report",
        help="write a PDF for your physiotherapist: sessions, pain, effort, checks, notes",
        description=(
            "Write a one-to-three-page PDF of a period: sessions done, pain before, after and"
            " the next morning, effort, self-checks against their norms, exercises and notes."
            " Without --from it covers the twelve weeks up to --to (default today)."
        ),
    )
    p.add_argument(
        "--from", dest="start", type=iso_date, metavar="DATE", help="first day, YYYY-MM-DD"
    )
    p.add_argument(
        "--to", type=iso_date, metavar="DATE", help="last day, YYYY-MM-DD (default today)"
    )
    p.add_argument(
        "-o", "--output", metavar="FILE", help="the PDF to write (default report-FROM-to-TO.pdf)"
    )
    _db_option(p)
    p.set_defaults(handler="report")


def _programme_commands(commands: argparse._SubParsersAction[_Parser]) -> None:
    p = commands.add_parser(
        "programme",
        help="start, pause, resume or leave a programme (weeks of sessions)",
        description=(
            "Start a programme file (see docs/programme-format.md), pause it (a flare-up, a"
            " holiday), resume it or leave it. Everything is kept in the history database."
        ),
    )
    p.add_argument("action", choices=["start", "pause", "resume", "leave"])
    p.add_argument("file", metavar="FILE", help="the programme file")
    _db_option(p)
    p.set_defaults(handler="programme")

    p = commands.add_parser(
        "today",
        help="what is due today in your programme, and the suggestion with its reason",
        description="Show the session due today, the week, adherence and the suggestion.",
    )
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument(
        "--date",
        metavar="YYYY-MM-DD",
        help="as if today were this date (look ahead, or check a plan)",
    )
    _db_option(p)
    p.set_defaults(handler="today")


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; whatever the terminal or the output, the answer is never a traceback."""
    tolerant_streams()
    try:
        try:
            args = build_parser().parse_args(argv)  # --help and usage errors: SystemExit
            if args.verbose:
                # An environment variable, so playback (and any process it starts) sees it.
                os.environ["WORKOUT_PLAYER_VERBOSE"] = "1"
            module = importlib.import_module(f"workout_player.cli.{args.handler}_cmd")
            code = int(module.run(args))
        finally:
            # Buffered output is written here, where a failure can still be reported,
            # not at the interpreter's exit, which would print a traceback-like warning.
            sys.stdout.flush()
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `workout-player history | head -1`: the reader left. Silent, as Unix tools are
        # (the reader has what it wanted), but not a success: 141 is how a shell reports
        # a program stopped by SIGPIPE.
        _drop_output(sys.stdout)
        return 141
    except OSError as exc:
        # Any command writing to a full disk (`> /dev/full`) or a closed output.
        if not _is_output_error(exc):
            raise
        _drop_output(sys.stdout)
        _say(f"workout-player: cannot write the output: {exc.strerror or exc}.")
        return 1
    return code


ESCAPE = "workout-player-escape"


def _json_escape(error: UnicodeError) -> tuple[str, int]:
    """Write what the output's encoding cannot hold as \\uXXXX (a surrogate pair above
    U+FFFF): readable in text, and exactly the character again inside a JSON string."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    escaped = []
    for char in error.object[error.start : error.end]:
        code = ord(char)
        if code > 0xFFFF:
            code -= 0x10000
            escaped.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
        else:
            escaped.append(f"\\u{code:04x}")
    return "".join(escaped), error.end


def tolerant_streams() -> None:
    """Never fail on printing: a console that is not UTF-8 (PYTHONIOENCODING=cp1252, a
    Windows console) or a file name that is not valid text shows escapes such as \\u2192
    instead of raising UnicodeEncodeError. A missing stream (pythonw) swallows output."""
    codecs.register_error(ESCAPE, _json_escape)
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:
            setattr(sys, name, Path(os.devnull).open("w", encoding="utf-8"))  # noqa: SIM115
            continue
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors=ESCAPE)


def _is_output_error(exc: OSError) -> bool:
    """Whether writing a standard stream failed (a stream's write error names no file;
    an error about some other file does, and is not ours to hide)."""
    full = (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG)
    return exc.filename is None and exc.errno in (*full, errno.EIO, errno.EPIPE, errno.EBADF)


def _drop_output(stream: TextIO) -> None:
    """Point the output at /dev/null, so Python's flush at exit cannot fail a second time."""
    try:
        fd = stream.fileno()
    except (OSError, ValueError):
        return  # not a real file (captured by tests): nothing will be flushed at exit
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, fd)
    finally:
        os.close(null)


def _say(message: str) -> None:
    """One line on stderr, unless stderr itself is closed or full."""
    try:
        print(message, file=sys.stderr, flush=True)
    except OSError:
        _drop_output(sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
