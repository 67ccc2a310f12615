"""SIGTERM, SIGINT and SIGHUP close the app as close_now() does, from Qt's event loop.

Real signals to the test's own process (the handlers are installed only for the test and
put back after it), on a real window with a real SQLite history; and a small process
(tests/quit_worker.py) whose close waits for the test, for what a second signal does while
closing. The whole app in a process, stopped by SIGTERM and Ctrl+C mid-session:
tests/test_quit_signals_app.py.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.conftest import REPO
from tests.ui_support import SHORT_WORKOUT, run_for, saved, timer_window, write_workout
from workout_player.domain.clock import FakeClock
from workout_player.domain.session import SessionState
from workout_player.store import Store, open_store
from workout_player.ui.main_window import MainWindow
from workout_player.ui.quit_signals import INTERRUPTED, QuitSignals

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")

WORKER = REPO / "tests" / "quit_worker.py"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with open_store(tmp_path / "history.sqlite3") as opened:
        yield opened


def session_window(qtbot: QtBot, store: Store, tmp_path: Path) -> tuple[MainWindow, FakeClock]:
    clock = FakeClock()
    window = timer_window(store, clock)
    qtbot.addWidget(window, before_close_func=lambda w: w.close_now())
    window.show()
    window.open_path(write_workout(tmp_path, SHORT_WORKOUT))
    window.workout_page.start.click()
    return window, clock


@pytest.mark.parametrize(
    ("signum", "status"),
    [(signal.SIGTERM, 0), (signal.SIGHUP, 0), (signal.SIGINT, INTERRUPTED)],
    ids=["SIGTERM", "SIGHUP", "SIGINT"],
)
def test_a_signal_mid_session_stores_it_as_stopped_with_its_sets_and_leaves_with_its_status(
    qtbot: QtBot, store: Store, tmp_path: Path, signum: signal.Signals, status: int
) -> None:
    window, clock = session_window(qtbot, store, tmp_path)
    controller = window.controller
    assert controller is not None
    run_for(controller, clock, 2 + 6 + 0.5)  # get-ready, the bridge's 2 x 3 s holds: resting
    assert controller.view().state == SessionState.REST
    session_id = saved(controller)
    left: list[int] = []
    quitting = QuitSignals(window.close_now, left.append)
    try:
        os.kill(os.getpid(), signum)
        qtbot.waitUntil(lambda: left != [], timeout=10_000)
    finally:
        quitting.uninstall()
    assert left == [status]
    assert quitting.exit_status(0) == status
    assert not window.isVisible(), "the window closed"
    row = store.session(session_id)
    assert row is not None and row.status == "stopped"
    assert [(s.exercise, s.set) for s in store.sets(session_id)] == [("Glute bridge", 1)]


def test_uninstall_puts_back_the_handlers_and_the_wake_up_fd() -> None:
    before = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGINT)}
    old_fd = signal.set_wakeup_fd(-1)
    signal.set_wakeup_fd(old_fd)
    quitting = QuitSignals(lambda: None, lambda _status: None)
    assert signal.getsignal(signal.SIGINT) is not before[signal.SIGINT]
    quitting.uninstall()
    quitting.uninstall()  # safe to repeat
    assert {sig: signal.getsignal(sig) for sig in before} == before
    assert signal.set_wakeup_fd(old_fd) == old_fd


def test_a_signal_ignored_at_start_stays_ignored() -> None:
    """`nohup workout-player` ignores SIGHUP: the app must not take it back."""
    previous = signal.signal(signal.SIGHUP, signal.SIG_IGN)
    try:
        quitting = QuitSignals(lambda: None, lambda _status: None)
        try:
            assert signal.SIGHUP not in quitting.handled
            assert signal.getsignal(signal.SIGHUP) == signal.SIG_IGN
            assert signal.SIGTERM in quitting.handled
        finally:
            quitting.uninstall()
        assert signal.getsignal(signal.SIGHUP) == signal.SIG_IGN
    finally:
        signal.signal(signal.SIGHUP, previous)


def test_another_signal_with_a_python_handler_does_not_close(qtbot: QtBot) -> None:
    """The wake-up fd carries every Python-handled signal; only ours close the app."""
    others: list[int] = []
    previous = signal.signal(signal.SIGUSR1, lambda signum, _frame: others.append(signum))
    closed: list[bool] = []
    left: list[int] = []
    quitting = QuitSignals(lambda: closed.append(True), left.append)
    try:
        os.kill(os.getpid(), signal.SIGUSR1)  # its byte comes first in the pipe
        os.kill(os.getpid(), signal.SIGINT)
        qtbot.waitUntil(lambda: left != [], timeout=10_000)
    finally:
        quitting.uninstall()
        signal.signal(signal.SIGUSR1, previous)
    assert others == [signal.SIGUSR1]
    assert (closed, left) == ([True], [INTERRUPTED]), "closed once, on Ctrl+C"


def start_worker() -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, str(WORKER)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert proc.stdout is not None
    assert proc.stdout.readline() == "ready\n"
    return proc


def finish(proc: subprocess.Popen[str]) -> tuple[str, str]:
    try:
        return proc.communicate(timeout=60)
    finally:
        proc.kill()


@pytest.mark.slow
def test_a_second_ctrl_c_while_closing_quits_at_once() -> None:
    proc = start_worker()
    assert proc.stdout is not None
    proc.send_signal(signal.SIGINT)
    assert proc.stdout.readline() == "closing\n"
    proc.send_signal(signal.SIGINT)  # the close still waits on stdin: nothing else ends it
    out, err = finish(proc)
    assert proc.returncode == -signal.SIGINT, err
    assert "closed" not in out
    assert "Ctrl+C again quits at once" in err


@pytest.mark.slow
def test_a_second_sigterm_while_closing_lets_the_close_finish() -> None:
    proc = start_worker()
    assert proc.stdout is not None and proc.stdin is not None
    proc.send_signal(signal.SIGTERM)
    assert proc.stdout.readline() == "closing\n"
    proc.send_signal(signal.SIGTERM)
    proc.stdin.write("go\n")
    proc.stdin.flush()
    out, err = finish(proc)
    assert proc.returncode == 0, err
    assert out == "closed\n"
    assert "asked to end (SIGTERM): closing" in err
