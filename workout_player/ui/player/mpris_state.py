"""What the MPRIS interfaces say about a session, as jeepney (signature, value) pairs.

Plain functions of a SessionView, so the mapping is tested without a bus. Times go out in
microseconds (`x`), the track id as an object path (`o`), as the MPRIS spec asks.
"""

from __future__ import annotations

from typing import Any

from workout_player.domain.session import SessionView

PATH = "/org/mpris/MediaPlayer2"
ROOT = "org.mpris.MediaPlayer2"
PLAYER = "org.mpris.MediaPlayer2.Player"
INTERFACES = (ROOT, PLAYER)
DESKTOP_ENTRY = "io.github.workout_player.WorkoutPlayer"
IDENTITY = "Workout Player"
TRACK_PREFIX = "/io/github/workout_player/WorkoutPlayer/segment/"
NO_TRACK = "/org/mpris/MediaPlayer2/TrackList/NoTrack"

Props = dict[str, tuple[str, Any]]


def microseconds(seconds: float | None) -> int:
    return max(0, round((seconds or 0.0) * 1_000_000))


def playback_status(view: SessionView, *, started: bool) -> str:
    if view.finished or not started:
        return "Stopped"
    return "Paused" if view.paused else "Playing"


def metadata(view: SessionView, workout_title: str) -> dict[str, tuple[str, Any]]:
    """The current stretch of the plan as a track: exercise, workout, planned length."""
    segment = view.segment
    if segment is None or view.finished:
        return {"mpris:trackid": ("o", NO_TRACK)}
    meta: dict[str, tuple[str, Any]] = {
        "mpris:trackid": ("o", f"{TRACK_PREFIX}{view.index}"),
        "xesam:title": ("s", segment.exercise or "Rest"),
        "xesam:artist": ("as", [workout_title]),
        "xesam:album": ("s", workout_title),
    }
    if segment.duration is not None:  # a self-paced set has no planned length
        meta["mpris:length"] = ("x", microseconds(segment.duration))
    return meta


def player_properties(
    view: SessionView, workout_title: str, *, started: bool, volume: float
) -> Props:
    running = started and not view.finished
    return {
        "PlaybackStatus": ("s", playback_status(view, started=started)),
        "LoopStatus": ("s", "None"),
        "Rate": ("d", 1.0),
        "Shuffle": ("b", False),
        "Metadata": ("a{sv}", metadata(view, workout_title)),
        "Volume": ("d", float(volume)),
        "Position": ("x", microseconds(view.segment_elapsed if running else 0.0)),
        "MinimumRate": ("d", 1.0),
        "MaximumRate": ("d", 1.0),
        "CanGoNext": ("b", running),
        "CanGoPrevious": ("b", running),
        "CanPlay": ("b", running),
        "CanPause": ("b", running),
        "CanSeek": ("b", False),
        "CanControl": ("b", True),
    }


def root_properties(*, can_quit: bool) -> Props:
    return {
        "CanQuit": ("b", can_quit),
        "CanRaise": ("b", True),
        "CanSetFullscreen": ("b", False),
        "Fullscreen": ("b", False),
        "HasTrackList": ("b", False),
        "Identity": ("s", IDENTITY),
        "DesktopEntry": ("s", DESKTOP_ENTRY),
        "SupportedUriSchemes": ("as", []),
        "SupportedMimeTypes": ("as", []),
    }


def _property_xml(props: Props) -> str:
    # All read-only here: Set answers PropertyReadOnly (volume and rate belong to the app).
    return "".join(
        f'<property name="{name}" type="{sig}" access="read"/>' for name, (sig, _v) in props.items()
    )


_ROOT_METHODS = '<method name="Raise"/><method name="Quit"/>'
_PLAYER_METHODS = (
    '<method name="Next"/><method name="Previous"/><method name="Pause"/>'
    '<method name="PlayPause"/><method name="Stop"/><method name="Play"/>'
    '<method name="Seek"><arg name="Offset" type="x" direction="in"/></method>'
    '<method name="SetPosition"><arg name="TrackId" type="o" direction="in"/>'
    '<arg name="Position" type="x" direction="in"/></method>'
    '<method name="OpenUri"><arg name="Uri" type="s" direction="in"/></method>'
    '<signal name="Seeked"><arg name="Position" type="x"/></signal>'
)
_PROPERTIES_IFACE = (
    '<interface name="org.freedesktop.DBus.Properties">'
    '<method name="Get"><arg type="s" direction="in"/><arg type="s" direction="in"/>'
    '<arg type="v" direction="out"/></method>'
    '<method name="GetAll"><arg type="s" direction="in"/><arg type="a{sv}" direction="out"/>'
    "</method>"
    '<method name="Set"><arg type="s" direction="in"/><arg type="s" direction="in"/>'
    '<arg type="v" direction="in"/></method>'
    '<signal name="PropertiesChanged"><arg type="s"/><arg type="a{sv}"/><arg type="as"/>'
    "</signal></interface>"
    '<interface name="org.freedesktop.DBus.Introspectable">'
    '<method name="Introspect"><arg type="s" direction="out"/></method></interface>'
    '<interface name="org.freedesktop.DBus.Peer"><method name="Ping"/></interface>'
)


def _introspection() -> str:
    root = root_properties(can_quit=False)
    player_names = {
        "PlaybackStatus": "s", "LoopStatus": "s", "Rate": "d", "Shuffle": "b",
        "Metadata": "a{sv}", "Volume": "d", "Position": "x", "MinimumRate": "d",
        "MaximumRate": "d", "CanGoNext": "b", "CanGoPrevious": "b", "CanPlay": "b",
        "CanPause": "b", "CanSeek": "b", "CanControl": "b",
    }  # fmt: skip
    player: Props = {name: (sig, None) for name, sig in player_names.items()}
    return (
        '<!DOCTYPE node PUBLIC "-//freedesktop//DTD D-BUS Object Introspection 1.0//EN" '
        '"http://www.freedesktop.org/standards/dbus/1.0/introspect.dtd">'
        f'<node name="{PATH}">{_PROPERTIES_IFACE}'
        f'<interface name="{ROOT}">{_ROOT_METHODS}{_property_xml(root)}</interface>'
        f'<interface name="{PLAYER}">{_PLAYER_METHODS}{_property_xml(player)}</interface>'
        "</node>"
    )


INTROSPECTION = _introspection()
