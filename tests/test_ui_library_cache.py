"""The library's cache: unchanged files are not read again; changed, damaged or stale ones are.

Real files in the test's folder (conftest points the data, workouts and cache folders
there), the real loader counted through `library_model.load_workout`, and the real page.
File times are set with os.utime, never waited for: a file is "an hour old" by its stamp.
"""

from __future__ import annotations

import os
import pickle
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.ui_support import SHORT_WORKOUT, write_workout
from workout_player import paths
from workout_player.ui.library import cache
from workout_player.ui.library import model as library_model
from workout_player.ui.library.page import LibraryPage

HOUR_AGO = time.time() - 3600


class CountingLoads:
    """Counts the files the loader really parses, by name."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.names: list[str] = []
        self._real = library_model.load_workout
        monkeypatch.setattr(library_model, "load_workout", self)

    def __call__(self, path: Path) -> object:
        self.names.append(path.name)
        return self._real(path)

    def mine(self) -> list[str]:
        folder = paths.user_workouts_dir()
        found = sorted(n for n in self.names if (folder / n).exists())
        self.names.clear()
        return found


@pytest.fixture
def loads(monkeypatch: pytest.MonkeyPatch) -> CountingLoads:
    return CountingLoads(monkeypatch)


def old_workout(text: str, name: str, stamp: float = HOUR_AGO) -> Path:
    path = write_workout(paths.user_workouts_dir(), text, name)
    os.utime(path, (stamp, stamp))
    return path


def titled(title: str) -> str:
    return SHORT_WORKOUT.replace("Two quick holds", title)


def scan(qtbot: QtBot) -> dict[str, library_model.WorkoutEntry]:
    """A new page (as on a new start) that has read the library."""
    page = LibraryPage()
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.loaded):
        page.reload()
    return {e.path.name: e for e in page.model.entries()}


def test_a_second_start_reads_no_unchanged_file_and_lists_the_same(
    qtbot: QtBot, loads: CountingLoads
) -> None:
    old_workout(titled("First"), "a.yaml")
    old_workout("title: Broken\nsteps:\n  - exercise: [unclosed\n", "broken.yaml")
    first = scan(qtbot)
    assert loads.mine() == ["a.yaml", "broken.yaml"]
    assert paths.library_cache_file().is_file()
    second = scan(qtbot)
    assert loads.mine() == [], "every unchanged file came from the cache"
    assert loads.names == [], "the bundled ones too"
    assert second == first  # the same entries: workouts, plans, the broken file's problem
    assert second["a.yaml"].title == "First"
    assert second["broken.yaml"].error == first["broken.yaml"].error


def test_a_file_changed_on_disk_is_read_again(qtbot: QtBot, loads: CountingLoads) -> None:
    path = old_workout(titled("Before"), "a.yaml")
    old_workout(titled("Other"), "b.yaml")
    scan(qtbot)
    loads.mine()
    # Same size and a new mtime, and a new size with the same mtime: both are changes.
    path.write_text(titled("After!"), encoding="utf-8")
    os.utime(path, (HOUR_AGO + 60, HOUR_AGO + 60))
    assert scan(qtbot)["a.yaml"].title == "After!"
    assert loads.mine() == ["a.yaml"]
    path.write_text(titled("After, longer"), encoding="utf-8")
    os.utime(path, (HOUR_AGO + 60, HOUR_AGO + 60))
    assert scan(qtbot)["a.yaml"].title == "After, longer"
    assert loads.mine() == ["a.yaml"]


def test_a_file_changed_just_now_is_not_kept(qtbot: QtBot, loads: CountingLoads) -> None:
    # Saved twice within one timestamp tick at the same size, a file would look unchanged:
    # so a file changed in the last RACY_SECONDS is read on every start until it is older.
    now = time.time()
    path = old_workout(titled("Fresh"), "fresh.yaml", stamp=now)
    scan(qtbot)
    scan(qtbot)
    assert loads.mine() == ["fresh.yaml", "fresh.yaml"]
    os.utime(path, (now - 2 * cache.RACY_SECONDS, now - 2 * cache.RACY_SECONDS))
    scan(qtbot)
    scan(qtbot)
    assert loads.mine() == ["fresh.yaml"]


def test_a_removed_file_leaves_the_list_and_the_cache(qtbot: QtBot, loads: CountingLoads) -> None:
    gone = old_workout(titled("Gone"), "gone.yaml")
    old_workout(titled("Stays"), "stays.yaml")
    scan(qtbot)
    gone.unlink()
    assert "gone.yaml" not in scan(qtbot)
    kept = cache.read_cache(paths.library_cache_file(), cache.fingerprint())
    assert sorted(Path(name).name for name in kept if "stays" in name or "gone" in name) == [
        "stays.yaml"
    ]


@pytest.mark.parametrize(
    "damage",
    [
        b"",  # empty (a crash before anything was written)
        b"not a cache at all\n",  # foreign
        cache.MAGIC + b"\x80\x05garbage",  # ours, truncated or damaged
        cache.MAGIC + pickle.dumps(("another-version", {})),  # ours, another app version
        cache.MAGIC + pickle.dumps(["a list", "not", "a cache"]),  # ours, the wrong shape
    ],
)
def test_a_damaged_or_foreign_cache_is_ignored_and_rewritten(
    qtbot: QtBot, loads: CountingLoads, damage: bytes
) -> None:
    old_workout(titled("A"), "a.yaml")
    scan(qtbot)
    file = paths.library_cache_file()
    file.write_bytes(damage)
    assert scan(qtbot)["a.yaml"].title == "A"
    loads.mine()
    assert file.read_bytes().startswith(cache.MAGIC) and file.read_bytes() != damage
    scan(qtbot)
    assert loads.mine() == [], "the rewritten cache is used on the next start"


def test_one_damaged_entry_reads_that_file_again(qtbot: QtBot, loads: CountingLoads) -> None:
    old_workout(titled("A"), "a.yaml")
    old_workout(titled("B"), "b.yaml")
    scan(qtbot)
    loads.mine()
    file, stamp = paths.library_cache_file(), cache.fingerprint()
    kept = cache.read_cache(file, stamp)
    name = next(n for n in kept if n.endswith("a.yaml"))
    kept[name] = (kept[name][0], b"\x80\x05damaged")
    cache.write_cache(file, stamp, kept)
    assert scan(qtbot)["a.yaml"].title == "A"
    assert loads.mine() == ["a.yaml"]


class Planted:
    """What a planted cache entry would run on loading: it writes a marker file."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        import shutil

        return shutil.copyfile, (__file__, str(self.marker))


