"""`workout-player history`: past sessions with their sets, newest first (table or JSON)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator
from typing import TextIO

from workout_player.cli.history_file import open_for_cli
from workout_player.domain.durations import format_clock
from workout_player.domain.text_rules import printable
from workout_player.store import SessionRow, SetRow, StoreError
from workout_player.store.cells import BadValue
from workout_player.store.export import as_stored, session_json

_COLUMNS = ("Date", "Workout", "Time", "Status", "Sets", "Reps", "Pain", "RPE")


def run(args: argparse.Namespace) -> int:
    if args.limit is not None and args.limit < 0:
        print("workout-player: --limit must be 0 or more", file=sys.stderr)
        return 2
    store = open_for_cli(args.db)
    if store is None:
        return 1
    try:
        history = report_bad_values(store.iter_sessions(limit=args.limit))
        if args.json:
            write_json_array((session_json(row, sets) for row, sets in history), sys.stdout)
        else:
            _print_table(list(history), sys.stdout)
    except StoreError as exc:
        print(f"workout-player: {exc}", file=sys.stderr)
        return 1
    finally:
        store.close()
    return 0


History = Iterable[tuple[SessionRow, list[SetRow]]]


def report_bad_values(history: History) -> Iterator[tuple[SessionRow, list[SetRow]]]:
    """Pass every session on; name on stderr each row with a value stored in the wrong form.

    The person still gets every row out (the bad value shown as stored, or empty) and
    learns which rows to look at, e.g. with `sqlite3 FILE "select * from sets where id = 7"`.
    """
    for session, sets in history:
        if session.bad:
            _warn(f"session {session.id}", session.bad)
        for item in sets:
            if item.bad:
                _warn(f"session {session.id}, set {item.id}", item.bad)
        yield session, sets


def _warn(row: str, bad: Iterable[BadValue]) -> None:
    found = "; ".join(printable(value.describe()) for value in bad)
    print(f"workout-player: {row} in the history: {found}. Shown as stored.", file=sys.stderr)


def write_json_array(items: Iterable[dict[str, object]], out: TextIO) -> None:
    """A JSON array written item by item, so 100,000 sessions never sit in memory at once.

    One session per line: json's C encoder is five times faster than indent=2
    (which runs in pure Python), and a line per session still reads and greps well.
    On an output that is not UTF-8 (a Windows console) the characters it cannot hold
    are written as JSON escapes (see cli.tolerant_streams), so the JSON stays exact.
    """
    out.write("[")
    separator = "\n"
    for item in items:
        out.write(separator + json.dumps(item, ensure_ascii=False))
        separator = ",\n"
    out.write("\n]\n" if separator != "\n" else "]\n")


def _started(row: SessionRow) -> str:
    if row.started_at is None:
        return as_stored(row).get("started_at") or "?"
    return f"{row.started_at:%Y-%m-%d %H:%M}"


def _pain(row: SessionRow) -> str:
    stored = as_stored(row)
    before = stored.get("pain_before") or _number(row.pain_before, "?")
    after = stored.get("pain_after") or _number(row.pain_after, "?")
    return "-" if before == after == "?" else f"{before} -> {after}"


def _number(value: int | None, missing: str) -> str:
    return missing if value is None else str(value)


def _print_table(history: list[tuple[SessionRow, list[SetRow]]], out: TextIO) -> None:
    if not history:
        out.write("No sessions yet. Play a workout and it will be listed here.\n")
        return
    cells = [
        (
            _started(row),
            row.workout,
            format_clock(row.duration_seconds) if row.duration_seconds is not None else "-",
            row.status.replace("_", " "),
            str(row.sets),
            str(row.reps),
            _pain(row),
            as_stored(row).get("rpe") or _number(row.rpe, "-"),
        )
        for row, _sets in history
    ]
    # A title or value from an old or foreign row may hold anything: escape control characters.
    shown = [tuple(printable(cell) for cell in line) for line in cells]
    widths = [max(len(c[i]) for c in [_COLUMNS, *shown]) for i in range(len(_COLUMNS))]
    for line in [_COLUMNS, tuple("-" * w for w in widths), *shown]:
        out.write("  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip() + "\n")
