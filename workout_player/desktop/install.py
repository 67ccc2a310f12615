"""Put the launcher entry, icons and AppStream file into a person's data folders, or take them out.

The files go where the freedesktop specifications say per-user files go:
$XDG_DATA_HOME (default ~/.local/share)/applications, /icons/hicolor/<size>/apps and /metainfo,
or <prefix>/share/... with --prefix. Every file written or removed is named by the app's id,
so other applications' files in the same folders are never touched. Writes are atomic (a
temporary file in the same folder, then a rename), and a second install or uninstall changes
nothing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from workout_player.desktop import (
    APP_ID,
    PNG_SIZES,
    desktop_entry_file,
    icon_png_file,
    icon_svg_file,
    metainfo_file,
)
from workout_player.desktop.entry import installed_entry

DESKTOP_ENTRY = Path("applications") / f"{APP_ID}.desktop"
METAINFO = Path("metainfo") / f"{APP_ID}.metainfo.xml"
HICOLOR = Path("icons") / "hicolor"


def unsupported_platform(platform: str | None = None) -> str | None:
    """Why launcher files would do nothing here (macOS, Windows), or None on freedesktop systems."""
    platform = sys.platform if platform is None else platform
    if platform.startswith(("win", "cygwin", "darwin")):
        return (
            "install-desktop makes launcher entries for Linux and BSD desktops (freedesktop.org); "
            "on this system start Workout Player with the workout-player command instead."
        )
    return None


def icon_paths() -> dict[Path, Path]:
    """Where each shipped icon goes, relative to the data folder."""
    icons = {HICOLOR / "scalable" / "apps" / f"{APP_ID}.svg": icon_svg_file()}
    for size in PNG_SIZES:
        icons[HICOLOR / f"{size}x{size}" / "apps" / f"{APP_ID}.png"] = icon_png_file(size)
    return icons


def owned_paths() -> list[Path]:
    """Every file install() writes, relative to the data folder: all uninstall() may remove."""
    return [DESKTOP_ENTRY, METAINFO, *icon_paths()]


def data_home(
    prefix: str | os.PathLike[str] | None = None, environ: Mapping[str, str] | None = None
) -> Path:
    """<prefix>/share, else $XDG_DATA_HOME, else ~/.local/share.

    The XDG Base Directory Specification says a relative $XDG_DATA_HOME is invalid and must be
    ignored, so it is.
    """
    if prefix is not None:
        return Path(prefix).expanduser().absolute() / "share"
    environ = os.environ if environ is None else environ
    value = environ.get("XDG_DATA_HOME", "")
    if value and Path(value).is_absolute():
        return Path(value)
    return Path.home() / ".local" / "share"


@dataclass(frozen=True)
class Change:
    """What happened to one file: "wrote", "unchanged" (already the same) or "removed"."""

    action: Literal["wrote", "unchanged", "removed"]
    path: Path

    def __str__(self) -> str:
        words = {"wrote": "Wrote", "unchanged": "Already up to date:", "removed": "Removed"}
        return f"{words[self.action]} {self.path}"


def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    temporary = Path(name)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        temporary.chmod(0o644)  # mkstemp makes 0600; the file is as public as the shipped one
        temporary.replace(path)
    except BaseException:
        temporary.unlink(missing_ok=True)  # no half-written file left behind, whatever stopped us
        raise


def _same_file(path: Path, data: bytes) -> bool:
    try:
        return path.is_file() and not path.is_symlink() and path.read_bytes() == data
    except OSError:
        return False


def planned_files(command: Sequence[str]) -> dict[Path, bytes]:
    """Each file's place (relative to the data folder) and its bytes."""
    shipped = desktop_entry_file().read_text(encoding="utf-8")
    files = {
        DESKTOP_ENTRY: installed_entry(shipped, command).encode("utf-8"),
        METAINFO: metainfo_file().read_bytes(),
    }
    for target, source in icon_paths().items():
        files[target] = source.read_bytes()
    return files


def install(home: Path, files: Mapping[Path, bytes]) -> list[Change]:
    """Write `files` (from planned_files()) under `home`; files already the same are left alone.

    Raises OSError when a folder cannot be made or a file cannot be written.
    """
    changes = []
    for relative, data in files.items():
        path = home / relative
        if _same_file(path, data):
            changes.append(Change("unchanged", path))
        else:
            _write_atomically(path, data)
            changes.append(Change("wrote", path))
    return changes


def uninstall(home: Path) -> list[Change]:
    """Remove the launcher files from under `home` (only ours; missing ones are fine)."""
    changes = []
    for relative in owned_paths():
        path = home / relative
        if path.is_file() or path.is_symlink():
            path.unlink()
            changes.append(Change("removed", path))
    return changes


Which = Callable[[str], str | None]


def refresh_caches(home: Path, which: Which = shutil.which) -> list[str]:
    """Update the launcher's and the icon theme's caches, as xdg-utils does, when the tools exist.

    Returns a line per tool run that failed (the files are in place either way: desktops
    also rescan these folders by themselves).
    """
    problems = []
    tools = [
        ("update-desktop-database", ["-q", str(home / "applications")]),
        # -t: a per-user hicolor folder has no index.theme of its own.
        ("gtk-update-icon-cache", ["-q", "-f", "-t", str(home / HICOLOR)]),
    ]
    for name, arguments in tools:
        program = which(name)
        if program is None:
            continue
        folder = Path(arguments[-1])
        if not folder.is_dir():
            continue
        done = subprocess.run([program, *arguments], capture_output=True, text=True, check=False)
        if done.returncode != 0:
            reason = (done.stderr or done.stdout).strip() or f"exit status {done.returncode}"
            problems.append(f"{name} could not update its cache in {folder}: {reason}")
    return problems
