"""Closing an editor with unsaved changes asks Save / Discard / Cancel, and each answer holds.

The question is the real QMessageBox; the test answers it by clicking its button from
a zero-delay timer that runs inside the box's own event loop.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import WORKOUTS
from workout_player.editing import WorkoutDocument
from workout_player.playback import TimerPlayer
from workout_player.ui.editor import CueEditorWindow, StepEditorWindow

Button = QMessageBox.StandardButton
NAMES = ["Bird dog", "Side plank"]


def step_editor(tmp_path: Path) -> tuple[QWidget, WorkoutDocument, Path]:
    path = tmp_path / "static.yaml"
    path.write_text((WORKOUTS / "static-stability.yaml").read_text(encoding="utf-8"), "utf-8")
    window = StepEditorWindow(path, known_names=NAMES)
    return window, window.document, path


def cue_editor(tmp_path: Path) -> tuple[QWidget, WorkoutDocument, Path]:
    video = tmp_path / "class.mp4"
    video.write_bytes(b"")
    path = tmp_path / "class.yaml"
    player = TimerPlayer(None, monotonic=lambda: 100.0)
    window = CueEditorWindow(
        video, save_path=path, player=player, known_names=NAMES, video_length=60.0
    )
    player.setParent(window)
    return window, window.document, path


EDITORS = {"step editor": step_editor, "cue editor": cue_editor}


@pytest.fixture(params=sorted(EDITORS))
def edited(
    request: pytest.FixtureRequest, qtbot: QtBot, tmp_path: Path
) -> Iterator[tuple[QWidget, WorkoutDocument, Path, str]]:
    """An editor with one unsaved change, and the file as it was before (or "" if new)."""
    make: Callable[[Path], tuple[QWidget, WorkoutDocument, Path]] = EDITORS[request.param]
    window, document, path = make(tmp_path)
    window.show()
    before = path.read_text(encoding="utf-8") if path.exists() else ""
    if document.video_led:
        document.mark(5.0)
    else:
        document.set_name(0, "Dead bug")
    assert document.modified
    yield window, document, path, before
    # Not handed to qtbot: its closing would ask again, with nobody to answer.
    window.ask_before_close = False  # type: ignore[attr-defined]
    window.close()
    window.deleteLater()


def answer(button: Button | None) -> list[str]:
    """Click `button` on the question when it shows (None: close it); the questions seen."""
    seen: list[str] = []

    def click() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.button(button or Button.Cancel).click()
        else:
            seen.append("")

    QTimer.singleShot(0, click)
    return seen


def test_cancel_keeps_the_window_and_the_changes(edited) -> None:
    window, document, path, before = edited
    seen = answer(Button.Cancel)
    assert window.close() is False
    assert len(seen) == 1 and "not saved yet" in seen[0]
    assert window.isVisible()
    assert document.modified
    assert (path.read_text(encoding="utf-8") if path.exists() else "") == before


def test_discard_closes_and_leaves_the_file_alone(edited) -> None:
    window, _document, path, before = edited
    seen = answer(Button.Discard)
    assert window.close() is True
    assert len(seen) == 1 and "not saved yet" in seen[0]
    assert not window.isVisible()
    assert (path.read_text(encoding="utf-8") if path.exists() else "") == before


def test_save_writes_the_change_then_closes(edited) -> None:
    window, document, path, before = edited
    seen = answer(Button.Save)
    assert window.close() is True
    assert len(seen) == 1
    assert not document.modified
    assert path.read_text(encoding="utf-8") != before
    reloaded = WorkoutDocument.load(path)
    if document.video_led:
        assert [step.at for step in reloaded.steps()] == [5.0]
    else:
        assert reloaded.step(0).name == "Dead bug"


def test_a_save_that_fails_keeps_the_window_open_and_says_why(edited, tmp_path: Path) -> None:
    window, document, _path, _before = edited
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    document.path = blocker / "workout.yaml"  # a folder that is a file: the write must fail
    if isinstance(window, CueEditorWindow):
        window.save_path = document.path
    seen = answer(Button.Save)
    assert window.close() is False
    assert len(seen) == 1
    assert window.isVisible()
    assert document.modified
    assert window.saved_label.text().startswith("Not saved: ")  # type: ignore[attr-defined]


def test_no_question_without_changes(qtbot: QtBot, tmp_path: Path) -> None:
    window, document, _path = step_editor(tmp_path)
    qtbot.addWidget(window)
    window.show()
    assert not document.modified
    seen = answer(None)
    assert window.close() is True
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == [""]  # the timer found no question on the screen
