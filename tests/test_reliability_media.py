"""Broken media through the real libvlc player and through a whole video-led session.

tests/test_playback.py covers a missing file and text or binary junk named .mp4; here: an
empty file, a real MP4 cut in half (its index, written last, is gone) and one cut after a
second of video, each through both video backends (VlcPlayer, QtPlayer); then a video-led
workout whose video is truncated, run by the SessionController to its end on the timer with
the reason on the banner and every set stored.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.media_fixtures import make_video
from tests.ui_support import saved
from workout_player.audio import RecordingAnnouncer, SoundSettings
from workout_player.domain.loader import load_workout_or_raise
from workout_player.playback import Player, QtPlayer, VlcPlayer, probe_media, vlc_status
from workout_player.store import open_store
from workout_player.ui.player.controller import SessionController
from workout_player.ui.player.screen import PlayerScreen

pytestmark = pytest.mark.skipif(not vlc_status()[0], reason="needs libvlc")


class Monotonic:
    """A hand-moved monotonic clock for the player's timer mode (no sleeping in tests)."""

    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


@pytest.fixture(scope="module")
def good_video(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("media")
    return make_video(folder / "good.mp4", "testsrc=duration=4:size=320x240:rate=25")


def truncated(source: Path, target: Path, keep: float) -> Path:
    data = source.read_bytes()
    target.write_bytes(data[: int(len(data) * keep)])
    return target


@pytest.fixture
def mono() -> Monotonic:
    return Monotonic()


@pytest.fixture(params=[VlcPlayer, QtPlayer], ids=["vlc", "qt"])
def player(request: pytest.FixtureRequest, qtbot: QtBot, mono: Monotonic) -> Iterator[Player]:
    player = request.param(monotonic=mono)
    qtbot.addWidget(player.video_widget())
    yield player
    player.close()


@pytest.mark.parametrize("keep", [0.0, 0.5], ids=["empty", "cut-in-half"])
def test_unreadable_video_says_so_and_time_goes_on(
    player: Player, qtbot: QtBot, mono: Monotonic, good_video: Path, tmp_path: Path, keep: float
) -> None:
    broken = truncated(good_video, tmp_path / "broken.mp4", keep)
    with qtbot.waitSignal(player.error, timeout=10000) as error:
        assert not player.load(broken)  # found before playing, with its reason
    player.play()
    message = error.args[0]
    reason = "is empty" if keep == 0.0 else "is cut short"
    assert f"broken.mp4 {reason}" in message and "Copy or download it again" in message
    assert "timer" in message and "Re-encode" not in message  # it is H.264 already
    assert player.problem == message
    assert player.video_widget().message() == message  # type: ignore[attr-defined]
    start = player.clock.now()
    mono.t += 2.5
    assert player.clock.now() == pytest.approx(start + 2.5)  # the timer carries the time on
    assert player.is_playing()


@pytest.mark.slow
def test_video_cut_short_with_its_index_first_is_refused_before_it_plays(
    player: Player, qtbot: QtBot, tmp_path: Path
) -> None:
    # With the index first (faststart) libvlc would play a cut file up to the cut and
    # then "end" (QtMultimedia would stop there with an error): a video-led session would
    # finish early or lose its picture with no word why. Both players say it is cut short
    # before playing and run the whole session on the timer instead.
    # ffmpeg writes the index at the end by default; remux it to the front.
    full = make_video(tmp_path / "full.mp4", "testsrc=duration=4:size=320x240:rate=25")
    fast = tmp_path / "faststart.mp4"
    subprocess.run(
        ["ffmpeg", "-v", "error", "-nostdin", "-y", "-i", str(full), "-c", "copy",
         "-movflags", "+faststart", str(fast)],
        check=True, timeout=60,
    )  # fmt: skip
    assert probe_media(fast).playable
    cut = truncated(fast, tmp_path / "cut.mp4", 0.4)
    ended: list[bool] = []
    player.ended.connect(lambda: ended.append(True))
    with qtbot.waitSignal(player.error) as error:
        assert not player.load(cut)
    assert "cut.mp4 is cut short" in error.args[0]
    with qtbot.waitSignal(player.time_changed):
        player.play()
    assert player.is_playing() and not ended


VIDEO_WORKOUT = """title: Broken follow-along
video: {video}
steps:
  - exercise: Bird dog
    at: 0:00
    duration: 3
  - exercise: Dead bug
    at: 0:04
    duration: 3
"""


def test_video_led_session_with_a_truncated_video_runs_on_the_timer(
    qtbot: QtBot, mono: Monotonic, good_video: Path, tmp_path: Path
) -> None:
    video = truncated(good_video, tmp_path / "follow.mp4", 0.5)
    path = tmp_path / "follow.yaml"
    path.write_text(VIDEO_WORKOUT.format(video=video), encoding="utf-8")
    workout = load_workout_or_raise(path)
    store = open_store(tmp_path / "history.sqlite3")
    player = VlcPlayer(monotonic=mono)
    controller = SessionController(
        workout, player, RecordingAnnouncer(), store, settings=SoundSettings(voice=False)
    )
    screen = PlayerScreen(controller)
    qtbot.addWidget(screen)
    try:
        # The probe found it cut short as the session was set up, before anything played.
        controller.start()
        assert "follow.mp4 is cut short" in screen.banner.text
        assert screen.banner.isVisibleTo(screen)
        with qtbot.waitSignal(controller.finished, timeout=5000) as finished:
            for _ in range(200):
                mono.t += 0.05
                controller.tick()
                if controller.is_finished:
                    break
        assert finished.args == [True]
        sets = store.sets(saved(controller))  # the writer stored the session and its sets
        assert [s.exercise for s in sets] == ["Bird dog", "Dead bug"]
        row = store.session(saved(controller))
        assert row is not None and row.status == "completed"
    finally:
        controller.shutdown()
        player.close()
        store.close()
