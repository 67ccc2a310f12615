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

from tests.ui_support import saved
from workout_player.audio import RecordingAnnouncer
from workout_player.cli import main
from workout_player.domain.clock import FakeClock
from workout_player.domain.session import CheckView
from workout_player.playback import TimerPlayer
from workout_player.store import open_store
from workout_player.ui.checks.page import ChecksPage
from workout_player.ui.main_window import MainWindow
from workout_player.ui.player.screen import PlayerScreen

TICK = 0.25
CHAIR_TAPS = 12
LINE_STEPS = {1: 8, 2: 11}


def hold_target(view: CheckView) -> float:
    """When the person on the mat "loses the position": a known time per check and trial."""
    if view.check.startswith("single_leg_stance"):
        return 5.0 + view.trial + (2.0 if view.side == "right" else 0.0)
    return {"mcgill_flexor": 60.0, "sorensen_extensor": 90.0}.get(view.check, 40.0)


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    store = open_store(tmp_path / "history.sqlite3")
    clock = FakeClock()
    win = MainWindow(
        store,
        make_player=lambda parent: TimerPlayer(parent, monotonic=clock.now),
        make_announcer=RecordingAnnouncer,
        clock=clock,
    )
    qtbot.addWidget(win)
    win.fake_clock = clock  # type: ignore[attr-defined]
    win.show()
    yield win
    win.close()
    store.close()


def run_the_checks(qtbot: QtBot, window: MainWindow, clock: FakeClock) -> None:
    controller, screen = window.controller, window.current_page()
    assert controller is not None and isinstance(screen, PlayerScreen)
    taps = 0
    for _ in range(int(3600 / TICK)):  # far more than the workout's length
        if controller.is_finished:
            return
        clock.advance(TICK)
        controller.tick()
        view = controller.view().check
        if view is None:
            continue
        if view.measure == "hold" and view.seconds >= hold_target(view) - 1e-6:
            qtbot.keyClick(screen, Qt.Key.Key_Return)
        elif (
            view.check == "chair_stand_30s" and taps < CHAIR_TAPS and view.seconds >= 2 * (taps + 1)
        ):
            qtbot.keyClick(screen, Qt.Key.Key_R)
            taps += 1
        elif view.check == "tandem_walk" and not view.awaiting_count:
            qtbot.keyClicks(screen, str(LINE_STEPS[view.trial]))
            qtbot.keyClick(screen, Qt.Key.Key_Return)
    pytest.fail("the Stability check did not finish")


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
    run_the_checks(qtbot, window, window.fake_clock)  # type: ignore[attr-defined]
    assert window.controller is not None
    session_id = saved(window.controller)

    qtbot.keyClick(window.current_page(), Qt.Key.Key_Escape)  # the summary, back to the library
    window.show_library()
    window.checks_action.trigger()
    assert window.checks_action.shortcut() == QKeySequence("Ctrl+K")
    page = window.current_page()
    assert isinstance(page, ChecksPage)
    firsts = {s.name: [side.value_text() for side in s.sides] for s in page.summaries}
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
