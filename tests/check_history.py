"""A seeded history of self-checks: a few Stability check sessions, weeks apart, better
each time (the Checks screen's tests and its screenshot use it)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from workout_player.domain.check_diary import CheckRecord
from workout_player.store import Store

ZONE = timezone(timedelta(hours=1))
FIRST = datetime(2026, 10, 5, 9, 0, tzinfo=ZONE)

# (check, name, side, unit, trial values of the first session, gain per session)
STABILITY = (
    ("chair_stand_30s", "30-second chair stand", None, "reps", (11.0,), 1.0),
    ("single_leg_stance_eyes_open", "Single-leg stance, eyes open", "left", "s",
     (14.2, 21.5, 18.0), 3.0),
    ("single_leg_stance_eyes_open", "Single-leg stance, eyes open", "right", "s",
     (25.1, 30.4, 27.9), 2.5),
    ("mcgill_flexor", "Trunk flexor hold", None, "s", (62.0,), 8.0),
    ("sorensen_extensor", "Back extensor hold (Biering-Sørensen)", None, "s", (95.0,), 12.0),
    ("side_bridge_right", "Side bridge, right side", "right", "s", (48.0,), 5.0),
    ("side_bridge_left", "Side bridge, left side", "left", "s", (39.0,), 5.0),
)  # fmt: skip


def seed_checks(store: Store, sessions: int = 3, *, weeks_apart: int = 2) -> list[int]:
    """`sessions` Stability check sessions from FIRST; each result better by its gain."""
    ids = []
    for number in range(sessions):
        day = FIRST + timedelta(weeks=weeks_apart * number)
        session = store.start_session(
            workout="Stability check", workout_file=None, content_hash=None, started_at=day
        )
        for step, (check, name, side, unit, values, gain) in enumerate(STABILITY):
            for trial, value in enumerate(values, start=1):
                record = CheckRecord(
                    step=step,
                    check=check,
                    name=name,
                    side=side,
                    trial=trial,
                    value=value + gain * number,
                    unit=unit,
                    capped=False,
                    measured_at=day + timedelta(minutes=step, seconds=trial),
                )
                store.record_check(session, record)
        store.finish_session(session, status="completed", active_seconds=900.0, ended_at=day)
        ids.append(session)
    return ids
