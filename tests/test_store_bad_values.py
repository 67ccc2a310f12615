"""One value breaking a column's rule is not damage: the history is kept, not moved aside.

SQLite 3.40 (this machine's) does not report CHECK and NOT NULL violations in
quick_check, newer versions do ("CHECK constraint failed in sessions", "NULL value
in sessions.workout"). A file with such a value must open in place on both.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from workout_player.store import open_store
from workout_player.store.look import integrity_problem, is_bad_value
from workout_player.store.schema import classify


def _history_with_a_hand_edited_value(path: Path) -> None:
    with open_store(path) as store:
        session_id = store.start_session(
            workout="Back basics", workout_file=None, content_hash=None
        )
        store.finish_session(session_id, status="completed", active_seconds=60)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA ignore_check_constraints = 1")
    conn.execute("UPDATE sessions SET rpe = 'eight', pain_before = 11")
    conn.commit()
    conn.close()


class NewerQuickCheck:
    """A connection whose quick_check answers as a newer SQLite does for the same file."""

    def __init__(self, conn: sqlite3.Connection, lines: list[str]) -> None:
        self._conn = conn
        self._lines = lines

    def execute(self, sql: str, *args: object) -> object:
        if sql.strip().upper() == "PRAGMA QUICK_CHECK":
            return self._conn.execute(
                " UNION ALL ".join("SELECT ?" for _ in self._lines), self._lines
            )
        return self._conn.execute(sql, *args)


@pytest.mark.parametrize(
    ("line", "bad_value"),
    [
        ("CHECK constraint failed in sessions", True),
        ("NULL value in sessions.workout", True),
        ("*** in database main ***\nPage 5: btreeInitPage() returns error code 11", False),
        ("row 3 missing from index sessions_started_at", False),
        ("ok", False),
    ],
)
def test_only_rule_breaking_values_are_told_apart_from_damage(line: str, bad_value: bool) -> None:
    assert is_bad_value(line) is bad_value


def test_a_value_breaking_a_check_rule_keeps_the_history_in_place(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    _history_with_a_hand_edited_value(path)
    conn = sqlite3.connect(path)
    try:
        newer = NewerQuickCheck(
            conn, ["CHECK constraint failed in sessions", "CHECK constraint failed in sessions"]
        )
        schema = classify(conn)
        assert integrity_problem(newer, path, schema, wal_left=True) is None  # type: ignore[arg-type]
        damaged = NewerQuickCheck(
            conn, ["CHECK constraint failed in sessions", "Page 2 is never used"]
        )
        problem = integrity_problem(damaged, path, schema, wal_left=True)  # type: ignore[arg-type]
        assert problem == "its integrity check failed: Page 2 is never used"
    finally:
        conn.close()

    with open_store(path) as store:
        assert store.notice is None
        rows = store.sessions()
    assert [row.workout for row in rows] == ["Back basics"]
    assert sorted(p.name for p in tmp_path.iterdir() if ".corrupt-" in p.name) == []
