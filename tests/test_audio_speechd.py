"""A speech-dispatcher that hangs turns the voice off; it never freezes the app.

Qt's speechd engine connects with a blocking connect() in QTextToSpeech's
constructor: a service whose listen queue is full (it stopped accepting) would
block the app at its first paint for good. These tests make such a service with a
real Unix socket that is never accepted from, its queue filled by one waiting
client, exactly what a stuck speech-dispatcher looks like from outside.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from workout_player.audio import speechd


def _socket_path(runtime: Path) -> Path:
    folder = runtime / "speech-dispatcher"
    folder.mkdir(parents=True)
    return folder / "speechd.sock"


@pytest.fixture
def runtime(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    # Short: a Unix socket path must fit in 108 bytes.
    monkeypatch.delenv("SPEECHD_ADDRESS", raising=False)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    return tmp_path


@pytest.fixture
def stuck_service(runtime: Path) -> Iterator[Path]:
    """A socket that listens but never accepts, with its queue already full."""
    path = _socket_path(runtime)
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    server.listen(0)
    waiting = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    waiting.setblocking(False)
    assert waiting.connect_ex(str(path)) == 0  # takes the one place in the queue
    try:
        yield path
    finally:
        waiting.close()
        server.close()


def test_a_stuck_service_is_not_answering(stuck_service: Path) -> None:
    assert speechd.socket_address() == (socket.AF_UNIX, str(stuck_service))
    assert speechd.not_answering(timeout=0.05) is True


def test_a_service_that_replies_is_answering(runtime: Path) -> None:
    path = _socket_path(runtime)
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    server.listen(8)
    heard: list[bytes] = []

    def serve() -> None:
        conn, _ = server.accept()
        with conn:
            heard.append(conn.recv(256))
            conn.sendall(b"208 OK CLIENT NAME SET\r\n")
            heard.append(conn.recv(256))

    thread = threading.Thread(target=serve)
    thread.start()
    try:
        assert speechd.not_answering(timeout=10) is False
    finally:
        thread.join(timeout=10)
        server.close()
    assert heard == [b"SET SELF CLIENT_NAME user:workout_player:probe\r\n", b"QUIT\r\n"]


def test_a_service_that_accepts_but_never_replies_is_not_answering(runtime: Path) -> None:
    # The connection completes (the kernel queues it) but nobody reads or writes: what a
    # speech-dispatcher stuck in its output module looks like after its first client.
    path = _socket_path(runtime)
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    server.listen(8)
    try:
        assert speechd.not_answering(timeout=0.05) is True
    finally:
        server.close()


def test_no_socket_yet_is_left_to_libspeechd(runtime: Path) -> None:
    assert not (runtime / "speech-dispatcher" / "speechd.sock").exists()
    assert speechd.not_answering() is False


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("unix_socket:/run/x/speechd.sock", (socket.AF_UNIX, "/run/x/speechd.sock")),
        ("inet_socket:127.0.0.1:6560", (socket.AF_INET, ("127.0.0.1", 6560))),
        ("inet_socket::6560", (socket.AF_INET, ("127.0.0.1", 6560))),
        ("inet_socket:host:port", None),
    ],
)
def test_speechd_address_is_read_as_libspeechd_does(
    monkeypatch: pytest.MonkeyPatch, address: str, expected: object
) -> None:
    monkeypatch.setenv("SPEECHD_ADDRESS", address)
    assert speechd.socket_address() == expected


@pytest.mark.slow
def test_the_announcer_turns_the_voice_off_instead_of_hanging(
    qtbot: QtBot, stuck_service: Path
) -> None:
    from workout_player.audio.announcer import QtAnnouncer, default_engine

    if default_engine() != "speechd":
        pytest.skip("Qt's speechd engine with libspeechd is needed (make test installs it)")
    announcer = QtAnnouncer(engine="speechd")
    assert announcer.voice_problem == speechd.NOT_ANSWERING
    announcer.say("Bird dog")  # no engine: silently nothing, never a block
    announcer.beep("count")


class Service:
    """speechd's functions for an announcer that starts the service itself, on a fake socket."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, folder: Path, answers: bool) -> None:
        from workout_player.audio import announcer as announcer_module

        self.socket = folder / "speechd.sock"
        self.answers = answers
        self.spawned: list[Path] = []
        self.made: list[str] = []
        monkeypatch.setattr(speechd, "missing_socket", lambda: self.socket)
        monkeypatch.setattr(speechd, "spawn", lambda path: self.spawned.append(path) or True)
        monkeypatch.setattr(speechd, "not_answering", lambda: not self.answers)
        monkeypatch.setattr(announcer_module.QtAnnouncer, "_make_voice", self._made)

    def _made(self, name: str) -> None:  # bound already: the announcer is not passed
        self.made.append(name)


def test_the_service_the_app_starts_is_waited_for_off_the_gui_thread(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from workout_player.audio.announcer import QtAnnouncer

    service = Service(monkeypatch, tmp_path, answers=True)
    announcer = QtAnnouncer(engine="speechd", sound_dir=tmp_path)  # returns at once
    assert service.spawned == [service.socket] and service.made == []
    announcer.say("Get ready")  # kept until the engine is there
    assert announcer._pending is not None and announcer._pending[0] == "Get ready"
    service.socket.touch()  # the service is up
    qtbot.waitUntil(lambda: service.made == ["speechd"])


@pytest.mark.parametrize("answers", [False, True])
def test_a_service_that_hangs_or_never_comes_turns_the_voice_off(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, answers: bool
) -> None:
    from workout_player.audio import announcer as announcer_module

    service = Service(monkeypatch, tmp_path, answers=answers)
    if answers:  # never comes: the deadline passes with no socket
        monkeypatch.setattr(announcer_module, "SPAWN_WAIT_SECONDS", 0.0)
    else:  # comes, but does not answer
        service.socket.touch()
    announcer = announcer_module.QtAnnouncer(engine="speechd", sound_dir=tmp_path)
    if announcer.voice_problem is None:
        with qtbot.waitSignal(announcer.voice_ready):
            pass
    expected = speechd.DID_NOT_START if answers else speechd.NOT_ANSWERING
    assert announcer.voice_problem == expected
    assert service.made == [], "no engine is made that would block inside libspeechd"
    announcer.say("Bird dog")  # nothing, never a block
    assert announcer._pending is None
