"""Deleting and correcting a session on the History screen, with the keyboard only."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.history_data import TODAY, fill
from workout_player.store import SessionRow, open_store
from workout_player.ui.history.delete_bar import delete_question
from workout_player.ui.history.page import HistoryPage
from workout_player.ui.history_writer import HistoryWriter


@pytest.fixture
def store(tmp_path: Path):
    with open_store(tmp_path / "history.sqlite3") as store:
        yield store


@pytest.fixture
def writer(qtbot, store):
    history = HistoryWriter(store)
    yield history
    history.close()


def _page(qtbot, store, writer) -> HistoryPage:
    page = HistoryPage(store, today=lambda: TODAY, history=writer)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.table.setFocus()
    return page


def _row(workout: str, started: datetime | None) -> SessionRow:
    return SessionRow(
        1, workout, None, None, started, None, "completed", 60.0, None, None, None, None,
        1, 0, 60.0, (),
    )  # fmt: skip


def test_the_question_names_the_workout_and_its_day_and_time() -> None:
    this_year = datetime.now().astimezone().year
    when = datetime(this_year, 12, 1, 18, 4).astimezone()
    assert delete_question(_row("Static stability", when)) == (
        f"Delete 'Static stability' of {when:%a} 1 Dec, 18:04?"
    )
    older = datetime(2020, 3, 9, 7, 5).astimezone()
    assert (
        delete_question(_row("Hip hinge", older)) == "Delete 'Hip hinge' of Mon 9 Mar 2020, 07:05?"
    )
    assert "no start time" in delete_question(_row("Hip hinge", None))


def test_delete_asks_then_enter_deletes_the_session_and_its_sets(qtbot, store, writer) -> None:
    ids = fill(store)
    page = _page(qtbot, store, writer)
    newest = page.model.session(0)
    assert newest.id == ids[-1] and store.sets(newest.id)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert page.delete_bar.isVisible()
    assert f"Delete '{newest.workout}' of " in page.delete_bar.question.text()
    assert store.count_sessions() == len(ids)  # nothing gone before the answer
    with qtbot.waitSignal(writer.caught_up, timeout=10000):
        qtbot.keyClick(page.delete_bar.delete_button, Qt.Key.Key_Return)
    assert not page.delete_bar.isVisible()
    assert store.session(newest.id) is None and store.sets(newest.id) == []
    assert store.count_sessions() == len(ids) - 1
    assert page.model.rowCount() == len(ids) - 1
    assert page.model.session(0).id == ids[-2]  # the next one is chosen
    assert page.count_label.text() == f"{len(ids) - 1} sessions"
    assert page.table.hasFocus()


def test_esc_keeps_the_session(qtbot, store, writer) -> None:
    ids = fill(store)
    page = _page(qtbot, store, writer)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    with qtbot.assertNotEmitted(page.back):
        qtbot.keyClick(page.delete_bar.delete_button, Qt.Key.Key_Escape)
    assert not page.delete_bar.isVisible()
    assert writer.flush(timeout=10)
    assert store.count_sessions() == len(ids) and page.model.rowCount() == len(ids)
    assert page.table.hasFocus()


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_E])
def test_enter_or_e_corrects_pain_effort_and_note_and_esc_returns_to_the_list(
    qtbot, store, writer, key
) -> None:
    fill(store)
    page = _page(qtbot, store, writer)
    session = page.model.session(0)
    feedback = page.detail.feedback
    qtbot.keyClick(page.table, key)
    assert feedback.pain_before.hasFocus()
    qtbot.keyClick(feedback.pain_before, Qt.Key.Key_7)
    qtbot.keyClick(feedback.pain_before, Qt.Key.Key_Tab)
    assert feedback.pain_after.hasFocus()
    qtbot.keyClick(feedback.pain_after, Qt.Key.Key_1)
    qtbot.keyClick(feedback.pain_after, Qt.Key.Key_Tab)
    qtbot.keyClick(feedback.rpe, Qt.Key.Key_4)
    qtbot.keyClick(feedback.rpe, Qt.Key.Key_Tab)
    qtbot.keyClicks(feedback.notes, "test run")
    with qtbot.assertNotEmitted(page.back):
        qtbot.keyClick(feedback.notes, Qt.Key.Key_Escape)
    assert page.table.hasFocus()
    assert writer.flush(timeout=10)
    stored = store.session(session.id)
    assert stored is not None
    assert (stored.pain_before, stored.pain_after, stored.rpe, stored.notes) == (
        7, 1, 4, "test run",
    )  # fmt: skip
    assert page.model.index(0, 4).data() == "7 \u2192 1"


def test_a_long_workout_name_wraps_whole_in_its_row(qtbot, store, writer) -> None:
    name = "Daily 10-minute back routine for the days after a long drive"
    other = "Daily 10-minute back routine, short"
    for workout in (name, other):
        session_id = store.start_session(workout=workout, workout_file=None, content_hash=None)
        store.finish_session(session_id, status="completed", active_seconds=600)
    page = _page(qtbot, store, writer)
    table = page.table
    for row in range(2):
        index = page.model.index(row, 1)
        text = index.data()
        width = table.columnWidth(1)
        needed = table.fontMetrics().horizontalAdvance(text)
        lines = -(-needed // max(1, width - 16))
        assert table.rowHeight(row) >= lines * table.fontMetrics().height()
    assert table.rowHeight(0) > 36  # the long name takes two lines at 1366x768
    session_id = store.start_session(
        workout="Static stability", workout_file=None, content_hash=None
    )
    store.finish_session(session_id, status="completed", active_seconds=600)
    page.refresh()
    short = page.model.row_of(session_id)
    assert short is not None and table.rowHeight(short) == 36  # one line keeps the usual row
    assert table.rowHeight(page.model.row_of(session_id - 2) or 0) > 36
