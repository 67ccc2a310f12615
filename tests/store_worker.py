"""A second process for the store tests: a real app process writing to a real file database.

python tests/store_worker.py crash DB N
    start a session, commit N sets, begin set N+1 without committing it (the
    set in progress), print "ready SESSION_ID", then wait to be killed.
python tests/store_worker.py race DB N
    start a session, print "ready SESSION_ID", wait for a line on stdin (so the
    test can release two workers at once), commit N sets, finish the session,
    print "done".
"""

from __future__ import annotations

import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from workout_player.store import SetRecord, open_store

T0 = datetime(2026, 11, 23, 18, 0, tzinfo=timezone(timedelta(hours=1)))


def make_set(number: int) -> SetRecord:
    start = T0 + timedelta(seconds=40 * number)
    return SetRecord(
        step=0,
        exercise="Bird dog",
        set=number,
        side="left" if number % 2 else "right",
        reps_target=8,
        reps_done=8,
        seconds=30.0,
        started_at=start,
        ended_at=start + timedelta(seconds=30),
    )


def main(mode: str, db: str, count: int) -> int:
    store = open_store(db)
    session_id = store.start_session(
        workout=f"Worker {mode}", workout_file=None, content_hash=None, started_at=T0
    )
    if mode == "crash":
        for number in range(1, count + 1):
            store.record_set(session_id, make_set(number))
        # The set in progress: written inside an open transaction that never commits.
        conn = store.db.conn
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(
            "INSERT INTO sets (session_id, step, exercise, set_number, seconds, started_at,"
            " ended_at) VALUES (?, 0, 'Half-done', 99, 1, ?, ?)",
            [session_id, T0.isoformat(), T0.isoformat()],
        )
        print(f"ready {session_id}", flush=True)
        sys.stdin.read()  # the test kills us while we wait here
        return 0
    print(f"ready {session_id}", flush=True)
    sys.stdin.readline()
    for number in range(1, count + 1):
        store.record_set(session_id, make_set(number))
    store.finish_session(session_id, status="completed", active_seconds=count * 30.0)
    store.close()
    print("done", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], int(sys.argv[3])))
