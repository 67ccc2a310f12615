"""A small known history for the summary and history screen tests, written through the store."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from workout_player.store import SetRecord, Store

TODAY = date(2026, 3, 18)  # a Wednesday

# (start, workout, status, active seconds, [(exercise, reps or None, seconds) per set],
#  pain before, pain after, rpe)
SESSIONS = [
    (
        datetime(2026, 2, 25, 9, 0),
        "Back basics",
        "completed",
        600,
        [("Bird dog", 8, 30.0)] * 2,
        4,
        3,
        None,
    ),
    (
        datetime(2026, 3, 3, 9, 0),
        "Back basics",
        "completed",
        600,
        [("Bird dog", 8, 30.0)] * 2,
        5,
        4,
        None,
    ),
    (
        datetime(2026, 3, 10, 9, 0),
        "Side plank day",
        "completed",
        300,
        [("Side plank", None, 20.0)] * 2,
        None,
        None,
        None,
    ),
    (
        datetime(2026, 3, 16, 9, 0),
        "Back basics",
        "completed",
        900,
        [("Bird dog", 8, 30.0)] * 3 + [("Side plank", None, 20.0)] * 2,
        5,
        2,
        6,
    ),
    (
        datetime(2026, 3, 17, 18, 0),
        "Side plank day",
        "stopped",
        240,
        [("Side plank", None, 20.0)],
        3,
        None,
        None,
    ),
    (
        datetime(2026, 3, 18, 8, 0),
        "Back basics",
        "completed",
        1200,
        [("Bird dog", 10, 40.0), ("Dead bug", 10, 30.0), ("Dead bug", 10, 30.0)],
        2,
        1,
        None,
    ),
]


def record(
    store: Store,
    started: datetime,
    workout: str,
    status: str,
    active: float,
    sets: list[tuple[str, int | None, float]],
    pain_before: int | None = None,
    pain_after: int | None = None,
    rpe: int | None = None,
) -> int:
    """Write one session the way the player does: start, each set, finish, feedback."""
    session_id = store.start_session(
        workout=workout, workout_file=None, content_hash=None, started_at=started
    )
    at = started
    numbers: dict[str, int] = {}
    for step, (exercise, reps, seconds) in enumerate(sets):
        numbers[exercise] = numbers.get(exercise, 0) + 1
        end = at + timedelta(seconds=seconds)
        store.record_set(
            session_id,
            SetRecord(
                step=step,
                exercise=exercise,
                set=numbers[exercise],
                side=None,
                reps_target=reps,
                reps_done=reps,
                seconds=seconds,
                started_at=at,
                ended_at=end,
            ),
        )
        at = end + timedelta(seconds=30)
    store.finish_session(
        session_id,
        status=status,
        active_seconds=active,  # type: ignore[arg-type]
        ended_at=started + timedelta(seconds=active),
    )
    store.update_session(session_id, pain_before=pain_before, pain_after=pain_after, rpe=rpe)
    return session_id


def fill(store: Store) -> list[int]:
    """The known history above; returns the session ids, oldest first."""
    return [record(store, *session) for session in SESSIONS]


def bulk(store: Store, count: int, *, start: datetime = datetime(2025, 1, 1, 7, 0)) -> None:
    """`count` one-set sessions a day apart, inserted in one transaction (fast)."""
    conn = store.db.conn
    base = start.astimezone()
    rows = [
        (f"Bulk {i % 3}", (base + timedelta(days=i)).isoformat(), "completed", 60.0)
        for i in range(count)
    ]
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany(
        "INSERT INTO sessions (workout, started_at, status, active_seconds) VALUES (?, ?, ?, ?)",
        rows,
    )
    conn.execute("COMMIT")
