"""How long the PDF report takes for three years of daily sessions.

    python bench/report_build.py [--days 1096] [--runs 3]

Builds the database once in bench/out/ (history_open.build()'s bulk insert of 10 sets per
session, then one session a day, pain answered on most, a next-morning answer and the
leg-symptoms box on some, a self-check every four weeks), then prints:

- report_build_ms: in one process with its QApplication, gathering the figures
  (store/report_data.gather) and drawing the PDF (ui/report/pdf.report_pdf), median;
- report_cli_ms: `workout-player report --from FIRST --to LAST -o FILE` on that file,
  median wall time of the whole process (start-up, Qt and the write included).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import REPO, figure, note, out_dir

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def database(days: int) -> tuple[Path, date, date]:
    path = out_dir() / f"report-{days}-days.sqlite3"
    end = date.today()
    start = end - timedelta(days=days - 1)
    if not path.exists():
        note(f"building {days} daily sessions x 10 sets in {path.name}...")
        partial = path.with_suffix(".part")
        for stale in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
            stale.unlink(missing_ok=True)
        _build(partial, days, start)
        partial.replace(path)
    with _store(path) as store:  # the file may be from an earlier day: read its own range
        rows = store.conn.execute("SELECT min(started_at), max(started_at) FROM sessions")
        first, last = rows.fetchone()
    return path, date.fromisoformat(first[:10]), date.fromisoformat(last[:10])


def _store(path: Path):  # type: ignore[no-untyped-def]
    from workout_player.store import open_store

    return open_store(path)


def _build(path: Path, days: int, start: date) -> None:
    from history_open import build

    from workout_player.store import CheckRecord

    build(path, days)
    with _store(path) as store:
        conn = store.conn
        conn.execute("BEGIN IMMEDIATE")
        for session_id in range(1, days + 1):
            moment = datetime.combine(start + timedelta(days=session_id - 1), datetime.min.time())
            started = moment.replace(hour=8).astimezone()
            conn.execute(
                "UPDATE sessions SET started_at = ?, ended_at = ? WHERE id = ?",
                [started.isoformat(), (started + timedelta(minutes=20)).isoformat(), session_id],
            )
            if session_id % 3 == 0:
                conn.execute(
                    "INSERT INTO session_responses (session_id, morning_pain, morning_asked_at,"
                    " leg_symptoms) VALUES (?, ?, ?, ?)",
                    [session_id, session_id % 7, started.isoformat(), int(session_id % 97 == 0)],
                )
        conn.execute("COMMIT")
        for session_id in range(1, days + 1, 28):
            at = datetime.combine(start + timedelta(days=session_id - 1), datetime.min.time())
            for step, (check, side, value) in enumerate(
                (
                    ("mcgill_flexor", None, 40.0 + session_id / 50),
                    ("side_bridge_right", None, 30.0),
                    ("side_bridge_left", None, 26.0),
                    ("single_leg_stance_eyes_open", "left", 20.0),
                    ("single_leg_stance_eyes_open", "right", 25.0),
                )
            ):
                record = CheckRecord(step, check, check, side, 1, value, "s", False,
                                     at.replace(hour=8, minute=30).astimezone())  # fmt: skip
                store.record_check(session_id, record)


def build_ms(path: Path, start: date, end: date, runs: int) -> float:
    from PySide6.QtWidgets import QApplication

    from workout_player.store import open_store
    from workout_player.ui.report import build_report

    app = QApplication.instance() or QApplication([])
    times = []
    for _ in range(runs):
        begin = time.perf_counter()
        with open_store(path, mode="read") as store:
            pdf = build_report(store, start, end)
        times.append((time.perf_counter() - begin) * 1000)
        assert pdf.startswith(b"%PDF-")
    del app
    return statistics.median(times)


def cli_ms(path: Path, start: date, end: date, runs: int) -> float:
    out = out_dir() / "report-bench.pdf"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    command = [
        sys.executable, "-m", "workout_player", "report", "--from", start.isoformat(),
        "--to", end.isoformat(), "-o", str(out), "--db", str(path),
    ]  # fmt: skip
    times = []
    for _ in range(runs):
        begin = time.perf_counter()
        subprocess.run(command, check=True, env=env, capture_output=True, timeout=120)
        times.append((time.perf_counter() - begin) * 1000)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--days", type=int, default=1096, help="daily sessions (three years)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    path, start, end = database(args.days)
    figure("report_sessions", args.days)
    figure("report_build_ms", build_ms(path, start, end, args.runs))
    figure("report_cli_ms", cli_ms(path, start, end, args.runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
