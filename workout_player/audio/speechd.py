"""Whether speech-dispatcher answers, asked without ever blocking the app.

Qt's speechd engine connects to speech-dispatcher's socket inside the QTextToSpeech
constructor, with a blocking connect(). A speech-dispatcher that hangs (seen when
its audio output is stuck: it stops accepting, its listen queue fills up) then
freezes the app at its first paint, for good. So before the engine is made, the
socket is tried here with a non-blocking connect and a short timeout; when it does
not answer, the voice is off with a message and the beeps go on.

The address follows libspeechd's rules: SPEECHD_ADDRESS ("unix_socket:PATH" or
"inet_socket:HOST:PORT"), else PATH = $XDG_RUNTIME_DIR/speech-dispatcher/speechd.sock,
where GLib's runtime folder falls back to ~/.cache when XDG_RUNTIME_DIR is unset.
No socket yet means libspeechd starts speech-dispatcher itself: that is left to it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import select
import shutil
import socket
from pathlib import Path

TIMEOUT_S = 0.5
"""A working speech-dispatcher accepts a local connection in well under a millisecond."""

NOT_ANSWERING = (
    "Voice is off: the speech service (speech-dispatcher) is not answering. Beeps still "
    "work. Restart it (killall speech-dispatcher) or log out and in again, then restart "
    "Workout Player."
)

DID_NOT_START = (
    "Voice is off: the speech service (speech-dispatcher) did not start. Beeps still work. "
    "Check that it runs (speech-dispatcher --spawn), then restart Workout Player."
)


def socket_address() -> tuple[int, object] | None:
    """(address family, address) libspeechd would connect to, None if not known."""
    address = os.environ.get("SPEECHD_ADDRESS", "")
    method, _, rest = address.partition(":")
    if method == "inet_socket" and rest:
        host, _, port = rest.rpartition(":")
        try:
            return socket.AF_INET, (host or "127.0.0.1", int(port))
        except ValueError:
            return None
    if method == "unix_socket" and rest:
        return socket.AF_UNIX, rest
    runtime = os.environ.get("XDG_RUNTIME_DIR") or str(Path.home() / ".cache")
    return socket.AF_UNIX, str(Path(runtime) / "speech-dispatcher" / "speechd.sock")


def not_answering(timeout: float = TIMEOUT_S) -> bool:
    """True when speech-dispatcher's socket exists but it does not answer in `timeout`.

    Answering is what libspeechd's first exchange needs: the connection completes and
    the service replies to SSIP's "SET SELF CLIENT_NAME" (a service can accept and then
    hang, seen with its espeak-ng module and no sound server). False when it answers,
    and when there is nothing to ask (no socket file: libspeechd will start the service
    itself; a refused connection: it will say so itself at once).
    """
    found = socket_address()
    if found is None:
        return False
    family, address = found
    if family == socket.AF_UNIX and not Path(str(address)).exists():
        return False
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setblocking(False)
        code = sock.connect_ex(address)  # type: ignore[arg-type]
        if code in (errno.EAGAIN, errno.EWOULDBLOCK):
            return True  # a local socket's queue is full: nobody is accepting
        if code == errno.EINPROGRESS:
            _, ready, _ = select.select([], [sock], [], timeout)
            if not ready:
                return True
            if sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR):
                return False  # refused: libspeechd fails at once, no hang
        elif code not in (0, errno.EISCONN):
            return False  # refused or gone: libspeechd fails at once, no hang
        return not _replies(sock, timeout)
    except OSError:
        return False
    finally:
        sock.close()


def _replies(sock: socket.socket, timeout: float) -> bool:
    """Whether the service answers SSIP's first command within `timeout`."""
    sock.setblocking(True)
    sock.settimeout(timeout)
    try:
        sock.sendall(b"SET SELF CLIENT_NAME user:workout_player:probe\r\n")
        reply = sock.recv(256)
    except TimeoutError:
        return False
    except OSError:
        return True  # it closed on us: not a hang, let libspeechd report it
    if reply:
        with contextlib.suppress(OSError):
            sock.sendall(b"QUIT\r\n")
    return True


def missing_socket() -> Path | None:
    """The local socket libspeechd would connect to, when nothing is there yet (then it
    would start speech-dispatcher itself, inside the engine's constructor, for ~1.3 s)."""
    found = socket_address()
    if found is None or found[0] != socket.AF_UNIX:
        return None
    path = Path(str(found[1]))
    return None if path.exists() else path


def spawn(path: Path) -> bool:
    """Start speech-dispatcher for `path` as libspeechd's autospawn does, detached, so the
    app never waits for it; True when it was started (its socket appears ~1 s later).

    Inside the process, libspeechd's own spawn holds Python's GIL for its whole second:
    the library scan and the GUI thread crawled while it ran (bench/startup.py with
    speech-dispatcher-espeak-ng: the list of 1,000 workouts 1.3 s later)."""
    program = shutil.which("speech-dispatcher")
    if program is None:
        return False
    from PySide6.QtCore import QProcess

    arguments = ["--spawn", "--communication-method", "unix_socket", "--socket-path", str(path)]
    started, _pid = QProcess.startDetached(program, arguments)
    return bool(started)
