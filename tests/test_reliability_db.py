"""Database faults as the person meets them: in a running session, in the app, in the CLI.

tests/test_store_files.py checks the store itself (damaged, too new, read-only, full). Here
the same faults go through the parts above it: the disk filling up in the middle of a real
session (SessionController on a FakeClock), and `workout-player history` and the app window
facing a too-new, a damaged and a read-only database: one clear message, no traceback,
nothing that was saved is lost.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.conftest import REPO
from tests.test_store_files import read_only_folder
from tests.ui_support import saved
from tests.writer_support import StepRetryClock
from workout_player.audio import RecordingAnnouncer, SoundSettings
from workout_player.domain.clock import FakeClock
from workout_player.domain.loader import parse_workout
from workout_player.playback import TimerPlayer
from workout_player.store import SCHEMA_VERSION, open_store
from workout_player.store import writer as writer_module
from workout_player.ui.app import open_history
from workout_player.ui.history_writer import HistoryWriter
from workout_player.ui.main_window import MainWindow
from workout_player.ui.player.controller import SessionController
from workout_player.ui.player.screen import PlayerScreen

WORKOUT = """title: Full disk
countdown: 0
steps:
  - exercise: Side plank
    sets: 6
    duration: 2
    rest: 1
"""


def test_disk_filling_up_mid_session_keeps_the_sets_until_there_is_room_again(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "history.sqlite3"
    store = open_store(db)
    # The writer's own connection, reachable from the test thread, to fill its disk.
    connections: list[sqlite3.Connection] = []

    def connect(path: Path, busy_timeout_ms: int) -> sqlite3.Connection:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        conn.execute(f"PRAGMA busy_timeout = {busy_timeout_ms}")
        connections.append(conn)
        return conn

    monkeypatch.setattr(writer_module, "connect_writer", connect)
    retry = StepRetryClock()
    history = HistoryWriter(store, retry_clock=retry)
    result = parse_workout(WORKOUT, tmp_path / "w.yaml")
    assert result.workout is not None
    clock = FakeClock()
    player = TimerPlayer()
    controller = SessionController(
        result.workout, player, RecordingAnnouncer(), store,
        settings=SoundSettings(voice=False), clock=clock, history=history,
    )  # fmt: skip
    screen = PlayerScreen(controller)
    qtbot.addWidget(screen)
    controller.start()
    while len(history.draft(controller.history_handle).sets) < 2:  # type: ignore[union-attr]
        clock.advance(0.1)
        controller.tick()
    session_id = saved(controller)
    assert len(store.sets(session_id)) == 2
    # The disk fills up: SQLite answers SQLITE_FULL at max_page_count exactly as on a full
    # disk; another session's rows take the room left in the last pages.
    (conn,) = connections
    conn.execute(f"PRAGMA max_page_count = {conn.execute('PRAGMA page_count').fetchone()[0]}")
    other = store.start_session(workout="Other", workout_file=None, content_hash=None)
    with pytest.raises(sqlite3.OperationalError, match="full"):
        for number in range(1, 10_000):
            conn.execute(
                "INSERT INTO sets (session_id, step, exercise, set_number, seconds, started_at,"
                " ended_at) VALUES (?, 0, 'Side plank', ?, 1, '2026-01-01', '2026-01-01')",
                [other, number],
            )
    with (
        qtbot.waitSignal(history.waiting_changed, timeout=10_000) as waiting,
        qtbot.waitSignal(controller.finished, timeout=1000) as finished,
    ):
        for _ in range(400):
            clock.advance(0.1)
            controller.tick()
            if controller.is_finished:
                break
    assert finished.args == [True]  # the workout ran to its end
    assert "Saving is waiting" in waiting.args[0] and "is full" in waiting.args[0]
    qtbot.waitUntil(lambda: "Saving is waiting" in screen.banner.text)
    assert screen.banner.isVisibleTo(screen)
    assert len(store.sets(session_id)) == 2, "nothing more fits on the disk"

    conn.execute("PRAGMA max_page_count = 1073741823")  # room again
    with qtbot.waitSignal(history.caught_up, timeout=30_000):
        retry.release()
    row = store.session(session_id)
    assert row is not None and row.status == "completed"
    assert len(store.sets(session_id)) == 6
    qtbot.waitUntil(lambda: "Saving is waiting" not in screen.banner.text)
    assert history.writer.journal is not None and not history.writer.journal.exists()
    retry.open()
    history.close()
    controller.shutdown()
    player.close()
    store.close()
    raw = sqlite3.connect(db)
    try:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        raw.close()


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "workout_player", *args],
        capture_output=True, text=True, env=env, cwd=REPO, timeout=60,
    )  # fmt: skip


@pytest.mark.slow
def test_history_command_refuses_a_newer_database_and_leaves_it_alone(tmp_path: Path) -> None:
    db = tmp_path / "history.sqlite3"
    with open_store(db) as store:
        store.start_session(workout="W", workout_file=None, content_hash=None)
        store.db.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    before = db.read_bytes()
    proc = cli("history", "--json", "--db", str(db))
    assert proc.returncode == 1
    assert "newer version of Workout Player" in proc.stderr and "Update" in proc.stderr
    assert "Traceback" not in proc.stderr and proc.stdout == ""
    assert db.read_bytes() == before
    assert not list(tmp_path.glob("*.corrupt-*"))


@pytest.mark.slow
def test_history_command_on_a_damaged_file_moves_it_aside_and_says_where(tmp_path: Path) -> None:
    db = tmp_path / "history.sqlite3"
    db.write_bytes(b"SQLite format 3\x00" + os.urandom(8000))
    damaged = db.read_bytes()
    proc = cli("history", "--db", str(db))
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    (aside,) = tmp_path.glob("history.sqlite3.corrupt-*")
    assert str(aside) in proc.stderr and "nothing was deleted" in proc.stderr
    assert aside.read_bytes() == damaged
    assert "No sessions yet" in proc.stdout


@pytest.mark.slow
def test_read_only_location_in_the_cli_and_in_the_app(qtbot: QtBot, tmp_path: Path) -> None:
    folder = read_only_folder(tmp_path)
    try:
        db = folder / "history.sqlite3"
        proc = cli("history", "--db", str(db))
        store, problem = open_history(str(db))
    finally:
        if folder.is_relative_to(tmp_path):
            folder.chmod(0o755)
    assert proc.returncode == 1
    assert "read-only" in proc.stderr and "--db" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert store is None and problem is not None
    assert problem.startswith("History is off") and "read-only" in problem
    window = MainWindow(None, store_problem=problem, make_player=lambda parent: TimerPlayer(parent))
    qtbot.addWidget(window)
    assert problem in window.notice.text
