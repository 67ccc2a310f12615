"""MPRIS on a private session bus: real clients (dbus-send, playerctl) drive a running session."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from jeepney import HeaderFields, MessageType
from jeepney.bus_messages import MatchRule, message_bus
from jeepney.io.blocking import DBusConnection, open_dbus_connection
from jeepney.low_level import Message
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui_support import (
    SHORT_WORKOUT,
    load,
    make_session,
    run_for,
    saved,
    timer_window,
    write_workout,
)
from workout_player.domain.clock import FakeClock
from workout_player.domain.session import SessionState
from workout_player.store import open_store
from workout_player.ui.player.mpris import BUS_NAME, MediaKeys, attach_mpris

PATH = "/org/mpris/MediaPlayer2"
ROOT = "org.mpris.MediaPlayer2"
PLAYER = "org.mpris.MediaPlayer2.Player"

needs_dbus = pytest.mark.skipif(
    shutil.which("dbus-daemon") is None or shutil.which("dbus-send") is None,
    reason="needs Debian's dbus package (make test installs it)",
)


@pytest.fixture
def session_bus(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A private dbus-daemon for this test; its address is the session bus."""
    daemon = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--nopidfile", "--print-address=1"],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert daemon.stdout is not None
    address = daemon.stdout.readline().strip()  # printed once it listens
    assert address, "dbus-daemon printed no address"
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
    yield address
    daemon.terminate()
    daemon.wait(timeout=30)
    daemon.stdout.close()


def client(qtbot: QtBot, *args: str) -> str:
    """Run a D-Bus client to its end while Qt's loop serves the app's side; its output."""
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    qtbot.waitUntil(lambda: proc.poll() is not None, timeout=30_000)
    out, err = proc.communicate()
    assert proc.returncode == 0, err
    return out


def dbus_call(qtbot: QtBot, method: str, *args: str, interface: str = PLAYER) -> str:
    return client(
        qtbot, "dbus-send", "--session", "--print-reply", f"--dest={BUS_NAME}", PATH,
        f"{interface}.{method}", *args,
    )  # fmt: skip


def get(qtbot: QtBot, prop: str, interface: str = PLAYER) -> str:
    return dbus_call(
        qtbot, "Get", f"string:{interface}", f"string:{prop}",
        interface="org.freedesktop.DBus.Properties",
    )  # fmt: skip


def start_session(qtbot: QtBot, tmp_path: Path):
    controller, screen, clock, _announcer = make_session(
        load(write_workout(tmp_path / "w", SHORT_WORKOUT))
    )
    qtbot.addWidget(screen)
    asked: list[bool] = []
    controller.start()
    service = attach_mpris(controller, on_stop=lambda: asked.append(True), on_raise=screen.show)
    return controller, clock, service, asked


class Listener:
    """A second bus connection watching the app's PropertiesChanged signals."""

    def __init__(self) -> None:
        self.conn: DBusConnection = open_dbus_connection("SESSION")
        rule = MatchRule(type="signal", interface="org.freedesktop.DBus.Properties", path=PATH)
        self.conn.send_and_get_reply(message_bus.AddMatch(rule))
        self.conn.sock.setblocking(False)
        self.signals: list[Message] = []

    def poll(self) -> list[Message]:
        try:
            data = self.conn.sock.recv(65536)
        except BlockingIOError:
            data = b""
        if data:
            self.conn.parser.add_data(data)
        while (msg := self.conn.parser.get_next_message()) is not None:
            if (
                msg.header.message_type == MessageType.signal
                and msg.header.fields.get(HeaderFields.member) == "PropertiesChanged"
            ):
                self.signals.append(msg)
        return self.signals

    def close(self) -> None:
        self.conn.close()


@needs_dbus
@pytest.mark.slow
def test_dbus_send_reads_metadata_and_drives_play_pause_and_next(
    qtbot: QtBot, tmp_path: Path, session_bus: str
) -> None:
    controller, clock, service, asked = start_session(qtbot, tmp_path)
    assert service is not None and service.bus_name == BUS_NAME
    run_for(controller, clock, 2.5)  # past the 2 s get-ready: the first hold
    assert controller.view().state == SessionState.WORK

    assert '"Playing"' in get(qtbot, "PlaybackStatus")
    meta = get(qtbot, "Metadata")
    assert 'string "Glute bridge"' in meta
    assert 'string "Two quick holds"' in meta  # the artist list names the workout
    assert 'object path "/io/github/workout_player/WorkoutPlayer/segment/' in meta
    segment = controller.view().segment
    assert segment is not None and segment.duration is not None
    assert f"int64 {round(segment.duration * 1_000_000)}" in meta
    position = get(qtbot, "Position")
    assert f"int64 {round(controller.view().segment_elapsed * 1_000_000)}" in position
    identity = get(qtbot, "DesktopEntry", interface=ROOT)
    assert '"io.github.workout_player.WorkoutPlayer"' in identity
    assert "boolean false" in get(qtbot, "CanQuit", interface=ROOT), "no quit was given"

    dbus_call(qtbot, "PlayPause")
    assert controller.session.paused
    assert '"Paused"' in get(qtbot, "PlaybackStatus")
    dbus_call(qtbot, "Play")
    assert not controller.session.paused
    dbus_call(qtbot, "Play")  # Play while playing stays playing
    assert not controller.session.paused

    index = controller.view().index
    dbus_call(qtbot, "Next")
    assert controller.view().index > index
    dbus_call(qtbot, "Previous")
    assert controller.view().index == index

    dbus_call(qtbot, "Stop")
    assert asked == [True] and not controller.is_finished, "Stop asks, like Esc"

    controller.end()
    names = client(
        qtbot, "dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.DBus",
        "/org/freedesktop/DBus", "org.freedesktop.DBus.ListNames",
    )  # fmt: skip
    assert BUS_NAME not in names


