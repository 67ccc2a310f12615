"""Choosing the player: VlcPlayer where libvlc can show video, TimerPlayer everywhere else."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from workout_player.playback._vlc import INSTALL_HINT, vlc_status
from workout_player.playback.player import Player
from workout_player.playback.timer_player import TimerPlayer
from workout_player.playback.vlc_player import VlcPlayer

WAYLAND_PROBLEM = (
    "Video cannot be shown inside the window under Wayland; exercises run on the timer. "
    "Start Workout Player with QT_QPA_PLATFORM=xcb (needs XWayland)."
)


def create_player(parent: QWidget | None = None) -> Player:
    """A VlcPlayer when libvlc can show video here, else a TimerPlayer whose .problem says why."""
    usable, message = vlc_status()
    if not usable:
        return TimerPlayer(parent, problem=message)
    if QGuiApplication.platformName() == "wayland":
        return TimerPlayer(parent, problem=WAYLAND_PROBLEM)
    try:
        return VlcPlayer(parent)
    except Exception as exc:  # libvlc imports but cannot make a player: run on the timer
        return TimerPlayer(
            parent, problem=f"Video is off: VLC could not start a player ({exc}). {INSTALL_HINT}"
        )
