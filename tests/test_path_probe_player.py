"""An unreadable video path in the real libvlc player and in a whole video-led session.

The player says what is wrong (not just "not found") and carries on with the timer;
a session whose video is a folder, or cannot be read, runs to its end on the timer with
the reason on the banner and every set stored. The kinds of path are in bad_paths.py.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.bad_paths import KINDS, REASONS, deny_reading, make_bad_path
from tests.ui_support import saved
from workout_player.audio import RecordingAnnouncer, SoundSettings
from workout_player.domain.loader import load_workout_or_raise
from workout_player.playback import VlcPlayer, vlc_status
from workout_player.store import open_store
from workout_player.ui.player.controller import SessionController
from workout_player.ui.player.screen import PlayerScreen

pytestmark = pytest.mark.skipif(not vlc_status()[0], reason="needs libvlc")

VIDEO_WORKOUT = """title: Unreadable follow-along
video: {video}
steps:
  - exercise: Bird dog
    at: 0:00
    duration: 3
  - exercise: Dead bug
    at: 0:04
    duration: 3
"""


class Monotonic:
    """A hand-moved monotonic clock for the player's timer mode (no sleeping in tests)."""

    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def mono() -> Monotonic:
    return Monotonic()


@pytest.fixture
def player(qtbot: QtBot, mono: Monotonic) -> Iterator[VlcPlayer]:
    player = VlcPlayer(monotonic=mono)
    qtbot.addWidget(player.video_widget())
    yield player
    player.close()


@pytest.mark.parametrize("kind", KINDS)
def test_player_says_what_is_wrong_and_keeps_the_timer(
    player: VlcPlayer, qtbot: QtBot, mono: Monotonic, tmp_path: Path, kind: str
) -> None:
    with qtbot.waitSignal(player.error) as error:
        assert not player.load(make_bad_path(tmp_path, kind))
    message = error.args[0]
    assert REASONS[kind] in message and "timer" in message
    assert player.video_widget().message() == message  # type: ignore[attr-defined]
    player.play()
    start = player.clock.now()
    mono.t += 1.5
    assert player.clock.now() == pytest.approx(start + 1.5)
    assert player.is_playing()


@pytest.mark.parametrize("kind", ["folder", "denied"])
def test_session_with_an_unreadable_video_runs_on_the_timer(
    qtbot: QtBot, mono: Monotonic, tmp_path: Path, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if kind == "denied":
        video = tmp_path / "locked.mp4"
        video.write_bytes(b"\x00" * 64)
        deny_reading(monkeypatch, video)
    else:
        video = make_bad_path(tmp_path, kind)
    path = tmp_path / "follow.yaml"
    path.write_text(VIDEO_WORKOUT.format(video=json.dumps(str(video))), encoding="utf-8")
    workout = load_workout_or_raise(path)
    store = open_store(tmp_path / "history.sqlite3")
    player = VlcPlayer(monotonic=mono)
    controller = SessionController(
        workout, player, RecordingAnnouncer(), store, settings=SoundSettings(voice=False)
    )
    screen = PlayerScreen(controller)
    qtbot.addWidget(screen)
    try:
        controller.start()
        assert REASONS[kind] in screen.banner.text
        assert screen.banner.isVisibleTo(screen)
        with qtbot.waitSignal(controller.finished, timeout=5000) as finished:
            for _ in range(400):
                mono.t += 0.05
                controller.tick()
                if controller.is_finished:
                    break
        assert finished.args == [True]
        session_id = saved(controller)
        assert [s.exercise for s in store.sets(session_id)] == ["Bird dog", "Dead bug"]
    finally:
        controller.shutdown()
        player.close()
        store.close()
