"""A machine where libvlc cannot be loaded at all, in real processes.

tests/test_playback.py simulates import failures inside the test process; here python-vlc
really fails to load its library (PYTHON_VLC_LIB_PATH points at nothing, which python-vlc
answers with SystemExit) in a fresh process: `plan` still works on a video-led workout, and
the app plays that workout with QtMultimedia instead, with no banner.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, WORKOUTS

VIDEO_LED = WORKOUTS / "daily-back-care-video.yaml"

APP_SCRIPT = """
import json, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from workout_player.domain.loader import load_workout_or_raise
from workout_player.store import open_store
from workout_player.ui.main_window import MainWindow

app = QApplication([])
store = open_store(":memory:")
window = MainWindow(store)
window.start_workout(load_workout_or_raise(Path(sys.argv[1])))
app.processEvents()
controller = window.controller
print(json.dumps({
    "player": type(controller.player).__name__,
    "banner": window.player_screen.banner.text,
    "started": controller.session_id is not None,
    "total": controller.plan.total_seconds,
}))
window.close()
store.close()
"""


def no_libvlc_env(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "PYTHON_VLC_LIB_PATH": str(tmp_path / "no-such-libvlc.so"),
        "QT_QPA_PLATFORM": "offscreen",
    }


@pytest.mark.slow
def test_plan_of_a_video_led_workout_without_libvlc(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "workout_player", "plan", str(VIDEO_LED)],
        capture_output=True, text=True, env=no_libvlc_env(tmp_path), cwd=REPO, timeout=60,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    assert "Total" in proc.stdout


@pytest.mark.slow
def test_app_plays_a_video_led_workout_with_qt_and_shows_no_banner(
    tmp_path: Path,
) -> None:
    proc = subprocess.run(
        [sys.executable, "-c", APP_SCRIPT, str(VIDEO_LED)],
        capture_output=True, text=True, env=no_libvlc_env(tmp_path), cwd=REPO, timeout=60,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["player"] == "QtPlayer"
    assert result["banner"] == ""  # the banner is for when no backend can play
    assert result["started"] and result["total"] > 0
