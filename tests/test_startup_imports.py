"""Start-up imports only what the first screen (the library) needs.

Each module imported before the window's first paint is time the person waits for (the
module's code, and PySide's import hook reading its source). The history store, the
session's parts, the charts, sound and video are imported after the first paint (the
warm-up) or when first used. The test starts `run_app()` (what `workout-player` runs once
its command line is parsed) in a fresh interpreter and looks at what was imported when the
window was first painted.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

# run_app() as the command line calls it; at the first paint, instead of the warm-up, the
# names in sys.modules are printed and the app quits. The library's worker thread may still
# be reading files then: it imports the workout loader, never anything listed below.
SCRIPT = """
import json, sys
from PySide6.QtWidgets import QApplication
from workout_player.ui import app as ui_app

real_after_first_paint = ui_app.after_first_paint

def instead_of_the_warm_up(window, _warm_up):
    def painted():
        print(json.dumps(sorted(sys.modules)))
        QApplication.instance().exit(0)
    real_after_first_paint(window, painted)

ui_app.after_first_paint = instead_of_the_warm_up
sys.exit(ui_app.run_app(db=sys.argv[1]))
"""

NOT_BEFORE_THE_FIRST_PAINT = (
    "workout_player.store",  # opened by the warm-up (the store gate), on its thread
    "sqlite_utils",
    "sqlite3",
    "workout_player.ui.history_writer",
    "workout_player.ui.library.today_face",  # Today: once the store is open
    "workout_player.ui.library.today_records",
    "workout_player.domain.programme.loader",
    "workout_player.ui.player",  # a session's parts: the warm-up, or Start
    "workout_player.ui.history",
    "workout_player.ui.checks",
    "workout_player.ui.editor",
    "workout_player.ui.settings_dialog",
    "workout_player.audio",
    "workout_player.playback._vlc",  # libvlc: the warm-up's thread
    "workout_player.playback.probe",
    "vlc",
    "ctypes",
    "PySide6.QtCharts",
    "PySide6.QtMultimedia",
    "PySide6.QtTextToSpeech",
    "PySide6.QtDBus",
)


def modules_at_first_paint(tmp_path: Path) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path / "history.sqlite3")],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith("[")]
    assert len(lines) == 1, result.stdout + result.stderr
    modules: list[str] = json.loads(lines[0])
    return modules


@pytest.mark.slow
def test_the_first_paint_comes_before_the_store_the_session_sound_and_video(
    tmp_path: Path,
) -> None:
    modules = modules_at_first_paint(tmp_path)
    # The probe did see the window's own modules (a list taken too early would pass too).
    assert "workout_player.ui.main_window" in modules
    assert "workout_player.ui.library.page" in modules
    early = sorted(
        name
        for name in modules
        for banned in NOT_BEFORE_THE_FIRST_PAINT
        if name == banned or name.startswith(banned + ".")
    )
    assert early == [], f"imported before the first paint: {early}"
