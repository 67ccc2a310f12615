"""The launcher entry: the app's id, and the .desktop, icon and AppStream files it ships.

Plain Python (no Qt): `workout-player install-desktop` copies these files into the person's
data folders (see `install.py`); the window takes its icon and desktop file name from here, so
the running app and its launcher entry match.
"""

from __future__ import annotations

from pathlib import Path

# Reverse-DNS id (AppStream and freedesktop): the .desktop file's name, the icon's name, the
# metainfo id and QGuiApplication.desktopFileName are all this one string.
APP_ID = "io.github.workout_player.WorkoutPlayer"

FILES_DIR = Path(__file__).resolve().parent / "files"

# Icon sizes drawn as PNG from the SVG (hicolor's <size>x<size>/apps folders).
PNG_SIZES = (48, 128, 256)


def desktop_entry_file() -> Path:
    return FILES_DIR / f"{APP_ID}.desktop"


def metainfo_file() -> Path:
    return FILES_DIR / f"{APP_ID}.metainfo.xml"


def icon_svg_file() -> Path:
    return FILES_DIR / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"


def icon_png_file(size: int) -> Path:
    return FILES_DIR / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
