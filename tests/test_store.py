"""The store on fresh in-memory databases: writes, constraints and the history queries."""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Iterator
from dataclasses import fields
from datetime import date, datetime, timedelta, timezone

import pytest

from workout_player.domain.step_summary import sets_done
from workout_player.store import (
    SCHEMA_VERSION,
    ExerciseTotal,
    HistoryFilter,
    PainPoint,
    SetRecord,
    SetRow,
    Store,
    Streaks,
    WeekTotal,
    open_store,
)

CET = timezone(timedelta(hours=1))
T0 = datetime(2026, 11, 23, 18, 4, 5, tzinfo=CET)  # a Monday


@pytest.fixture
def store() -> Iterator[Store]:
    with open_store(":memory:") as opened:
        yield opened


def a_set(
    exercise: str = "Bird dog",
    number: int = 1,
    *,
    side: str | None = None,
    reps: int | None = 8,
    seconds: float = 30.0,
    start: datetime = T0,
) -> SetRecord:
    return SetRecord(
        step=0,
        exercise=exercise,
        set=number,
        side=side,
        reps_target=8 if reps is not None else None,
        reps_done=reps,
        seconds=seconds,
        started_at=start,
        ended_at=start + timedelta(seconds=seconds),
    )


def session_on(store: Store, when: datetime, workout: str = "Back basics", sets: int = 1) -> int:
    session_id = store.start_session(
        workout=workout, workout_file=None, content_hash=None, started_at=when
    )
    for number in range(1, sets + 1):
        store.record_set(session_id, a_set(number=number, start=when))
    store.finish_session(
        session_id, status="completed", active_seconds=600.0, ended_at=when + timedelta(minutes=10)
    )
    return session_id


def test_every_connection_gets_foreign_keys_and_the_schema_version(store: Store) -> None:
    conn = store.db.conn
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert store.path is None
    assert store.notice is None


def test_a_session_is_written_at_start_with_this_process(store: Store) -> None:
    session_id = store.start_session(
        workout="Back basics", workout_file="a.yaml", content_hash="sha256:1", started_at=T0
    )
    row = store.session(session_id)
    assert row is not None
    assert (row.status, row.started_at, row.ended_at, row.sets) == ("in_progress", T0, None, 0)
    pid, host = store.db.conn.execute(
        "SELECT pid, host FROM sessions WHERE id = ?", [session_id]
    ).fetchone()
    assert pid > 0
    assert host
    # open_store's recovery must not touch a session of a live process (this one).
    assert store.mark_interrupted() == 0


def test_sets_are_stored_as_given_and_times_keep_their_offset(store: Store) -> None:
    session_id = store.start_session(workout="W", workout_file=None, content_hash=None)
    record = a_set("Side plank", 2, side="left", reps=None, seconds=20.25)
    set_id = store.record_set(session_id, record)
    (row,) = store.sets(session_id)
    assert row.id == set_id
    assert (row.exercise, row.set, row.side, row.reps_target, row.reps_done) == (
        "Side plank",
        2,
        "left",
        None,
        None,
    )
    assert row.seconds == 20.25
    assert row.started_at == T0
    assert row.started_at.utcoffset() == timedelta(hours=1)
    text = store.db.conn.execute("SELECT started_at FROM sets").fetchone()[0]
    assert text == "2026-11-23T18:04:05+01:00"


def test_finish_session_sets_status_time_and_active_seconds(store: Store) -> None:
    session_id = store.start_session(
        workout="W", workout_file=None, content_hash=None, started_at=T0
    )
    end = T0 + timedelta(minutes=12)
    store.finish_session(session_id, status="stopped", active_seconds=700.5, ended_at=end)
    row = store.session(session_id)
    assert row is not None
    assert (row.status, row.ended_at, row.active_seconds, row.duration_seconds) == (
        "stopped",
        end,
        700.5,
        700.5,
    )
    with pytest.raises(ValueError, match="completed"):
        store.finish_session(session_id, status="interrupted", active_seconds=1)  # type: ignore[arg-type]


