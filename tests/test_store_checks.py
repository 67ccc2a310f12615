"""Check results in the history: migration 004 from a kept schema-3 file, one row per trial,
typed corrections as revisions, idempotent replays, and the writer's "check" records."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.conftest import DATA
from workout_player.domain.check_diary import CheckRecord, check_record
from workout_player.domain.session import CheckResult
from workout_player.store import CheckRecord as StoreCheckRecord
from workout_player.store import Store, open_store
from workout_player.store.records import apply, new_key
from workout_player.store.records import check_record as check_write
from workout_player.store.version import SCHEMA_VERSION
from workout_player.store.writer import Writer

V3_DB = DATA / "history-v3.sqlite3"
AT = datetime(2026, 11, 30, 8, 0, 0).astimezone()


def trial(
    number: int, value: float, *, side: str | None = "left", revision: int = 0
) -> CheckRecord:
    return CheckRecord(
        step=0,
        check="single_leg_stance_eyes_open",
        name="Single-leg stance, eyes open",
        side=side,
        trial=number,
        value=value,
        unit="s",
        capped=value >= 45,
        measured_at=AT + timedelta(minutes=number),
        revision=revision,
    )


def a_session(store: Store) -> int:
    return store.start_session(workout="Stability check", workout_file=None, content_hash=None)


def test_the_kept_schema_3_file_is_backed_up_and_gets_the_check_results_table(
    tmp_path: Path,
) -> None:
    db = tmp_path / "history.sqlite3"
    shutil.copy(V3_DB, db)
    with open_store(db) as store:
        assert store.db.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        (row,) = store.sessions()
        # One set done left and right counts once (the rule the summary and history use).
        assert (row.workout, row.status, row.sets) == ("Back basics", "completed", 1)
        assert [s.side for s in store.sets(row.id)] == ["left", "right"]
        assert store.check_results() == []
        store.record_check(row.id, trial(1, 12.5))
        (result,) = store.check_results()
        assert (result.session_id, result.workout, result.value, result.side) == (
            row.id,
            "Back basics",
            12.5,
            "left",
        )
    (backup,) = tmp_path.glob("history.sqlite3.backup-*-schema3")
    assert sqlite3.connect(backup).execute("PRAGMA user_version").fetchone()[0] == 3
    fresh = tmp_path / "fresh.sqlite3"
    open_store(fresh).close()
    schema = "SELECT type, name, sql FROM sqlite_master ORDER BY name"
    assert (
        sqlite3.connect(db).execute(schema).fetchall()
        == sqlite3.connect(fresh).execute(schema).fetchall()
    )


def test_one_row_per_trial_newest_first_and_kept_with_the_session() -> None:
    with open_store(":memory:") as store:
        first, second = a_session(store), a_session(store)
        store.record_check(first, trial(1, 10.0))
        store.record_check(first, trial(1, 11.0, side="right"))
        store.record_check(first, trial(2, 45.0))
        store.record_check(second, trial(3, 20.0, side=None))
        rows = store.check_results()
        assert [(r.session_id, r.trial, r.side, r.value, r.capped) for r in rows] == [
            (second, 3, None, 20.0, False),
            (first, 2, "left", 45.0, True),
            (first, 1, "right", 11.0, False),
            (first, 1, "left", 10.0, False),
        ]
        assert [r.value for r in store.session_checks(first)] == [10.0, 11.0, 45.0]
        assert store.check_results("chair_stand_30s") == []
        store.conn.execute("DELETE FROM sessions WHERE id = ?", [first])
        assert [r.session_id for r in store.check_results()] == [second]


def test_a_higher_revision_replaces_the_trial_and_replays_change_nothing() -> None:
    with open_store(":memory:") as store:
        session = a_session(store)
        target = {"session_id": session}
        original = check_write(target, trial(1, 0.0))
        corrected = check_write(target, trial(1, 14.0, revision=1))
        for record in (original, original, corrected, corrected, original):
            apply(store, record)
        (row,) = store.check_results()
        assert row.value == 14.0
        count = store.conn.execute("SELECT count(*), max(revision) FROM check_results")
        assert count.fetchone() == (1, 1)


def test_the_store_refuses_values_no_trial_can_have() -> None:
    with open_store(":memory:") as store:
        session = a_session(store)
        bad = "INSERT INTO check_results (session_id, step, check_id, name, side, trial, value,"
        bad += " unit, capped, measured_at) VALUES (?, 0, 'x', 'X', ?, ?, ?, ?, 0, 't')"
        for side, number, value, unit in [
            ("up", 1, 1.0, "s"),
            ("", 0, 1.0, "s"),
            ("", 1, -1.0, "s"),
            ("", 1, 1.0, "kg"),
        ]:
            with pytest.raises(sqlite3.IntegrityError):
                store.conn.execute(bad, [session, side, number, value, unit])


def test_the_check_diary_keeps_results_and_refuses_impossible_ones() -> None:
    result = CheckResult("chair_stand_30s", "Chair stand", 2, None, 1, 13.0, "reps", False)
    assert check_record(result, AT) == StoreCheckRecord(
        step=2,
        check="chair_stand_30s",
        name="Chair stand",
        side=None,
        trial=1,
        value=13.0,
        unit="reps",
        capped=False,
        measured_at=AT,
    )
    held = CheckResult("mcgill_flexor", "Flexor", 0, None, 1, 61.23456, "s", False, 2)
    record = check_record(held, AT)
    assert record is not None and (record.value, record.revision) == (61.23, 2)
    assert check_record(CheckResult("x", "X", 0, None, 1, -1.0, "s", False), AT) is None
    assert check_record(CheckResult("x", "X", 0, None, 1, 1.0, "kg", False), AT) is None


def test_the_writer_stores_check_records_through_its_journal(tmp_path: Path) -> None:
    db = tmp_path / "history.sqlite3"
    open_store(db).close()
    with open_store(db) as store:
        writer = Writer(store)
        handle = writer.start_session(
            workout="Stability check", workout_file=None, content_hash=None
        )
        writer.record_check(handle, trial(1, 30.0))
        writer.record_check(handle, trial(1, 31.0, revision=1))
        writer.finish_session(handle, status="completed", active_seconds=100.0)
        assert writer.flush(timeout=30)
        writer.close()
    with open_store(db, mode="read") as store:
        (row,) = store.check_results()
        assert (row.value, row.workout) == (31.0, "Stability check")
    assert new_key() != new_key()


def test_a_row_edited_by_hand_into_nonsense_is_left_out_not_a_traceback(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with open_store(":memory:") as store:
        session = a_session(store)
        store.record_check(session, trial(1, 10.0))
        store.record_check(session, trial(2, 11.0))
        # Text compares above any number in SQLite, so value >= 0 lets it through.
        store.conn.execute("UPDATE check_results SET value = 'lots' WHERE trial = 2")
        store.conn.execute("UPDATE check_results SET measured_at = 'soon' WHERE trial = 1")
        store.record_check(session, trial(3, 12.0))
        assert [r.trial for r in store.check_results()] == [3]
    assert len([r for r in caplog.records if "left out" in r.getMessage()]) == 2
