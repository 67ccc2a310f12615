"""The cue editor and the step editor, driven by their keys with a timer player on a fake clock."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from tests.conftest import WORKOUTS
from workout_player.domain.loader import load_workout
from workout_player.playback import TimerPlayer
from workout_player.ui.editor import CueEditorWindow, StepEditorWindow, open_editor

# The offscreen platform cannot raise windows or grab the keyboard for the completer's popup.
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support .*")

NAMES = ["Bird dog", "Side plank", "McGill curl-up"]


class Monotonic:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def mono() -> Monotonic:
    return Monotonic()


@pytest.fixture
def video(tmp_path: Path) -> Path:
    path = tmp_path / "class.mp4"
    path.write_bytes(b"")
    return path


def _show(qtbot: QtBot, window: QWidget) -> None:
    qtbot.addWidget(window)
    window.ask_before_close = False  # type: ignore[attr-defined]
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


@pytest.fixture
def editor(qtbot: QtBot, video: Path, mono: Monotonic) -> CueEditorWindow:
    player = TimerPlayer(None, monotonic=mono)
    window = CueEditorWindow(video, player=player, known_names=NAMES, video_length=60.0)
    player.setParent(window)
    _show(qtbot, window)
    return window


def _key(qtbot: QtBot, widget: QWidget, key: Qt.Key | str, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(widget, key, modifier)


def test_m_marks_steps_at_the_video_time(qtbot: QtBot, editor: CueEditorWindow, mono: Monotonic):
    _key(qtbot, editor.table, Qt.Key.Key_Space)
    assert editor.player.is_playing()
    mono.now += 4.2
    _key(qtbot, editor.table, "m")
    mono.now += 10.0
    _key(qtbot, editor.table, "m")
    steps = editor.document.steps()
    assert [(s.at, s.name, s.duration) for s in steps] == [
        (4.2, "Exercise 1", 10),
        (14.2, "Exercise 2", 45.8),
    ]
    assert editor.table.item(1, 0).text() == "0:14.2"
    assert editor.table.item(1, 2).text() == "45.8 s"
    assert editor.selected_step() == 1
    _key(qtbot, editor.table, Qt.Key.Key_Space)
    assert not editor.player.is_playing()


def test_seeking_and_speed_keys(qtbot: QtBot, editor: CueEditorWindow, mono: Monotonic):
    _key(qtbot, editor.table, "l")
    _key(qtbot, editor.table, "l")
    assert editor.now() == pytest.approx(10.0)
    _key(qtbot, editor.table, "j")
    _key(qtbot, editor.table, "L", Qt.KeyboardModifier.ShiftModifier)
    assert editor.now() == pytest.approx(6.0)
    _key(qtbot, editor.table, "J", Qt.KeyboardModifier.ShiftModifier)
    assert editor.now() == pytest.approx(5.0)
    _key(qtbot, editor.table, "1")
    assert editor.rate_label.text() == "Paused at 0.5x"
    _key(qtbot, editor.table, Qt.Key.Key_Space)
    mono.now += 2.0
    assert editor.now() == pytest.approx(6.0)
    _key(qtbot, editor.table, "3")
    mono.now += 2.0
    assert editor.now() == pytest.approx(9.0)
    _key(qtbot, editor.table, "k")
    assert not editor.player.is_playing()


def test_brackets_nudge_the_selected_start(qtbot: QtBot, editor: CueEditorWindow):
    editor.player.seek(10.0)
    _key(qtbot, editor.table, "m")
    _key(qtbot, editor.table, "]")
    _key(qtbot, editor.table, "]")
    assert editor.document.step(0).at == pytest.approx(10.2)
    _key(qtbot, editor.table, "[")
    _key(qtbot, editor.table, "{", Qt.KeyboardModifier.ShiftModifier)
    assert editor.document.step(0).at == pytest.approx(9.1)
    _key(qtbot, editor.table, "}", Qt.KeyboardModifier.ShiftModifier)
    assert editor.document.step(0).at == pytest.approx(10.1)
    assert editor.table.item(0, 0).text() == "0:10.1"


def test_clicking_and_enter_seek_to_the_step(qtbot: QtBot, editor: CueEditorWindow):
    for at in (5.0, 20.0):
        editor.player.seek(at)
        editor.mark()
    editor.player.seek(40.0)
    rect = editor.table.visualItemRect(editor.table.item(0, 2))
    qtbot.mouseClick(editor.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert editor.now() == pytest.approx(5.0)
    _key(qtbot, editor.table, Qt.Key.Key_Down)
    _key(qtbot, editor.table, Qt.Key.Key_Return)
    assert editor.now() == pytest.approx(20.0)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))


def test_f2_renames_with_completion(qtbot: QtBot, editor: CueEditorWindow):
    editor.mark()
    _key(qtbot, editor.table, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    line = QApplication.focusWidget()
    assert isinstance(line, QLineEdit)
    completer = line.completer()
    assert completer is not None
    completer.setCompletionPrefix("plank")
    assert completer.currentCompletion() == "Side plank"
    line.selectAll()
    qtbot.keyClicks(line, "Side plank")
    _key(qtbot, line, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: editor.document.step(0).name == "Side plank")
    assert editor.table.item(0, 1).text() == "Side plank"


def test_letters_typed_in_the_form_are_text_not_keys(qtbot: QtBot, editor: CueEditorWindow):
    editor.player.seek(3.0)
    editor.mark()
    editor.form.name.setFocus()
    editor.form.name.selectAll()
    qtbot.keyClicks(editor.form.name, "Jumping jacks [m]")
    assert editor.document.step(0).name == "Jumping jacks [m]"
    assert len(editor.document) == 1 and editor.document.step(0).at == 3.0
    _key(qtbot, editor.form.name, Qt.Key.Key_Escape)
    assert editor.table.hasFocus()


def test_problems_show_while_typing(qtbot: QtBot, editor: CueEditorWindow):
    assert any("steps" in m for m in editor.problem_messages())
    editor.mark()
    assert editor.problem_messages() == ["No problems: this workout is ready to play."]
    editor.form.name.setFocus()
    editor.form.name.selectAll()
    _key(qtbot, editor.form.name, Qt.Key.Key_Delete)
    messages = editor.problem_messages()
    assert messages and messages[0].startswith("Step 1: ")
    assert "exercise" in messages[0]
    assert editor.table.item(0, 0).text().startswith("! ")
    qtbot.keyClicks(editor.form.name, "Bird dog")
    assert editor.problem_messages() == ["No problems: this workout is ready to play."]
    editor.form.tempo.setFocus()
    qtbot.keyClicks(editor.form.tempo, "2, 2")
    assert any("tempo" in m for m in editor.problem_messages())


def test_the_form_sets_reps_sides_and_rest(qtbot: QtBot, editor: CueEditorWindow):
    editor.mark()
    editor.form.unit.setCurrentIndex(0)
    editor.form.count.setValue(8)
    editor.form.sides.setCurrentIndex(1)
    editor.form.hold.setValue(10)
    view = editor.document.step(0)
    assert (view.reps, view.duration, view.sides, view.hold) == (8, None, "both", 10)
    assert editor.table.item(0, 2).text() == "8 x 10 s hold"
    assert editor.table.item(0, 3).text() == "each side"


def test_ctrl_s_saves_next_to_the_video(qtbot: QtBot, editor: CueEditorWindow, video: Path):
    for at in (2.0, 30.0):
        editor.player.seek(at)
        _key(qtbot, editor.table, "m")
    _key(qtbot, editor.table, "s", Qt.KeyboardModifier.ControlModifier)
    target = video.with_suffix(".yaml")
    assert editor.saved_label.text() == f"Saved to {target}."
    assert not editor.windowTitle().endswith("*")
    workout = load_workout(target).workout
    assert workout is not None and workout.video == video
    assert [step.at for step in workout.steps] == [2.0, 30.0]


def test_delete_removes_and_r_marks_a_rest(qtbot: QtBot, editor: CueEditorWindow):
    editor.player.seek(5.0)
    _key(qtbot, editor.table, "m")
    editor.player.seek(25.0)
    _key(qtbot, editor.table, "r")
    assert [s.kind for s in editor.document.steps()] == ["exercise", "rest"]
    assert editor.document.step(1).rest == 35
    _key(qtbot, editor.table, Qt.Key.Key_Delete)
    assert len(editor.document) == 1 and editor.document.step(0).duration == 55


def test_edit_reopens_a_saved_video_workout(qtbot: QtBot, video: Path, mono: Monotonic):
    target = video.with_suffix(".yaml")
    target.write_text(
        '# mine\ntitle: Class\nvideo: class.mp4\nsteps:\n  - at: "0:02.0"\n'
        "    exercise: Bird dog\n    duration: 10\n",
        encoding="utf-8",
    )
    window = open_editor(target, player=TimerPlayer(None, monotonic=mono))
    assert isinstance(window, CueEditorWindow)
    window.player.setParent(window)
    _show(qtbot, window)
    window.select_step(0)
    window.nudge(0.5)
    window.save()
    assert target.read_text(encoding="utf-8").startswith("# mine\ntitle: Class\n")
    assert 'at: "0:02.5"' in target.read_text(encoding="utf-8")


@pytest.fixture
def step_editor(qtbot: QtBot, tmp_path: Path) -> StepEditorWindow:
    source = WORKOUTS / "static-stability.yaml"
    copy = tmp_path / "static.yaml"
    copy.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    window = StepEditorWindow(copy, known_names=NAMES)
    _show(qtbot, window)
    return window


def test_step_editor_reorders_with_alt_arrows(qtbot: QtBot, step_editor: StepEditorWindow):
    names = [s.name for s in step_editor.document.steps()]
    step_editor.select_step(0)
    _key(qtbot, step_editor.table, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert [s.name for s in step_editor.document.steps()][:2] == [names[1], names[0]]
    assert step_editor.selected_step() == 1
    _key(qtbot, step_editor.table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert [s.name for s in step_editor.document.steps()] == names


def test_step_editor_total_follows_edits(qtbot: QtBot, step_editor: StepEditorWindow):
    before = step_editor.total_text()
    assert before.startswith("Total")
    rows = step_editor.plan_table.rowCount()
    _key(qtbot, step_editor.table, "r", Qt.KeyboardModifier.ControlModifier)
    assert step_editor.plan_table.rowCount() == rows + 1
    assert step_editor.total_text() != before
    step_editor.form.count.setValue(90)
    assert step_editor.document.step(step_editor.selected_step() or 0).rest == 90
    _key(qtbot, step_editor.table, Qt.Key.Key_Delete)
    assert step_editor.total_text() == before


def test_step_editor_adds_renames_and_saves(qtbot: QtBot, step_editor: StepEditorWindow):
    count = len(step_editor.document)
    _key(qtbot, step_editor.table, "n", Qt.KeyboardModifier.ControlModifier)
    index = step_editor.selected_step()
    assert index is not None and len(step_editor.document) == count + 1
    step_editor.form.name.setFocus()
    step_editor.form.name.selectAll()
    qtbot.keyClicks(step_editor.form.name, "Dead bug")
    _key(qtbot, step_editor.table, "s", Qt.KeyboardModifier.ControlModifier)
    assert step_editor.document.path is not None
    workout = load_workout(step_editor.document.path).workout
    assert workout is not None
    assert workout.exercises[-1] == "Dead bug" or "Dead bug" in workout.exercises
    assert "Saved to" in step_editor.saved_label.text()