def test_update_session_checks_the_scales(store: Store) -> None:
    session_id = store.start_session(workout="W", workout_file=None, content_hash=None)
    store.update_session(session_id, pain_before=7, pain_after=3, rpe=6, notes="knee fine")
    row = store.session(session_id)
    assert row is not None
    assert (row.pain_before, row.pain_after, row.rpe, row.notes) == (7, 3, 6, "knee fine")
    store.update_session(session_id, notes=None, pain_after=0)
    row = store.session(session_id)
    assert row is not None
    assert (row.notes, row.pain_after) == (None, 0)
    with pytest.raises(ValueError, match="0 to 10"):
        store.update_session(session_id, pain_before=11)
    with pytest.raises(ValueError, match="1 to 10"):
        store.update_session(session_id, rpe=0)
    with pytest.raises(ValueError, match="status"):
        store.update_session(session_id, status="completed")


def test_the_schema_refuses_bad_values_entered_by_hand(store: Store) -> None:
    conn = store.db.conn
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute(
            "INSERT INTO sessions (workout, started_at, status) VALUES ('W', 'x', 'paused')"
        )
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute(
            "INSERT INTO sessions (workout, started_at, pain_before) VALUES ('W', 'x', 11)"
        )
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        store.record_set(999, a_set())


def test_deleting_a_session_deletes_its_sets(store: Store) -> None:
    session_id = session_on(store, T0, sets=3)
    store.db.conn.execute("DELETE FROM sessions WHERE id = ?", [session_id])
    assert store.db.conn.execute("SELECT count(*) FROM sets").fetchone()[0] == 0


def test_sessions_page_newest_first_with_filters_and_count(store: Store) -> None:
    ids = [
        session_on(store, T0 + timedelta(days=day), "Back basics" if day % 2 else "Hip hinge")
        for day in range(10)
    ]
    page = store.sessions(limit=3)
    assert [row.id for row in page] == ids[::-1][:3]
    assert [row.id for row in store.sessions(limit=3, offset=3)] == ids[::-1][3:6]
    assert store.count_sessions() == 10
    hinge = HistoryFilter(workout="Hip hinge")
    assert store.count_sessions(hinge) == 5
    assert {row.workout for row in store.sessions(hinge)} == {"Hip hinge"}
    window = HistoryFilter(since=date(2026, 11, 25), until=date(2026, 11, 27))
    assert [row.id for row in store.sessions(window)] == [ids[4], ids[3], ids[2]]
    both = HistoryFilter(workout="Back basics", since=date(2026, 11, 25), until=date(2026, 11, 27))
    assert [row.id for row in store.sessions(both)] == [ids[3]]
    assert store.workout_titles() == ["Back basics", "Hip hinge"]


def test_session_rows_carry_set_totals(store: Store) -> None:
    session_id = session_on(store, T0, sets=4)
    (row,) = store.sessions()
    assert (row.id, row.sets, row.reps, row.work_seconds) == (session_id, 4, 32, 120.0)


def test_iter_sessions_pages_through_everything_in_order(store: Store) -> None:
    ids = [session_on(store, T0 + timedelta(hours=hour), sets=2) for hour in range(7)]
    # Two sessions at the same second: the id breaks the tie, and none is lost between pages.
    ids.append(session_on(store, T0 + timedelta(hours=6), sets=2))
    seen = list(store.iter_sessions(chunk=3))
    assert [row.id for row, _sets in seen] == [ids[7], ids[6], *ids[5::-1]]
    assert all(len(sets) == 2 and sets[0].session_id == row.id for row, sets in seen)
    assert [row.id for row, _ in store.iter_sessions(limit=2, chunk=1)] == [ids[7], ids[6]]


