"""A broken file's card in the library: the whole first problem, in plain words, wrapped."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QFontMetrics
from pytestqt.qtbot import QtBot

from tests.ui_support import SHORT_WORKOUT, write_workout
from workout_player import paths
from workout_player.ui.library.model import Role
from workout_player.ui.library.page import LibraryPage, WorkoutCardDelegate

TYPO = "title: Broken\nsteps:\n  - exercise: Curl-up\n    duration: 20\n    rets: 3\n  - rest: -5\n"


@pytest.fixture
def page(qtbot: QtBot) -> LibraryPage:
    folder = paths.user_workouts_dir()
    write_workout(folder, SHORT_WORKOUT, "mine.yaml")
    write_workout(folder, TYPO, "bad.yaml")
    page = LibraryPage()
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    qtbot.waitExposed(page)
    with qtbot.waitSignal(page.loaded):
        page.reload()
    return page


def _row(page: LibraryPage, name: str) -> int:
    for row in range(page.proxy.rowCount()):
        if page.proxy.index(row, 0).data(Role.ENTRY).path.name == name:
            return row
    raise AssertionError(name)


def test_the_card_says_the_problem_first_and_the_place_after(page: LibraryPage) -> None:
    entry = page.proxy.index(_row(page, "bad.yaml"), 0).data(Role.ENTRY)
    shown = entry.shown_error
    assert "did you mean 'reps'?" in shown
    assert shown.endswith("(line 5, column 5). 1 more problem after it.")
    assert str(paths.user_workouts_dir()) not in shown  # no path on the card
    assert entry.error.startswith(str(paths.user_workouts_dir() / "bad.yaml") + ":5:5: ")


@pytest.mark.parametrize("width", [1280, 700])
def test_the_whole_first_problem_fits_in_its_card_wrapped_not_cut(
    qtbot: QtBot, page: LibraryPage, width: int
) -> None:
    page.resize(width, 720)
    qtbot.waitUntil(lambda: page.view.viewport().width() < width)
    view = page.view
    bad = page.proxy.index(_row(page, "bad.yaml"), 0)
    good = page.proxy.index(_row(page, "mine.yaml"), 0)
    card = view.visualRect(bad)
    assert view.visualRect(good).height() == WorkoutCardDelegate.HEIGHT
    delegate = view.itemDelegate()
    assert isinstance(delegate, WorkoutCardDelegate)
    text = delegate._error_text(bad.data(Role.ENTRY))
    metrics = QFontMetrics(delegate._detail_font(view.font()))
    one_line = metrics.horizontalAdvance(text)
    inner = card.width() - 40
    if width == 700:
        assert one_line > inner  # the message is longer than one line here
    needed = metrics.boundingRect(QRect(0, 0, inner, 10_000), 0x1000 | 0x1, text)
    # the card holds the title line and every wrapped line of the problem
    assert card.height() >= WorkoutCardDelegate.TITLE_PX + needed.height() + 16
