"""`workout-player checks [--json]`: every self-check result with its norm comparison,
newest first; the profile (`workout-player profile`) picks the norm row when there is one.
"""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from workout_player.cli.history_cmd import write_json_array
from workout_player.cli.history_file import open_for_cli
from workout_player.domain.check_face import result_text
from workout_player.domain.check_report import DISCLAIMER, Judged, judge_all, judged_json
from workout_player.domain.text_rules import printable
from workout_player.store import StoreError

_COLUMNS = ("Date", "Check", "Side", "Trial", "Result", "Compared with the norm")
POSITION_TEXT = {"below": "below the range", "within": "within the range", "above": "above it"}


def run(args: argparse.Namespace) -> int:
    store = open_for_cli(args.db)
    if store is None:
        return 1
    try:
        judged = judge_all(store.check_results(), store.profile())
    except StoreError as exc:
        print(f"workout-player: {exc}", file=sys.stderr)
        return 1
    finally:
        store.close()
    if args.json:
        write_json_array((judged_json(item) for item in judged), sys.stdout)
    else:
        _print_table(judged, sys.stdout)
    return 0


def _print_table(judged: list[Judged], out: TextIO) -> None:
    if not judged:
        out.write("No check results yet. Run the Stability check from the library to add some.\n")
        return
    rows = [_COLUMNS, *(_row(item) for item in judged)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(_COLUMNS) - 1)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        out.write("  ".join([*cells, row[-1]]).rstrip() + "\n")
    out.write(f"\n* the best trial, the one that counts. {DISCLAIMER}\n")
    seen: set[str] = set()
    for item in judged:  # each check's newest best result, in plain words
        if item.best and item.row.check not in seen:
            seen.add(item.row.check)
            out.write(f"- {printable(item.row.name)}: {item.sentence}\n")


def _row(item: Judged) -> tuple[str, ...]:
    row = item.row
    result = result_text(row.value, row.unit) + (" (cap)" if row.capped else "")
    norm = ""
    if item.comparison is not None:
        low, high = item.comparison.row.low, item.comparison.row.high
        norm = f"{POSITION_TEXT[item.comparison.position]} {low:g}-{high:g}"
    return (
        row.measured_at.strftime("%Y-%m-%d %H:%M"),
        printable(row.name),
        row.side or "",
        f"{row.trial}{'*' if item.best else ''}",
        result,
        norm,
    )
