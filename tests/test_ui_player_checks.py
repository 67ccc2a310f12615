"""The player in check mode: the panel's texts, Enter at a known moment, typed counts,
the start and stop sounds, and every result stored through the history writer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui_support import load, make_session, run_for, saved, write_workout
from workout_player.store import open_store

CHECKS = """\
title: Check test
steps:
  - check: single_leg_stance_eyes_open
    name: Single-leg stance, eyes open
    measure: hold
    cap: 45
    trials: 2
    sides: both
    rest: 5
    countdown: 3
    cue: Arms crossed, lift one foot.
  - check: line_walk
    name: Line walk
    measure: count
    unit: steps
    entry: type
    countdown: 2
"""
"""Countdown 3 s, then left trial 1 (a hold up to 45 s), a switch, right trial 1, ..."""


def _press(qtbot: QtBot, screen: object, key: Qt.Key) -> None:
    qtbot.keyClick(screen, key)  # type: ignore[arg-type]


def test_a_hold_shows_time_trial_side_cap_and_the_prompt(qtbot: QtBot, tmp_path: Path) -> None:
    workout = load(write_workout(tmp_path, CHECKS, "checks.yaml"))
    controller, screen, clock, announcer = make_session(workout)
    qtbot.addWidget(screen)
    controller.start()
    panel = screen.check_panel
    run_for(controller, clock, 2.0)
    assert panel.isHidden()  # the countdown is not the check yet
    run_for(controller, clock, 13.5)  # 3 s countdown, then 12.5 s held
    assert not panel.isHidden()
    assert screen.exercise.text() == "Single-leg stance, eyes open"
    assert (screen.ring.text, screen.ring.caption) == ("12", "HELD")
    assert panel.trial.text() == "Trial 1 of 2, left side"
    assert panel.cap.text() == "Stops by itself at 45 s"
    assert panel.count.isHidden()  # a hold has no count
    assert panel.typed.isHidden()
    assert panel.keys.text() == "Enter: lost the position · Space: pause · N: skip this test"
    assert screen.cue.text() == "Press Enter when you lose the position"
    assert screen.set_label.isHidden()  # "SET 1 / 2" would name a trial a set
    assert screen.next_up.text() == "Next up: Single-leg stance, eyes open - trial 1 of 2, right"
    assert announcer.events[-2:] == [
        ("beep", "go"),
        (
            "say",
            "Single-leg stance, eyes open, left, trial 1 of 2. Arms crossed, lift one foot. "
            "Go. Press Enter when you lose the position",
        ),
    ]


def test_enter_ends_the_hold_says_stop_and_stores_the_time(qtbot: QtBot, tmp_path: Path) -> None:
    workout = load(write_workout(tmp_path, CHECKS, "checks.yaml"))
    with open_store(tmp_path / "history.sqlite3") as store:
        controller, screen, clock, announcer = make_session(workout, store)
        qtbot.addWidget(screen)
        controller.start()
        run_for(controller, clock, 3.0 + 17.3)
        announcer.events.clear()
        _press(qtbot, screen, Qt.Key.Key_Return)
        assert announcer.events[0] == ("beep", "end")
        assert announcer.spoken()[0].startswith("Stop")
        assert screen.check_panel.isHidden()  # the switch to the right side
        session_id = saved(controller)
        rows = store.session_checks(session_id)
        assert [(r.check, r.side, r.trial, r.value, r.unit, r.capped) for r in rows] == [
            ("single_leg_stance_eyes_open", "left", 1, 17.3, "s", False)
        ]
        controller.shutdown()


def test_a_typed_count_goes_to_the_check_not_to_done(qtbot: QtBot, tmp_path: Path) -> None:
    workout = load(write_workout(tmp_path, CHECKS, "checks.yaml"))
    with open_store(tmp_path / "history.sqlite3") as store:
        controller, screen, clock, _announcer = make_session(workout, store)
        qtbot.addWidget(screen)
        controller.start()
        _press(qtbot, screen, Qt.Key.Key_N)  # skip the whole stance check
        run_for(controller, clock, 2.5)  # the line walk's countdown, then its count
        panel = screen.check_panel
        assert not panel.isHidden()
        assert panel.count.text() == "0 steps"
        assert panel.typed.text() == "Type the count with the number keys, then Enter"
        for key in (Qt.Key.Key_1, Qt.Key.Key_5, Qt.Key.Key_Backspace, Qt.Key.Key_2):
            _press(qtbot, screen, key)
        assert panel.typed.text() == "Count typed: 12  (Enter saves it, Backspace corrects)"
        assert not controller.is_finished
        _press(qtbot, screen, Qt.Key.Key_Return)
        assert controller.is_finished  # a count without a time ends with its typed number
        session_id = saved(controller)
        rows = store.session_checks(session_id)
        assert [(r.check, r.value, r.unit) for r in rows] == [("line_walk", 12.0, "steps")]
        controller.shutdown()


def test_digits_outside_a_count_do_nothing_to_the_check(qtbot: QtBot, tmp_path: Path) -> None:
    workout = load(write_workout(tmp_path, CHECKS, "checks.yaml"))
    controller, screen, clock, _announcer = make_session(workout)
    qtbot.addWidget(screen)
    controller.start()
    run_for(controller, clock, 5.0)
    _press(qtbot, screen, Qt.Key.Key_7)  # a hold takes no count
    assert screen.check_panel.digits == ""
    _press(qtbot, screen, Qt.Key.Key_Return)  # so Enter still ends the hold
    assert [r.value for r in controller.session.checks.results] == [2.0]


def test_space_pauses_the_count_up_and_p_leaves_the_trial_without_a_result(
    qtbot: QtBot, tmp_path: Path
) -> None:
    workout = load(write_workout(tmp_path, CHECKS, "checks.yaml"))
    controller, screen, clock, _announcer = make_session(workout)
    qtbot.addWidget(screen)
    controller.start()
    run_for(controller, clock, 3.0 + 6.0)
    _press(qtbot, screen, Qt.Key.Key_Space)
    run_for(controller, clock, 20.0)  # paused: the time held stays
    assert (screen.ring.text, screen.ring.caption) == ("6", "PAUSED")
    _press(qtbot, screen, Qt.Key.Key_Space)
    run_for(controller, clock, 2.0)
    assert (screen.ring.text, screen.ring.caption) == ("8", "HELD")
    _press(qtbot, screen, Qt.Key.Key_P)  # back: the trial starts again, nothing measured
    assert controller.session.checks.results == []
