"""Reading the history where nothing can be written: read-only media and a full disk.

Tests run as root here, and chmod does not stop root, so read-only media are made
honestly: a small tmpfs mounted for the test, filled with the files, then remounted
read-only. The kernel then refuses every write with EROFS, to root as well, exactly
as on a read-only USB stick or a mounted image. Where mounting is not allowed (not
root, no CAP_SYS_ADMIN) these tests are skipped. A full disk is a tmpfs with a size
limit filled up to the last byte.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.conftest import REPO
from tests.test_store_hostile import history_with_a_session, snapshot
from workout_player.playback import TimerPlayer
from workout_player.store import StoreError, open_store
from workout_player.store import db as db_module
from workout_player.ui.app import open_history
from workout_player.ui.main_window import MainWindow

Mount = Callable[[str, str], Path]


@pytest.fixture
def mount(tmp_path: Path) -> Iterator[Mount]:
    made: list[Path] = []

    def make(name: str, size: str) -> Path:
        folder = tmp_path / name
        folder.mkdir()
        if not sys.platform.startswith("linux") or shutil.which("mount") is None:
            pytest.skip("needs Linux mount")
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        if done.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
        made.append(folder)
        return folder

    yield make
    for folder in reversed(made):
        subprocess.run(["umount", str(folder)], capture_output=True, check=False)


def remount_read_only(folder: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True, capture_output=True)
    with pytest.raises(OSError):  # really read-only, to root too
        (folder / "probe").touch()


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "workout_player", *args],
        capture_output=True, text=True, env=env, cwd=REPO, timeout=60,
    )  # fmt: skip


def history_on_media(tmp_path: Path, mount: Mount, leftovers: str) -> Path:
    """A history copied onto new media as `leftovers` says, the media then made read-only.

    "clean": the file alone. "wal-and-shm" / "wal-only": as a program that was still
    running (or died) leaves it: a note committed only to the -wal, with or without -shm.
    """
    source = tmp_path / "source.sqlite3"
    session_id = history_with_a_session(source)
    media = mount("media", "4m")
    target = media / "history.sqlite3"
    if leftovers == "clean":
        shutil.copy(source, target)
    else:
        with open_store(source) as store:
            store.conn.execute("PRAGMA wal_autocheckpoint = 0")
            store.update_session(session_id, notes="only in the wal")
            suffixes = ["", "-wal", "-shm"] if leftovers == "wal-and-shm" else ["", "-wal"]
            for suffix in suffixes:
                shutil.copy(f"{source}{suffix}", f"{target}{suffix}")
    remount_read_only(media)
    return target


@pytest.mark.parametrize("leftovers", ["clean", "wal-and-shm", "wal-only"])
@pytest.mark.slow
def test_history_and_export_read_from_read_only_media_and_leave_no_file(
    tmp_path: Path, mount: Mount, leftovers: str
) -> None:
    db = history_on_media(tmp_path, mount, leftovers)
    before = snapshot(db.parent)
    for command in (["history", "--json"], ["export", "--format", "json"]):
        proc = cli(*command, "--db", str(db))
        assert proc.returncode == 0, proc.stderr
        assert "Traceback" not in proc.stderr
        assert f"Opened {db} read-only" in proc.stderr
        (session,) = json.loads(proc.stdout)
        assert session["workout"] == "W"
        if leftovers == "wal-and-shm":
            assert session["notes"] == "only in the wal"  # the -wal was read through its -shm
        if leftovers == "wal-only":  # no -shm, none can be made: SQLite cannot read the -wal
            assert "latest changes" in proc.stderr and f"{db}-wal" in proc.stderr
        assert snapshot(db.parent) == before  # no -wal or -shm made, nothing changed


@pytest.mark.slow
def test_a_damaged_file_on_read_only_media_is_reported_and_left_alone(
    tmp_path: Path, mount: Mount
) -> None:
    media = mount("media", "1m")
    db = media / "history.sqlite3"
    db.write_bytes(b"SQLite format 3\x00" + os.urandom(8000))
    remount_read_only(media)
    before = snapshot(media)
    proc = cli("history", "--db", str(db))
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "could not be read" in proc.stderr and "left as it is" in proc.stderr
    assert snapshot(media) == before


@pytest.mark.slow
def test_the_app_opens_history_read_only_on_read_only_media(
    qtbot: QtBot, tmp_path: Path, mount: Mount
) -> None:
    db = history_on_media(tmp_path, mount, "clean")
    store, problem = open_history(str(db))
    assert store is not None and problem is None
    try:
        assert store.notice is not None and "read-only" in store.notice
        assert len(store.sessions()) == 1
        window = MainWindow(store, make_player=lambda parent: TimerPlayer(parent))
        qtbot.addWidget(window)
        assert window.library.history_button.isEnabled()
        assert store.notice in window.notice.text
        with pytest.raises(StoreError, match="cannot be written"):  # a save says why it failed
            store.start_session(workout="W", workout_file=None, content_hash=None)
    finally:
        store.close()


@pytest.mark.slow
def test_a_full_disk_still_lets_the_history_be_read(tmp_path: Path, mount: Mount) -> None:
    source = tmp_path / "source.sqlite3"
    history_with_a_session(source)
    disk = mount("disk", "256k")
    db = disk / "history.sqlite3"
    shutil.copy(source, db)
    original = db.read_bytes()
    with (disk / "filler").open("wb", buffering=0) as filler, pytest.raises(OSError):
        while True:  # until ENOSPC
            filler.write(b"x" * 4096)
    with pytest.raises(StoreError) as caught:  # a command that writes is told why
        open_store(db)
    assert caught.value.cannot_write is not None
    assert "Traceback" not in str(caught.value)
    with open_store(db, mode="read") as store:
        assert store.notice is not None and f"Opened {db} read-only" in store.notice
        assert [row.workout for row in store.sessions()] == ["W"]
    assert db.read_bytes() == original


def test_the_switch_to_wal_is_tried_again_when_sqlite_answers_busy_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Another connection holds the write lock of a new file: switching to WAL reads the
    # header, then must write, and SQLite answers SQLITE_BUSY without waiting (it would
    # deadlock). The first pause lets the other connection finish; no wall-clock waits.
    db = tmp_path / "history.sqlite3"
    db.touch()
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    pauses: list[float] = []

    def pause(seconds: float) -> None:
        pauses.append(seconds)
        if other.in_transaction:
            other.execute("COMMIT")

    monkeypatch.setattr(db_module, "_sleep", pause)
    try:
        with open_store(db) as store:
            assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        other.close()
    assert len(pauses) == 1 and 0 < pauses[0] <= 0.1


def test_busy_that_does_not_end_is_a_message_after_a_bounded_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "history.sqlite3"
    db.touch()
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    now = [0.0]
    monkeypatch.setattr(db_module, "_monotonic", lambda: now[0])

    def pause(seconds: float) -> None:
        now[0] += seconds  # fake time: the lock is never released

    monkeypatch.setattr(db_module, "_sleep", pause)
    try:
        with pytest.raises(StoreError, match="locked"):
            open_store(db)
    finally:
        other.close()
    assert db_module.BUSY_RETRY_SECONDS <= now[0] < db_module.BUSY_RETRY_SECONDS + 0.2
