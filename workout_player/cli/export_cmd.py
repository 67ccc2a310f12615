"""`workout-player export`: every set of every session as CSV (Hevy's columns) or JSON.

`-o FILE` is written through a temporary file and renamed into place, and is refused
when it is the history database itself (see workout_player.output_file).
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path
from typing import TextIO

from workout_player import paths
from workout_player.cli.history_cmd import report_bad_values, write_json_array
from workout_player.cli.history_file import open_for_cli
from workout_player.output_file import (
    OutputError,
    history_files,
    open_output,
    refusal,
    stream_refusal,
)
from workout_player.store import Store, StoreError
from workout_player.store.export import HEVY_COLUMNS, hevy_rows, session_json


def run(args: argparse.Namespace) -> int:
    # Checked before the database is opened: a refused export must not even create it.
    protected = history_files(paths.database_path(args.db))
    target = Path(args.output).expanduser() if args.output else None
    problem = refusal(target, protected) if target else stream_refusal(sys.stdout, protected)
    if problem:
        print(f"workout-player: {problem}", file=sys.stderr)
        return 1
    store = open_for_cli(args.db)
    if store is None:
        return 1
    try:
        if target:
            with open_output(target, protected, newline="") as out:
                _write(store, args.format, out)
        else:
            _write(store, args.format, sys.stdout)
    except (StoreError, OutputError) as exc:
        print(f"workout-player: {exc}", file=sys.stderr)
        return 1
    finally:
        store.close()
    return 0


def _write(store: Store, fmt: str, out: TextIO) -> None:
    history = report_bad_values(store.iter_sessions())
    if fmt == "json":
        write_json_array((session_json(row, sets) for row, sets in history), out)
        return
    # Hevy's export ends lines with \n; csv's default \r\n would differ for no gain.
    writer = csv.DictWriter(out, fieldnames=HEVY_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row, sets in history:
        writer.writerows(hevy_rows(row, sets))
