"""Shared test set-up: headless Qt, and no test ever touches the person's real data."""

from __future__ import annotations

import os
from pathlib import Path

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
