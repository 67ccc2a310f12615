"""How long Today takes to work out with three years of daily programme sessions.

    python bench/today_open.py [--days N]

Builds a history (the real schema, made by open_store) holding one session a day for
three years, each of one of the bundled 8-week programme's workouts with 10 sets, a
morning answer and a suggestion chosen every week, and an enrolment started on the first
day, so every session is read. Prints `today_open_ms=<n>` (load_today: the enrolment,
the programme and its workouts loaded, the sessions read, the schedule and suggestion
worked out; median of 5) and `today_cli_ms=<n>` (`workout-player today --json`, the
whole process; median of 5). The goal is the history screen's: 150 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from common import REPO, figure, note

from workout_player.store import open_store
from workout_player.store.programmes import enrol_record
from workout_player.store.records import apply
from workout_player.store.today import load_today, programme_file_key

PROGRAMME = REPO / "workouts" / "programmes" / "low-back-8-weeks.yaml"
ZONE = timezone(timedelta(hours=1))


def build(path: Path, days: int, first: date) -> None:
    from workout_player.domain.programme.loader import load_programme

    programme = load_programme(PROGRAMME).programme
    assert programme is not None
    files = [str(f.resolve()) for f in programme.files()]
    with open_store(path) as store:
        start = datetime(first.year, first.month, first.day, 7, 0, tzinfo=ZONE)
        apply(store, enrol_record(programme_file_key(PROGRAMME), programme.title, start))
        conn = store.conn
        conn.execute("BEGIN")
        for day in range(days):
            started = start + timedelta(days=day, hours=11)
            cursor = conn.execute(
                "INSERT INTO sessions (workout, workout_file, started_at, ended_at, status,"
                " active_seconds, pain_before, pain_after, rpe)"
                " VALUES ('w', ?, ?, ?, 'completed', 900, 2, 2, 5)",
                [
                    files[day % len(files)],
                    started.isoformat(),
                    (started + timedelta(minutes=15)).isoformat(),
                ],
            )
            session_id = cursor.lastrowid
            conn.executemany(
                "INSERT INTO sets (session_id, step, exercise, set_number, seconds, started_at,"
                " ended_at) VALUES (?, ?, 'Bird dog', 1, 30, ?, ?)",
                [(session_id, n, started.isoformat(), started.isoformat()) for n in range(10)],
            )
            conn.execute(
                "INSERT INTO session_responses (session_id, morning_pain, morning_asked_at)"
                " VALUES (?, 2, ?)",
                [session_id, (started + timedelta(hours=14)).isoformat()],
            )
            if day % 7 == 6:
                conn.execute(
                    "INSERT INTO suggestions (enrolment_id, session_id, phase, suggested, rule,"
                    " reason, level_from, level_to, chosen, level, decided_at)"
                    " VALUES (1, ?, 0, 'same', 'M4', 'r', 1, 1, 'same', 1, ?)",
                    [session_id, (started + timedelta(hours=15)).isoformat()],
                )
        conn.execute("COMMIT")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--days", type=int, default=3 * 365 + 1)
    args = parser.parse_args(argv)
    first = date.today() - timedelta(days=args.days)
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "history.sqlite3"
        note(f"building {args.days} daily sessions ...")
        build(db, args.days, first)
        opens = []
        for _ in range(5):
            began = time.perf_counter()
            with open_store(db, mode="read") as store:
                report = load_today(store)
            opens.append((time.perf_counter() - began) * 1000)
            assert report is not None and report.today is not None
            assert len(report.sessions) == args.days, len(report.sessions)
        runs = []
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        for _ in range(5):
            began = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "workout_player", "today", "--json", "--db", str(db)],
                check=True,
                capture_output=True,
                env=env,
            )
            runs.append((time.perf_counter() - began) * 1000)
    figure("today_open_ms", statistics.median(opens))
    figure("today_cli_ms", statistics.median(runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
