"""The summary's leg-symptoms box: ticked after a real session, stored with it in the SQLite
file (session_responses.leg_symptoms), and the next suggestion is to stop and check."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui_support import SHORT_WORKOUT, load, quiet_settings, run_for, write_workout
from workout_player.audio import RecordingAnnouncer
from workout_player.domain.clock import FakeClock
from workout_player.playback import TimerPlayer
from workout_player.store import open_store
from workout_player.store.programmes import enrol_record
from workout_player.store.records import apply
from workout_player.store.today import load_today, programme_file_key
from workout_player.ui.history.summary import SummaryPage
from workout_player.ui.history_writer import HistoryWriter
from workout_player.ui.player.controller import SessionController

PROGRAMME = """\
programme: Short test programme
phases:
  - name: Calm and brace
    weeks: 2
    sessions: 3
    workouts:
      - file: holds.yaml
"""


def _legs(db: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT session_id, leg_symptoms FROM session_responses").fetchall()
    finally:
        conn.close()


def test_the_leg_symptoms_box_is_stored_with_the_session(qtbot: QtBot, tmp_path: Path) -> None:
    workout = write_workout(tmp_path, SHORT_WORKOUT, "holds.yaml")
    programme = tmp_path / "programme.yaml"
    programme.write_text(PROGRAMME, encoding="utf-8")
    db = tmp_path / "history.sqlite3"
    with open_store(db) as store:
        apply(store, enrol_record(programme_file_key(programme), "Short test programme"))
    store = open_store(db)
    history = HistoryWriter(store)
    clock = FakeClock()
    player = TimerPlayer(monotonic=clock.now)
    controller = SessionController(
        load(workout), player, RecordingAnnouncer(), store,
        settings=quiet_settings(), clock=clock, history=history,
    )  # fmt: skip
    controller.start()
    run_for(controller, clock, 30)
    assert controller.is_finished and controller.history_handle is not None
    summary = SummaryPage(store, controller.history_handle, history=history)
    qtbot.addWidget(summary)
    summary.show()
    summary.activateWindow()
    qtbot.waitUntil(summary.isActiveWindow)  # mnemonics (Alt+K) work in the active window
    assert summary.legs is not None
    assert summary.legs.text() == "New numbness, tingling or pain spreading below the &knee"
    assert not summary.legs.isChecked()

    with qtbot.waitSignal(summary.legs.toggled):  # a mnemonic clicks the box (animated)
        qtbot.keyClick(summary.windowHandle(), Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
    assert history.flush(30)
    session_id = controller.session_id
    assert session_id is not None
    assert _legs(db) == [(session_id, 1)]
    report = load_today(store, date.today())
    assert report is not None and report.today is not None
    assert report.today.suggestion is not None
    assert (report.today.suggestion.kind, report.today.suggestion.row) == ("stop", "S1")

    assert summary.legs.hasFocus()
    qtbot.keyClick(summary.legs, Qt.Key.Key_Space)  # a tick by mistake can be taken back
    assert history.flush(30)
    assert _legs(db) == [(session_id, 0)]
    controller.shutdown()
    history.close()
    player.close()
    store.close()
