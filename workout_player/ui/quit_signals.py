"""SIGTERM, SIGINT (Ctrl+C) and SIGHUP end the app as closing it does, from Qt's event loop.

Python runs a signal handler only between two of its own instructions, and the GUI thread
spends its time inside Qt's C++ event loop: a handler alone would wait for the next Python
slot (Ctrl+C did nothing until some timer fired), and SIGTERM's default action killed the
process mid-session. Here `signal.set_wakeup_fd` makes the C-level handler write the
signal's number into one end of a pipe (a socket pair on Windows); a QSocketNotifier on the
other end wakes the event loop, and its slot does the work between two events, never inside
another slot (the pattern of qutebrowser's misc/crashsignal.py).

A signal ends the app as `MainWindow.close_now()` does: a running session is stored as
stopped, what the summary holds and what the history writer still has are handed on and
written, the window closes. The exit status is 0 for SIGTERM and SIGHUP (asked to end, and
it ended cleanly) and 130 for SIGINT (128 + 2: how shells report an interrupted command,
the same as the command line's own KeyboardInterrupt).

A second Ctrl+C while closing (the history writer may wait up to 2 s on a locked file)
ends the process at once, by SIGINT's default action: the person asked twice, and what
the writer had not written yet is left for the next start (the session then shows as
interrupted). A second SIGTERM or SIGHUP is ignored: whoever sent it (a session manager,
systemd) kills for good with SIGKILL when it stops waiting, and dying now would only lose
the sets being saved.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable
from types import FrameType

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier

QUIT_SIGNALS: tuple[signal.Signals, ...] = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGINT", "SIGHUP") if hasattr(signal, name)
)
"""The signals handled (Windows has no SIGHUP)."""

INTERRUPTED = 130
"""Exit status after Ctrl+C: 128 + SIGINT, as a shell reports it."""

_WORDS = {"SIGINT": "Ctrl+C", "SIGTERM": "asked to end (SIGTERM)", "SIGHUP": "SIGHUP"}


def status_for(signum: int) -> int:
    """The exit status after closing on `signum`."""
    return INTERRUPTED if signum == signal.SIGINT else 0


class QuitSignals(QObject):
    """While installed, SIGTERM, SIGINT and SIGHUP call `close()` then `leave(status)`.

    `close` and `leave` are the window's `close_now` and QCoreApplication.exit in the app
    (`install_quit_signals`); tests pass their own. `uninstall()` puts back the handlers
    and the wake-up file descriptor that were there before.
    """

    def __init__(
        self,
        close: Callable[[], object],
        leave: Callable[[int], object],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._close = close
        self._leave = leave
        self.closing = False
        """True once a signal (or the app's own quit, see `closing_started`) began closing."""
        self.status: int | None = None
        """The exit status a signal asked for; None while no signal has ended the app."""
        self._handled = 0
        self._wake = _WakeUp()
        self._notifier = QSocketNotifier(self._wake.reader, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._woken)
        self._old_fd = signal.set_wakeup_fd(self._wake.writer, warn_on_full_buffer=False)
        # A signal ignored when the app started stays ignored: `nohup` ignores SIGHUP, and a
        # shell script's `workout-player &` ignores the terminal's Ctrl+C meant for the script.
        self.handled = tuple(sig for sig in QUIT_SIGNALS if signal.getsignal(sig) != signal.SIG_IGN)
        self._old_handlers = {sig: signal.signal(sig, self._handler) for sig in self.handled}

    def closing_started(self) -> None:
        """The app is closing by other means (its window closed, a logout): a signal now
        changes nothing, except that a second Ctrl+C quits at once."""
        self.closing = True

    def exit_status(self, status: int) -> int:
        """The status to leave with: the signal's, when a signal ended the app."""
        return status if self.status is None else self.status

    def uninstall(self) -> None:
        """Put the previous handlers and wake-up fd back; safe to repeat."""
        if self._wake.closed:
            return
        signal.set_wakeup_fd(self._old_fd)
        for sig, handler in self._old_handlers.items():
            signal.signal(sig, handler)
        self._notifier.setEnabled(False)
        self._wake.close()

    # -- the two halves ----------------------------------------------------------------------

    def _handler(self, signum: int, _frame: FrameType | None) -> None:
        """Python's handler: runs between two Python instructions of the GUI thread, maybe
        in the middle of closing. The first signal's work is the notifier's; this only
        decides on a second one. Handler calls are counted rather than compared with the
        moment closing began, so the first signal's handler running late (after the slot)
        is never taken for a second."""
        self._handled += 1
        if self.closing and self._handled > 1 and signum == signal.SIGINT:
            _die(signum)

    def _woken(self) -> None:
        """The event loop noticed a byte from the C handler: close, then leave the loop."""
        try:
            received = self._wake.read()
        except (BlockingIOError, InterruptedError):
            return
        # The wake-up fd carries every signal that has a Python handler: take ours only.
        ours = [signum for signum in received if signum in self.handled]
        if self.closing or not ours:
            return  # already closing: _handler decided what a further signal does
        signum = ours[0]
        self.closing = True
        name = signal.Signals(signum).name
        again = " (Ctrl+C again quits at once)" if signum == signal.SIGINT else ""
        print(
            f"workout-player: {_WORDS.get(name, name)}: closing; "
            f"a session in progress is saved as stopped{again}.",
            file=sys.stderr,
            flush=True,
        )
        self.status = status_for(signum)
        self._close()
        self._leave(self.status)


class _WakeUp:
    """The two ends the C handler writes to and the event loop reads: a pipe (a socket pair
    on Windows, where set_wakeup_fd takes only sockets), both non-blocking, so the C
    handler never waits on a full buffer. A pipe, not a socket, elsewhere: the socket
    module is not otherwise loaded at start-up (~5 ms)."""

    def __init__(self) -> None:
        self.closed = False
        if sys.platform == "win32":
            import socket

            self._sockets = socket.socketpair()
            for end in self._sockets:
                end.setblocking(False)
            self.reader, self.writer = (end.fileno() for end in self._sockets)
        else:
            self.reader, self.writer = os.pipe()
            os.set_blocking(self.reader, False)
            os.set_blocking(self.writer, False)

    def read(self) -> bytes:
        if sys.platform == "win32":
            return self._sockets[0].recv(64)
        return os.read(self.reader, 64)

    def close(self) -> None:
        self.closed = True
        if sys.platform == "win32":
            for end in self._sockets:
                end.close()
        else:
            os.close(self.reader)
            os.close(self.writer)


def _die(signum: int) -> None:
    """End the process now, as the signal's default action would have."""
    signal.signal(signum, signal.SIG_DFL)
    signal.raise_signal(signum)
    os._exit(128 + signum)  # not reached where the default action terminates


def install_quit_signals(close: Callable[[], object]) -> QuitSignals:
    """Handle the quit signals for the app: `close` (the window's close_now), then
    the application's exit; the app's own quit (aboutToQuit) counts as closing too."""
    app = QCoreApplication.instance()
    assert app is not None
    quitting = QuitSignals(close, app.exit)
    app.aboutToQuit.connect(quitting.closing_started)
    return quitting
