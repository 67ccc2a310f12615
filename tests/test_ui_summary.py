"""The end-of-session summary: per-exercise totals, and pain/effort/note saved inline."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from tests.history_data import record
from workout_player.store import SetRecord, Store, open_store
from workout_player.ui.history.summary import SummaryPage


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "history.sqlite3"


@pytest.fixture
def store(db_path: Path):
    with open_store(db_path) as store:
        yield store


def _session(store: Store, status: str = "completed") -> int:
    return record(
        store,
        datetime(2026, 3, 16, 9, 0),
        "Back basics",
        status,
        754.0,
        [
            ("Bird dog", 8, 30.0),
            ("Bird dog", 7, 28.0),
            ("Side plank", None, 20.0),
            ("Side plank", None, 18.0),
            ("Dead bug", 10, 45.0),
        ],
    )


def _page(qtbot, store: Store, session_id: int) -> SummaryPage:
    page = SummaryPage(store, session_id)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    return page


def _table(page: SummaryPage) -> list[list[str]]:
    model = page.table.model()
    return [
        [model.index(row, column).data() for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def _read_back(db_path: Path, session_id: int):
    """A second connection, as another process would see the file."""
    with open_store(db_path) as other:
        return other.session(session_id)


def test_summary_shows_time_sets_reps_and_hold_time_per_exercise(qtbot, store):
    page = _page(qtbot, store, _session(store))
    assert _table(page) == [
        ["Bird dog", "2 sets", "15", "0:58"],
        ["Side plank", "2 sets", "", "0:38"],
        ["Dead bug", "1 set", "10", "0:45"],
    ]
    assert page.title.text() == "Back basics"
    assert page.status.text().startswith("Completed")
    assert page.totals.text() == "12:34 total · 5 sets · 25 reps · 2:21 worked or held"


def test_one_set_done_left_and_right_is_one_set_each_side(qtbot, store):
    session_id = store.start_session(workout="Sides", workout_file=None, content_hash=None)
    start = datetime(2026, 3, 16, 9, 0)
    for side in ("left", "right"):
        store.record_set(
            session_id,
            SetRecord(0, "Side plank", 1, side, None, None, 20.0, start, start),
        )
    store.finish_session(session_id, status="completed", active_seconds=60.0)
    page = _page(qtbot, store, session_id)
    assert _table(page) == [["Side plank", "1 set, each side", "", "0:40"]]
    assert " · 1 set · " in page.totals.text()


def test_a_session_ended_early_says_so(qtbot, store):
    page = _page(qtbot, store, _session(store, "stopped"))
    assert page.status.text().startswith("Stopped early")


def test_pain_is_saved_a_moment_after_it_is_chosen(qtbot, store, db_path):
    session_id = _session(store)
    page = _page(qtbot, store, session_id)
    qtbot.mouseClick(page.feedback.pain_before.button(6), Qt.MouseButton.LeftButton)
    assert page.feedback.has_pending()
    qtbot.waitUntil(lambda: not page.feedback.has_pending())
    assert _read_back(db_path, session_id).pain_before == 6
    assert page.feedback.status.text() == "Saved"


def test_keys_fill_in_pain_effort_and_note_and_enter_finishes(qtbot, store, db_path):
    session_id = _session(store)
    page = _page(qtbot, store, session_id)
    feedback = page.feedback
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    # Through the window, as a real key press: that is where mnemonics (Alt+B) are handled.
    qtbot.keyClick(page.windowHandle(), Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    assert feedback.pain_before.hasFocus()
    qtbot.keyClicks(feedback.pain_before, "4")
    qtbot.keyClick(feedback.pain_after, Qt.Key.Key_Right)  # from nothing: 0
    qtbot.keyClick(feedback.pain_after, Qt.Key.Key_Right)
    qtbot.keyClicks(feedback.rpe, "0")  # 0 means 10 on the 1-10 scale
    qtbot.keyClicks(feedback.notes, "Felt steady")
    qtbot.keyClick(feedback.notes, Qt.Key.Key_Return)  # a new line, not "done"
    qtbot.keyClicks(feedback.notes, "left side tight")
    with qtbot.waitSignal(page.finished):
        qtbot.keyClick(feedback.rpe, Qt.Key.Key_Return)
    saved = _read_back(db_path, session_id)
    assert (saved.pain_before, saved.pain_after, saved.rpe) == (4, 1, 10)
    assert saved.notes == "Felt steady\nleft side tight"


def test_choosing_the_same_value_again_clears_it(qtbot, store, db_path):
    session_id = _session(store)
    store.update_session(session_id, pain_after=3, rpe=5)
    page = _page(qtbot, store, session_id)
    assert page.feedback.pain_after.value() == 3
    qtbot.mouseClick(page.feedback.pain_after.button(3), Qt.MouseButton.LeftButton)
    qtbot.keyClick(page.feedback.rpe, Qt.Key.Key_Delete)
    page.feedback.flush()
    saved = _read_back(db_path, session_id)
    assert (saved.pain_after, saved.rpe) == (None, None)


def test_nothing_is_required_and_nothing_is_modal(qtbot, store, db_path):
    session_id = _session(store)
    page = _page(qtbot, store, session_id)
    page.done_button.setFocus()
    with qtbot.waitSignal(page.finished):
        qtbot.keyClick(page.done_button, Qt.Key.Key_Return)
    assert QApplication.activeModalWidget() is None
    assert not [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()
    ]
    saved = _read_back(db_path, session_id)
    assert (saved.pain_before, saved.pain_after, saved.rpe, saved.notes) == (None,) * 4


def test_h_opens_the_history_after_saving(qtbot, store, db_path):
    session_id = _session(store)
    page = _page(qtbot, store, session_id)
    qtbot.mouseClick(page.feedback.pain_after.button(2), Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(page.show_history):
        qtbot.keyClick(page, Qt.Key.Key_H)
    assert _read_back(db_path, session_id).pain_after == 2


def test_an_unknown_session_is_explained(qtbot, store):
    page = _page(qtbot, store, 99)
    assert "not in the history" in page.title.text()
    assert page.table.model().rowCount() == 0
    assert not page.feedback.isEnabled()
