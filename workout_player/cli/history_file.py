"""The history database opened for a command that reads it (history, today, checks,
export, report): read-only if it cannot be written, problems as one line on stderr."""

from __future__ import annotations

import sys

from workout_player import paths
from workout_player.store import Store, StoreError, open_store


def open_for_cli(db: str | None) -> Store | None:
    """Open the database for a command; on failure print one line on stderr and return None."""
    try:
        store = open_store(paths.database_path(db), mode="read")
    except StoreError as exc:
        print(f"workout-player: {exc}", file=sys.stderr)
        return None
    if store.notice:
        print(f"workout-player: {store.notice}", file=sys.stderr)
    return store
