"""End to end under Xvfb: `workout-player play` shows real video and the cue of that moment.

The video is red for 4 s, then blue for 4 s; the workout's first step (red) starts
at 0:00 and the second (blue) at 0:04. WORKOUT_PLAYER_SCREENSHOT makes the app grab
the screen when the video clock reaches a time, write what the player showed to a
JSON file and quit. The screenshot must show the colour of that time where the
video is, and the exercise on screen must be the step the plan puts at that time.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.media_fixtures import make_video
from tests.xvfb import xcb_env, xvfb_display  # noqa: F401  (the fixture)
from workout_player.domain.loader import load_workout
from workout_player.domain.timeline import build_plan

WORKOUT = """\
title: Colour follow-along
video: colours.mp4
steps:
  - exercise: Red march
    cue: March on the spot
    duration: 3.5
    at: 0
  - exercise: Blue squat
    cue: Sit back, chest up
    duration: 3.5
    at: 0:04
"""

SOURCE = (
    "color=c=red:s=320x240:r=25:d=4[a];color=c=blue:s=320x240:r=25:d=4[b];"
    "[a][b]concat=n=2:v=1:a=0[out0]"
)


@pytest.fixture(scope="module")
def colour_workout(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("e2e")
    make_video(folder / "colours.mp4", SOURCE)
    path = folder / "colours.yaml"
    path.write_text(WORKOUT, encoding="utf-8")
    return path


def dominant(image: QImage, rect: list[int]) -> str:
    """'red', 'blue' or 'other' for the middle of `rect` (x, y, width, height)."""
    x, y, width, height = rect
    votes = {"red": 0, "blue": 0, "other": 0}
    for dx in range(-40, 41, 10):
        for dy in range(-40, 41, 10):
            colour = image.pixelColor(x + width // 2 + dx, y + height // 2 + dy)
            if colour.red() > 180 and colour.green() < 60 and colour.blue() < 60:
                votes["red"] += 1
            elif colour.blue() > 180 and colour.red() < 60 and colour.green() < 60:
                votes["blue"] += 1
            else:
                votes["other"] += 1
    return max(votes, key=lambda k: votes[k])


@pytest.mark.xvfb
@pytest.mark.slow
@pytest.mark.parametrize(
    ("at", "colour", "exercise"), [(2.0, "red", "Red march"), (5.5, "blue", "Blue squat")]
)
@pytest.mark.parametrize("backend", ["VlcPlayer", "QtPlayer"], ids=["libvlc", "no-libvlc-qt"])
def test_play_shows_video_and_the_cue_of_that_video_time(
    xvfb_display: str,  # noqa: F811
    colour_workout: Path,
    tmp_path: Path,
    at: float,
    colour: str,
    exercise: str,
    backend: str,
) -> None:
    shot = tmp_path / "shot.png"
    env = xcb_env(xvfb_display, WORKOUT_PLAYER_SCREENSHOT=f"{shot}:{at}")
    env.pop("WORKOUT_PLAYER_NO_VLC", None)
    if backend == "QtPlayer":
        # libvlc really unavailable: python-vlc finds no library there (as on a pip-only box).
        env["PYTHON_VLC_LIB_PATH"] = str(tmp_path / "no-such-libvlc.so")
    result = subprocess.run(
        [sys.executable, "-m", "workout_player", "play", str(colour_workout),
         "--db", str(tmp_path / "history.sqlite3")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    info = json.loads(Path(f"{shot}.json").read_text(encoding="utf-8"))
    assert info["player"] == backend, info
    assert info["problem"] == "", info
    assert info["video_visible"]

    # The exercise shown is the one the plan puts at the session's video time.
    workout = load_workout(colour_workout).workout
    assert workout is not None
    plan = build_plan(workout)
    position = info["position"]
    assert at <= position < at + 1.0
    current = [s for s in plan.segments if s.start <= position < s.end]
    assert [s.exercise for s in current] == [exercise]
    assert info["exercise"] == exercise
    assert info["cue"] == current[0].cue

    # And the picture on screen is that moment's colour.
    image = QImage(str(shot))
    assert not image.isNull()
    assert dominant(image, info["video_rect"]) == colour
