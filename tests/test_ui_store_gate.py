"""The store opened after the first paint: History and Start wait for it and never block.

A real SQLite file in the test's folder, real widgets offscreen, a timer player on a
FakeClock. The opener counts its calls, so each test sees exactly when the store opened.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui_support import SHORT_WORKOUT, load, write_workout
from workout_player.audio import RecordingAnnouncer
from workout_player.domain.clock import FakeClock
from workout_player.playback import TimerPlayer
from workout_player.store import Store
from workout_player.ui.app import open_history
from workout_player.ui.history.page import HistoryPage
from workout_player.ui.main_window import MainWindow
from workout_player.ui.store_gate import StoreGate


class CountingOpener:
    def __init__(self, db: Path) -> None:
        self.db = db
        self.calls = 0
        self.opened: list[Store] = []

    def __call__(self) -> tuple[Store | None, str | None]:
        self.calls += 1
        store, problem = open_history(str(self.db))
        if store is not None:
            self.opened.append(store)
        return store, problem


@pytest.fixture
def opener(tmp_path: Path) -> Iterator[CountingOpener]:
    counting = CountingOpener(tmp_path / "history.sqlite3")
    yield counting
    for store in counting.opened:
        store.close()


@pytest.fixture
def window(qtbot: QtBot, opener: CountingOpener) -> MainWindow:
    clock = FakeClock()
    win = MainWindow(
        None,
        make_player=lambda parent: TimerPlayer(parent, monotonic=clock.now),
        make_announcer=RecordingAnnouncer,
        clock=clock,
        open_store=opener,
    )
    qtbot.addWidget(win)
    win.show()
    return win


def test_the_window_shows_before_the_store_is_opened(
    window: MainWindow, opener: CountingOpener
) -> None:
    assert opener.calls == 0 and window.store is None and window.store_gate.pending
    assert window.history_writer is None
    # The History action waits instead of being refused: it stays enabled while pending.
    assert window.history_action.isEnabled()


def test_the_first_warm_up_step_opens_the_store_and_wires_history(
    qtbot: QtBot, window: MainWindow, opener: CountingOpener
) -> None:
    steps = window.warm_up_steps()
    with qtbot.waitSignal(window.store_gate.ready):
        steps[0]()
        assert opener.calls == 0, "the opener runs on the GUI thread, after the imports"
    assert opener.calls == 1 and not window.store_gate.pending
    assert window.store is opener.opened[0]
    assert window.history_writer is not None
    assert window.history_action.isEnabled() and window.library.history_button.isEnabled()
    steps[0]()  # settled once: a second call opens nothing
    window.store_gate.open()
    assert opener.calls == 1


def test_history_asked_before_the_store_opens_waits_then_shows(
    qtbot: QtBot, window: MainWindow, opener: CountingOpener
) -> None:
    window.show_history()  # returns at once: the store opens in a later pass of the loop
    assert opener.calls == 0 and window.current_page() is window.library
    qtbot.waitUntil(lambda: isinstance(window.current_page(), HistoryPage))
    assert opener.calls == 1


def test_start_before_the_store_opens_waits_then_records_the_session(
    qtbot: QtBot, window: MainWindow, opener: CountingOpener, tmp_path: Path
) -> None:
    window.start_workout(load(write_workout(tmp_path, SHORT_WORKOUT)))
    assert window.controller is None and opener.calls == 0, "Start must not block on the store"
    qtbot.waitUntil(lambda: window.controller is not None)
    assert opener.calls == 1
    controller = window.controller
    assert controller is not None and controller.history is window.history_writer
    assert window.history_writer is not None


def test_start_pressed_twice_while_waiting_starts_one_session(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    workout = load(write_workout(tmp_path, SHORT_WORKOUT))
    window.start_workout(workout)
    window.start_workout(workout)
    qtbot.waitUntil(lambda: window.controller is not None)
    first = window.controller
    QApplication.processEvents()
    assert window.controller is first


def test_a_store_that_cannot_open_turns_history_off_and_says_why(
    qtbot: QtBot, tmp_path: Path
) -> None:
    folder = tmp_path / "a-folder.sqlite3"
    folder.mkdir()  # a folder where the database should be: it cannot be opened
    win = MainWindow(
        None, make_announcer=RecordingAnnouncer, open_store=lambda: open_history(str(folder))
    )
    qtbot.addWidget(win)
    win.store_gate.open()
    assert win.store is None and not win.store_gate.pending
    assert not win.history_action.isEnabled()
    assert win.notice.text.startswith("History is off:")
    win.show_history()  # settled as off: nothing happens, nothing waits
    assert win.current_page() is win.library


def test_when_ready_calls_back_at_once_once_settled_and_in_order_before() -> None:
    gate = StoreGate(lambda: (None, "off"))
    seen: list[str] = []
    gate.when_ready(lambda store: seen.append(f"a:{store}"))
    gate.when_ready(lambda store: seen.append(f"b:{store}"))
    assert seen == []
    gate.open()
    assert seen == ["a:None", "b:None"] and gate.problem == "off"
    gate.when_ready(lambda store: seen.append("c"))
    assert seen[-1] == "c"


def test_an_opener_that_raises_still_lets_what_waits_go_on_and_raises() -> None:
    def broken() -> tuple[Store | None, str | None]:
        raise RuntimeError("a bug")

    gate = StoreGate(broken)
    seen: list[object] = []
    gate.when_ready(seen.append)  # begins the imports; the open below runs first
    with pytest.raises(RuntimeError, match="a bug"):
        gate.open()
    assert seen == [None] and not gate.pending
    assert gate.problem == "History is off: the database could not be opened (a bug)."
