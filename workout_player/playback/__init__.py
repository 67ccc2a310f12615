"""Video playback: the only package that imports vlc.

create_player() gives a VlcPlayer (libvlc embedded in a Qt widget) when libvlc works, else a
QtPlayer (QtMultimedia's FFmpeg backend), else a TimerPlayer that runs the same interface on a
clock and shows why there is no video.
probe_length()/probe_media() read a file's length without Qt. Call prefer_xcb() before
creating the QApplication.

Everything but prefer_xcb() is imported on first use: `workout-player plan` can probe a video
length without paying for Qt's start-up, and the window, which calls prefer_xcb() before its
first paint, pays for no ctypes, libvlc lookup or thread pool until its warm-up needs them.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from workout_player.playback._vlc import NO_VLC_ENV, vlc_status
    from workout_player.playback.factory import create_player
    from workout_player.playback.player import Player
    from workout_player.playback.probe import MediaInfo, prefetch, probe_length, probe_media
    from workout_player.playback.qt_player import QtPlayer
    from workout_player.playback.surface import VideoSurface
    from workout_player.playback.timer_player import TimerPlayer
    from workout_player.playback.vlc_player import VlcPlayer

_LAZY = {
    "NO_VLC_ENV": "_vlc",
    "vlc_status": "_vlc",
    "MediaInfo": "probe",
    "prefetch": "probe",
    "probe_length": "probe",
    "probe_media": "probe",
    "create_player": "factory",
    "Player": "player",
    "QtPlayer": "qt_player",
    "VideoSurface": "surface",
    "TimerPlayer": "timer_player",
    "VlcPlayer": "vlc_player",
}


def prefer_xcb() -> bool:
    """Choose Qt's X11 platform under Wayland, where libvlc cannot embed its video.

    Call before QApplication is created. Only acts on Linux when the person has not chosen a
    platform (QT_QPA_PLATFORM unset) and XWayland is there (DISPLAY set). Returns True when
    it set QT_QPA_PLATFORM=xcb.
    """
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    if os.environ.get("WAYLAND_DISPLAY") and os.environ.get("DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "xcb"
        return True
    return False


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)


__all__ = [
    "NO_VLC_ENV",
    "MediaInfo",
    "Player",
    "QtPlayer",
    "TimerPlayer",
    "VideoSurface",
    "VlcPlayer",
    "create_player",
    "prefer_xcb",
    "prefetch",
    "probe_length",
    "probe_media",
    "vlc_status",
]
