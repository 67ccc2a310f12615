"""Pain before, from the keyboard: digits set it while the prompt shows, until the first
exercise really starts (issue 12, item 2)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.test_ui_player import VIDEO_LED, start
from tests.ui_support import run_for, saved
from workout_player.domain.session import SessionState
from workout_player.store import Store, open_store
from workout_player.ui.player.widgets import PAIN_PROMPT


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return open_store(tmp_path / "history.db")


DIGITS = {n: getattr(Qt.Key, f"Key_{n}") for n in range(10)}


def test_the_prompt_names_the_keys_and_no_click() -> None:
    assert "click" not in PAIN_PROMPT.lower()
    assert "1 then 0 for 10" in PAIN_PROMPT


def test_a_digit_during_the_first_countdown_sets_the_pain_and_shows_it_large(
    qtbot: QtBot, tmp_path: Path, store: Store
) -> None:
    controller, screen, clock, _ = start(qtbot, tmp_path, store)
    screen.apply_type(768)  # what showing it at 1366x768 does (resizeEvent)
    assert screen.pain.isVisibleTo(screen)
    qtbot.keyClick(screen, DIGITS[4])
    assert screen.pain.value == 4
    assert screen.pain.shown.text() == "4"
    # Large: twice the prompt's type, readable from 3 m (>= 6 % of the height).
    assert screen.pain.shown.fontInfo().pixelSize() >= 0.06 * 768
    assert screen.pain.shown.fontInfo().pixelSize() >= 2 * screen.pain.label.fontInfo().pixelSize()
    qtbot.keyClick(screen, DIGITS[7])  # another number changes it
    assert screen.pain.value == 7
    run_for(controller, clock, 3.5)  # the first set starts: the prompt goes, digits do nothing
    assert controller.view().state == SessionState.WORK
    assert not screen.pain.isVisibleTo(screen)
    qtbot.keyClick(screen, DIGITS[2])
    assert screen.pain.value == 7
    session_id = saved(controller)
    session = store.session(session_id)
    assert session is not None and session.pain_before == 7


def test_one_then_zero_is_ten_and_zero_alone_is_zero(
    qtbot: QtBot, tmp_path: Path, store: Store
) -> None:
    _controller, screen, _clock, _ = start(qtbot, tmp_path, store)
    qtbot.keyClick(screen, DIGITS[1])
    assert screen.pain.value == 1
    qtbot.keyClick(screen, DIGITS[0])
    assert screen.pain.value == 10 and screen.pain.shown.text() == "10"
    qtbot.keyClick(screen, DIGITS[0])  # a 0 after the 10 is a new answer: no pain
    assert screen.pain.value == 0
    qtbot.keyClick(screen, DIGITS[3])
    qtbot.keyClick(screen, DIGITS[0])
    assert screen.pain.value == 0


def test_the_digits_do_not_move_the_session(qtbot: QtBot, tmp_path: Path, store: Store) -> None:
    controller, screen, _clock, _ = start(qtbot, tmp_path, store)
    before = controller.view()
    for n in range(10):
        qtbot.keyClick(screen, DIGITS[n])
    after = controller.view()
    assert (after.index, after.state, after.paused) == (before.index, before.state, before.paused)


def test_in_a_video_led_workout_the_prompt_stays_until_the_first_exercise_starts(
    qtbot: QtBot, tmp_path: Path, store: Store
) -> None:
    controller, screen, clock, _ = start(qtbot, tmp_path, store, VIDEO_LED)
    run_for(controller, clock, 1.0)
    assert controller.view().state == SessionState.BETWEEN
    qtbot.keyClick(screen, DIGITS[5])
    assert screen.pain.isVisibleTo(screen) and screen.pain.value == 5
    run_for(controller, clock, 2.5)  # the first step's `at`: the exercise starts
    assert controller.view().state == SessionState.WORK
    assert not screen.pain.isVisibleTo(screen)
    run_for(controller, clock, 10.5)  # the gap before the second step does not reopen it
    assert controller.view().state == SessionState.BETWEEN
    assert not screen.pain.isVisibleTo(screen)
    session = store.session(saved(controller))
    assert session is not None and session.pain_before == 5
