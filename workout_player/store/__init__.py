"""The session history in SQLite, through sqlite-utils (no Qt, no vlc).

store = open_store()                      # --db / WORKOUT_PLAYER_DB / per-user default
if store.notice: show(store.notice)       # e.g. a damaged file was moved aside
session_id = store.start_session(workout="Back basics", workout_file=..., content_hash=...)
store.record_set(session_id, SetRecord(...))   # committed the moment the set ends
store.record_check(session_id, CheckRecord(...)) # one row per trial of a self-check
store.finish_session(session_id, status="completed", active_seconds=812.0)
"""

from workout_player.domain.check_diary import CheckRecord  # the check diary rule makes them
from workout_player.domain.diary import SetRecord  # the diary rule makes them
from workout_player.store.check_results import CheckRow
from workout_player.store.db import open_store
from workout_player.store.errors import StoreError
from workout_player.store.queries import (
    ExerciseTotal,
    HistoryFilter,
    PainPoint,
    SessionRow,
    SetRow,
    Streaks,
    WeekTotal,
)
from workout_player.store.sessions import Store
from workout_player.store.version import SCHEMA_VERSION

__all__ = [
    "SCHEMA_VERSION",
    "CheckRecord",
    "CheckRow",
    "ExerciseTotal",
    "HistoryFilter",
    "PainPoint",
    "SessionRow",
    "SetRecord",
    "SetRow",
    "Store",
    "StoreError",
    "Streaks",
    "WeekTotal",
    "open_store",
]
