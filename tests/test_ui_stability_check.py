"""The bundled Stability check with the keyboard alone: library -> Enter -> Enter, every
check run on the fake clock (R taps, Enter at known hold times, a typed count), then
Ctrl+K shows each result and `checks --json` has every trial."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from tests.check_support import run_the_checks
from tests.ui_support import saved, timer_window
from workout_player.cli import main
from workout_player.domain.clock import FakeClock
from workout_player.store import open_store
from workout_player.ui.checks.page import ChecksPage
from workout_player.ui.history.summary import SummaryPage
from workout_player.ui.main_window import MainWindow
from workout_player.ui.player.screen import PlayerScreen


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    store = open_store(tmp_path / "history.sqlite3")
    clock = FakeClock()
    win = timer_window(store, clock)
    qtbot.addWidget(win)
    win.fake_clock = clock  # type: ignore[attr-defined]
    win.show()
    yield win
    win.close()
    store.close()


def summary_values(summary: SummaryPage) -> dict[str, list[str]]:
    """Each check's values on the summary's "Your results", by the check's name."""
    face = summary.results.face
    assert face is not None
    return {check.rows[0].name: [row.value for row in check.rows] for check in face.checks}


def test_the_stability_check_from_the_library_with_the_keyboard_alone(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    library = window.library
    qtbot.waitUntil(lambda: "Stability check" in library.visible_titles())  # loads on a thread
    qtbot.keyClicks(library.search, "Stability check")
    assert library.visible_titles() == ["Stability check"]
    qtbot.keyClick(library.search, Qt.Key.Key_Return)
    assert window.current_page() is window.workout_page
    assert window.workout_page.title.text() == "Stability check"
    qtbot.keyClick(window.workout_page, Qt.Key.Key_Return)
    assert isinstance(window.current_page(), PlayerScreen)
    controller, screen = window.controller, window.current_page()
    assert controller is not None
    run_the_checks(qtbot, controller, screen, window.fake_clock)  # type: ignore[attr-defined]
    assert window.controller is not None
    session_id = saved(window.controller)

    summary = window.current_page()
    assert isinstance(summary, SummaryPage)
    summary.reload()  # the writer has caught up: the stored rows, with your last time
    shown = summary_values(summary)
    qtbot.keyClick(summary, Qt.Key.Key_Escape)  # the summary, back to the library
    window.show_library()
    window.checks_action.trigger()
    assert window.checks_action.shortcut() == QKeySequence("Ctrl+K")
    page = window.current_page()
    assert isinstance(page, ChecksPage)
    firsts = {s.name: [side.value_text() for side in s.sides] for s in page.summaries}
    assert shown == firsts, "the summary after the session says what the Checks screen says"
    assert firsts == {
        "30-second chair stand": ["12 reps"],
        "Single-leg stance, eyes open": ["8.0 s", "10.0 s"],
        "Single-leg stance, eyes closed": ["8.0 s", "10.0 s"],
        "Heel-to-toe line walk": ["11 steps"],
        "Trunk flexor hold": ["60.0 s"],
        "Back extensor hold (Biering-Sørensen)": ["90.0 s"],
        "Side bridge, right side": ["40.0 s"],
        "Side bridge, left side": ["40.0 s"],
    }

    capsys.readouterr()
    assert main(["checks", "--json", "--db", str(tmp_path / "history.sqlite3")]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {row["session_id"] for row in rows} == {session_id}
    stance = sorted(
        (row["side"], row["trial"], row["value"])
        for row in rows
        if row["check"] == "single_leg_stance_eyes_open"
    )
    assert stance == [
        ("left", 1, 6.0), ("left", 2, 7.0), ("left", 3, 8.0),
        ("right", 1, 8.0), ("right", 2, 9.0), ("right", 3, 10.0),
    ]  # fmt: skip
    walk = sorted((row["trial"], row["value"]) for row in rows if row["check"] == "tandem_walk")
    assert walk == [(1, 8.0), (2, 11.0)]
    assert len(rows) == 1 + 6 + 6 + 2 + 4
