"""End to end: a real video in the cue editor under Xvfb, two M presses while it plays, Ctrl+S,
and the saved file passes `workout-player validate`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from tests.media_fixtures import make_video
from tests.xvfb import xcb_env, xvfb_display  # noqa: F401 - fixture
from workout_player.editing import parse_timestamp

SCRIPT = Path(__file__).resolve().parent / "xvfb_scripts" / "cue_editor_marks.py"
REPO = SCRIPT.parent.parent.parent
VIDEO_SECONDS = 20.0


@pytest.fixture(scope="module")
def class_video(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("class")
    source = f"testsrc=duration={VIDEO_SECONDS:g}:size=320x240:rate=25"
    return make_video(folder / "back class.mp4", source)


@pytest.mark.xvfb
@pytest.mark.slow
def test_mark_two_steps_while_playing_and_save(
    xvfb_display: str,  # noqa: F811
    class_video: Path,
    tmp_path: Path,
) -> None:
    output = class_video.with_suffix(".yaml")
    shot = tmp_path / "cue-editor.png"
    run = subprocess.run(
        [sys.executable, str(SCRIPT), str(class_video), str(output), str(shot)],
        env=xcb_env(xvfb_display),
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout.strip().splitlines()[-1])
    assert report["errors"] == [], report
    assert report["player"] == "VlcPlayer", report["problem"]
    assert report["saved"] == f"Saved to {output}."
    assert report["steps"] == ["Exercise 1", "Exercise 2"]
    assert shot.is_file()

    validate = subprocess.run(
        [sys.executable, "-m", "workout_player", "validate", str(output)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert validate.returncode == 0, validate.stdout + validate.stderr

    data = YAML(typ="safe").load(output.read_text(encoding="utf-8"))
    assert data["video"] == class_video.name
    starts = [parse_timestamp(step["at"]) for step in data["steps"]]
    assert len(starts) == 2 and all(start is not None for start in starts)
    first, second = starts
    assert first is not None and second is not None
    assert 0 < first < second < VIDEO_SECONDS
    # Each start is the media time the key was pressed at, to the editor's tenth of a second.
    for start, pressed in zip(starts, report["pressed_at"], strict=True):
        assert start == pytest.approx(pressed, abs=0.051)
