"""The real app in a process, stopped by SIGTERM or Ctrl+C mid-session: it exits with the
signal's status (0, or 130 as shells expect after Ctrl+C) and the session row says stopped,
with the set already done.

`workout-player play FILE --db DB` runs offscreen on the timer; WORKOUT_PLAYER_PROGRESS=1
(ui/progress_hook.py) prints a line each time the session moves on, so the test sends the
signal once the first exercise's set has ended and the self-paced one runs, whatever the
machine's speed. Before this, SIGTERM killed the process and the session stayed "running".
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")

# get-ready 1 s, a 1 s timed set, get-ready, then a self-paced set that waits for Enter.
WORKOUT = """\
title: Quit test
countdown: 1
steps:
  - exercise: Glute bridge
    duration: 1
  - exercise: Curl-up
    reps: 5
"""


@pytest.mark.slow
@pytest.mark.parametrize(
    ("signum", "status"), [(signal.SIGTERM, 0), (signal.SIGINT, 130)], ids=["SIGTERM", "SIGINT"]
)
def test_the_app_stopped_by_a_signal_mid_session_saves_it_as_stopped(
    tmp_path: Path, signum: signal.Signals, status: int
) -> None:
    workout = tmp_path / "quit.yaml"
    workout.write_text(WORKOUT, encoding="utf-8")
    db = tmp_path / "history.sqlite3"
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "QT_QPA_PLATFORM": "offscreen",
        "WORKOUT_PLAYER_BACKEND": "timer",
        "WORKOUT_PLAYER_PROGRESS": "1",
    }
    with (tmp_path / "stderr.txt").open("w+", encoding="utf-8") as errors:
        # stderr to a file: Qt's and the multimedia plugins' lines never fill a pipe.
        proc = subprocess.Popen(
            [sys.executable, "-m", "workout_player", "play", str(workout), "--db", str(db)],
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
            env=env,
            cwd=tmp_path,
        )
        # A bound, not a wait: a hung app is killed, and the asserts below say what it did.
        watchdog = threading.Timer(120, proc.kill)
        watchdog.start()
        try:
            assert proc.stdout is not None
            seen = []
            for line in proc.stdout:  # ends if the app exits early: the asserts below say so
                seen.append(line.strip())
                if line.startswith("segment") and line.split()[2:] == ["work", "Curl-up"]:
                    proc.send_signal(signum)
                    break
            assert seen and seen[-1].endswith("work Curl-up"), seen
            proc.communicate(timeout=60)
        finally:
            watchdog.cancel()
            proc.kill()
        errors.seek(0)
        err = errors.read()
    assert proc.returncode == status, err[-3000:]
    assert "a session in progress is saved as stopped" in err
    raw = sqlite3.connect(db)
    try:
        sessions = raw.execute("SELECT id, status FROM sessions").fetchall()
        assert [s for _, s in sessions] == ["stopped"]
        sets = raw.execute(
            "SELECT exercise, set_number FROM sets WHERE session_id = ?", [sessions[0][0]]
        ).fetchall()
    finally:
        raw.close()
    assert sets == [("Glute bridge", 1)], "the set done before the signal is kept"
