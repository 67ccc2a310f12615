"""WORKOUT_PLAYER_KEYS parsing: presses sorted by time, anything malformed turns it off."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from workout_player.ui.key_hook import parse


def test_presses_come_sorted_by_their_session_time() -> None:
    assert parse("/tmp/out.json:9.5=N,7=Return") == (
        Path("/tmp/out.json"),
        [(7.0, Qt.Key.Key_Return), (9.5, Qt.Key.Key_N)],
    )


@pytest.mark.parametrize(
    "value", ["no-colon", ":7=Return", "out.json:soon=Return", "out.json:7=NoSuchKey", "out.json:7"]
)
def test_a_malformed_value_installs_no_hook(value: str) -> None:
    assert parse(value) is None