@needs_dbus
def test_properties_changed_follows_pause_and_the_next_exercise(
    qtbot: QtBot, tmp_path: Path, session_bus: str
) -> None:
    listener = Listener()
    try:
        controller, clock, service, _asked = start_session(qtbot, tmp_path)
        assert service is not None
        controller.toggle_pause()
        qtbot.waitUntil(lambda: len(listener.poll()) >= 1, timeout=30_000)
        interface, changed, invalidated = listener.signals[-1].body
        assert interface == PLAYER and invalidated == []
        assert changed["PlaybackStatus"] == ("s", "Paused")
        assert "Position" not in changed, "Position is read, never signalled"

        controller.toggle_pause()
        run_for(controller, clock, 2.5)  # the get-ready ends: a new track
        qtbot.waitUntil(
            lambda: any("Metadata" in m.body[1] for m in listener.poll()), timeout=30_000
        )
        meta = next(
            m.body[1]["Metadata"] for m in reversed(listener.signals) if "Metadata" in m.body[1]
        )
        sig, value = meta
        assert sig == "a{sv}"
        assert value["xesam:title"] == ("s", "Glute bridge")
        assert value["mpris:length"][0] == "x"
    finally:
        listener.close()


@needs_dbus
@pytest.mark.slow
@pytest.mark.skipif(shutil.which("playerctl") is None, reason="needs playerctl")
def test_playerctl_play_pause_pauses_a_running_window_session(
    qtbot: QtBot, tmp_path: Path, session_bus: str
) -> None:
    clock = FakeClock()
    window = timer_window(None, clock)
    qtbot.addWidget(window)
    window.open_path(write_workout(tmp_path, SHORT_WORKOUT))
    window.workout_page.start.click()
    controller = window.controller
    assert controller is not None and window.mpris is not None
    assert "Playing" in client(qtbot, "playerctl", "-p", "workout_player", "status")
    client(qtbot, "playerctl", "-p", "workout_player", "play-pause")
    assert controller.session.paused
    assert "Two quick holds" in client(
        qtbot, "playerctl", "-p", "workout_player", "metadata", "xesam:artist"
    )
    window.close()


@needs_dbus
@pytest.mark.slow
def test_mpris_quit_closes_the_window_and_stores_the_session_as_stopped(
    qtbot: QtBot, tmp_path: Path, session_bus: str
) -> None:
    clock = FakeClock()
    with open_store(tmp_path / "history.sqlite3") as store:
        window = timer_window(store, clock)
        qtbot.addWidget(window, before_close_func=lambda w: w.close_now())
        window.show()
        window.open_path(write_workout(tmp_path, SHORT_WORKOUT))
        window.workout_page.start.click()
        controller = window.controller
        assert controller is not None and window.mpris is not None
        run_for(controller, clock, 2 + 6 + 0.5)  # the bridge's set is done: resting
        session_id = saved(controller)

        assert "boolean true" in get(qtbot, "CanQuit", interface=ROOT)
        dbus_call(qtbot, "Quit", interface=ROOT)  # answered (dbus-send exits 0) before closing
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=30_000)
        assert controller.is_finished, "no question: Quit is deliberate, unlike a stray Stop"
        row = store.session(session_id)
        assert row is not None and row.status == "stopped"
        assert [(s.exercise, s.set) for s in store.sets(session_id)] == [("Glute bridge", 1)]
        names = client(
            qtbot, "dbus-send", "--session", "--print-reply", "--dest=org.freedesktop.DBus",
            "/org/freedesktop/DBus", "org.freedesktop.DBus.ListNames",
        )  # fmt: skip
        assert BUS_NAME not in names


def test_without_a_session_bus_the_session_runs_without_mpris(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    controller, clock, service, _asked = start_session(qtbot, tmp_path)
    assert service is None
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", f"unix:path={tmp_path / 'no-bus'}")
    assert attach_mpris(controller, on_stop=lambda: None, on_raise=lambda: None) is None
    run_for(controller, clock, 3.0)
    assert controller.view().state == SessionState.WORK


@pytest.mark.parametrize(
    ("key", "paused_after"),
    [
        (Qt.Key.Key_MediaTogglePlayPause, True),
        (Qt.Key.Key_MediaPause, True),
        (Qt.Key.Key_MediaPlay, False),
    ],
)
def test_media_keys_on_the_focused_screen_pause_and_play(
    qtbot: QtBot, tmp_path: Path, key: Qt.Key, paused_after: bool
) -> None:
    controller, screen, _clock, _announcer = make_session(
        load(write_workout(tmp_path / "w", SHORT_WORKOUT))
    )
    qtbot.addWidget(screen)
    controller.start()
    stops: list[bool] = []
    MediaKeys(screen, controller, lambda: stops.append(True))
    QApplication.sendEvent(
        screen, QKeyEvent(QKeyEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier)
    )
    assert controller.session.paused is paused_after
    index = controller.view().index
    QApplication.sendEvent(
        screen,
        QKeyEvent(QKeyEvent.Type.KeyPress, Qt.Key.Key_MediaNext, Qt.KeyboardModifier.NoModifier),
    )
    assert controller.view().index > index
    QApplication.sendEvent(
        screen,
        QKeyEvent(QKeyEvent.Type.KeyPress, Qt.Key.Key_MediaStop, Qt.KeyboardModifier.NoModifier),
    )
    assert stops == [True] and not controller.is_finished
