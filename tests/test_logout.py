"""A desktop logout: the session manager's commit-data request lets the quit that follows
close a running session's window without "End session?" (stored as stopped, the summary's
typed text kept), and the person's next key or click after a cancelled logout puts the
question back. Real widgets and a real SQLite history; the request is the guard's handler
called directly (Qt makes a QSessionManager only for a real session manager)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui_support import SHORT_WORKOUT, run_for, saved, timer_window, write_workout
from workout_player.domain.clock import FakeClock
from workout_player.store import Store, open_store
from workout_player.ui.history.summary import SummaryPage
from workout_player.ui.logout import LogoutGuard, install_logout_guard
from workout_player.ui.main_window import MainWindow


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with open_store(tmp_path / "history.sqlite3") as opened:
        yield opened


@pytest.fixture
def window(qtbot: QtBot, store: Store) -> MainWindow:
    clock = FakeClock()
    win = timer_window(store, clock)
    qtbot.addWidget(win, before_close_func=lambda w: w.close_now())
    win.show()
    return win


def start(window: MainWindow, tmp_path: Path) -> int:
    """A session with its first set done (resting after the bridge); its row id."""
    window.open_path(write_workout(tmp_path, SHORT_WORKOUT))
    window.workout_page.start.click()
    controller = window.controller
    assert controller is not None
    assert isinstance(window.clock, FakeClock)
    run_for(controller, window.clock, 2 + 6 + 0.5)
    return saved(controller)


def test_after_a_logout_request_the_quit_closes_mid_session_and_stores_it_stopped(
    window: MainWindow, store: Store, tmp_path: Path
) -> None:
    session_id = start(window, tmp_path)
    guard = install_logout_guard(window)
    guard.commit_data(None)
    assert window.controller is not None and not window.controller.is_finished, (
        "the request alone ends nothing: the logout may still be cancelled"
    )
    assert window.close() is True, "the quit after a logout is not held up by a question"
    row = store.session(session_id)
    assert row is not None and row.status == "stopped"
    assert [(s.exercise, s.set) for s in store.sets(session_id)] == [("Glute bridge", 1)]


@pytest.mark.parametrize("person", ["key", "click"])
def test_after_a_cancelled_logout_the_persons_next_input_brings_the_question_back(
    qtbot: QtBot, window: MainWindow, store: Store, tmp_path: Path, person: str
) -> None:
    session_id = start(window, tmp_path)
    guard = install_logout_guard(window)
    guard.commit_data(None)
    screen = window.player_screen
    assert screen is not None and guard.armed
    if person == "key":
        qtbot.keyClick(screen, Qt.Key.Key_Shift)  # no action of its own
    else:
        qtbot.mouseClick(screen, Qt.MouseButton.LeftButton)
    assert not guard.armed
    assert window.close() is False, "mid-session, closing asks again"
    assert screen.confirm.isVisibleTo(screen)
    assert window.controller is not None and not window.controller.is_finished
    row = store.session(session_id)
    assert row is not None and row.status == "in_progress"


def test_a_logout_request_on_the_summary_hands_the_typed_note_over_at_once(
    qtbot: QtBot, window: MainWindow, store: Store, tmp_path: Path
) -> None:
    session_id = start(window, tmp_path)
    screen = window.player_screen
    assert screen is not None
    screen.ask_end()
    qtbot.keyClick(screen, Qt.Key.Key_Return)
    summary = window.current_page()
    assert isinstance(summary, SummaryPage)
    qtbot.keyClicks(summary.feedback.notes, "Tight hamstrings")
    assert summary.feedback.has_pending(), "the note waits for its save timer"
    install_logout_guard(window).commit_data(None)
    assert not summary.feedback.has_pending(), "handed to the history writer at once"
    assert window.history_writer is not None and window.history_writer.flush(timeout=30)
    row = store.session(session_id)
    assert row is not None and (row.status, row.notes) == ("stopped", "Tight hamstrings")


def test_the_guard_answers_the_applications_commit_data_request(window: MainWindow) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.receivers("2commitDataRequest(QSessionManager&)")
    guard = install_logout_guard(window)
    assert isinstance(guard, LogoutGuard) and guard.parent() is window
    assert app.receivers("2commitDataRequest(QSessionManager&)") == before + 1
