"""Make tests/data/history-v1.sqlite3: a history written by schema 1 (before `host` and the
history indexes), to test the upgrade. Run it again only if that file is lost:

    .venv/bin/python tests/data/make_v1_db.py

It applies the app's own first migration and stops before the second, so the
file has exactly the tables version 1 created. Session 2 was left in_progress by
a process that is gone (pid 2**30 cannot exist), as after a crash.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from workout_player.store.migrations import migrations

TARGET = Path(__file__).resolve().parent / "history-v1.sqlite3"
GONE_PID = 2**30

SESSIONS = [
    # id, workout, file, hash, started, ended, status, active, pain before/after, rpe, notes, pid
    (
        1,
        "Back basics",
        "workouts/back-basics.yaml",
        "sha256:aa",
        "2026-11-20T07:30:00+01:00",
        "2026-11-20T07:41:10+01:00",
        "completed",
        640.5,
        4,
        2,
        5,
        "Felt looser after",
        4242,
    ),
    (
        2,
        "Hip hinge",
        "workouts/hip-hinge.yaml",
        "sha256:bb",
        "2026-11-21T18:00:00+01:00",
        None,
        "in_progress",
        None,
        3,
        None,
        None,
        None,
        GONE_PID,
    ),
]
SETS = [
    # session, step, exercise, set, side, target, done, seconds, started, ended
    (
        1,
        0,
        "Bird dog",
        1,
        "left",
        8,
        8,
        40.0,
        "2026-11-20T07:31:00+01:00",
        "2026-11-20T07:31:40+01:00",
    ),
    (
        1,
        0,
        "Bird dog",
        1,
        "right",
        8,
        7,
        41.5,
        "2026-11-20T07:31:45+01:00",
        "2026-11-20T07:32:26+01:00",
    ),
    (
        1,
        2,
        "Side plank",
        1,
        "left",
        None,
        None,
        20.0,
        "2026-11-20T07:35:00+01:00",
        "2026-11-20T07:35:20+01:00",
    ),
    (
        2,
        0,
        "Hip hinge",
        1,
        None,
        10,
        10,
        50.0,
        "2026-11-21T18:01:00+01:00",
        "2026-11-21T18:01:50+01:00",
    ),
    (
        2,
        0,
        "Hip hinge",
        2,
        None,
        10,
        9,
        48.0,
        "2026-11-21T18:02:30+01:00",
        "2026-11-21T18:03:18+01:00",
    ),
]


def main() -> None:
    TARGET.unlink(missing_ok=True)
    conn = sqlite3.connect(TARGET, isolation_level=None)
    db = Database(conn)
    migrations.apply(db, stop_before="002_host_and_history_indexes")
    conn.execute("PRAGMA user_version = 1")
    conn.executemany(f"INSERT INTO sessions VALUES ({', '.join('?' * 13)})", SESSIONS)
    conn.executemany(
        "INSERT INTO sets (session_id, step, exercise, set_number, side, reps_target, reps_done,"
        " seconds, started_at, ended_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        SETS,
    )
    conn.execute("VACUUM")
    conn.close()
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
