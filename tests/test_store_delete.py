"""Deleting a session from the history: its sets and check results go with it, through the
writer's "delete" record, and a delete written twice or replayed late removes nothing else."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from workout_player.domain.check_diary import CheckRecord
from workout_player.store import SetRecord, Store, open_store
from workout_player.store.journal import append, journal_path
from workout_player.store.records import apply, delete_record
from workout_player.store.writer import Writer

START = datetime(2026, 12, 1, 18, 4, 0).astimezone()


def a_set(number: int) -> SetRecord:
    started = START + timedelta(minutes=number)
    return SetRecord(0, "Bird dog", number, "left", 6, 6, 30.0, started, started)


def a_check() -> CheckRecord:
    return CheckRecord(
        step=1,
        check="single_leg_stance_eyes_open",
        name="Single-leg stance, eyes open",
        side="left",
        trial=1,
        value=20.0,
        unit="s",
        capped=False,
        measured_at=START,
    )


def session_with_rows(store: Store, workout: str, started: datetime = START) -> int:
    session_id = store.start_session(
        workout=workout, workout_file=None, content_hash=None, started_at=started
    )
    store.record_set(session_id, a_set(1))
    store.record_set(session_id, a_set(2))
    store.record_check(session_id, a_check())
    return session_id


def counts(store: Store) -> tuple[int, int, int]:
    return tuple(  # type: ignore[return-value]
        store.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
        for table in ("sessions", "sets", "check_results")
    )


def test_deleting_a_session_takes_its_sets_and_check_results_and_nothing_else() -> None:
    with open_store(":memory:") as store:
        gone = session_with_rows(store, "Static stability")
        kept = session_with_rows(store, "Dynamic stability", START + timedelta(days=1))
        assert counts(store) == (2, 4, 2)
        assert store.delete_session(gone, stamp=store.session_stamp(gone))
        assert counts(store) == (1, 2, 1)
        assert [row.id for row in store.sessions()] == [kept]
        assert store.sets(gone) == [] and len(store.sets(kept)) == 2


def test_a_delete_record_applied_twice_deletes_once() -> None:
    with open_store(":memory:") as store:
        gone = session_with_rows(store, "Static stability")
        record = delete_record(gone, store.session_stamp(gone))
        apply(store, record)
        apply(store, record)
        assert counts(store) == (0, 0, 0)


def test_a_late_replayed_delete_spares_a_new_session_that_took_the_same_id() -> None:
    with open_store(":memory:") as store:
        gone = session_with_rows(store, "Static stability")
        record = delete_record(gone, store.session_stamp(gone))
        apply(store, record)
        # SQLite gives the highest id again once that row is gone.
        again = session_with_rows(store, "Static stability", START + timedelta(hours=2))
        assert again == gone
        apply(store, record)
        assert counts(store) == (1, 2, 1)


def test_each_delete_record_has_its_own_key() -> None:
    assert delete_record(1, "x")["key"] != delete_record(1, "x")["key"]


def test_the_writer_deletes_on_its_thread_and_a_journaled_delete_is_replayed_at_open(
    tmp_path: Path,
) -> None:
    db = tmp_path / "history.sqlite3"
    with open_store(db) as store:
        first = session_with_rows(store, "Static stability")
        second = session_with_rows(store, "Hip hinge practice", START + timedelta(days=1))
        writer = Writer(store)
        writer.delete_session(first, store.session_stamp(first))
        assert writer.flush(timeout=30)
        writer.close()
        assert [row.id for row in store.sessions()] == [second]
        # A delete that waited in the journal (the database was locked) is written next time.
        append(journal_path(db), [delete_record(second, store.session_stamp(second))])
    with open_store(db) as store:
        assert counts(store) == (0, 0, 0)
        assert not journal_path(db).exists()
