"""Every path the app uses comes from here, so tests and `--db` can override them.

Defaults follow each platform's conventions through platformdirs:
- the database:      <user data dir>/history.sqlite3  (WORKOUT_PLAYER_DB or --db override it)
- user workouts:     <user data dir>/workouts/        (WORKOUT_PLAYER_WORKOUTS overrides it)
- bundled workouts:  shipped inside the package (or read from a source checkout)
- the cache:         <user cache dir>/ (WORKOUT_PLAYER_CACHE overrides it): the library's entries
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "workout-player"
APP_AUTHOR = "workout-player"

_PACKAGE_DIR = Path(__file__).resolve().parent


def data_dir() -> Path:
    """The folder that holds the database and the person's own workouts."""
    override = os.environ.get("WORKOUT_PLAYER_DATA")
    if override:
        return Path(override).expanduser()
    # Imported here, not at the top: platformdirs costs about 8 ms of start-up, and
    # `history --db X` (or WORKOUT_PLAYER_DB) never needs the default folder.
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def database_path(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """The history database: `--db` first, then WORKOUT_PLAYER_DB, then the default."""
    if cli_value:
        return Path(cli_value).expanduser()
    env = os.environ.get("WORKOUT_PLAYER_DB")
    if env:
        return Path(env).expanduser()
    return data_dir() / "history.sqlite3"


def user_workouts_dir() -> Path:
    """Where the person's own workouts live (created on first save)."""
    env = os.environ.get("WORKOUT_PLAYER_WORKOUTS")
    if env:
        return Path(env).expanduser()
    return data_dir() / "workouts"


def cache_dir() -> Path:
    """Files the app can make again (the library's read entries): WORKOUT_PLAYER_CACHE, else
    `cache/` in WORKOUT_PLAYER_DATA when that is set (tests, the bench), else the platform's."""
    env = os.environ.get("WORKOUT_PLAYER_CACHE")
    if env:
        return Path(env).expanduser()
    if os.environ.get("WORKOUT_PLAYER_DATA"):
        return data_dir() / "cache"
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR))


def library_cache_file() -> Path:
    return cache_dir() / "library.pickle"


def _bundled_root() -> Path:
    """`_bundled/` inside an installed wheel, else the top of a source checkout."""
    installed = _PACKAGE_DIR / "_bundled"
    if (installed / "workouts").is_dir():
        return installed
    return _PACKAGE_DIR.parent


def bundled_workouts_dir() -> Path:
    return _bundled_root() / "workouts"


def bundled_media_dir() -> Path:
    return _bundled_root() / "media"


def bundled_workout_files() -> list[Path]:
    folder = bundled_workouts_dir()
    return sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")])
