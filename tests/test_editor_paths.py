"""Workouts the editors write name their video relative to the workout file (the format's rule),
wherever the file is saved: `workout-player new -o`, Save As, a fallback folder."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from workout_player.cli.editor_cmd import build_window, check
from workout_player.domain.loader import load_workout
from workout_player.playback import NO_VLC_ENV


@pytest.mark.parametrize(
    ("output", "written"),
    [
        ("workouts/class.yaml", "../media/class.mp4"),
        ("a/b/c/class.yaml", "../../../media/class.mp4"),
        ("media/class.yaml", "class.mp4"),
        ("media/cues/class.yaml", "../class.mp4"),
    ],
)
def test_new_with_output_elsewhere_writes_a_relative_video_path(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, output: str, written: str
) -> None:
    monkeypatch.setenv(NO_VLC_ENV, "1")  # the timer player: no file needs decoding here
    video = tmp_path / "media" / "class.mp4"
    video.parent.mkdir()
    video.write_bytes(b"")
    target = tmp_path / output
    args = argparse.Namespace(video=str(video), output=str(target), db=str(tmp_path / "h.db"))
    assert check(args) is None
    window = build_window(args)
    qtbot.addWidget(window)
    window.ask_before_close = False  # type: ignore[attr-defined]
    # Without libvlc nothing can be marked on the picture (the editor refuses); the path
    # written is what this test is about, so the step goes straight into the document.
    window.document.mark(2.0, kind="exercise")  # type: ignore[attr-defined]
    assert window.save() == target  # type: ignore[attr-defined]
    assert f"video: {written}\n" in target.read_text(encoding="utf-8")
    workout = load_workout(target).workout
    assert workout is not None and workout.video is not None
    assert workout.video.samefile(video)
