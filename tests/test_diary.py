"""The diary rule: which ended segments become history rows, and the rows (no Qt)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tests.session_helpers import plan_of, run, started
from workout_player.domain.diary import MIN_PARTIAL_SET_SECONDS, SetRecord, diary_record, keeps
from workout_player.domain.model import ExerciseStep, RestStep
from workout_player.domain.session import EndReason, SegmentEnded
from workout_player.domain.timeline import Segment

ENDED = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
TIMED = Segment("work", 10.0, 40.0, 0, exercise="Plank", set=2, sets=3, side="left")
REPS = Segment("work", 10.0, 30.0, 1, exercise="Bridge", set=1, sets=2, reps=6)
SHORT = Segment("work", 10.0, 4.0, 2, exercise="Clam", set=1, sets=1)
SELF_PACED = Segment("work", 10.0, None, 3, exercise="Squat", set=1, sets=1, reps=10)
REST = Segment("rest", 50.0, 30.0, 4)


def ended(
    segment: Segment, reason: EndReason, seconds: float, reps: int | None = None
) -> SegmentEnded:
    return SegmentEnded(3, segment, 100.0, 100.0 + seconds, seconds, reps, reason)


def test_a_finished_set_becomes_its_record() -> None:
    event = SegmentEnded(3, REPS, 112.5, 142.5, 29.9996, 6, "completed")
    assert diary_record(event, ENDED) == SetRecord(
        step=1,
        exercise="Bridge",
        set=1,
        side=None,
        reps_target=6,
        reps_done=6,
        seconds=30.0,  # rounded to the millisecond
        started_at=ENDED - timedelta(seconds=30),
        ended_at=ENDED,
    )


def test_the_start_counts_a_pause_inside_the_set_as_time_passed() -> None:
    event = SegmentEnded(0, TIMED, 100.0, 160.0, 40.0, None, "completed")  # 20 s paused
    record = diary_record(event, ENDED)
    assert record is not None
    assert (record.started_at, record.seconds, record.side) == (
        ENDED - timedelta(seconds=60),
        40.0,
        "left",
    )


def test_a_restarted_attempt_is_dropped_whatever_was_done() -> None:
    assert diary_record(ended(REPS, "back", 25.0, 5), ENDED) is None


@pytest.mark.parametrize("segment", [REST, Segment("countdown", 0.0, 5.0, 0, exercise="Plank")])
def test_only_work_segments_are_sets(segment: Segment) -> None:
    assert not keeps(ended(segment, "completed", 5.0))


def test_done_keeps_the_set_even_with_nothing_counted() -> None:
    assert keeps(ended(SELF_PACED, "done", 0.5, 0))


@pytest.mark.parametrize("reason", ["skipped", "ended", "completed"])
def test_a_counted_rep_keeps_the_set_however_it_ended(reason: EndReason) -> None:
    assert keeps(ended(REPS, reason, 1.0, 1))


@pytest.mark.parametrize(("reason", "reps"), [("skipped", None), ("ended", 0), ("completed", 0)])
def test_with_nothing_counted_the_set_needs_three_seconds_worked(
    reason: EndReason, reps: int | None
) -> None:
    assert MIN_PARTIAL_SET_SECONDS == 3.0
    assert not keeps(ended(TIMED, reason, 2.999, reps))
    assert keeps(ended(TIMED, reason, 3.0, reps))
    assert not keeps(ended(SELF_PACED, reason, 2.999, reps))
    assert keeps(ended(SELF_PACED, reason, 3.0, reps))


def test_a_short_timed_set_needs_half_its_length() -> None:
    assert not keeps(ended(SHORT, "skipped", 1.999))
    assert keeps(ended(SHORT, "skipped", 2.0))


def test_a_whole_session_stores_the_sets_done_not_the_attempts_restarted() -> None:
    plan = plan_of(
        ExerciseStep("Bridge", reps=3, tempo=(1, 1, 1), sets=2),
        RestStep(20),
        ExerciseStep("Plank", duration=30),
    )
    session, clock, events = started(plan)
    events += run(session, clock, 4.0)  # set 1 restarted 4 s in (one rep counted)
    events += session.previous()
    events += run(session, clock, 9.0)  # set 1 again, whole
    events += run(session, clock, 1.0)
    events += session.next()  # set 2 skipped after 1 s: nothing counted, too short
    events += session.next()  # the rest
    events += run(session, clock, 10.0)
    events += session.end()  # the plank, 10 s in
    records = [diary_record(event, ENDED) for event in events if isinstance(event, SegmentEnded)]
    assert [(r.exercise, r.set, r.reps_done, r.seconds) for r in records if r is not None] == [
        ("Bridge", 1, 3, 9.0),
        ("Plank", 1, None, 10.0),
    ]
