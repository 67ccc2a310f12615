"""The library reads its files off the GUI thread, shows each as it comes, and no file breaks it."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.media_fixtures import test_video  # noqa: F401 - a fixture
from tests.ui_support import SHORT_WORKOUT, write_workout
from workout_player import paths
from workout_player.domain import loader
from workout_player.playback import probe_length
from workout_player.ui.library import loader as library_loader
from workout_player.ui.library import model as library_model
from workout_player.ui.library.model import Role, WorkoutEntry
from workout_player.ui.library.page import LibraryPage
from workout_player.ui.library.workout_page import WorkoutPage


def _page(qtbot: QtBot) -> LibraryPage:
    page = LibraryPage()
    qtbot.addWidget(page)
    return page


def _loaded(qtbot: QtBot, page: LibraryPage) -> dict[str, WorkoutEntry]:
    with qtbot.waitSignal(page.loaded):
        page.reload()
    return {entry.path.name: entry for entry in page.model.entries()}


HOSTILE = {
    "huge-number.yaml": b"title: T\nsteps:\n  - exercise: A\n    reps: " + b"9" * 5000 + b"\n",
    "latin1.yaml": "title: Caf\u00e9\nsteps:\n  - rest: 5\n".encode("latin-1"),
    "utf16.yaml": "title: T\nsteps:\n  - rest: 5\n".encode("utf-16"),
    "nul.yaml": b"title: T\x00\nsteps:\n  - rest: 5\n",
    "empty.yaml": b"",
    "list.yaml": b"- a\n- b\n",
    "bomb.yaml": b"a: &a ["
    + b"x, " * 2000
    + b"]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n"
    + b"c: [*b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c]\n",
    "long-line.yml": b"title: " + b"x" * 1_000_000 + b"\n",
    "steps.yaml": b"title: T\nsteps:\n" + b"  - rest: 5\n" * 50_000,
}


def test_hostile_files_are_listed_as_broken_and_the_rest_of_the_library_works(
    qtbot: QtBot,
) -> None:
    folder = paths.user_workouts_dir()
    folder.mkdir(parents=True)
    for name, data in HOSTILE.items():
        (folder / name).write_bytes(data)
    (folder / "a-folder.yaml").mkdir()
    write_workout(folder, SHORT_WORKOUT, "good.yaml")
    entries = _loaded(qtbot, _page(qtbot))
    assert entries["good.yaml"].workout is not None
    for name in [*HOSTILE, "a-folder.yaml"]:
        entry = entries[name]
        assert entry.workout is None and entry.error, name
        assert entry.error.startswith(str(folder / name) + ":"), entry.error
    bundled = [e for e in entries.values() if e.origin == "bundled"]
    assert bundled and all(e.workout is not None for e in bundled)


def test_a_file_whose_loading_raises_anything_is_broken_not_fatal(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = paths.user_workouts_dir()
    write_workout(folder, SHORT_WORKOUT, "good.yaml")
    write_workout(folder, SHORT_WORKOUT, "cursed.yaml")
    real = library_model.load_workout

    def load(path: Path) -> loader.LoadResult:
        if path.name == "cursed.yaml":
            raise OSError(5, "Input/output error")
        return real(path)

    monkeypatch.setattr(library_model, "load_workout", load)
    entries = _loaded(qtbot, _page(qtbot))
    assert entries["good.yaml"].workout is not None
    assert entries["cursed.yaml"].error == (
        f"{folder / 'cursed.yaml'}: cannot be read (OSError: [Errno 5] Input/output error)"
    )


@pytest.mark.skipif(os.name != "posix", reason="folder permissions")
def test_a_workouts_folder_that_cannot_be_listed_still_shows_the_bundled_ones(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WORKOUT_PLAYER_WORKOUTS", "/" + "x" * 5000)  # ENAMETOOLONG
    entries = _loaded(qtbot, _page(qtbot))
    assert entries and all(e.origin == "bundled" for e in entries.values())


class _Gate:
    """A load function that waits, on the worker thread, until the test lets a file through."""

    def __init__(self, held: str) -> None:
        self.held = held
        self.release = threading.Event()
        self.threads: set[str] = set()

    def __call__(self, path: Path, origin: str) -> WorkoutEntry:
        self.threads.add(threading.current_thread().name)
        if path.name == self.held:
            assert self.release.wait(timeout=30)
        return library_model.load_entry(path, origin)


@pytest.fixture
def gated(monkeypatch: pytest.MonkeyPatch) -> Iterator[_Gate]:
    folder = paths.user_workouts_dir()
    for name in ("m1.yaml", "m2.yaml", "m3.yaml"):
        write_workout(folder, SHORT_WORKOUT.replace("Two quick holds", name), name)
    gate = _Gate("m2.yaml")
    real_loader = library_model.LibraryLoader
    monkeypatch.setattr(
        library_model, "LibraryLoader", lambda load, parent: real_loader(gate, parent)
    )
    yield gate
    gate.release.set()


def test_files_are_read_off_the_gui_thread_and_shown_as_they_come(
    qtbot: QtBot, gated: _Gate
) -> None:
    page = _page(qtbot)
    page.reload()
    # everything before the held file is listed (and selectable) while it is still being read
    qtbot.waitUntil(lambda: "m1.yaml" in page.visible_titles())
    assert "m2.yaml" not in page.visible_titles() and page.model.loading
    assert page.view.currentIndex().row() == 0
    assert threading.current_thread().name not in gated.threads
    with qtbot.waitSignal(page.loaded):
        gated.release.set()
    assert page.visible_titles()[-3:] == ["m1.yaml", "m2.yaml", "m3.yaml"]


def test_after_a_handover_the_next_entries_wait_for_the_pause_or_the_end_of_the_scan(
    qtbot: QtBot, gated: _Gate, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each handover makes the list measure every row again: entries read during the pause
    # after one come together. A pause longer than the test: what waits comes at the end.
    monkeypatch.setattr(library_loader, "HANDOVER_MS", 60_000)
    monkeypatch.setattr(library_loader, "FIRST_ENTRIES", 1)
    page = _page(qtbot)
    inserts: list[int] = []
    page.model.rowsInserted.connect(lambda _parent, first, last: inserts.append(last - first + 1))
    page.reload()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)  # the first entries at once
    assert "m2.yaml" not in page.visible_titles()  # held on the worker
    with qtbot.waitSignal(page.loaded):
        gated.release.set()
    assert len(inserts) == 2, inserts  # the first handover, then the rest at the end
    assert sum(inserts) == page.model.rowCount()
    assert page.visible_titles()[-3:] == ["m1.yaml", "m2.yaml", "m3.yaml"]


def test_the_first_entries_of_a_scan_show_as_they_come_without_a_pause(
    qtbot: QtBot, gated: _Gate, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The bundled workouts and m1 are fewer than FIRST_ENTRIES: each handover of them is
    # immediate, so m1 shows while m2 is held, however long the pause after a handover.
    monkeypatch.setattr(library_loader, "HANDOVER_MS", 60_000)
    assert len(paths.bundled_workout_files()) + 1 < library_loader.FIRST_ENTRIES
    page = _page(qtbot)
    page.reload()
    qtbot.waitUntil(lambda: "m1.yaml" in page.visible_titles())
    assert "m2.yaml" not in page.visible_titles()
    with qtbot.waitSignal(page.loaded):
        gated.release.set()


def test_the_selected_row_and_the_keyboard_stay_put_while_entries_arrive(
    qtbot: QtBot, gated: _Gate
) -> None:
    page = _page(qtbot)
    gated.release.set()
    _loaded(qtbot, page)
    gated.release.clear()
    page.view.setCurrentIndex(page.proxy.index(page.proxy.rowCount() - 1, 0))  # m3
    # a new file, sorted before the selected one, arrives while m2 is still being read
    write_workout(
        paths.user_workouts_dir(), SHORT_WORKOUT.replace("Two quick holds", "m0"), "m0.yaml"
    )
    page.reload()
    qtbot.waitUntil(lambda: "m0" in page.visible_titles())
    assert page.model.loading
    assert page.view.currentIndex().data() == "m3.yaml"
    qtbot.keyClick(page.search, Qt.Key.Key_Up)
    assert page.view.currentIndex().data() == "m2.yaml"
    with qtbot.waitSignal(page.loaded):
        gated.release.set()
    assert page.view.currentIndex().data() == "m2.yaml"
    assert page.visible_titles()[-4:] == ["m0", "m1.yaml", "m2.yaml", "m3.yaml"]
    assert page.view.currentIndex().data(Role.PATH).endswith("m2.yaml")


def test_the_workout_page_warns_about_a_step_after_the_end_of_the_video(
    qtbot: QtBot,
    tmp_path: Path,
    test_video: Path,  # noqa: F811
) -> None:
    if probe_length(test_video) is None:
        pytest.skip("libvlc could not read the test video's length here")
    path = tmp_path / "v.yaml"
    path.write_text(
        f"title: V\nvideo: {test_video}\nsteps:\n  - rest: 1\n    at: 0\n  - rest: 1\n    at: 9\n",
        encoding="utf-8",
    )
    page = WorkoutPage()
    qtbot.addWidget(page)
    page.show_file(path)
    assert page.start.isEnabled()
    assert page.problems.text() == (
        "Warning: This step starts at 0:09, but the video is only 0:02 long, so it never "
        "plays; check at: (line 6, column 5)"
    )


def test_the_tag_filter_follows_the_files_as_they_are_read_again(qtbot: QtBot) -> None:
    folder = paths.user_workouts_dir()
    tagged = SHORT_WORKOUT.replace("countdown: 2\n", "countdown: 2\ntags: [zz-mine]\n")
    write_workout(folder, tagged, "tagged.yaml")
    page = _page(qtbot)
    _loaded(qtbot, page)
    tags = [page.tag.itemData(i) for i in range(page.tag.count())]
    assert "zz-mine" in tags
    page.tag.setCurrentIndex(page.tag.findData("zz-mine"))
    assert page.visible_titles() == ["Two quick holds"]
    (folder / "tagged.yaml").unlink()
    _loaded(qtbot, page)
    assert page.tag.findData("zz-mine") == -1
    assert page.tag.currentData() == ""  # back to all tags: every workout shows again
    assert len(page.visible_titles()) == page.model.rowCount()


def test_a_reload_during_a_scan_replaces_it_without_duplicates(qtbot: QtBot, gated: _Gate) -> None:
    page = _page(qtbot)
    page.reload()
    qtbot.waitUntil(lambda: "m1.yaml" in page.visible_titles())  # the first scan waits on m2
    (paths.user_workouts_dir() / "m3.yaml").unlink()
    with qtbot.waitSignal(page.loaded):
        page.reload()  # the first scan is told to stop; the second one waits on m2 too
        gated.release.set()
    titles = page.visible_titles()
    assert titles[-2:] == ["m1.yaml", "m2.yaml"]
    assert len(titles) == len(set(titles)) == page.model.rowCount()


def test_an_entry_keeps_only_what_the_list_shows_and_searches(tmp_path: Path) -> None:
    """The list's entries (and the cache) hold a Summary, not the whole workout: opening a
    workout reads its file again, so the steps are never needed from the list."""
    from workout_player.domain.loader import load_workout
    from workout_player.ui.library.model import Summary, load_entry

    path = write_workout(tmp_path, SHORT_WORKOUT, "holds.yaml")
    workout = load_workout(path).workout
    assert workout is not None
    entry = load_entry(path, "mine")
    assert entry.workout == Summary.of(workout)
    assert isinstance(entry.workout, Summary)
    assert (entry.title, entry.tags) == (workout.title, tuple(workout.tags))
    for word in (workout.title, *workout.exercises):
        assert word.casefold() in entry.search_text
