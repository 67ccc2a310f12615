"""A session run while another program holds the history database locked, through the real UI.

The controller, the player screen, the summary and the app window on a real SQLite
file that another process holds with BEGIN EXCLUSIVE: the session runs on as if
nothing were wrong, the banner says plainly that saving waits, the summary shows
what was done, and once the lock goes every set, the end and the notes are stored.
The writer's pauses are stepped by the test; nothing sleeps.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui_support import SHORT_WORKOUT, load, quiet_settings, run_for, write_workout
from tests.writer_support import LockHolder, StepRetryClock
from workout_player.audio import RecordingAnnouncer
from workout_player.domain.clock import FakeClock
from workout_player.playback import TimerPlayer
from workout_player.store import Store, open_store
from workout_player.store.writer import WAITING_FOR_LOCK
from workout_player.ui.history.summary import SummaryPage
from workout_player.ui.history_writer import HistoryWriter
from workout_player.ui.main_window import MainWindow
from workout_player.ui.player.controller import SessionController
from workout_player.ui.player.screen import PlayerScreen


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "history.sqlite3"
    open_store(path).close()
    return path


@pytest.fixture
def holder(db: Path) -> Iterator[LockHolder]:
    held = LockHolder(db)
    yield held
    held.stop()


@pytest.fixture
def store(db: Path, holder: LockHolder) -> Iterator[Store]:
    opened = open_store(db)  # reading works under the lock (WAL)
    yield opened
    opened.close()


@pytest.fixture
def retry() -> Iterator[StepRetryClock]:
    clock = StepRetryClock()
    yield clock
    clock.open()  # no pause outlasts the test: the writers can close


def test_a_session_finished_while_locked_is_complete_in_the_history_once_released(
    qtbot: QtBot, tmp_path: Path, store: Store, holder: LockHolder, retry: StepRetryClock
) -> None:
    history = HistoryWriter(store, retry_clock=retry)
    clock = FakeClock()
    player = TimerPlayer(monotonic=clock.now)
    workout = load(write_workout(tmp_path / "w", SHORT_WORKOUT))
    controller = SessionController(
        workout, player, RecordingAnnouncer(), store,
        settings=quiet_settings(), clock=clock, history=history,
    )  # fmt: skip
    screen = PlayerScreen(controller)
    qtbot.addWidget(screen)
    with qtbot.waitSignal(history.waiting_changed, timeout=30_000) as waiting:
        controller.start()  # returns at once; the writer finds the lock
    assert waiting.args == [WAITING_FOR_LOCK]
    qtbot.waitUntil(lambda: WAITING_FOR_LOCK in screen.banner.text)
    assert screen.banner.isVisibleTo(screen)
    controller.set_pain_before(3)
    with qtbot.waitSignal(controller.finished, timeout=1000):
        run_for(controller, clock, 30)
    assert controller.session_id is None  # not in the database yet
    handle = controller.history_handle
    assert handle is not None

    summary = SummaryPage(store, handle, history=history)
    qtbot.addWidget(summary)
    assert summary.showing_draft()
    assert summary.title.text() == "Two quick holds"
    assert summary.status.text().startswith("Completed")
    assert "2 sets" in summary.totals.text()  # glute bridge (2 holds), dead bug
    assert summary.exercises.rowCount() == 2
    summary.feedback.pain_after.set_value(2, notify=True)
    summary.feedback.notes.setPlainText("Fine")
    summary.feedback.flush()
    assert summary.feedback.status.text() == WAITING_FOR_LOCK

    holder.release()
    with qtbot.waitSignal(history.caught_up, timeout=30_000):
        retry.release()
    qtbot.waitUntil(lambda: not summary.showing_draft())
    session_id = controller.session_id
    assert session_id is not None
    row = store.session(session_id)
    assert row is not None
    assert (row.status, row.sets, row.pain_before, row.pain_after, row.notes) == (
        "completed", 2, 3, 2, "Fine",
    )  # fmt: skip
    assert row.active_seconds == round(controller.session.active_seconds, 3)
    assert [s.exercise for s in store.sets(session_id)] == ["Glute bridge", "Dead bug"]
    assert summary.session_id() == session_id and "2 sets" in summary.totals.text()
    qtbot.waitUntil(lambda: WAITING_FOR_LOCK not in screen.banner.text)
    assert history.writer.journal is not None and not history.writer.journal.exists()
    history.close()
    player.close()


def test_the_window_says_saving_waits_and_its_history_shows_the_session_once_free(
    qtbot: QtBot, tmp_path: Path, store: Store, holder: LockHolder, retry: StepRetryClock
) -> None:
    clock = FakeClock()
    window = MainWindow(
        store,
        make_player=lambda parent: TimerPlayer(parent, monotonic=clock.now),
        make_announcer=RecordingAnnouncer,
        clock=clock,
        retry_clock=retry,
    )
    qtbot.addWidget(window)
    assert window.history_writer is not None

    window.open_path(write_workout(tmp_path, SHORT_WORKOUT))
    with qtbot.waitSignal(window.history_writer.waiting_changed, timeout=30_000):
        window.workout_page.start.click()
    controller = window.controller
    assert controller is not None
    for _ in range(200):
        clock.advance(0.25)
        controller.tick()
        if controller.is_finished:
            break
    assert isinstance(window.current_page(), SummaryPage)
    assert WAITING_FOR_LOCK in window.notice.text and window.notice.isVisibleTo(window)
    qtbot.keyClick(window.current_page(), Qt.Key.Key_H)
    history = window.history
    assert history is not None and window.current_page() is history
    assert history.model.total() == 0  # the session waits for the lock

    holder.release()
    with qtbot.waitSignal(window.history_writer.caught_up, timeout=30_000):
        retry.release()
    qtbot.waitUntil(lambda: history.model.total() == 1)  # the screen read it again
    assert history.model.session(0).status == "completed"
    assert history.model.session(0).sets == 2
    qtbot.waitUntil(lambda: WAITING_FOR_LOCK not in window.notice.text)
    window.close()


@pytest.mark.slow
def test_an_edit_on_the_history_screen_while_locked_is_saved_once_free(
    qtbot: QtBot, tmp_path: Path, retry: StepRetryClock
) -> None:
    from workout_player.ui.history.page import HistoryPage

    db = tmp_path / "edits.sqlite3"
    with open_store(db) as setup:
        session_id = setup.start_session(workout="Earlier", workout_file=None, content_hash=None)
        setup.finish_session(session_id, status="completed", active_seconds=60.0)
    holder = LockHolder(db)
    try:
        with open_store(db) as store:
            history = HistoryWriter(store, retry_clock=retry)
            page = HistoryPage(store, history=history)
            qtbot.addWidget(page)
            assert page.detail.feedback.session_id() == session_id
            with qtbot.waitSignal(history.waiting_changed, timeout=30_000):
                page.detail.feedback.rpe.set_value(7, notify=True)
                page.detail.feedback.flush()  # returns at once, the lock is held
            assert store.session(session_id).rpe is None  # type: ignore[union-attr]
            holder.release()
            with qtbot.waitSignal(history.caught_up, timeout=30_000):
                retry.release()
            assert store.session(session_id).rpe == 7  # type: ignore[union-attr]
            retry.open()
            history.close()
    finally:
        holder.stop()
