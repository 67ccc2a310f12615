"""The History screen's PDF report: Ctrl+P and the button use the From/To filters, and a
refused path (the history itself) is said, not written."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from tests import report_history as known
from workout_player.store import Store, open_store
from workout_player.ui.history.page import HistoryPage


@pytest.fixture
def store(tmp_path: Path):
    with open_store(known.database(tmp_path / "history.sqlite3"), mode="read") as store:
        yield store


def _page(qtbot: QtBot, store: Store) -> HistoryPage:
    page = HistoryPage(store, today=lambda: known.END)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_ctrl_p_writes_the_filtered_period(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    page = _page(qtbot, store)
    page.date_from.setDate(QDate(2026, 10, 12))
    page.date_to.setDate(QDate(2026, 10, 25))
    asked: list[str] = []
    out = tmp_path / "for-the-physio.pdf"
    page.report.ask_path = lambda name: asked.append(name) or str(out)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    # Through the window, as a real key press: that is where shortcuts are handled.
    qtbot.keyClick(page.windowHandle(), Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert asked == ["report-2026-10-12-to-2026-10-25.pdf"]
    assert page.report.last_written == out
    assert out.read_bytes().startswith(b"%PDF-")


def test_the_button_without_filters_covers_twelve_weeks_to_today(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    page = _page(qtbot, store)
    page.clear_filters()
    asked: list[str] = []
    page.report.ask_path = lambda name: asked.append(name) or ""  # cancelled
    qtbot.mouseClick(page.report.button, Qt.MouseButton.LeftButton)
    assert asked == ["report-2026-10-05-to-2026-11-29.pdf"]  # the history begins on 5 Oct
    assert page.report.last_written is None


def test_the_history_itself_is_refused(qtbot: QtBot, store: Store) -> None:
    page = _page(qtbot, store)
    assert store.path is not None
    before = store.path.read_bytes()
    told: list[str] = []
    page.report.ask_path = lambda _name: str(store.path)
    page.report.tell = told.append
    page.report.make()
    assert len(told) == 1 and "would destroy your history" in told[0]
    assert store.path.read_bytes() == before
