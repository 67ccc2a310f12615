"""The sound schedule: the engine's events as beeps and speech, due on the clock (no Qt)."""

from __future__ import annotations

import pytest

from tests.session_helpers import plan_of
from workout_player.domain.clock import FakeClock
from workout_player.domain.model import ExerciseStep
from workout_player.domain.session import (
    CountdownBeep,
    CueDue,
    PhaseChanged,
    SegmentStarted,
    SessionFinished,
)
from workout_player.domain.sounds import Beep, SoundSchedule, Speech

PLAN = plan_of(ExerciseStep("Bridge", reps=2, tempo=(2, 1, 2)), countdown=5)
COUNTDOWN, WORK = PLAN.segments
STARTS_WORK = SegmentStarted(1, WORK)


@pytest.mark.parametrize(
    ("offset_ms", "lead", "delay"), [(-250, 0.25, 0.0), (400, 0.0, 0.4), (0, 0.0, 0.0)]
)
def test_the_offset_splits_into_a_lead_and_a_delay(
    offset_ms: int, lead: float, delay: float
) -> None:
    sounds = SoundSchedule(FakeClock(), offset_ms)
    assert (sounds.lead, sounds.delay) == (lead, delay)


def test_without_offset_the_sounds_are_due_at_once_in_the_events_order() -> None:
    sounds = SoundSchedule(FakeClock(10.0))
    sounds.hear(
        [STARTS_WORK, CueDue("exercise", "Bridge"), PhaseChanged(0, "lower", 2.0), CountdownBeep(3)]
    )
    assert sounds.due(paused=False) == [Beep("go"), Speech("Bridge"), Beep("tick"), Beep("count")]
    assert sounds.due(paused=False) == []
    assert not sounds.pending


def test_a_positive_offset_makes_every_sound_wait() -> None:
    clock = FakeClock(10.0)
    sounds = SoundSchedule(clock, 250)
    sounds.hear([CountdownBeep(3)])
    clock.advance(0.24)
    assert sounds.due(paused=False) == []
    assert sounds.pending
    clock.advance(0.01)
    assert sounds.due(paused=False) == [Beep("count")]


def test_a_sound_waiting_for_its_offset_is_not_held_by_a_pause() -> None:
    clock = FakeClock()
    sounds = SoundSchedule(clock, 200)
    sounds.hear([CueDue("rest", "Rest")])
    clock.advance(0.2)
    assert sounds.due(paused=True) == [Speech("Rest")]


def test_a_lead_sends_go_one_second_after_the_last_count_and_none_at_the_work() -> None:
    clock = FakeClock(3.7)
    sounds = SoundSchedule(clock, -300)
    sounds.hear([CountdownBeep(1)])
    assert sounds.due(paused=False) == [Beep("count")]
    clock.set(4.69)
    assert sounds.due(paused=False) == []
    clock.set(4.7)
    assert sounds.due(paused=False) == [Beep("go")]
    clock.set(5.0)
    sounds.hear([STARTS_WORK])
    assert sounds.due(paused=False) == []


def test_without_a_lead_the_last_count_schedules_no_early_go() -> None:
    clock = FakeClock()
    sounds = SoundSchedule(clock, 0)
    sounds.hear([CountdownBeep(1)])
    assert sounds.due(paused=False) == [Beep("count")]
    assert not sounds.pending


def test_an_early_go_due_while_paused_is_dropped_and_the_work_says_go() -> None:
    clock = FakeClock()
    sounds = SoundSchedule(clock, -300)
    sounds.hear([CountdownBeep(1)])
    sounds.due(paused=False)
    clock.advance(1.0)
    assert sounds.due(paused=True) == []
    assert not sounds.pending
    sounds.hear([STARTS_WORK])
    assert sounds.due(paused=False) == [Beep("go")]


def test_a_segment_starting_before_the_early_go_cancels_it() -> None:
    clock = FakeClock()
    sounds = SoundSchedule(clock, -300)
    sounds.hear([CountdownBeep(1)])
    sounds.due(paused=False)
    clock.advance(0.5)  # skipped ahead: the work segment starts at once
    sounds.hear([STARTS_WORK])
    assert sounds.due(paused=False) == [Beep("go")]
    clock.advance(1.0)
    assert sounds.due(paused=False) == []


def test_the_early_go_only_spares_the_segment_that_follows_it() -> None:
    clock = FakeClock()
    sounds = SoundSchedule(clock, -300)
    sounds.hear([CountdownBeep(1)])
    clock.advance(1.0)
    assert sounds.due(paused=False) == [Beep("count"), Beep("go")]
    sounds.hear([STARTS_WORK])
    sounds.hear([STARTS_WORK])  # the next set, with no count before it
    assert sounds.due(paused=False) == [Beep("go")]


def test_the_end_cancels_an_early_go_and_beeps() -> None:
    clock = FakeClock()
    sounds = SoundSchedule(clock, -300)
    sounds.hear([CountdownBeep(1)])
    sounds.due(paused=False)
    sounds.hear([SessionFinished(False)])
    clock.advance(2.0)
    assert sounds.due(paused=False) == [Beep("end")]


def test_a_countdown_segment_starting_says_no_go() -> None:
    sounds = SoundSchedule(FakeClock())
    sounds.hear([SegmentStarted(0, COUNTDOWN)])
    assert sounds.due(paused=False) == []


def test_clear_forgets_what_is_still_to_come() -> None:
    clock = FakeClock()
    sounds = SoundSchedule(clock, 500)
    sounds.hear([CountdownBeep(2), SessionFinished(True)])
    sounds.clear()
    clock.advance(1.0)
    assert sounds.due(paused=False) == []
