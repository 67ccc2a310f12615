"""VlcPlayer holds its clock while libvlc starts the picture (real libvlc, hand-moved time).

The hold ends on a Qt timer, which only fires while the event loop runs: between two
qtbot waits nothing can release it, so what these tests see is deterministic.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.media_fixtures import test_video  # noqa: F401 - fixture
from workout_player.domain.clock import FakeClock
from workout_player.playback import VlcPlayer


@pytest.fixture
def mono() -> FakeClock:
    return FakeClock(500.0)


@pytest.fixture
def player(qtbot: QtBot, mono: FakeClock) -> Iterator[VlcPlayer]:
    player = VlcPlayer(monotonic=mono.now)
    qtbot.addWidget(player.video_widget())
    yield player
    player.close()


def start(player: VlcPlayer, qtbot: QtBot, video: Path) -> None:
    assert player.load(video)
    with qtbot.waitSignal(player.playing_changed, timeout=5000) as playing:
        player.play()
    assert playing.args == [True]


def test_the_clock_waits_for_the_picture_after_a_start_then_runs(
    player: VlcPlayer,
    qtbot: QtBot,
    mono: FakeClock,
    test_video: Path,  # noqa: F811
) -> None:
    start(player, qtbot, test_video)
    assert player.is_playing() and not player.clock.playing  # playing, picture on its way
    mono.advance(0.5)
    assert player.clock.now() == 0.0
    qtbot.waitUntil(lambda: player.clock.playing, timeout=5000)
    held = player.clock.now()
    mono.advance(0.25)
    assert player.clock.now() == pytest.approx(held + 0.25)


def test_a_seek_while_playing_holds_at_the_target_a_resume_does_not(
    player: VlcPlayer,
    qtbot: QtBot,
    mono: FakeClock,
    test_video: Path,  # noqa: F811
) -> None:
    start(player, qtbot, test_video)
    qtbot.waitUntil(lambda: player.clock.playing, timeout=5000)
    player.seek(1.0)
    assert player.is_playing() and not player.clock.playing
    mono.advance(0.2)
    assert player.clock.now() == 1.0
    qtbot.waitUntil(lambda: player.clock.playing, timeout=5000)

    with qtbot.waitSignal(player.playing_changed, timeout=5000) as paused:
        player.pause()
    assert paused.args == [False]
    with qtbot.waitSignal(player.playing_changed, timeout=5000) as resumed:
        player.play()
    assert resumed.args == [True]
    assert player.clock.playing  # libvlc resumes the picture at once: no hold
    # (libvlc's real reports may have moved the clock meanwhile: the hand-moved time does not
    # follow the real video, so only whether it runs is certain.)
    resumed_at = player.clock.now()
    mono.advance(0.1)
    assert player.clock.now() > resumed_at


def test_pausing_during_the_hold_keeps_the_clock_frozen_and_the_next_start_holds_again(
    player: VlcPlayer,
    qtbot: QtBot,
    mono: FakeClock,
    test_video: Path,  # noqa: F811
) -> None:
    start(player, qtbot, test_video)
    qtbot.waitUntil(lambda: player.clock.playing, timeout=5000)
    player.seek(0.5)
    player.pause()  # before the hold ends: the hold must not start the clock later
    with qtbot.waitSignal(player.playing_changed, timeout=5000):
        pass
    assert not player.is_playing() and not player.clock.playing
    with qtbot.waitSignal(player.playing_changed, timeout=5000):
        player.play()
    assert not player.clock.playing  # the picture at 0.5 s was never seen moving: wait again
    assert player.clock.now() == 0.5
    qtbot.waitUntil(lambda: player.clock.playing, timeout=5000)
