"""`workout-player history`: past sessions with their sets, newest first (table or JSON)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from typing import TextIO

from workout_player import paths
from workout_player.store import SessionRow, SetRow, Store, StoreError, open_store
from workout_player.store.export import session_json

_COLUMNS = ("Date", "Workout", "Time", "Status", "Sets", "Reps", "Pain", "RPE")


def open_for_cli(db: str | None) -> Store | None:
    """Open the database for a command; on failure print one line on stderr and return None."""
    try:
        store = open_store(paths.database_path(db), mode="read")
    except StoreError as exc:
        print(f"workout-player: {exc}", file=sys.stderr)
        return None
    if store.notice:
        print(f"workout-player: {store.notice}", file=sys.stderr)
    return store


def run(args: argparse.Namespace) -> int:
    if args.limit is not None and args.limit < 0:
        print("workout-player: --limit must be 0 or more", file=sys.stderr)
        return 2
    store = open_for_cli(args.db)
    if store is None:
        return 1
    try:
        history = store.iter_sessions(limit=args.limit)
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


def write_json_array(items: Iterable[dict[str, object]], out: TextIO) -> None:
    """A JSON array written item by item, so 100,000 sessions never sit in memory at once.

    One session per line: json's C encoder is five times faster than indent=2
    (which runs in pure Python), and a line per session still reads and greps well.
    """
    out.write("[")
    separator = "\n"
    for item in items:
        out.write(separator + json.dumps(item, ensure_ascii=False))
        separator = ",\n"
    out.write("\n]\n" if separator != "\n" else "]\n")


def _minutes(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


def _pain(row: SessionRow) -> str:
    if row.pain_before is None and row.pain_after is None:
        return "-"
    before = "?" if row.pain_before is None else str(row.pain_before)
    after = "?" if row.pain_after is None else str(row.pain_after)
    return f"{before} -> {after}"


def _print_table(history: list[tuple[SessionRow, list[SetRow]]], out: TextIO) -> None:
    if not history:
        out.write("No sessions yet. Play a workout and it will be listed here.\n")
        return
    cells = [
        (
            f"{row.started_at:%Y-%m-%d %H:%M}",
            row.workout,
            _minutes(row.duration_seconds),
            row.status.replace("_", " "),
            str(row.sets),
            str(row.reps),
            _pain(row),
            "-" if row.rpe is None else str(row.rpe),
        )
        for row, _sets in history
    ]
    widths = [max(len(c[i]) for c in [_COLUMNS, *cells]) for i in range(len(_COLUMNS))]
    for line in [_COLUMNS, tuple("-" * w for w in widths), *cells]:
        out.write("  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip() + "\n")
