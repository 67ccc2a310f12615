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
from workout_player.playback import Player, QtPlayer, VlcPlayer, vlc_status
from workout_player.store import open_store
from workout_player.ui.player_screen import PlayerScreen
from workout_player.ui.session_controller import SessionController

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
    assert player.load(broken)
    with qtbot.waitSignal(player.error, timeout=10000) as error:
        player.play()
    message = error.args[0]
    assert "broken.mp4" in message and "timer" in message and "MP4 (H.264)" in message
    assert player.problem == message
    assert player.video_widget().message() == message  # type: ignore[attr-defined]
    start = player.clock.now()
    mono.t += 2.5
    assert player.clock.now() == pytest.approx(start + 2.5)  # the timer carries the time on
    assert player.is_playing()


@pytest.fixture
def cut_video(tmp_path: Path) -> Path:
    """A faststart MP4 (index first) cut after 40 %: playable up to the cut."""
    # ffmpeg writes the index at the end by default; remux it to the front.
    full = make_video(tmp_path / "full.mp4", "testsrc=duration=4:size=320x240:rate=25")
    fast = tmp_path / "faststart.mp4"
    subprocess.run(
        ["ffmpeg", "-v", "error", "-nostdin", "-y", "-i", str(full), "-c", "copy",
         "-movflags", "+faststart", str(fast)],
        check=True, timeout=60,
    )  # fmt: skip
    return truncated(fast, tmp_path / "cut.mp4", 0.4)


def test_vlc_plays_a_video_cut_short_up_to_the_cut_and_ends(
    qtbot: QtBot, mono: Monotonic, cut_video: Path
) -> None:
    player = VlcPlayer(monotonic=mono)
    qtbot.addWidget(player.video_widget())
    errors: list[str] = []
    player.error.connect(errors.append)
    try:
        assert player.load(cut_video)
        with qtbot.waitSignal(player.ended, timeout=15000):
            player.play()
        assert not errors and player.problem is None
        assert not player.is_playing()
    finally:
        player.close()


def test_qt_plays_a_video_cut_short_up_to_the_cut_then_says_so_and_time_goes_on(
    qtbot: QtBot, mono: Monotonic, cut_video: Path
) -> None:
    # QtMultimedia reports the cut as an error (libvlc as an early end): the person is told
    # the file is damaged and the timer carries on to the video's full length.
    player = QtPlayer(monotonic=mono)
    qtbot.addWidget(player.video_widget())
    times: list[float] = []
    player.time_changed.connect(times.append)
    try:
        assert player.load(cut_video)
        with qtbot.waitSignal(player.error, timeout=15000) as error:
            player.play()
        assert times and max(times) > 0.5, "what is there was played first"
        assert "cut.mp4" in error.args[0] and "timer" in error.args[0]
        assert player.problem == error.args[0]
        assert player.is_playing()
        assert player.length() == pytest.approx(4.0, abs=0.1)
    finally:
        player.close()


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
        with qtbot.waitSignal(controller.problems_changed, timeout=10000):
            controller.start()
        assert "follow.mp4" in screen.banner.label.text()
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
