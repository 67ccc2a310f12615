"""The library, the workout page and the main window, offscreen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from pytestqt.qtbot import QtBot

from tests.ui_support import SHORT_WORKOUT, TIMER_WORKOUT, saved, timer_window, write_workout
from workout_player import paths
from workout_player.audio import RecordingAnnouncer
from workout_player.domain.clock import FakeClock
from workout_player.domain.loader import load_workout
from workout_player.domain.timeline import build_plan
from workout_player.playback import TimerPlayer
from workout_player.store import open_store
from workout_player.ui.library.model import length_text
from workout_player.ui.library.page import LibraryPage
from workout_player.ui.library.workout_page import WorkoutPage
from workout_player.ui.main_window import MainWindow
from workout_player.ui.player.screen import PlayerScreen


@pytest.fixture
def library(qtbot: QtBot) -> LibraryPage:
    page = LibraryPage()
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded):
        page.reload()
    return page


def bundled_titles() -> list[str]:
    titles = []
    for path in paths.bundled_workout_files():
        workout = load_workout(path).workout
        assert workout is not None, path
        titles.append(workout.title)
    return titles


def test_library_lists_every_bundled_workout(library: LibraryPage) -> None:
    titles = bundled_titles()
    assert len(titles) >= 6
    assert sorted(library.visible_titles()) == sorted(titles)


def test_search_filters_by_title_tag_and_exercise(qtbot: QtBot, library: LibraryPage) -> None:
    everything = library.visible_titles()
    qtbot.keyClicks(library.search, "hinge")
    matches = library.visible_titles()
    assert matches and len(matches) < len(everything)
    library.search.clear()
    assert library.visible_titles() == everything
    qtbot.keyClicks(library.search, "no such workout anywhere")
    assert library.visible_titles() == []
    assert library.empty.isVisibleTo(library)


def test_keyboard_alone_picks_a_workout_from_the_search_box(
    qtbot: QtBot, library: LibraryPage
) -> None:
    qtbot.keyClicks(library.search, "back")
    titles = library.visible_titles()
    assert len(titles) >= 3
    qtbot.keyClick(library.search, Qt.Key.Key_Down)
    qtbot.keyClick(library.search, Qt.Key.Key_Down)
    qtbot.keyClick(library.search, Qt.Key.Key_Up)
    with qtbot.waitSignal(library.open_requested) as opened:
        qtbot.keyClick(library.search, Qt.Key.Key_Return)
    assert load_workout(opened.args[0]).workout.title == titles[1]


def test_level_filter(library: LibraryPage) -> None:
    library.level.setCurrentIndex(library.level.findData("beginner"))
    shown = library.visible_titles()
    assert shown
    for row in range(library.proxy.rowCount()):
        entry = library.proxy.index(row, 0).data(Qt.ItemDataRole.UserRole + 1)
        assert entry.level == "beginner"


def test_user_workouts_are_listed_and_broken_ones_show_their_error(
    qtbot: QtBot, tmp_path: Path
) -> None:
    folder = paths.user_workouts_dir()
    write_workout(folder, SHORT_WORKOUT, "mine.yaml")
    write_workout(folder, "title: Broken\nsteps:\n  - exercise: Curl-up\n    rets: 3\n", "bad.yaml")
    page = LibraryPage()
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded):
        page.reload()
    entries = {entry.path.name: entry for entry in page.model.entries()}
    assert entries["mine.yaml"].origin == "mine"
    assert entries["mine.yaml"].title == "Two quick holds"
    assert entries["bad.yaml"].workout is None
    error = entries["bad.yaml"].error or ""
    assert "bad.yaml:3:5: " in error and error.endswith("(and 1 more)")
    assert "bad.yaml" in page.visible_titles()


def test_length_text_says_at_least_when_a_set_is_self_paced(tmp_path: Path) -> None:
    exact = load_workout(write_workout(tmp_path, SHORT_WORKOUT, "a.yaml")).workout
    minimum = load_workout(write_workout(tmp_path, TIMER_WORKOUT, "b.yaml")).workout
    assert exact is not None and minimum is not None
    assert length_text(build_plan(exact)) == "17 s"
    assert length_text(build_plan(minimum)).startswith("at least ")


def test_workout_page_shows_safety_steps_and_total(qtbot: QtBot, tmp_path: Path) -> None:
    page = WorkoutPage()
    qtbot.addWidget(page)
    path = write_workout(tmp_path, TIMER_WORKOUT)
    page.show_file(path)
    assert page.title.text() == "Test back routine"
    assert page.safety.isVisibleTo(page)
    assert "Stop if pain spreads into a leg." in page.safety.text()
    assert page.steps.topLevelItemCount() == 4
    first = page.steps.topLevelItem(0)
    assert first.text(1) == "Bird dog"
    assert first.text(2) == "2 x 8 reps, tempo 1-1 s"
    assert first.text(3) == "each side"
    assert page.steps.topLevelItem(1).text(2) == "5 reps at your pace"
    assert page.steps.topLevelItem(3).text(2) == "2 x 5 s hold"
    assert page.total.text().startswith("Total: at least ")
    with qtbot.waitSignal(page.start_requested, timeout=1000) as started:
        qtbot.keyClick(page, Qt.Key.Key_Return)
    assert started.args == [path]


def test_workout_page_lists_every_problem_of_a_broken_file(qtbot: QtBot, tmp_path: Path) -> None:
    page = WorkoutPage()
    qtbot.addWidget(page)
    path = write_workout(tmp_path, "title: x\nsteps:\n  - exercise: A\n    reps: eight\n")
    page.show_file(path)
    assert not page.start.isEnabled()
    text = page.problems.text()
    assert text.startswith("Reps must be") and text.endswith("(line 4, column 11)"), text
    assert str(path) not in text  # plain words; the path is shown once, above


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    store = open_store(tmp_path / "history.sqlite3")
    clock = FakeClock()
    win = timer_window(store, clock)
    qtbot.addWidget(win)
    win.fake_clock = clock  # type: ignore[attr-defined]
    yield win  # type: ignore[misc]
    win.close_now()
    store.close()


def drop(window: MainWindow, path: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)


def test_dropping_a_file_opens_its_workout_page(window: MainWindow, tmp_path: Path) -> None:
    path = write_workout(tmp_path / "dropped", SHORT_WORKOUT)
    drop(window, path)
    assert window.current_page() is window.workout_page
    assert window.workout_page.title.text() == "Two quick holds"
    assert "Two quick holds" in window.library.visible_titles()


def test_dropping_something_else_is_ignored(window: MainWindow, tmp_path: Path) -> None:
    other = tmp_path / "notes.txt"
    other.write_text("hello", encoding="utf-8")
    drop(window, other)
    assert window.current_page() is window.library


def test_start_runs_the_player_and_ends_on_a_summary(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    window.open_path(write_workout(tmp_path, SHORT_WORKOUT))
    qtbot.keyClick(window.workout_page, Qt.Key.Key_Return)
    screen = window.current_page()
    assert isinstance(screen, PlayerScreen)
    assert window.controller is not None
    clock: FakeClock = window.fake_clock  # type: ignore[attr-defined]
    for _ in range(100):
        clock.advance(0.25)
        window.controller.tick()
    assert window.controller.is_finished
    assert window.current_page() is window.summary
    row = window.store.session(saved(window.controller))  # type: ignore[union-attr]
    assert row is not None and row.status == "completed"


def test_summary_and_history_follow_a_session(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    from workout_player.ui.history.page import HistoryPage
    from workout_player.ui.history.summary import SummaryPage

    window.open_path(write_workout(tmp_path, SHORT_WORKOUT))
    window.workout_page.start.click()
    assert window.controller is not None
    qtbot.keyClick(window.current_page(), Qt.Key.Key_Escape)
    qtbot.keyClick(window.current_page(), Qt.Key.Key_Return)
    assert isinstance(window.current_page(), SummaryPage)
    window.summary.show_history.emit()  # type: ignore[union-attr]
    assert isinstance(window.current_page(), HistoryPage)
    window.history.back.emit()  # type: ignore[union-attr]
    assert window.current_page() is window.library


def test_play_refuses_a_broken_file_without_a_window(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from workout_player.cli import main

    path = write_workout(tmp_path, "title: x\nsteps:\n  - exercise: A\n    reps: eight\n")
    assert main(["play", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:4:11: " in err
    assert "cannot be played" in err


def test_e_on_a_workout_page_opens_the_step_editor_and_reloads_after(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    from workout_player.ui.editor import StepEditorWindow

    path = write_workout(tmp_path / "mine", SHORT_WORKOUT)
    window.open_path(path)
    qtbot.keyClick(window.workout_page, Qt.Key.Key_E)
    (editor,) = window.editors
    assert isinstance(editor, StepEditorWindow)
    assert editor.isVisible()
    # An edit saved in the editor shows on the workout page once the editor closes.
    path.write_text(SHORT_WORKOUT.replace("Two quick holds", "Two slow holds"), encoding="utf-8")
    editor.ask_before_close = False
    editor.close()
    qtbot.waitUntil(lambda: window.editors == [])
    assert window.workout_page.title.text() == "Two slow holds"


def test_editing_a_file_that_cannot_be_read_says_why(window: MainWindow, tmp_path: Path) -> None:
    missing = tmp_path / "gone.yaml"
    window.edit_path(missing)
    assert window.editors == []
    assert "gone.yaml" in window.notice.text


def test_library_offers_new_from_video_and_history(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QFileDialog, QWidget

    video = tmp_path / "class.mp4"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(video), ""))
    asked: list[Path] = []

    def fake_editor(path: Path) -> QWidget:
        asked.append(path)
        return QWidget()

    monkeypatch.setattr("workout_player.ui.editor.new_from_video", fake_editor)
    window.library.new_from_video_requested.emit()
    assert asked == [video]
    assert len(window.editors) == 1 and window.editors[0].isVisible()
    window.editors[0].close()
    window.library.history_requested.emit()
    assert window.current_page() is window.history


def test_sound_is_warmed_up_once_before_the_first_session(qtbot: QtBot, window: MainWindow) -> None:
    assert window._announcer is None, "nothing is created before the window asks"
    if window.library.model.loading:
        # Made once the library is listed: making the speech engine holds Python ~1 s.
        with qtbot.waitSignal(window.library.loaded):
            window.warm_up_sound()
            assert window._announcer is None
    else:
        window.warm_up_sound()
    first = window._announcer
    assert isinstance(first, RecordingAnnouncer)
    window.warm_up_sound()
    assert window._announcer is first


def test_the_windows_notice_moves_into_the_players_banner(qtbot: QtBot, tmp_path: Path) -> None:
    # Started with `play`, the person never sees the library: a notice such as "your damaged
    # database was moved to X" must reach the player, in its one banner (two would push the
    # controls off a 768 px screen).
    clock = FakeClock()
    win = MainWindow(
        None,
        store_problem="History is off: the folder is read-only.",
        make_player=lambda parent: TimerPlayer(parent, monotonic=clock.now),
        make_announcer=RecordingAnnouncer,
        clock=clock,
    )
    qtbot.addWidget(win)
    win.show()
    assert win.notice.isVisible()
    win.open_path(write_workout(tmp_path, SHORT_WORKOUT))
    qtbot.keyClick(win.workout_page, Qt.Key.Key_Return)
    screen = win.current_page()
    assert isinstance(screen, PlayerScreen)
    assert not win.notice.isVisible()
    assert screen.banner.isVisible()
    assert "History is off: the folder is read-only." in screen.banner.text
    # Even with a long two-part banner and the pain selector, a 1366x768 laptop shows it all.
    screen.controller.report_problem("clip", "The demo clip x.mp4 could not be played. " * 3)
    assert screen.minimumSizeHint().height() <= 768
    win.close()
