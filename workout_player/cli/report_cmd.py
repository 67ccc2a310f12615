"""`workout-player report [--from DATE] [--to DATE] [-o FILE]`: the PDF for the physiotherapist.

The history is opened read-only (a database on a read-only disk or a CD works); the PDF
goes through workout_player.output_file: never onto the history, never half a file.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
from datetime import datetime
from pathlib import Path

from workout_player import paths
from workout_player.cli.history_file import open_for_cli
from workout_player.output_file import OutputError, history_files, refusal, write_bytes_output
from workout_player.store import StoreError
from workout_player.store.report_data import default_start


def run(args: argparse.Namespace) -> int:
    end = args.to or datetime.now().astimezone().date()
    if args.start is not None and args.start > end:
        print(
            f"workout-player: --from {args.start} is after --to {end}; swap them.", file=sys.stderr
        )
        return 2
    protected = history_files(paths.database_path(args.db))
    target = Path(args.output).expanduser() if args.output else None
    if target is not None:
        # Checked before the database is opened: a refused report must not even create it.
        problem = refusal(target, protected)
        if problem:
            print(f"workout-player: {problem}", file=sys.stderr)
            return 1
    store = open_for_cli(args.db)
    if store is None:
        return 1
    try:
        start = args.start or default_start(store, end)
        target = target or Path(f"report-{start.isoformat()}-to-{end.isoformat()}.pdf")
        _application()
        from workout_player.ui.report import build_report

        write_bytes_output(target, build_report(store, start, end), protected)
    except (StoreError, OutputError) as exc:
        print(f"workout-player: {exc}", file=sys.stderr)
        return 1
    except sqlite3.DatabaseError as exc:
        print(
            f"workout-player: the history cannot be read ({exc}); "
            "run `workout-player history` to see whether it opens.",
            file=sys.stderr,
        )
        return 1
    finally:
        store.close()
    print(f"Report for {start} to {end} written to {target}")
    return 0


def _application() -> None:
    """QtCharts draws through a QGraphicsScene, which needs a QApplication; no window is
    shown, so the offscreen platform works without a display (ssh, cron)."""
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        QApplication(["workout-player"])
