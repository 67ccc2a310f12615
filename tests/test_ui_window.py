"""The main window around a session: full screen, the sound settings, the finished page.

Real widgets offscreen, a timer player and the session on a FakeClock; QSettings
point at the test's own folder (conftest), so the settings saved here are the test's.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui_support import SHORT_WORKOUT, load, run_for, timer_window, write_workout
from workout_player.audio import (
    RecordingAnnouncer,
    SoundSettings,
    load_sound_settings,
    save_sound_settings,
)
from workout_player.domain.clock import FakeClock
from workout_player.ui.main_window import MainWindow
from workout_player.ui.player.controller import SessionController
from workout_player.ui.player.finished_page import FinishedPage
from workout_player.ui.player.screen import PlayerScreen
from workout_player.ui.settings_dialog import SettingsDialog

SHORT_SECONDS = 17.0
"""SHORT_WORKOUT: countdown 2 + 2 holds of 3 s + rest 3 + countdown 2 + 4 s."""


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[MainWindow]:
    """A window without a history (no database): a session ends on the finished page."""
    clock = FakeClock()
    win = timer_window(None, clock)
    qtbot.addWidget(win, before_close_func=lambda w: w.close_now())
    win.fake_clock = clock  # type: ignore[attr-defined]
    win.show()
    yield win
    if win.isFullScreen():
        win.showNormal()


def start(window: MainWindow, tmp_path: Path) -> tuple[SessionController, PlayerScreen]:
    window.start_workout(load(write_workout(tmp_path, SHORT_WORKOUT)))
    assert window.controller is not None and window.player_screen is not None
    return window.controller, window.player_screen


def clock_of(window: MainWindow) -> FakeClock:
    return window.fake_clock  # type: ignore[attr-defined,no-any-return]


# -- the finished page -----------------------------------------------------------------------


def test_a_completed_session_without_history_ends_on_the_finished_page(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    controller, _screen = start(window, tmp_path)
    with qtbot.waitSignal(controller.finished) as finished:
        run_for(controller, clock_of(window), SHORT_SECONDS + 0.5)
    assert finished.args == [True]
    page = window.current_page()
    assert isinstance(page, FinishedPage)
    assert page.heading.text() == "Well done!"
    assert page.detail.text() == "Two quick holds\nCompleted · 0:17 active"
    qtbot.keyClick(page, Qt.Key.Key_Return)
    assert window.current_page() is window.library


def test_a_session_ended_early_says_so_and_counts_only_the_active_time(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    controller, screen = start(window, tmp_path)
    run_for(controller, clock_of(window), 3.0)
    qtbot.keyClick(screen, Qt.Key.Key_Space)  # a pause: its time is not active time
    run_for(controller, clock_of(window), 60.0)
    qtbot.keyClick(screen, Qt.Key.Key_Space)
    run_for(controller, clock_of(window), 2.0)
    qtbot.keyClick(screen, Qt.Key.Key_Escape)
    with qtbot.waitSignal(controller.finished) as finished:
        qtbot.keyClick(screen, Qt.Key.Key_Return)
    assert finished.args == [False]
    page = window.current_page()
    assert isinstance(page, FinishedPage)
    assert page.heading.text() == "Session ended"
    assert page.detail.text() == "Two quick holds\nStopped early · 0:05 active"
    qtbot.keyClick(page, Qt.Key.Key_Escape)
    assert window.current_page() is window.library


# -- full screen -------------------------------------------------------------------------------


def test_f_goes_full_screen_and_esc_leaves_it_before_it_asks_to_end(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    controller, screen = start(window, tmp_path)
    assert not window.menuBar().isVisible(), "the player gets every pixel"
    qtbot.keyClick(screen, Qt.Key.Key_F)
    assert window.isFullScreen()
    qtbot.keyClick(screen, Qt.Key.Key_Escape)
    assert not window.isFullScreen()
    assert screen.confirm.isHidden(), "the first Esc only leaves full screen"
    assert not controller.is_finished
    qtbot.keyClick(screen, Qt.Key.Key_Escape)
    assert screen.confirm.isVisibleTo(screen)
    assert not window.isFullScreen()


def test_the_full_screen_button_and_f11_toggle_and_the_end_button_always_asks(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    _controller, screen = start(window, tmp_path)
    screen.buttons["fullscreen"].click()
    assert window.isFullScreen()
    screen.buttons["end"].click()  # the button is not Esc: it asks, full screen or not
    assert screen.confirm.isVisibleTo(screen)
    assert window.isFullScreen()
    window.fullscreen_action.trigger()  # F11, the View menu's shortcut
    assert not window.isFullScreen()
    window.fullscreen_action.trigger()
    assert window.isFullScreen()


def test_leaving_full_screen_restores_a_maximized_window(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.showMaximized()
    _controller, screen = start(window, tmp_path)
    qtbot.keyClick(screen, Qt.Key.Key_F)
    assert window.isFullScreen()
    qtbot.keyClick(screen, Qt.Key.Key_F)
    assert not window.isFullScreen()
    assert window.isMaximized()


def test_the_end_of_a_session_leaves_full_screen_and_brings_the_menu_back(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    controller, screen = start(window, tmp_path)
    qtbot.keyClick(screen, Qt.Key.Key_F)
    assert window.isFullScreen()
    with qtbot.waitSignal(controller.finished):
        run_for(controller, clock_of(window), SHORT_SECONDS + 0.5)
    assert not window.isFullScreen()
    assert isinstance(window.current_page(), FinishedPage)
    assert window.menuBar().isVisible()


# -- the sound settings --------------------------------------------------------------------------


def open_dialog(qtbot: QtBot, window: MainWindow) -> SettingsDialog:
    window.open_settings()
    dialog = window.findChild(SettingsDialog)
    assert isinstance(dialog, SettingsDialog)
    assert not dialog.isModal(), "a running session keeps its keys and clock"
    return dialog


CHANGED = SoundSettings(
    voice=False, beeps=True, ticks=True, volume=35, countdown_beeps=5, cue_offset_ms=-200
)


def fill(dialog: SettingsDialog, settings: SoundSettings) -> None:
    dialog.voice.setChecked(settings.voice)
    dialog.beeps.setChecked(settings.beeps)
    dialog.ticks.setChecked(settings.ticks)
    dialog.volume.setValue(settings.volume)
    dialog.countdown.setValue(settings.countdown_beeps)
    dialog.offset.setValue(settings.cue_offset_ms)


def test_the_dialog_shows_the_saved_settings(qtbot: QtBot, window: MainWindow) -> None:
    save_sound_settings(CHANGED)
    dialog = open_dialog(qtbot, window)
    assert dialog.settings() == CHANGED
    assert dialog.volume_label.text() == "35 %"
    dialog.volume.setValue(60)
    assert dialog.volume_label.text() == "60 %"


def test_ok_saves_and_applies_to_the_running_session(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    controller, _screen = start(window, tmp_path)
    announcer = controller.announcer
    assert isinstance(announcer, RecordingAnnouncer)
    dialog = open_dialog(qtbot, window)
    fill(dialog, CHANGED)
    with qtbot.waitSignal(dialog.applied) as applied:
        dialog.accept()
    assert applied.args == [CHANGED]
    assert load_sound_settings() == CHANGED
    assert controller.settings == CHANGED
    assert controller.session.sound_lead == pytest.approx(0.2), "-200 ms: the beeps come early"
    heard = len(announcer.events)
    run_for(controller, clock_of(window), SHORT_SECONDS + 0.5)
    said = [event for event in announcer.events[heard:] if event[0] == "say"]
    assert said == [], "the voice is off"


def test_cancel_changes_nothing(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    before = load_sound_settings()
    controller, _screen = start(window, tmp_path)
    dialog = open_dialog(qtbot, window)
    fill(dialog, CHANGED)
    with qtbot.assertNotEmitted(dialog.applied):
        dialog.reject()
    assert load_sound_settings() == before
    assert controller.settings == before
