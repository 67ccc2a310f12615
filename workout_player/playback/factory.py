"""Choosing the player: libvlc where it can show video, else QtMultimedia, else the timer.

`WORKOUT_PLAYER_BACKEND=vlc|qt|timer` forces one (a forced backend that cannot start falls
back to the timer with a banner saying why). Unset, the app takes VlcPlayer when libvlc
starts, QtPlayer when it does not or on a native Wayland session (libvlc cannot embed there),
and the TimerPlayer, with a banner, only when neither can play.
"""

from __future__ import annotations

import logging
import os

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from workout_player.playback._vlc import INSTALL_HINT, vlc_status
from workout_player.playback.player import Player
from workout_player.playback.timer_player import TimerPlayer

log = logging.getLogger(__name__)

BACKEND_ENV = "WORKOUT_PLAYER_BACKEND"
BACKENDS = ("vlc", "qt", "timer")

WAYLAND_PROBLEM = (
    "Video cannot be shown inside the window under Wayland; exercises run on the timer. "
    "Start Workout Player with QT_QPA_PLATFORM=xcb (needs XWayland)."
)
TIMER_PROBLEM = (
    f"Video is off because {BACKEND_ENV}=timer is set; exercises run on the timer. "
    f"Unset {BACKEND_ENV} to play videos."
)


def forced_backend() -> str | None:
    """The backend WORKOUT_PLAYER_BACKEND names, None when unset (or not one we know)."""
    value = os.environ.get(BACKEND_ENV, "").strip().lower()
    if value and value not in BACKENDS:
        log.warning("%s=%s is not one of %s; choosing by itself", BACKEND_ENV, value, BACKENDS)
    return value if value in BACKENDS else None


def create_player(parent: QWidget | None = None) -> Player:
    """The best player that can show video here; a TimerPlayer whose .problem says why not."""
    forced = forced_backend()
    if forced == "timer":
        return TimerPlayer(parent, problem=TIMER_PROBLEM)
    vlc_problem: str | None = None
    if forced != "qt":
        player, vlc_problem = _vlc_player(parent)
        if player is not None:
            return player
        if forced == "vlc":
            return TimerPlayer(parent, problem=vlc_problem)
    player, qt_problem = _qt_player(parent)
    if player is not None:
        return player
    return TimerPlayer(parent, problem=" ".join(p for p in (vlc_problem, qt_problem) if p))


def _vlc_player(parent: QWidget | None) -> tuple[Player | None, str | None]:
    usable, message = vlc_status()
    if not usable:
        return None, message
    if QGuiApplication.platformName() == "wayland":
        return None, WAYLAND_PROBLEM
    from workout_player.playback.vlc_player import VlcPlayer

    try:
        return VlcPlayer(parent), None
    except Exception as exc:  # libvlc imports but cannot make a player: any failure, try Qt
        return None, f"Video is off: VLC could not start a player ({exc}). {INSTALL_HINT}"


def _qt_player(parent: QWidget | None) -> tuple[Player | None, str | None]:
    try:
        from workout_player.playback.qt_player import QtPlayer, qt_status
    except ImportError as exc:  # a PySide6 without QtMultimedia (a trimmed install)
        return None, f"Qt's video player is missing too ({exc}); reinstall PySide6."
    usable, message = qt_status()
    if not usable:
        return None, f"{message} Reinstall PySide6 (pip install --force-reinstall PySide6)."
    return QtPlayer(parent), None
