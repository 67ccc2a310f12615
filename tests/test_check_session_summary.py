"""One session's checks as the summary says them (domain.check_summary.session_summaries), and
the writer's copy of a session's trials (store.drafts): plain Python, a real in-memory store."""

from __future__ import annotations

from datetime import datetime, timedelta

from workout_player.domain.check_diary import CheckRecord
from workout_player.domain.check_summary import session_summaries
from workout_player.domain.profile import Profile
from workout_player.store import Store, open_store
from workout_player.store.drafts import SessionDraft
from workout_player.store.records import start_record

DAY = datetime(2026, 11, 3, 9, 0).astimezone()


def trial(
    check: str, side: str | None, number: int, value: float, at: datetime, revision: int = 0
) -> CheckRecord:
    return CheckRecord(0, check, check.replace("_", " "), side, number, value, "s", False, at,
                       revision)  # fmt: skip


def stored(store: Store, at: datetime, trials: list[CheckRecord]) -> int:
    session_id = store.start_session(
        workout="Checks", workout_file=None, content_hash=None, started_at=at
    )
    for record in trials:
        store.record_check(session_id, record)
    return session_id


def test_a_session_is_compared_with_the_latest_session_before_it_and_never_a_later_one() -> None:
    with open_store(":memory:") as store:
        old = stored(store, DAY, [trial("stance", "left", 1, 20.0, DAY)])
        week = DAY + timedelta(days=7)
        middle = stored(store, week, [trial("stance", "left", 1, 25.0, week)])
        later = DAY + timedelta(days=14)
        stored(store, later, [trial("stance", "left", 1, 30.0, later)])
        everything = store.check_results()

        (summary,) = session_summaries(store.session_checks(middle), everything, Profile())
        (side,) = summary.sides
        assert (summary.session_id, side.value, side.last_value) == (middle, 25.0, 20.0)
        (summary,) = session_summaries(store.session_checks(old), everything, Profile())
        assert summary.sides[0].last_value is None  # the later sessions do not count
        assert session_summaries([], everything, Profile()) == []


def test_checks_done_in_the_same_second_keep_the_order_they_were_done_in() -> None:
    with open_store(":memory:") as store:
        order = ["chair", "stance", "walk", "flexor"]
        session_id = stored(store, DAY, [trial(c, None, 1, 10.0, DAY) for c in order])
        summaries = session_summaries(
            store.session_checks(session_id), store.check_results(), Profile()
        )
        assert [s.check for s in summaries] == order


def test_the_writers_copy_keeps_trials_as_the_store_does() -> None:
    draft = SessionDraft.started(
        start_record(workout="Checks", workout_file=None, content_hash=None)
    )
    first = trial("stance", "left", 1, 20.0, DAY)
    records = [
        first,
        trial("stance", "right", 1, 18.0, DAY),
        trial("stance", "left", 1, 24.0, DAY, revision=1),  # a typed correction replaces it
        trial("stance", "left", 1, 99.0, DAY, revision=1),  # the same revision again does not
        first,  # nor an older one written again (a journal replayed)
    ]
    for record in records:
        draft.add_check(record)
    with open_store(":memory:") as store:
        session_id = stored(store, DAY, records)
        kept = [(r.check, r.side, r.trial, r.value) for r in store.session_checks(session_id)]
    assert [(r.check, r.side, r.trial, r.value) for r in draft.check_rows(session_id)] == kept
    assert kept == [("stance", "left", 1, 24.0), ("stance", "right", 1, 18.0)]
