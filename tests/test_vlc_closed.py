"""A closed VlcPlayer is never asked of libvlc again.

VlcPlayer closes itself on QApplication.aboutToQuit. When the app then tears a
running session down (the window closes after the event loop ended: the controller
ends the session and pauses its player), libvlc was called on a released media
player and the process died with SIGSEGV, after the session had been saved as
stopped but before the app exited cleanly.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.media_fixtures import test_video  # noqa: F401 - fixture
from workout_player.playback import VlcPlayer, vlc_status


@pytest.mark.skipif(not vlc_status()[0], reason="needs libvlc (make test installs it)")
def test_every_call_on_a_closed_player_is_harmless(
    qtbot: QtBot,
    test_video: Path,  # noqa: F811
) -> None:
    player = VlcPlayer()
    qtbot.addWidget(player.video_widget())
    assert player.load(test_video)
    with qtbot.waitSignal(player.time_changed, timeout=10000):
        player.play()
    player.close()
    # What a session ending after aboutToQuit asks of its player, in that order.
    player.pause()
    player.play()
    player.seek(1.0)
    player.set_rate(1.5)
    player.set_muted(True)
    player.set_volume(40)
    player.stop()
    assert not player.is_playing()
    assert player.load(test_video) is False
    assert player.length() == pytest.approx(2.0, abs=0.2)
    player.close()  # twice is fine too