@pytest.mark.parametrize("where", ["an entry", "the whole file"])
def test_a_planted_pickle_in_the_cache_runs_nothing(
    qtbot: QtBot, loads: CountingLoads, tmp_path: Path, where: str
) -> None:
    """Anyone who can write the cache folder gets the library wrong at worst, never code run."""
    marker = tmp_path / "ran"
    old_workout(titled("A"), "a.yaml")
    scan(qtbot)
    loads.mine()
    file, stamp = paths.library_cache_file(), cache.fingerprint()
    planted = pickle.dumps(Planted(marker), protocol=pickle.HIGHEST_PROTOCOL)
    if where == "an entry":
        kept = cache.read_cache(file, stamp)
        name = next(n for n in kept if n.endswith("a.yaml"))
        kept[name] = (kept[name][0], planted)
        cache.write_cache(file, stamp, kept)
    else:
        file.write_bytes(cache.MAGIC + planted)
    assert scan(qtbot)["a.yaml"].title == "A"
    assert not marker.exists()
    assert loads.mine() == ["a.yaml"]  # read again from the file itself


@pytest.mark.parametrize(
    ("module", "name"),
    [
        ("os", "system"),
        ("builtins", "eval"),
        ("workout_player.domain.loader", "Path"),  # imported there, not defined there
        ("workout_player.domain.loader", "load_workout"),  # a function, not a data class
        ("workout_player.domain.model", "Workout.__init__"),
        ("workout_player.store.db", "open_store"),
    ],
)
def test_only_the_apps_data_classes_and_paths_may_be_named(module: str, name: str) -> None:
    assert cache._allowed(module, name) is None
    assert cache._allowed("workout_player.domain.model", "Workout") is not None
    assert cache._allowed("pathlib", "PosixPath") is Path("x").__class__


def test_a_file_whose_reading_failed_is_read_again_next_time(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, loads: CountingLoads
) -> None:
    old_workout(titled("Flaky"), "flaky.yaml")

    def failing(path: Path) -> object:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(library_model, "load_workout", failing)
    assert "Input/output error" in (scan(qtbot)["flaky.yaml"].error or "")
    monkeypatch.setattr(library_model, "load_workout", loads)
    assert scan(qtbot)["flaky.yaml"].title == "Flaky"
    assert loads.mine() == ["flaky.yaml"]


def test_a_cache_folder_that_cannot_be_written_only_costs_the_reading(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, loads: CountingLoads, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("WORKOUT_PLAYER_CACHE", str(blocker / "cache"))
    old_workout(titled("A"), "a.yaml")
    assert scan(qtbot)["a.yaml"].title == "A"
    assert scan(qtbot)["a.yaml"].title == "A"
    assert loads.mine() == ["a.yaml", "a.yaml"]
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_a_new_loader_makes_a_new_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    before = cache.fingerprint()
    monkeypatch.setattr(cache, "__version__", "99.0")
    assert cache.fingerprint() != before
