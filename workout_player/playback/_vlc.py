"""The one place that imports python-vlc, guarded, and the app's shared libvlc instance.

Without libvlc the app still runs on the timer, so nothing here may raise:
every failure becomes a message that tells the person what to install.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from types import ModuleType
from typing import Any

from workout_player.playback.quiet import libvlc_args, quiet_sound_libraries

log = logging.getLogger(__name__)

#: Set to 1 to force the timer-only player (tests, and to try the fallback by hand).
NO_VLC_ENV = "WORKOUT_PLAYER_NO_VLC"

# Options every instance gets. Why each one:
#   --no-xlib        Qt does not call XInitThreads before libvlc's Xlib outputs would need it;
#                    the xcb outputs work without Xlib and cannot crash on it.
#   --ignore-config  a person's own vlcrc (e.g. a fixed window size or a network
#                    extension) must not change how the app behaves.
#   --no-lua, --no-metadata-network-access
#                    nothing ever reaches the network: no art or metadata fetchers.
#   --file-caching=100
#                    local files only need a short read-ahead; libvlc's 300 ms default
#                    holds ~9 more decoded 720p pictures (~13 MB) queued and shows the
#                    first picture later. Workout videos are local files.
#   the rest         no title, subtitles, snapshot previews or on-screen display drawn over
#                    the exercise, and no stats or media library work.
#   (verbosity)      --quiet, or libvlc's errors and warnings with --verbose: see quiet.py.
BASE_ARGS: tuple[str, ...] = (
    "--ignore-config",
    "--no-xlib",
    "--file-caching=100",
    "--no-video-title-show",
    "--no-sub-autodetect-file",
    "--no-snapshot-preview",
    "--no-osd",
    "--no-lua",
    "--no-metadata-network-access",
    "--no-stats",
    "--no-media-library",
)

INSTALL_HINT = (
    "Install VLC: sudo apt install vlc (Linux), or VLC from videolan.org (macOS/Windows, "
    "the same 64-bit build as Python), then start Workout Player again."
)

_lock = threading.Lock()
_module: ModuleType | None = None
_import_error: str | None = None
_imported = False
_instance: Any = None
_instance_error: str | None = None
_instance_tried = False


def forced_off() -> bool:
    """True when WORKOUT_PLAYER_NO_VLC asks for the timer-only player."""
    return os.environ.get(NO_VLC_ENV, "").strip().lower() not in ("", "0", "false", "no")


def _import() -> tuple[ModuleType | None, str | None]:
    global _module, _import_error, _imported
    with _lock:
        if not _imported:
            _imported = True
            try:
                import vlc

                _module = vlc
            # python-vlc raises ImportError (not installed), OSError (broken library),
            # NotImplementedError (libvlc not found), NameError (old bindings on a new
            # Python) and even SystemExit (bad PYTHON_VLC_LIB_PATH): none may stop the app.
            except (Exception, SystemExit) as exc:
                _import_error = f"{type(exc).__name__}: {exc}"
                log.info("python-vlc could not be imported: %s", _import_error)
        return _module, _import_error


def vlc_module() -> ModuleType | None:
    """The vlc module, or None when it cannot be used (forced off or not importable)."""
    if forced_off():
        return None
    return _import()[0]


def _video_args() -> list[str]:
    """Output options that depend on where the video would be shown."""
    platform = _qt_platform()
    if platform in ("offscreen", "minimal"):
        # No window to draw into: decode and drop the frames, so events and time still flow.
        return ["--vout=vdummy"]
    return []


def _qt_platform() -> str:
    """The Qt platform in use (or about to be), without importing Qt for the CLI."""
    gui = sys.modules.get("PySide6.QtGui")
    if gui is not None:
        app = gui.QGuiApplication.instance()
        if app is not None:
            return str(gui.QGuiApplication.platformName())
    return os.environ.get("QT_QPA_PLATFORM", "")


def shared_instance() -> Any:
    """The process's single libvlc instance, created on first use; None when unavailable."""
    global _instance, _instance_error, _instance_tried
    vlc = vlc_module()
    if vlc is None:
        return None
    with _lock:
        if not _instance_tried:
            _instance_tried = True
            args = [*libvlc_args(), *BASE_ARGS, *_video_args()]
            quiet_sound_libraries()  # before libvlc can open a sound device
            try:
                # Returns None when libvlc starts but finds no plugins (broken install,
                # wrong VLC_PLUGIN_PATH); can raise on very old bindings.
                _instance = vlc.Instance(args)
            except Exception as exc:
                _instance = None
                _instance_error = f"{type(exc).__name__}: {exc}"
            if _instance is None and _instance_error is None:
                _instance_error = "libvlc started without its plugins"
        return _instance


def vlc_status() -> tuple[bool, str | None]:
    """(usable, message): the message says why video is off and what to do about it."""
    if forced_off():
        return False, (
            f"Video is off because {NO_VLC_ENV} is set; exercises run on the timer. "
            f"Unset {NO_VLC_ENV} to play videos."
        )
    vlc, error = _import()
    if vlc is None:
        return False, f"Video is off: libvlc was not found ({error}). {INSTALL_HINT}"
    if shared_instance() is None:
        return False, (
            f"Video is off: VLC is installed but could not start ({_instance_error}). "
            "Reinstall VLC with its plugins (sudo apt install --reinstall vlc-plugin-base "
            "vlc-plugin-video-output on Linux), or unset VLC_PLUGIN_PATH if you set it."
        )
    return True, None


def release_shared_instance() -> None:
    """Release the shared instance (at exit, after every player was closed)."""
    global _instance, _instance_tried, _instance_error
    with _lock:
        if _instance is not None:
            _instance.release()
        _instance = None
        _instance_error = None
        _instance_tried = False


def reset_for_tests() -> None:
    """Forget the cached import and instance so a test can simulate another machine."""
    global _module, _import_error, _imported
    release_shared_instance()
    with _lock:
        _module = None
        _import_error = None
        _imported = False
