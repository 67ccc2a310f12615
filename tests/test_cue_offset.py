"""The cue offset of the sound settings: sounds early for slow audio devices, or late."""

from __future__ import annotations

import dataclasses

from pytestqt.qtbot import QtBot

from tests.session_helpers import of_type, plan_of
from tests.ui_support import load, make_session, run_for, write_workout
from workout_player.domain.clock import FakeClock
from workout_player.domain.model import ExerciseStep
from workout_player.domain.session import CountdownBeep, Session

ROUTINE = """\
title: One hold
countdown: 5
steps:
  - exercise: Side plank
    reps: 1
    hold: 10
"""


def _beep_times(lead: float) -> list[tuple[int, float]]:
    plan = plan_of(ExerciseStep("Side plank", reps=1, hold=10), countdown=5)
    clock = FakeClock()
    session = Session(plan, clock, beeps=3, sound_lead=lead)
    heard = [(beep.remaining, 0.0) for beep in of_type(session.start(), CountdownBeep)]
    for _ in range(110):
        clock.advance(0.05)
        heard += [
            (beep.remaining, round(clock.now(), 2))
            for beep in of_type(session.tick(), CountdownBeep)
        ]
    return heard


def test_a_sound_lead_moves_the_countdown_beeps_earlier() -> None:
    assert _beep_times(0.0) == [(3, 2.0), (2, 3.0), (1, 4.0)]
    assert _beep_times(0.25) == [(3, 1.75), (2, 2.75), (1, 3.75)]


def test_a_lead_never_moves_a_beep_before_its_segment() -> None:
    assert _beep_times(4.5) == [(3, 0.0), (2, 0.0), (1, 0.0)]


def test_a_negative_offset_gives_the_go_beep_early(qtbot: QtBot, tmp_path) -> None:
    workout = load(write_workout(tmp_path, ROUTINE))
    controller, _screen, clock, announcer = make_session(workout)
    controller.apply_settings(dataclasses.replace(controller.settings, cue_offset_ms=-300))
    controller.start()
    run_for(controller, clock, 3.8)  # the "1" beep is due at 5 - 1 - 0.3 = 3.7 s
    assert announcer.beeps() == ["count", "count", "count"]
    # One second after the last count: before the work segment starts on the fake clock.
    qtbot.waitUntil(lambda: announcer.beeps()[-1] == "go", timeout=3000)
    assert controller.view().segment.kind == "countdown"
    run_for(controller, clock, 1.5)
    assert controller.view().segment.kind == "work"
    assert announcer.beeps().count("go") == 1, "the work segment must not beep 'go' again"


def test_a_positive_offset_delays_the_sounds(qtbot: QtBot, tmp_path) -> None:
    workout = load(write_workout(tmp_path, ROUTINE))
    controller, _screen, clock, announcer = make_session(workout)
    controller.apply_settings(dataclasses.replace(controller.settings, cue_offset_ms=200))
    controller.start()
    run_for(controller, clock, 2.05)
    assert announcer.beeps() == []  # due, but waiting for the offset
    qtbot.waitUntil(lambda: announcer.beeps() == ["count"], timeout=2000)
