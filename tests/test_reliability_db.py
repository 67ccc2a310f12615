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
from workout_player.audio import RecordingAnnouncer, SoundSettings
from workout_player.domain.clock import FakeClock
from workout_player.domain.loader import parse_workout
from workout_player.playback import TimerPlayer
from workout_player.store import SCHEMA_VERSION, open_store
from workout_player.ui.app import open_history
from workout_player.ui.main_window import MainWindow
from workout_player.ui.player_screen import PlayerScreen
from workout_player.ui.session_controller import SessionController

WORKOUT = """title: Full disk
countdown: 0
steps:
  - exercise: Side plank
    sets: 6
    duration: 2
    rest: 1
"""


def test_disk_filling_up_mid_session_keeps_the_workout_and_the_saved_sets(
    qtbot: QtBot, tmp_path: Path
) -> None:
    db = tmp_path / "history.sqlite3"
    store = open_store(db)
    result = parse_workout(WORKOUT, tmp_path / "w.yaml")
    assert result.workout is not None
    clock = FakeClock()
    player = TimerPlayer()
    controller = SessionController(
        result.workout, player, RecordingAnnouncer(), store,
        settings=SoundSettings(voice=False), clock=clock,
    )  # fmt: skip
    screen = PlayerScreen(controller)
    qtbot.addWidget(screen)
    controller.start()
    assert controller.session_id is not None
    while len(store.sets(controller.session_id)) < 2:
        clock.advance(0.1)
        controller.tick()
    # The disk fills up: SQLite answers SQLITE_FULL at max_page_count exactly as on a full
    # disk; another session's rows take the room left in the last pages.
    other = store.start_session(workout="Other", workout_file=None, content_hash=None)
    conn = store.db.conn
    conn.execute(f"PRAGMA max_page_count = {conn.execute('PRAGMA page_count').fetchone()[0]}")
    with pytest.raises(sqlite3.OperationalError, match="full"):
        for number in range(1, 10_000):
            conn.execute(
                "INSERT INTO sets (session_id, step, exercise, set_number, seconds, started_at,"
                " ended_at) VALUES (?, 0, 'Side plank', ?, 1, '2026-01-01', '2026-01-01')",
                [other, number],
            )
    with qtbot.waitSignal(controller.finished, timeout=1000) as finished:
        for _ in range(400):
            clock.advance(0.1)
            controller.tick()
            if controller.is_finished:
                break
    assert finished.args == [True]  # the workout ran to its end
    text = screen.banner.label.text()
    assert "History could not be saved" in text and "is full" in text
    assert screen.banner.isVisibleTo(screen)
    session_id = controller.session_id
    saved = len(store.sets(session_id))
    assert 2 <= saved < 6
    controller.shutdown()
    player.close()
    store.close()
    raw = sqlite3.connect(db)
    try:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        count = raw.execute("SELECT count(*) FROM sets WHERE session_id = ?", [session_id])
        assert count.fetchone()[0] == saved
    finally:
        raw.close()


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "workout_player", *args],
        capture_output=True, text=True, env=env, cwd=REPO, timeout=60,
    )  # fmt: skip


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
    assert problem in window.notice.label.text()