def test_session_summary_per_exercise_in_the_order_done(store: Store) -> None:
    session_id = store.start_session(workout="W", workout_file=None, content_hash=None)
    store.record_set(session_id, a_set("Bird dog", 1, side="left", reps=8))
    store.record_set(session_id, a_set("Bird dog", 1, side="right", reps=7))
    store.record_set(session_id, a_set("Side plank", 1, reps=None, seconds=20.0))
    store.record_set(session_id, a_set("Bird dog", 2, side="left", reps=6))
    # Bird dog: set 1 left and right, set 2 left (stopped there): two sets, done by side.
    assert store.session_summary(session_id) == [
        ExerciseTotal("Bird dog", sets=2, reps=21, seconds=90.0, sessions=1, each_side=True),
        ExerciseTotal("Side plank", sets=1, reps=0, seconds=20.0, sessions=1),
    ]
    (row,) = store.sessions()
    assert row.sets == 3


def test_a_set_done_left_and_right_counts_once_everywhere(store: Store) -> None:
    session_id = store.start_session(workout="W", workout_file=None, content_hash=None)
    store.record_set(session_id, a_set("Side plank", 1, side="left", reps=None))
    store.record_set(session_id, a_set("Side plank", 1, side="right", reps=None))
    # The same exercise again in a later step is another set, not the same one.
    later = a_set("Side plank", 1, side="left", reps=None)
    store.record_set(session_id, dataclasses.replace(later, step=2))
    store.record_set(session_id, dataclasses.replace(later, step=2, side="right"))
    store.record_set(session_id, a_set("Bird dog", 1, reps=5))
    expected = [
        ExerciseTotal("Side plank", sets=2, reps=0, seconds=120.0, sessions=1, each_side=True),
        ExerciseTotal("Bird dog", sets=1, reps=5, seconds=30.0, sessions=1),
    ]
    assert store.session_summary(session_id) == expected
    assert store.exercise_totals() == expected
    (row,) = store.sessions()
    assert row.sets == 3


def test_sets_done_text_says_each_side_like_the_workout_page() -> None:
    assert sets_done(1, each_side=True) == "1 set, each side"
    assert sets_done(3, each_side=False) == "3 sets"


def test_exercise_totals_over_all_or_filtered_sessions(store: Store) -> None:
    first = session_on(store, T0, "Back basics", sets=2)
    session_on(store, T0 + timedelta(days=1), "Hip hinge", sets=3)
    store.record_set(first, a_set("Side plank", reps=None, seconds=15.0))
    assert store.exercise_totals() == [
        ExerciseTotal("Bird dog", sets=5, reps=40, seconds=150.0, sessions=2),
        ExerciseTotal("Side plank", sets=1, reps=0, seconds=15.0, sessions=1),
    ]
    assert store.exercise_totals(HistoryFilter(workout="Hip hinge")) == [
        ExerciseTotal("Bird dog", sets=3, reps=24, seconds=90.0, sessions=1),
    ]


def test_weekly_totals_fill_empty_weeks(store: Store) -> None:
    session_on(store, T0)  # Monday 23 Nov
    session_on(store, T0 + timedelta(days=6, hours=2))  # Sunday 29 Nov, same ISO week
    session_on(store, T0 + timedelta(days=15))  # Tuesday 8 Dec
    assert store.weekly_totals() == [
        WeekTotal(date(2026, 11, 23), sessions=2, minutes=20.0),
        WeekTotal(date(2026, 11, 30), sessions=0, minutes=0.0),
        WeekTotal(date(2026, 12, 7), sessions=1, minutes=10.0),
    ]


def test_weekly_minutes_fall_back_to_wall_clock_time(store: Store) -> None:
    session_id = store.start_session(
        workout="W", workout_file=None, content_hash=None, started_at=T0
    )
    store.db.conn.execute(
        "UPDATE sessions SET status = 'interrupted', ended_at = ? WHERE id = ?",
        [(T0 + timedelta(minutes=5)).isoformat(), session_id],
    )
    assert store.weekly_totals() == [WeekTotal(date(2026, 11, 23), 1, 5.0)]


