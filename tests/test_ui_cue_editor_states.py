"""The cue editor's states: a new workout's hint, the clock at the end, the name popup, and a
video it cannot play (refused, in the error colour, with no length invented)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from tests.media_fixtures import _ffmpeg, broken_media, cut_short  # noqa: F401
from tests.test_ui_editor import NAMES, Monotonic, _show
from workout_player.playback import TimerPlayer
from workout_player.playback.surface import VideoSurface
from workout_player.ui import theme
from workout_player.ui.editor import CueEditorWindow
from workout_player.ui.editor.cue_editor import EMPTY_HINT

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support .*")


def _editor(qtbot: QtBot, video: Path, player: TimerPlayer, **kwargs: object) -> CueEditorWindow:
    window = CueEditorWindow(video, player=player, known_names=NAMES, **kwargs)  # type: ignore[arg-type]
    player.setParent(window)
    _show(qtbot, window)
    return window


@pytest.fixture
def blank(tmp_path: Path) -> Path:
    path = tmp_path / "class.mp4"
    path.write_bytes(b"")
    return path


def test_a_new_workout_shows_the_hint_not_an_error(qtbot: QtBot, blank: Path) -> None:
    window = _editor(qtbot, blank, TimerPlayer(None, monotonic=Monotonic()), video_length=60.0)
    assert window.problem_messages() == [EMPTY_HINT]
    assert window.hint.isVisible() and "press M" in window.hint.text()
    window.mark()
    assert not any(message == EMPTY_HINT for message in window.problem_messages())


def test_the_clock_never_reads_past_the_length(qtbot: QtBot, blank: Path) -> None:
    mono = Monotonic()
    window = _editor(qtbot, blank, TimerPlayer(None, monotonic=mono), video_length=12.0)
    window.player.seek(11.9)
    window.player.play()
    mono.now += 0.3  # the timer ran a little past the end before anything stopped it
    window._show_time()
    assert window.clock_label.text() == "0:12.0 / 0:12.0"


def test_the_name_popup_shows_several_rows_with_the_apps_theme(qtbot: QtBot, blank: Path) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.styleSheet()
    app.setStyleSheet(theme.STYLE_SHEET)
    try:
        window = _editor(qtbot, blank, TimerPlayer(None, monotonic=Monotonic()), video_length=9.0)
        window.mark()
        qtbot.keyClick(window.table, Qt.Key.Key_F2)
        qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
        line = QApplication.focusWidget()
        assert isinstance(line, QLineEdit)
        line.selectAll()
        qtbot.keyClicks(line, "i")  # all three names contain an i
        popup = line.completer().popup()
        qtbot.waitUntil(popup.isVisible)
        rows = popup.model().rowCount()
        assert rows == 3
        assert popup.viewport().height() >= rows * popup.sizeHintForRow(0)
    finally:
        app.setStyleSheet(before)


def test_a_video_it_cannot_play_is_refused_in_the_error_colour(
    qtbot: QtBot,
    broken_media: dict[str, Path],  # noqa: F811
    tmp_path: Path,
) -> None:
    video = broken_media["cut"]
    player = TimerPlayer(None, problem="The video is cut short.", monotonic=Monotonic())
    window = _editor(qtbot, video, player, save_path=tmp_path / "class.yaml")
    assert window.unplayable is not None
    assert window.unplayable.startswith("This video cannot be played, so no step can be marked")
    assert "cut short" in window.unplayable  # probe_media's reason and what to do
    assert window.hint.isVisible() and window.hint.property("role") == "error"
    messages = window.problem_messages()
    assert messages == [window.unplayable]  # no "ready to play", no "press M"
    assert not any("ready to play" in message for message in messages)
    assert window.mark() == -1 and len(window.document) == 0
    qtbot.keyClick(window.table, Qt.Key.Key_M)
    qtbot.keyClick(window.table, Qt.Key.Key_Space)
    assert len(window.document) == 0 and not player.is_playing()
    assert window.document.video_length is None  # no length guessed from the cut file
    assert window.clock_label.text() == "0:00.0 / --"
    surface = window.player.video_widget()
    assert isinstance(surface, VideoSurface)
    shown = surface.message()
    assert shown.startswith("Nothing can be marked on this video.") and "timer" not in shown


def test_an_error_found_while_playing_turns_the_editor_to_refusing(
    qtbot: QtBot, blank: Path
) -> None:
    mono = Monotonic()
    window = _editor(qtbot, blank, TimerPlayer(None, monotonic=mono), video_length=30.0)
    assert window.mark() == 0
    window.player.error.emit("The video stopped: the rest of the file is missing.")
    assert window.unplayable is not None and window.hint.property("role") == "error"
    assert window.document.video_length is None
    assert window.mark() == -1 and len(window.document) == 1
    assert not any("ready to play" in message for message in window.problem_messages())
