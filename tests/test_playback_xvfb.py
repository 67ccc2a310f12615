"""libvlc draws real frames into the Qt window: Xvfb, xcb, and a screenshot of a red video."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.media_fixtures import red_video  # noqa: F401 - fixture
from tests.xvfb import xcb_env, xvfb_display  # noqa: F401 - fixture

SCRIPT = Path(__file__).resolve().parent / "xvfb_scripts" / "show_video.py"
REPO = SCRIPT.parent.parent.parent


def run_script(display: str, video: Path, shot: Path, **env: str) -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), str(video), str(shot)],
        env=xcb_env(display, **env),
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert result.returncode == 0, result.stderr
    report: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return report


@pytest.mark.xvfb
@pytest.mark.slow
def test_video_pixels_reach_the_screen(
    xvfb_display: str,  # noqa: F811
    red_video: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    shot = tmp_path / "screen.png"
    report = run_script(xvfb_display, red_video, shot)
    assert report["platform"] == "xcb"
    assert report["player"] == "VlcPlayer" and report["problem"] is None
    assert report["errors"] == []
    # Most of the video widget is the red video: libvlc drew into our native window.
    assert report["best"] >= 0.9, f"video not on screen; see {shot}"


@pytest.mark.xvfb
@pytest.mark.slow
def test_without_libvlc_qt_draws_the_video(
    xvfb_display: str,  # noqa: F811
    red_video: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    shot = tmp_path / "screen.png"
    report = run_script(
        xvfb_display, red_video, shot, PYTHON_VLC_LIB_PATH=str(tmp_path / "no-libvlc.so")
    )
    assert report["player"] == "QtPlayer" and report["problem"] is None
    assert report["errors"] == []
    assert report["best"] >= 0.9, f"video not on screen; see {shot}"


@pytest.mark.xvfb
@pytest.mark.slow
def test_on_the_timer_the_window_says_why(
    xvfb_display: str,  # noqa: F811
    red_video: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    shot = tmp_path / "screen.png"
    report = run_script(xvfb_display, red_video, shot, WORKOUT_PLAYER_BACKEND="timer")
    assert report["player"] == "TimerPlayer"
    assert isinstance(report["problem"], str) and "WORKOUT_PLAYER_BACKEND" in report["problem"]
    assert report["best"] == 0.0  # no picture, only the dark panel with the reason
