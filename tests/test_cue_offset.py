"""The cue offset of the sound settings: sounds early for slow audio devices, or late.

Everything runs on the fake clock: the engine's beeps, the controller's sound schedule
(the early "go", the delayed sounds) and the ticks.
"""

from __future__ import annotations

import dataclasses

from pytestqt.qtbot import QtBot

from tests.session_helpers import of_type, plan_of
from tests.ui_support import load, make_session, write_workout
from workout_player.audio import RecordingAnnouncer
from workout_player.domain.clock import FakeClock
from workout_player.domain.model import ExerciseStep
from workout_player.domain.session import CountdownBeep, Session
from workout_player.ui.player.controller import SessionController

ROUTINE = """\
title: One hold
countdown: 5
steps:
  - exercise: Side plank
    reps: 1
    hold: 3
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


def _session(tmp_path, offset_ms: int) -> tuple[SessionController, FakeClock, RecordingAnnouncer]:
    controller, _screen, clock, announcer = make_session(load(write_workout(tmp_path, ROUTINE)))
    controller.apply_settings(dataclasses.replace(controller.settings, cue_offset_ms=offset_ms))
    return controller, clock, announcer


def _heard(
    controller: SessionController,
    clock: FakeClock,
    announcer: RecordingAnnouncer,
    until: float,
    *,
    step: float = 0.05,
) -> list[tuple[str, str, float]]:
    """Tick every `step` s up to `until` on the fake clock: what was heard, and when."""
    heard: list[tuple[str, str, float]] = []
    while clock.now() < until - 1e-9:
        clock.advance(step)
        before = len(announcer.events)
        controller.tick()
        heard += [(what, value, round(clock.now(), 2)) for what, value in announcer.events[before:]]
    return heard


def test_no_offset_plays_every_sound_as_it_is_due(qtbot: QtBot, tmp_path) -> None:
    controller, clock, announcer = _session(tmp_path, 0)
    controller.start()
    assert _heard(controller, clock, announcer, 9.0) == [
        ("beep", "count", 2.0),
        ("beep", "count", 3.0),
        ("beep", "count", 4.0),
        ("beep", "go", 5.0),
        ("say", "Side plank", 5.0),
        ("beep", "tick", 5.0),  # the hold begins
        ("say", "Workout complete", 8.0),
        ("beep", "end", 8.0),
    ]


def test_a_negative_offset_gives_the_go_beep_early(qtbot: QtBot, tmp_path) -> None:
    controller, clock, announcer = _session(tmp_path, -300)
    controller.start()
    heard = _heard(controller, clock, announcer, 6.0)
    # The count beeps come 0.3 s early (the engine's lead); "go" follows the last count by
    # one second, so it too is 0.3 s early, and the work segment starts without another.
    assert heard == [
        ("beep", "count", 1.7),
        ("beep", "count", 2.7),
        ("beep", "count", 3.7),
        ("beep", "go", 4.7),
        ("say", "Side plank", 5.0),
        ("beep", "tick", 5.0),
    ]
    assert controller.view().segment.kind == "work"


def test_a_pause_before_the_early_go_lets_the_work_segment_say_go(qtbot: QtBot, tmp_path) -> None:
    controller, clock, announcer = _session(tmp_path, -300)
    controller.start()
    _heard(controller, clock, announcer, 4.0)  # the last count beep sounded at 3.7 s
    controller.toggle_pause()
    clock.advance(2.0)  # the early "go" comes due while paused: it is dropped
    controller.tick()
    controller.toggle_pause()
    assert announcer.beeps() == ["count", "count", "count"]
    heard = _heard(controller, clock, announcer, 7.5)
    assert heard == [
        ("beep", "go", 7.0),
        ("say", "Side plank", 7.0),
        ("beep", "tick", 7.0),
    ]


def test_a_positive_offset_delays_every_sound_even_after_the_end(qtbot: QtBot, tmp_path) -> None:
    controller, clock, announcer = _session(tmp_path, 200)
    controller.start()
    heard = _heard(controller, clock, announcer, 8.0)
    assert controller.is_finished
    assert heard == [
        ("beep", "count", 2.2),
        ("beep", "count", 3.2),
        ("beep", "count", 4.2),
        ("beep", "go", 5.2),
        ("say", "Side plank", 5.2),
        ("beep", "tick", 5.2),
    ]
    # The session is over at 8 s; its last words and beep still come, 0.2 s later.
    assert _heard(controller, clock, announcer, 8.5) == [
        ("say", "Workout complete", 8.2),
        ("beep", "end", 8.2),
    ]


def test_mute_silences_a_sound_still_waiting_for_its_offset(qtbot: QtBot, tmp_path) -> None:
    controller, clock, announcer = _session(tmp_path, 200)
    controller.start()
    _heard(controller, clock, announcer, 2.1)  # the first count beep is due at 2.2 s
    controller.set_muted(True)
    assert _heard(controller, clock, announcer, 2.5) == []
