"""`workout-player export`: every set of every session as CSV (Hevy's columns) or JSON."""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path
from typing import TextIO

from workout_player.cli.history_cmd import open_for_cli, write_json_array
from workout_player.store import Store, StoreError
from workout_player.store.export import HEVY_COLUMNS, hevy_rows, session_json


def run(args: argparse.Namespace) -> int:
    store = open_for_cli(args.db)
    if store is None:
        return 1
    try:
        if args.output:
            target = Path(args.output).expanduser()
            try:
                with target.open("w", encoding="utf-8", newline="") as out:
                    _write(store, args.format, out)
            except OSError as exc:
                print(
                    f"workout-player: cannot write {target}: {exc.strerror or exc}. "
                    "Choose another file with -o.",
                    file=sys.stderr,
                )
                return 1
        else:
            _write(store, args.format, sys.stdout)
    except StoreError as exc:
        print(f"workout-player: {exc}", file=sys.stderr)
        return 1
    finally:
        store.close()
    return 0


def _write(store: Store, fmt: str, out: TextIO) -> None:
    if fmt == "json":
        write_json_array((session_json(row, sets) for row, sets in store.iter_sessions()), out)
        return
    # Hevy's export ends lines with \n; csv's default \r\n would differ for no gain.
    writer = csv.DictWriter(out, fieldnames=HEVY_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row, sets in store.iter_sessions():
        writer.writerows(hevy_rows(row, sets))
