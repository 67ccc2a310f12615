"""Start-up warm-up: after the window's first paint, one step per event-loop pass."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from workout_player.audio import RecordingAnnouncer
from workout_player.playback import _vlc
from workout_player.ui.app import after_first_paint, run_in_turns
from workout_player.ui.main_window import MainWindow


def test_steps_run_in_order_each_in_its_own_pass_of_the_event_loop(qtbot: QtBot) -> None:
    ran: list[str] = []
    run_in_turns([lambda: ran.append("a"), lambda: ran.append("b"), lambda: ran.append("c")])
    assert ran == [], "nothing runs before the event loop does"
    QApplication.processEvents()  # one pass: one step (the next one is queued by it)
    assert ran == ["a"]
    qtbot.waitUntil(lambda: ran == ["a", "b", "c"])


def test_warm_up_waits_for_the_window_to_be_on_screen(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    calls: list[bool] = []
    window.show()
    after_first_paint(window, lambda: calls.append(window.isVisible()))
    qtbot.waitUntil(lambda: calls == [True])


def test_warm_up_makes_the_announcer_and_libvlc_before_start(qtbot: QtBot) -> None:
    _vlc.reset_for_tests()  # as on a fresh start: no instance tried yet
    assert not _vlc._instance_tried
    window = MainWindow(None, make_announcer=RecordingAnnouncer)
    qtbot.addWidget(window)
    run_in_turns(window.warm_up_steps())
    qtbot.waitUntil(lambda: isinstance(window._announcer, RecordingAnnouncer))
    # The libvlc thread ends with the instance tried (made, or why not known).
    qtbot.waitUntil(lambda: _vlc._instance_tried or _vlc.forced_off())
    _vlc.reset_for_tests()
