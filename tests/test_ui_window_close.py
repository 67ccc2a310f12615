"""Closing the window: mid-session it asks "End session?" as Esc does, and an ended session
offers its summary; closing from the summary keeps what was typed (issue 12, item 3)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui_support import SHORT_WORKOUT, saved, timer_window, write_workout
from workout_player.domain.clock import FakeClock
from workout_player.store import open_store
from workout_player.ui.history.summary import SummaryPage
from workout_player.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    store = open_store(tmp_path / "history.sqlite3")
    clock = FakeClock()
    win = timer_window(store, clock)
    qtbot.addWidget(win, before_close_func=lambda w: w.close_now())
    win.show()
    yield win
    win.close_now()
    store.close()


def start(window: MainWindow, tmp_path: Path) -> int:
    window.open_path(write_workout(tmp_path, SHORT_WORKOUT))
    window.workout_page.start.click()
    assert window.controller is not None
    return saved(window.controller)


def test_closing_mid_session_asks_and_keeps_going_on_esc(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    start(window, tmp_path)
    screen = window.player_screen
    assert screen is not None
    assert window.close() is False, "the window stays open while the question shows"
    assert window.isVisible()
    assert screen.confirm.isVisibleTo(screen)
    qtbot.keyClick(screen, Qt.Key.Key_Escape)
    assert not screen.confirm.isVisibleTo(screen)
    assert window.controller is not None and not window.controller.is_finished


def test_closing_mid_session_then_enter_ends_it_into_the_summary_and_closing_keeps_the_note(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    session_id = start(window, tmp_path)
    screen = window.player_screen
    assert screen is not None
    window.close()
    qtbot.keyClick(screen, Qt.Key.Key_Return)
    summary = window.current_page()
    assert isinstance(summary, SummaryPage), "an ended session offers its summary"
    feedback = summary.feedback
    qtbot.mouseClick(feedback.pain_after.button(2), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(feedback.notes, "Stiff on the left")
    assert feedback.has_pending(), "the note waits for its save timer"
    assert window.close() is True, "from the summary the window closes at once"
    assert window.store is not None
    row = window.store.session(session_id)
    assert row is not None
    assert (row.status, row.pain_after, row.notes) == ("stopped", 2, "Stiff on the left")


def test_close_now_stores_a_running_session_as_stopped(window: MainWindow, tmp_path: Path) -> None:
    session_id = start(window, tmp_path)
    assert window.close_now() is True
    assert window.store is not None
    row = window.store.session(session_id)
    assert row is not None and row.status == "stopped"


@pytest.mark.parametrize(("width", "height"), [(1280, 720), (1366, 768), (1920, 1080)])
def test_the_sound_dialog_opens_over_the_video_and_leaves_the_panel_in_view(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, width: int, height: int
) -> None:
    from PySide6.QtCore import QRect

    from workout_player.ui.settings_dialog import SettingsDialog

    window.resize(width, height)
    start(window, tmp_path)
    screen = window.player_screen
    assert screen is not None
    qtbot.keyClick(screen, Qt.Key.Key_S)
    dialog = window.findChild(SettingsDialog)
    assert isinstance(dialog, SettingsDialog) and dialog.isVisible()
    panel = QRect(screen.panel.mapToGlobal(screen.panel.rect().topLeft()), screen.panel.size())
    assert not dialog.frameGeometry().intersects(panel), "the rep, set and ring stay in view"
    dialog.close()
