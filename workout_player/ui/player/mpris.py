"""MPRIS: the running session as a D-Bus media player (media keys, playerctl, phone remotes).

While a session runs the app owns `org.mpris.MediaPlayer2.workout_player` on the session bus
and serves /org/mpris/MediaPlayer2. The "track" is the current stretch of the plan (get ready,
a set, a rest): its title is the exercise, its artist the workout, its length and the position
come from the plan. Play, Pause, PlayPause, Next and Previous call the controller's own methods;
Stop asks "End session?" on screen, like Esc, because a stray press on a phone must not end a
session (the person confirms with Enter, or carries on). Quit (CanQuit) closes the app as a
logout does: the session is stored as stopped, then the window closes; asking to quit the
whole player is a deliberate act, unlike a stray Stop.

Why jeepney and not QtDBus: PySide6 cannot say which D-Bus type a Python value is sent as
(QDBusArgument's typed `<<` operators are not bound, and an int goes out as `i`), while MPRIS
needs `x` for mpris:length and Position and `o` for mpris:trackid inside `a{sv}` variants;
clients such as playerctl drop values of the wrong type. jeepney (pure Python, no C parts)
marshals with explicit signatures; its socket is read from Qt's event loop through a
QSocketNotifier, so everything runs in the GUI thread and nothing blocks after the start.

Without a session bus (or with a bus that refuses), `attach_mpris` returns None and the app
carries on without it.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from typing import Any

from jeepney import DBusAddress, HeaderFields, MessageType, new_error, new_method_return
from jeepney import new_signal as _new_signal
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import DBusConnection, open_dbus_connection
from jeepney.low_level import Message, MessageFlag
from jeepney.wrappers import DBusErrorResponse
from PySide6.QtCore import QEvent, QObject, QSocketNotifier, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

from workout_player.ui.player.controller import SessionController
from workout_player.ui.player.mpris_state import (
    INTERFACES,
    INTROSPECTION,
    PATH,
    PLAYER,
    ROOT,
    player_properties,
    root_properties,
)

log = logging.getLogger(__name__)

BUS_NAME = "org.mpris.MediaPlayer2.workout_player"
PROPERTIES = "org.freedesktop.DBus.Properties"
_DO_NOT_QUEUE = 4
_PRIMARY_OWNER = 1


class MprisService(QObject):
    """Serves the MPRIS interfaces for one SessionController over a jeepney connection.

    Made by `attach_mpris`; closes itself (releasing the name) when the session finishes.
    `on_stop` is what Stop does (the screen's "End session?" question); `on_raise` shows
    the window.
    """

    def __init__(
        self,
        connection: DBusConnection,
        controller: SessionController,
        *,
        on_stop: Callable[[], None],
        on_raise: Callable[[], None],
        on_quit: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(controller)
        self.bus_name: str | None = None
        self._connection: DBusConnection | None = connection
        self._controller = controller
        self._on_stop = on_stop
        self._on_raise = on_raise
        self._on_quit = on_quit
        self._emitter = DBusAddress(PATH, interface=PROPERTIES)
        self._notifier = QSocketNotifier(connection.sock.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._read)
        self._last = self._player_props()
        controller.updated.connect(self._announce_changes)
        controller.finished.connect(self._finished)

    # -- state ---------------------------------------------------------------------------------

    def _player_props(self) -> dict[str, tuple[str, Any]]:
        c = self._controller
        return player_properties(
            c.view(),
            c.workout.title,
            started=c.session.started,
            volume=c.settings.volume / 100.0,
        )

    def _properties(self, interface: str) -> dict[str, tuple[str, Any]] | None:
        if interface == ROOT:
            return root_properties(can_quit=self._on_quit is not None)
        if interface == PLAYER:
            return self._player_props()
        return None

    def _announce_changes(self) -> None:
        """PropertiesChanged for what moved since the last update (Position is never sent)."""
        now = self._player_props()
        changed = {
            key: value
            for key, value in now.items()
            if key != "Position" and self._last.get(key) != value
        }
        self._last = now
        if changed:
            self._send(
                _new_signal(self._emitter, "PropertiesChanged", "sa{sv}as", (PLAYER, changed, []))
            )

    def _finished(self, _completed: bool) -> None:
        self._announce_changes()  # "Stopped", so remotes show the end before the player goes
        self.close()

    # -- the wire ------------------------------------------------------------------------------

    def request_name(self) -> bool:
        """Own BUS_NAME (or BUS_NAME.instance<pid> when another copy has it, as MPRIS says)."""
        for name in (BUS_NAME, f"{BUS_NAME}.instance{os.getpid()}"):
            if self._call_bus(message_bus.RequestName(name, _DO_NOT_QUEUE)) == _PRIMARY_OWNER:
                self.bus_name = name
                self._read_buffered()
                return True
        return False

    def _call_bus(self, message: Message) -> int | None:
        assert self._connection is not None
        try:
            reply = self._connection.send_and_get_reply(message, timeout=2.0)
        except (OSError, TimeoutError, DBusErrorResponse) as exc:
            log.info("MPRIS is off: the session bus did not answer (%s)", exc)
            return None
        body = reply.body
        return int(body[0]) if body else None

    def _send(self, message: Message) -> None:
        if self._connection is None:
            return
        try:
            self._connection.send(message)
        except OSError as exc:
            log.info("MPRIS is off: the session bus went away (%s)", exc)
            self.close()

    def _read(self) -> None:
        connection = self._connection
        if connection is None:
            return
        try:
            data = connection.sock.recv(65536)
        except BlockingIOError:
            return
        except OSError as exc:
            log.info("MPRIS is off: the session bus went away (%s)", exc)
            self.close()
            return
        if not data:
            self.close()
            return
        connection.parser.add_data(data)
        self._read_buffered()

    def _read_buffered(self) -> None:
        """Answer the calls already read off the socket (some arrive with a reply we awaited)."""
        connection = self._connection
        while (
            connection is not None
            and self._connection is not None
            and (message := connection.parser.get_next_message())
        ):
            if message.header.message_type == MessageType.method_call:
                self._dispatch(message)

    def _dispatch(self, call: Message) -> None:
        fields = call.header.fields
        interface = fields.get(HeaderFields.interface, "")
        member = fields.get(HeaderFields.member, "")
        reply = self._answer(call, interface, member)
        if reply is not None and not call.header.flags & MessageFlag.no_reply_expected:
            self._send(reply)

    def _answer(self, call: Message, interface: str, member: str) -> Message | None:
        if fields_path(call) != PATH:
            return new_error(
                call, "org.freedesktop.DBus.Error.UnknownObject", "s", ("No such object",)
            )
        if interface == "org.freedesktop.DBus.Introspectable" and member == "Introspect":
            return new_method_return(call, "s", (INTROSPECTION,))
        if interface == "org.freedesktop.DBus.Peer" and member == "Ping":
            return new_method_return(call)
        if interface == PROPERTIES:
            return self._answer_properties(call, member)
        action = self._actions().get((interface, member))
        if action is None:
            return new_error(
                call, "org.freedesktop.DBus.Error.UnknownMethod", "s", (f"No method {member}",)
            )
        action()
        return new_method_return(call)

    def _answer_properties(self, call: Message, member: str) -> Message:
        args = call.body
        props = self._properties(args[0]) if args else None
        if props is None:
            return new_error(call, "org.freedesktop.DBus.Error.UnknownInterface", "s", ("",))
        if member == "GetAll":
            return new_method_return(call, "a{sv}", (props,))
        if member == "Get" and len(args) >= 2 and args[1] in props:
            return new_method_return(call, "v", (props[args[1]],))
        if member == "Set":
            return new_error(
                call, "org.freedesktop.DBus.Error.PropertyReadOnly", "s", ("Read-only",)
            )
        return new_error(call, "org.freedesktop.DBus.Error.UnknownProperty", "s", ("",))

    def _actions(self) -> dict[tuple[str, str], Callable[[], None]]:
        c = self._controller
        return {
            (ROOT, "Raise"): self._on_raise,
            (ROOT, "Quit"): self._on_quit or (lambda: None),
            (PLAYER, "PlayPause"): c.toggle_pause,
            (PLAYER, "Play"): lambda: _play(c),
            (PLAYER, "Pause"): lambda: _pause(c),
            (PLAYER, "Next"): c.next,
            (PLAYER, "Previous"): c.previous,
            (PLAYER, "Stop"): self._on_stop,
            # The plan has no free seeking (CanSeek is false): these do nothing, as MPRIS says.
            (PLAYER, "Seek"): lambda: None,
            (PLAYER, "SetPosition"): lambda: None,
            (PLAYER, "OpenUri"): lambda: None,
        }

    def close(self) -> None:
        """Let go of the name and the connection; safe to repeat."""
        connection, self._connection = self._connection, None
        if connection is None:
            return
        self._notifier.setEnabled(False)
        try:
            if self.bus_name is not None:
                connection.send(message_bus.ReleaseName(self.bus_name))
        except OSError:
            pass  # the bus is gone: so is the name
        connection.close()


def _play(controller: SessionController) -> None:
    """Play resumes a paused session and leaves a running one alone (PlayPause toggles)."""
    if controller.session.paused:
        controller.toggle_pause()


def _pause(controller: SessionController) -> None:
    if not controller.session.paused:
        controller.toggle_pause()


def fields_path(message: Message) -> str:
    return str(message.header.fields.get(HeaderFields.path, ""))


def attach_mpris(
    controller: SessionController,
    *,
    on_stop: Callable[[], None],
    on_raise: Callable[[], None],
    on_quit: Callable[[], None] | None = None,
) -> MprisService | None:
    """Publish `controller`'s session over MPRIS; None when there is no session bus to use."""
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return None  # jeepney knows no other way to find the bus (no X11 autolaunch)
    try:
        connection = open_dbus_connection("SESSION", auth_timeout=1.0)
    except (OSError, TimeoutError, RuntimeError, ValueError, KeyError) as exc:
        # RuntimeError/ValueError: jeepney's words for an address or transport it cannot use.
        log.info("MPRIS is off: no session bus to join (%s)", exc)
        return None
    service = MprisService(
        connection, controller, on_stop=on_stop, on_raise=on_raise, on_quit=on_quit
    )
    if not service.request_name():
        service.close()
        service.deleteLater()
        return None
    return service


class MediaKeys(QObject):
    """Qt's media key events on the player screen (the way on Windows, macOS, and Linux
    desktops that give the keys to the focused window rather than to MPRIS)."""

    def __init__(
        self, screen: QWidget, controller: SessionController, on_stop: Callable[[], None]
    ) -> None:
        super().__init__(screen)
        c = controller
        self._actions: dict[int, Callable[[], None]] = {
            Qt.Key.Key_MediaTogglePlayPause: c.toggle_pause,
            Qt.Key.Key_MediaPlay: lambda: _play(c),
            Qt.Key.Key_MediaPause: lambda: _pause(c),
            Qt.Key.Key_MediaNext: c.next,
            Qt.Key.Key_MediaPrevious: c.previous,
            Qt.Key.Key_MediaStop: on_stop,
        }
        screen.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            action = self._actions.get(event.key())
            if action is not None:
                action()
                return True
        return super().eventFilter(watched, event)


def attach_remote(
    controller: SessionController,
    screen: QWidget,
    window: QWidget,
    ask_end: Callable[[], None],
    close_now: Callable[[], object] | None = None,
) -> MprisService | None:
    """Media keys on `screen` and, where there is a session bus, MPRIS; the one wiring point.

    With `close_now` (the window's), MPRIS Quit closes the app as a logout does: the
    session is stored as stopped, without the question (CanQuit is then true)."""

    def show_window() -> None:
        window.showNormal() if window.isMinimized() else window.show()
        window.raise_()
        window.activateWindow()

    def quit_app() -> None:
        # After the reply has gone out: closing ends the session, and with it this
        # service's connection.
        if close_now is not None:
            QTimer.singleShot(0, window, close_now)

    MediaKeys(screen, controller, ask_end)
    on_quit = quit_app if close_now is not None else None
    return attach_mpris(controller, on_stop=ask_end, on_raise=show_window, on_quit=on_quit)


__all__ = ["BUS_NAME", "INTERFACES", "MediaKeys", "MprisService", "attach_mpris", "attach_remote"]
