"""How long the history screen takes to open with 100,000 sessions of 10 sets each.

    QT_QPA_PLATFORM=offscreen python bench/history_open.py [--sessions N] [--db PATH]

Builds the database once (a fast bulk insert into the real schema made by open_store),
then constructs and shows HistoryPage five times and prints the median as
`history_open_ms=<n>`, plus `progress_tab_ms=<n>`: the first switch to the charts.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

WORKOUTS = [
    "Low back basics",
    "Dynamic stability",
    "Hip hinge practice",
    "Daily 10 minutes",
    "Muscle timing",
    "Long session",
]
EXERCISES = [
    ("Bird dog", 8, None),
    ("Side plank", None, 20.0),
    ("Dead bug", 10, None),
    ("Glute bridge", 12, None),
    ("McGill curl-up", 6, None),
    ("Cat-camel", 8, None),
    ("Hip hinge with dowel", 10, None),
    ("Front plank", None, 30.0),
    ("Wall sit", None, 40.0),
    ("Suitcase carry", None, 45.0),
    ("Clamshell", 15, None),
    ("Split squat", 8, None),
]


def build(path: Path, sessions: int, sets_per_session: int = 10, seed: int = 7) -> None:
    """Fill a new database at `path` with `sessions` sessions, one every ~2 hours back from now."""
    from workout_player.store import open_store

    rng = random.Random(seed)
    store = open_store(path)
    conn = store.db.conn
    now = datetime.now().astimezone().replace(microsecond=0)
    session_rows = []
    set_rows = []
    set_id = 0
    for session_id in range(1, sessions + 1):
        started = now - timedelta(hours=2 * (sessions - session_id), minutes=rng.randrange(60))
        active = 0.0
        at = started
        for index in range(sets_per_session):
            name, reps, hold = EXERCISES[(session_id + index // 3) % len(EXERCISES)]
            seconds = hold if hold is not None else float(reps or 0) * 4.0
            end = at + timedelta(seconds=seconds)
            set_id += 1
            set_rows.append(
                (
                    set_id,
                    session_id,
                    index // 3,
                    name,
                    index % 3 + 1,
                    None,
                    reps,
                    reps,
                    seconds,
                    at.isoformat(),
                    end.isoformat(),
                )
            )
            at = end + timedelta(seconds=30)
            active += seconds + 30
        pain = rng.random() < 0.7
        before = rng.randrange(0, 8) if pain else None
        session_rows.append(
            (
                session_id,
                WORKOUTS[session_id % len(WORKOUTS)],
                started.isoformat(),
                at.isoformat(),
                "completed" if session_id % 9 else "stopped",
                active,
                before,
                None if before is None else max(0, before - rng.randrange(0, 3)),
                rng.randrange(3, 9) if pain else None,
            )
        )
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany(
        "INSERT INTO sessions (id, workout, started_at, ended_at, status, active_seconds,"
        " pain_before, pain_after, rpe) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        session_rows,
    )
    conn.executemany(
        "INSERT INTO sets (id, session_id, step, exercise, set_number, side, reps_target,"
        " reps_done, seconds, started_at, ended_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        set_rows,
    )
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    store.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=100_000)
    parser.add_argument("--db", type=Path, help="reuse (or create) this database file")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)

    from PySide6.QtWidgets import QApplication

    from workout_player.store import open_store
    from workout_player.ui.history.page import HistoryPage
    from workout_player.ui.theme import apply_theme

    folder = tempfile.TemporaryDirectory()
    path = args.db or Path(folder.name) / "bench.sqlite3"
    if not path.exists():
        started = time.perf_counter()
        build(path, args.sessions)
        print(
            f"built {args.sessions} sessions in {time.perf_counter() - started:.1f} s",
            file=sys.stderr,
        )
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([])
    apply_theme(app)  # as in the app: the global style sheet costs its share of opening
    store = open_store(path)
    opens, charts = [], []
    for _ in range(args.runs):
        started = time.perf_counter()
        page = HistoryPage(store)
        page.resize(1366, 768)
        page.show()
        app.processEvents()
        opens.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        page.tabs.setCurrentWidget(page.progress)
        app.processEvents()
        charts.append((time.perf_counter() - started) * 1000)
        page.close()
        page.deleteLater()
        app.processEvents()
    store.close()
    print(f"history_open_ms={statistics.median(opens):.0f}")
    print(f"progress_tab_ms={statistics.median(charts):.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
