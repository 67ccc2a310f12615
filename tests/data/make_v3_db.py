"""Make tests/data/history-v3.sqlite3: a history written by schema 3 (write keys, before the
check results of migration 004), to test that upgrade. Run it again only if the file is lost:

    PYTHONPATH=. .venv/bin/python tests/data/make_v3_db.py

It applies the app's migrations up to 003 and stops before 004, so the file has exactly the
tables version 3 created: one completed session with two keyed sets, and one older set
without a key (written before migration 003).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from workout_player.store.migrations import migrations

TARGET = Path(__file__).resolve().parent / "history-v3.sqlite3"

SESSIONS = [
    # id, workout, file, hash, started, ended, status, active, pain before/after, rpe, notes,
    # pid, host, key
    (
        1,
        "Back basics",
        "workouts/back-basics.yaml",
        "sha256:aa",
        "2026-11-28T07:30:00+01:00",
        "2026-11-28T07:41:10+01:00",
        "completed",
        640.5,
        4,
        2,
        5,
        "Felt looser after",
        4242,
        "laptop",
        "5e55100000000000000000000000000a",
    ),
]
SETS = [
    # session, step, exercise, set, side, target, done, seconds, started, ended, key
    (
        1,
        0,
        "Bird dog",
        1,
        "left",
        8,
        8,
        40.0,
        "2026-11-28T07:31:00+01:00",
        "2026-11-28T07:31:40+01:00",
        "5e70000000000000000000000000000a",
    ),
    (
        1,
        0,
        "Bird dog",
        1,
        "right",
        8,
        8,
        41.0,
        "2026-11-28T07:31:45+01:00",
        "2026-11-28T07:32:26+01:00",
        None,
    ),
]


def main() -> None:
    TARGET.unlink(missing_ok=True)
    conn = sqlite3.connect(TARGET, isolation_level=None)
    migrations.apply(Database(conn), stop_before="004_check_results")
    conn.execute("PRAGMA user_version = 3")
    conn.executemany(f"INSERT INTO sessions VALUES ({', '.join('?' * 15)})", SESSIONS)
    conn.executemany(
        "INSERT INTO sets (session_id, step, exercise, set_number, side, reps_target, reps_done,"
        " seconds, started_at, ended_at, key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        SETS,
    )
    conn.execute("VACUUM")
    conn.close()
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
