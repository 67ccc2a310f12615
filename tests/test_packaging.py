"""The wheel carries the bundled workouts and media: `pip install .` works outside a checkout."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import MEDIA, REPO, WORKOUTS
from workout_player import desktop, paths
from workout_player.domain.checks import load_norms, parse_norms


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--wheel-dir",
            str(out),
            str(REPO),
        ],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("workout_player-*.whl")
    return built


def test_wheel_ships_every_bundled_workout_and_media_file(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    workouts = sorted(WORKOUTS.glob("*.yaml"))
    media = sorted(p for p in MEDIA.iterdir() if p.is_file())
    assert workouts, "no bundled workouts found in the checkout"
    for path in workouts:
        assert f"workout_player/_bundled/workouts/{path.name}" in names
    for path in media:
        assert f"workout_player/_bundled/media/{path.name}" in names


def test_wheel_ships_the_launcher_files(wheel: Path) -> None:
    """install-desktop and the window icon read these from the installed package."""
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = [
        desktop.desktop_entry_file(),
        desktop.metainfo_file(),
        desktop.icon_svg_file(),
        *(desktop.icon_png_file(size) for size in desktop.PNG_SIZES),
    ]
    for path in shipped:
        assert path.is_file(), path
        assert path.relative_to(REPO).as_posix() in names


def test_wheel_declares_the_command(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as zf:
        (entry_points,) = [n for n in zf.namelist() if n.endswith("entry_points.txt")]
        text = zf.read(entry_points).decode()
    assert "workout-player = workout_player.cli:main" in text


def test_installed_layout_is_preferred(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "workout_player"
    (package / "_bundled" / "workouts").mkdir(parents=True)
    (package / "_bundled" / "workouts" / "a.yaml").write_text("title: a\n")
    monkeypatch.setattr(paths, "_PACKAGE_DIR", package)
    assert paths.bundled_workouts_dir() == package / "_bundled" / "workouts"
    assert paths.bundled_media_dir() == package / "_bundled" / "media"
    assert paths.bundled_workout_files() == [package / "_bundled" / "workouts" / "a.yaml"]


def test_checkout_layout_is_the_fallback() -> None:
    assert paths.bundled_workouts_dir() == WORKOUTS
    assert paths.bundled_media_dir() == MEDIA


def test_database_path_precedence(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("WORKOUT_PLAYER_DB", str(tmp_path / "env.sqlite3"))
    assert paths.database_path(tmp_path / "cli.sqlite3") == tmp_path / "cli.sqlite3"
    assert paths.database_path() == tmp_path / "env.sqlite3"
    monkeypatch.delenv("WORKOUT_PLAYER_DB")
    assert paths.database_path() == paths.data_dir() / "history.sqlite3"


def test_wheel_ships_the_self_check_norms(wheel: Path) -> None:
    """The reference data is package data: the Checks screen needs it outside a checkout."""
    with zipfile.ZipFile(wheel) as zf:
        text = zf.read("workout_player/domain/checks/norms.json").decode("utf-8")
    assert parse_norms(json.loads(text)) == load_norms()
