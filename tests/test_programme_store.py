"""Programme rows in the history: migration 005 from the schema before it, idempotent
records, and the writer carrying them like a session's."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlite_utils import Database

from workout_player.domain.programme.suggestion import Suggestion
from workout_player.store import open_store
from workout_player.store.journal import append, journal_path
from workout_player.store.migrations import migrations
from workout_player.store.programmes import (
    choice_record,
    choices,
    current_enrolment,
    enrol_record,
    event_record,
    response_record,
    responses,
)
from workout_player.store.records import apply, replay_journal
from workout_player.store.schema import classify
from workout_player.store.version import SCHEMA_VERSION
from workout_player.store.writer import Writer

T0 = datetime(2026, 3, 4, 8, 0, tzinfo=timezone(timedelta(hours=1)))
HARDER = Suggestion("harder", "H1", 2, 3, "Your back settled ...: try level 3.")


def _schema_3_file(path: Path) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    migrations.apply(Database(conn), stop_before="004_check_results")
    conn.execute("PRAGMA user_version = 3")
    conn.execute(
        "INSERT INTO sessions (workout, started_at, status)"
        " VALUES ('Old', '2026-01-01T10:00:00+01:00', 'completed')"
    )
    conn.close()


def test_a_schema_3_history_is_upgraded_and_keeps_its_sessions(tmp_path: Path) -> None:
    db = tmp_path / "h.db"
    _schema_3_file(db)
    with open_store(db) as store:
        assert [s.workout for s in store.sessions()] == ["Old"]
        schema = classify(store.conn)
        assert (schema.kind, schema.version) == ("ours", SCHEMA_VERSION)
        assert current_enrolment(store) is None
    assert list(tmp_path.glob("h.db.backup-*-schema3")), "the upgrade keeps a backup first"


def _session(store_path: Path) -> int:
    with open_store(store_path) as store:
        return store.start_session(workout="A", workout_file="/p/a.yaml", content_hash=None)


def test_every_record_written_twice_is_stored_once(tmp_path: Path) -> None:
    db = tmp_path / "h.db"
    session_id = _session(db)
    enrol = enrol_record("/p/programme.yaml", "Programme", T0)
    pause = event_record({"enrolment": enrol["key"]}, "pause", T0 + timedelta(days=2))
    morning = response_record(
        {"session_id": session_id}, morning_pain=3, morning_asked_at=T0 + timedelta(days=1)
    )
    legs = response_record({"session_id": session_id}, leg_symptoms=True)
    choice = choice_record(
        {"enrolment": enrol["key"]}, {"session_id": session_id},
        phase=0, suggestion=HARDER, chosen="same", level=2, decided_at=T0 + timedelta(days=1),
    )  # fmt: skip
    with open_store(db) as store:
        for record in (enrol, pause, morning, legs, choice) * 2:
            apply(store, record)
        row = current_enrolment(store)
        assert row is not None and row.programme == "Programme"
        assert row.enrolment.state() == "paused"
        assert row.enrolment.started == T0
        (answer,) = responses(store, [session_id]).values()
        assert (answer.morning_pain, answer.leg_symptoms) == (3, True)
        assert answer.morning_asked_at == T0 + timedelta(days=1)
        assert [(c.session_id, c.suggested, c.chosen, c.level) for c in choices(store, row.id)] == [
            (session_id, "harder", "same", 2)
        ]
        counts = [
            store.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("enrolments", "enrolment_events", "session_responses", "suggestions")
        ]
        assert counts == [1, 1, 1, 1]


def test_leaving_ends_the_enrolment(tmp_path: Path) -> None:
    db = tmp_path / "h.db"
    with open_store(db) as store:
        enrol = enrol_record("/p/programme.yaml", "Programme", T0)
        apply(store, enrol)
        apply(store, event_record({"enrolment": enrol["key"]}, "leave", T0 + timedelta(days=3)))
        assert current_enrolment(store) is None


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"morning_pain": 11}, "morning_pain must be a whole number from 0 to 10"),
        ({"morning_pain": True}, "morning_pain must be a whole number from 0 to 10"),
        ({"pain_after": 3}, "cannot store pain_after with a session"),
    ],
)
def test_a_bad_answer_is_refused_before_it_is_queued(
    fields: dict[str, object], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        response_record({"session_id": 1}, **fields)


def test_the_writer_carries_programme_records_through_its_journal(tmp_path: Path) -> None:
    db = tmp_path / "h.db"
    session_id = _session(db)
    enrol = enrol_record("/p/programme.yaml", "Programme", T0)
    morning = response_record({"session_id": session_id}, morning_pain=4)
    # A journal left by a run that could not write: replayed (twice, as after a crash
    # between the commit and the journal's deletion) without doubling anything.
    journal = journal_path(db)
    append(journal, [enrol, morning])
    with open_store(db) as store:
        assert current_enrolment(store) is not None
        append(journal, [enrol, morning])
        replay_journal(store, journal)
        assert store.conn.execute("SELECT count(*) FROM enrolments").fetchone()[0] == 1
    with open_store(db) as store:
        writer = Writer(store)
        try:
            writer.write_record(event_record({"enrolment": enrol["key"]}, "pause"))
            writer.write_record(response_record({"session_id": session_id}, leg_symptoms=True))
            assert writer.flush(timeout=30)
        finally:
            writer.close()
        row = current_enrolment(store)
        assert row is not None and row.enrolment.state() == "paused"
        assert responses(store, [session_id])[session_id].leg_symptoms is True
        assert responses(store, [session_id])[session_id].morning_pain == 4
        with pytest.raises(ValueError, match="not a programme record"):
            writer.write_record({"op": "set"})
