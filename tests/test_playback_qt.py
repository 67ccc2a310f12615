"""What only QtPlayer does: after a seek its clock holds until the video sink shows the new
picture, then runs from that picture's time (real QtMultimedia, offscreen). The rules are
tested one by one on a fake clock in test_frame_feed.py."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtMultimedia import QVideoFrame
from pytestqt.qtbot import QtBot

from tests.media_fixtures import test_video  # noqa: F401 - fixture
from workout_player.playback import QtPlayer


@pytest.fixture
def player(qtbot: QtBot) -> Iterator[QtPlayer]:
    made = QtPlayer()
    qtbot.addWidget(made.video_widget())
    yield made
    made.close()


def sink_frames(player: QtPlayer) -> list[float]:
    frames: list[float] = []

    def seen(frame: QVideoFrame) -> None:
        if frame.isValid():
            frames.append(frame.startTime() / 1e6)

    player._surface.video.videoSink().videoFrameChanged.connect(seen)
    return frames


def test_after_a_seek_the_clock_waits_for_the_new_picture(
    player: QtPlayer,
    qtbot: QtBot,
    test_video: Path,  # noqa: F811
) -> None:
    frames = sink_frames(player)
    assert player.load(test_video)
    player.play()
    qtbot.waitUntil(lambda: len(frames) >= 3, timeout=10_000)
    shown_before = len(frames)
    player.seek(1.2)
    # Pictures come through the event loop, so none has come yet: the clock waits at 1.2.
    assert len(frames) == shown_before
    assert not player.clock.playing and player.clock.now() == pytest.approx(1.2, abs=1e-3)
    assert player.is_playing()  # for the person it plays on

    # The picture at 1.2 (25 fps: frame 30 starts there). The frame ending at 1.2, which
    # the backend can flash just before it, must not start the clock a frame early.
    def at_target() -> list[float]:
        return [t for t in frames[shown_before:] if 1.2 - 1e-3 <= t < 1.4]

    qtbot.waitUntil(lambda: bool(at_target()), timeout=10_000)
    assert player.clock.playing
    assert player.clock.now() >= at_target()[0] >= 1.2 - 1e-3
