"""Shared test set-up: headless Qt, and no test ever touches the person's real data."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

# Before anything imports Qt: widget tests run without a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# libvlc must not try to reach a sound server or the network in tests.
os.environ.setdefault("PULSE_SERVER", "none")

REPO = Path(__file__).resolve().parent.parent
WORKOUTS = REPO / "workouts"
MEDIA = REPO / "media"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(autouse=True)
def _isolated_user_data(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Point the data folder, the database and QSettings at a fresh temporary folder."""
    home = tmp_path_factory.mktemp("userdata")
    monkeypatch.setenv("WORKOUT_PLAYER_DATA", str(home))
    monkeypatch.delenv("WORKOUT_PLAYER_DB", raising=False)
    monkeypatch.setenv("WORKOUT_PLAYER_WORKOUTS", str(home / "workouts"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    # install-desktop writes below XDG_DATA_HOME: never into the real ~/.local/share.
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "share"))
    # A session never joins the person's real session bus; MPRIS tests start their own.
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    return home


# -- every test that starts a process is marked slow ---------------------------------------------
# `-m "not slow"` is the quick run: a test that starts a subprocess (the CLI, a worker, a
# validator, Xvfb) while it runs must carry the mark, or the quick run is not quick. Fixtures
# that make a file once per session (a test video) are set-up, not the test, and are not counted.

_running_test: list[pytest.Item] = []
_spawned: list[str] = []
_real_popen_init = subprocess.Popen.__init__


def _library_lookup(command: object) -> bool:
    """ctypes.util.find_library's own `ldconfig -p` (python-vlc's import, the speech engine
    check): a C library lookup of a few ms, whichever test happens to make it first."""
    first = command[0] if isinstance(command, list | tuple) and command else command
    return str(first).endswith("ldconfig")


def _noting_popen_init(self: subprocess.Popen[Any], *args: Any, **kwargs: Any) -> None:
    command = args[0] if args else kwargs.get("args")
    if _running_test and not _library_lookup(command):
        _spawned.append(str(command)[:120])
    _real_popen_init(self, *args, **kwargs)


subprocess.Popen.__init__ = _noting_popen_init  # type: ignore[method-assign]


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    _running_test.append(item)
    _spawned.clear()
    try:
        result = yield
    finally:
        _running_test.pop()
    if _spawned and item.get_closest_marker("slow") is None:
        pytest.fail(f"this test starts a subprocess ({_spawned[0]}): mark it slow", pytrace=False)
    return result


@pytest.fixture(autouse=True)
def _shut_down_sessions() -> Iterator[None]:
    """Sessions a test made with tests.ui_support.make_session never outlive it."""
    yield
    support = sys.modules.get("tests.ui_support")
    if support is not None:
        support.shut_down_sessions()
