"""A known eight-week history for the report tests, written through the store's own API.

28 sessions, every other day from Monday 5 October 2026 to Saturday 28 November 2026; pain
before 6 in the first two weeks falling to 3 in the last two (after: one less); every
fifth session ended early; leg symptoms ticked once (12 November); a note; self-checks on
the first and the last day; the profile says a woman born in 1960 (the chair-stand
norm for 65-69).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from tests.history_data import record
from workout_player.domain.profile import Profile
from workout_player.store import CheckRecord, Store, open_store, programmes

START = date(2026, 10, 5)
END = date(2026, 11, 29)
SESSIONS = 28
NOTE = "Tight after the long drive, eased by the second set."
FLAG_DAY = date(2026, 11, 12)
EXERCISES = [("Bird dog", 8, 30.0)] * 3 + [("Side plank", None, 20.0)] * 2


CHECKS_START = (
    ("mcgill_flexor", "Trunk flexor hold", None, 40.0),
    ("side_bridge_right", "Right side bridge", None, 30.0),
    ("side_bridge_left", "Left side bridge", None, 24.0),
    ("single_leg_stance_eyes_open", "Single-leg stance", "right", 30.0),
    ("single_leg_stance_eyes_open", "Single-leg stance", "left", 21.0),
    ("chair_stand_30s", "30-second chair stand", None, 11.0),
)
CHECKS_END = (
    ("mcgill_flexor", "Trunk flexor hold", None, 62.0),
    ("side_bridge_right", "Right side bridge", None, 36.0),
    ("side_bridge_left", "Left side bridge", None, 35.0),
    ("single_leg_stance_eyes_open", "Single-leg stance", "right", 30.0),
    ("single_leg_stance_eyes_open", "Single-leg stance", "left", 28.0),
    ("chair_stand_30s", "30-second chair stand", None, 14.0),
)


def pain_on(index: int) -> int:
    """Pain before on day `index` of the period."""
    return 6 - index // 14  # day 0-13: 6, then 5, 4 and 3 over the fortnights


def write(store: Store, *, pain: bool = True) -> list[int]:
    ids = []
    for index in range(0, 2 * SESSIONS, 2):
        started = datetime.combine(START + timedelta(days=index), datetime.min.time()).replace(
            hour=9
        )
        before = pain_on(index) if pain else None
        ids.append(
            record(
                store,
                started,
                "Back basics",
                "stopped" if index % 10 == 0 else "completed",
                900,
                EXERCISES,
                before,
                None if before is None else before - 1,
                5 + (index // 2) % 3,
            )
        )
    store.update_session(ids[2], notes=NOTE)
    flagged = ids[(FLAG_DAY - START).days // 2]
    programmes.respond(store, flagged, {"leg_symptoms": True, "morning_pain": 4 if pain else None})
    store.set_profile(Profile(birth_year=1960, sex="female"))
    for session, results in ((ids[0], CHECKS_START), (ids[-1], CHECKS_END)):
        at = store.session(session).started_at + timedelta(minutes=5)  # type: ignore[union-attr]
        for step, (check, name, side, result) in enumerate(results):
            store.record_check(
                session, CheckRecord(step, check, name, side, 1, result, _unit(check), False, at)
            )
    return ids


def _unit(check: str) -> str:
    return "reps" if check == "chair_stand_30s" else "s"


def database(path: Path, *, pain: bool = True) -> Path:
    with open_store(path) as store:
        write(store, pain=pain)
    return path
