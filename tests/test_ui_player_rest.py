"""Video-led more rest on the player: + holds the video on its picture while a rest counts
down, then the video carries on where it stopped; − shortens it (issue 12, item 7)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.test_ui_player import VIDEO_LED, start
from tests.ui_support import run_for
from workout_player.domain.player_face import EXTRA_REST_CUE
from workout_player.domain.session import SessionState


def test_plus_holds_the_video_for_more_rest_then_it_plays_on_from_the_same_picture(
    qtbot: QtBot, tmp_path: Path
) -> None:
    controller, screen, clock, announcer = start(qtbot, tmp_path, None, VIDEO_LED)
    run_for(controller, clock, 14.0)  # Glute bridge ran 3-13: the video's gap before Dead bug
    assert controller.view().state == SessionState.BETWEEN
    assert screen.buttons["more_rest"].isEnabled()
    assert not screen.buttons["less_rest"].isEnabled()
    picture = controller.player.clock.now()
    qtbot.keyClick(screen, Qt.Key.Key_Plus)
    assert not controller.player.is_playing(), "the video holds on its picture"
    assert (screen.ring.caption, screen.ring.text) == ("MORE REST", "15")
    assert screen.cue.text() == EXTRA_REST_CUE
    assert screen.buttons["less_rest"].isEnabled()
    qtbot.keyClick(screen, Qt.Key.Key_Plus)  # twice: 30 s
    qtbot.keyClick(screen, Qt.Key.Key_Minus)  # back to 15 s
    run_for(controller, clock, 10.0)
    assert controller.player.clock.now() == picture, "the video's clock stood still"
    assert screen.ring.text == "5"
    run_for(controller, clock, 5.2)
    assert controller.player.is_playing(), "the rest is over: the video goes on"
    assert controller.view().extra_rest is None
    assert ("beep", "count") in announcer.events
    run_for(controller, clock, 6.2)  # from 14 s of video on: Dead bug starts at 20 s
    assert controller.view().state == SessionState.WORK
    assert screen.exercise.text() == "Dead bug"
    assert not screen.buttons["more_rest"].isEnabled(), "no more rest during work"


def test_space_during_more_rest_pauses_it_and_resuming_keeps_the_video_held(
    qtbot: QtBot, tmp_path: Path
) -> None:
    controller, screen, clock, _ = start(qtbot, tmp_path, None, VIDEO_LED)
    run_for(controller, clock, 14.0)
    qtbot.keyClick(screen, Qt.Key.Key_Plus)
    run_for(controller, clock, 5.0)
    qtbot.keyClick(screen, Qt.Key.Key_Space)
    run_for(controller, clock, 30.0)
    assert screen.ring.caption == "PAUSED" and screen.ring.text == "10"
    qtbot.keyClick(screen, Qt.Key.Key_Space)
    assert not controller.player.is_playing(), "resuming goes back to the rest, not the video"
    assert screen.ring.caption == "MORE REST"


def test_n_during_more_rest_plays_the_video_from_the_next_step(
    qtbot: QtBot, tmp_path: Path
) -> None:
    controller, screen, clock, _ = start(qtbot, tmp_path, None, VIDEO_LED)
    run_for(controller, clock, 14.0)
    qtbot.keyClick(screen, Qt.Key.Key_Plus)
    qtbot.keyClick(screen, Qt.Key.Key_N)
    assert controller.player.is_playing()
    run_for(controller, clock, 0.3)
    assert controller.view().state == SessionState.WORK
    assert screen.exercise.text() == "Dead bug"
