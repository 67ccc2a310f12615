"""A workout page whose video is missing: V (or the button) chooses the file, written relative
to the workout file through the editing layer, comments kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from workout_player.domain.loader import load_workout
from workout_player.ui.library.workout_page import WorkoutPage

WORKOUT = """\
# My class, cues marked by hand
title: Evening class
video: old/class.mp4   # moved since
steps:
  - exercise: Bird dog
    at: 0
    duration: 20
"""


def _page(qtbot: QtBot, tmp_path: Path) -> tuple[WorkoutPage, Path, Path]:
    workout = tmp_path / "workouts" / "class.yaml"
    workout.parent.mkdir()
    workout.write_text(WORKOUT, encoding="utf-8")
    video = tmp_path / "media" / "class.mp4"
    video.parent.mkdir()
    video.write_bytes(b"\x00" * 64)
    page = WorkoutPage()
    qtbot.addWidget(page)
    page.show()
    page.show_file(workout)
    return page, workout, video


@pytest.mark.slow  # reading the page again probes the chosen video with libvlc
def test_a_missing_video_offers_the_choice_and_v_writes_a_relative_path(
    qtbot: QtBot, tmp_path: Path
) -> None:
    page, workout, video = _page(qtbot, tmp_path)
    assert page.choose_video.isVisible()
    assert "(line 3, column 8)" in page.problems.text()
    asked: list[Path] = []

    def ask(_parent: object, missing: Path) -> Path:
        asked.append(missing)
        return video

    page.ask_video = ask
    qtbot.keyClick(page, Qt.Key.Key_V)
    assert asked == [workout.parent / "old" / "class.mp4"]
    text = workout.read_text(encoding="utf-8")
    assert "video: ../media/class.mp4" in text
    assert text.startswith("# My class, cues marked by hand\n")  # comments kept
    loaded = load_workout(workout).workout
    assert loaded is not None and loaded.video is not None and loaded.video.samefile(video)
    assert not page.choose_video.isVisible()  # the page was read again: nothing missing


def test_cancelling_the_choice_changes_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    page, workout, _video = _page(qtbot, tmp_path)
    page.ask_video = lambda _parent, _missing: None
    qtbot.mouseClick(page.choose_video, Qt.MouseButton.LeftButton)
    assert workout.read_text(encoding="utf-8") == WORKOUT
    assert page.choose_video.isVisible()


@pytest.mark.slow  # a present video is probed with libvlc
def test_v_does_nothing_when_the_video_is_there(qtbot: QtBot, tmp_path: Path) -> None:
    page, workout, _video = _page(qtbot, tmp_path)
    workout.write_text(WORKOUT.replace("old/class.mp4", "../media/class.mp4"), encoding="utf-8")
    page.show_file(workout)
    assert not page.choose_video.isVisible()
    page.ask_video = lambda _parent, _missing: (_ for _ in ()).throw(AssertionError("asked"))
    qtbot.keyClick(page, Qt.Key.Key_V)