def test_pain_trend_averages_per_local_day(store: Store) -> None:
    late_evening = datetime(2026, 11, 23, 23, 30, tzinfo=CET)  # 22:30 UTC, still the 23rd here
    one = session_on(store, late_evening)
    two = session_on(store, late_evening - timedelta(hours=3))
    three = session_on(store, late_evening + timedelta(days=1))
    session_on(store, late_evening + timedelta(days=2))  # no pain given: not in the trend
    store.update_session(one, pain_before=6, pain_after=4)
    store.update_session(two, pain_before=4)
    store.update_session(three, pain_after=1)
    assert store.pain_trend() == [
        PainPoint(date(2026, 11, 23), before=5.0, after=4.0, sessions=2),
        PainPoint(date(2026, 11, 24), before=None, after=1.0, sessions=1),
    ]


def test_streaks_of_days_and_weeks(store: Store) -> None:
    assert store.streaks(today=date(2026, 11, 23)) == Streaks(0, 0, 0, 0)
    for day in (0, 1, 2, 5, 6, 14, 15, 16, 17):  # runs of 3, 2 and 4 days
        session_on(store, T0 + timedelta(days=day))
    # A session with no set done does not keep a streak alive.
    store.start_session(
        workout="W", workout_file=None, content_hash=None, started_at=T0 + timedelta(days=18)
    )
    last = date(2026, 12, 10)
    # Weeks of 23 Nov, 30 Nov (days 14-17 fall in the week of 7 Dec): Nov 23 (0,1,2,5,6),
    # Dec 7 (14, 15, 16, 17) - the week of 30 Nov is empty.
    assert store.streaks(today=last) == Streaks(4, 4, 1, 1)
    assert store.streaks(today=last + timedelta(days=1)) == Streaks(4, 4, 1, 1)
    assert store.streaks(today=last + timedelta(days=2)) == Streaks(0, 4, 1, 1)
    assert store.streaks(today=last + timedelta(days=12)) == Streaks(0, 4, 0, 1)


def test_week_streaks_count_consecutive_iso_weeks(store: Store) -> None:
    for week in (0, 1, 2, 4):
        session_on(store, T0 + timedelta(days=7 * week + 3))
    assert store.streaks(today=date(2026, 12, 24)) == Streaks(1, 1, 1, 3)
    assert store.streaks(today=date(2026, 12, 31)) == Streaks(0, 1, 1, 3)


def test_recovery_marks_only_gone_processes_on_this_machine(store: Store) -> None:
    gone_here, gone_elsewhere, alive = (
        store.start_session(workout="W", workout_file=None, content_hash=None, started_at=T0)
        for _ in range(3)
    )
    store.record_set(gone_here, a_set(number=1, start=T0 + timedelta(minutes=1)))
    store.record_set(gone_here, a_set(number=2, start=T0 + timedelta(minutes=2)))
    conn = store.db.conn
    conn.execute(
        "UPDATE sessions SET pid = ? WHERE id IN (?, ?)", [2**30, gone_here, gone_elsewhere]
    )
    conn.execute("UPDATE sessions SET host = 'another-laptop' WHERE id = ?", [gone_elsewhere])
    assert store.mark_interrupted() == 1
    statuses = {row.id: (row.status, row.ended_at) for row in store.sessions()}
    assert statuses == {
        gone_here: ("interrupted", T0 + timedelta(minutes=2, seconds=30)),
        gone_elsewhere: ("in_progress", None),
        alive: ("in_progress", None),
    }
    assert store.mark_interrupted() == 0


def test_a_stored_set_reads_back_with_every_field_of_its_record(store: Store) -> None:
    # SetRecord (written) and SetRow (read, possibly damaged) are two types on purpose; this
    # keeps them from drifting: the same fields, and a whole row gives the record back.
    session = store.start_session(workout="W", workout_file=None, content_hash=None, started_at=T0)
    record = a_set(side="left", start=T0 + timedelta(minutes=1))
    store.record_set(session, record)
    (row,) = store.sets(session)
    names = [field.name for field in fields(SetRecord)]
    assert [field.name for field in fields(SetRow)] == ["id", "session_id", *names, "bad"]
    assert SetRecord(**{name: getattr(row, name) for name in names}) == record
    assert row.bad == ()
