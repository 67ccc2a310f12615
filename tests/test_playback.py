"""Playback without a display: real libvlc (decoding to a dummy output), the timer fallback,
media probing, and what happens when libvlc is missing or a file is broken."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.media_fixtures import not_a_video, test_video  # noqa: F401 - fixtures
from workout_player.domain.clock import FakeClock
from workout_player.playback import (
    NO_VLC_ENV,
    Player,
    QtPlayer,
    TimerPlayer,
    VlcPlayer,
    _vlc,
    create_player,
    prefer_xcb,
    probe_length,
    probe_media,
    vlc_status,
)
from workout_player.playback.factory import BACKEND_ENV

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def fresh_vlc() -> Iterator[None]:
    """Forget the cached import/instance before and after: the test pretends another machine."""
    _vlc.reset_for_tests()
    yield
    _vlc.reset_for_tests()


@pytest.fixture(params=[VlcPlayer, QtPlayer], ids=["vlc", "qt"])
def media_player(request: pytest.FixtureRequest, qtbot: QtBot) -> Iterator[Player]:
    """Each video backend in turn: the protocol tests below hold for both."""
    player = request.param()
    qtbot.addWidget(player.video_widget())
    yield player
    player.close()


# -- libvlc present, absent, broken ---------------------------------------------------------


def test_vlc_is_usable_here() -> None:
    assert vlc_status() == (True, None)


def test_without_libvlc_qt_plays_and_no_banner_shows(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(NO_VLC_ENV, "1")
    usable, message = vlc_status()
    assert not usable
    assert message is not None and f"Unset {NO_VLC_ENV}" in message
    player = create_player()
    assert isinstance(player, QtPlayer)
    assert player.problem is None
    assert player.video_widget().message() == ""  # type: ignore[attr-defined]
    player.close()


@pytest.mark.parametrize(
    ("backend", "kind"), [("vlc", VlcPlayer), ("qt", QtPlayer), ("timer", TimerPlayer)]
)
def test_backend_env_var_forces_one(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, backend: str, kind: type[Player]
) -> None:
    monkeypatch.setenv(BACKEND_ENV, backend)
    player = create_player()
    assert type(player) is kind
    if backend == "timer":
        assert player.problem is not None and f"Unset {BACKEND_ENV}" in player.problem
    else:
        assert player.problem is None
    player.close()


def test_forcing_vlc_where_it_cannot_start_runs_the_timer_and_says_why(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(BACKEND_ENV, "vlc")
    monkeypatch.setenv(NO_VLC_ENV, "1")
    player = create_player()
    assert isinstance(player, TimerPlayer)
    assert player.problem == vlc_status()[1]


def test_when_neither_backend_can_play_the_banner_names_both(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workout_player.playback import qt_player

    monkeypatch.setenv(NO_VLC_ENV, "1")
    monkeypatch.setattr(
        qt_player, "qt_status", lambda: (False, "Qt's media backend is not available here.")
    )
    player = create_player()
    assert isinstance(player, TimerPlayer) and player.problem is not None
    assert f"Unset {NO_VLC_ENV}" in player.problem
    assert "Qt's media backend is not available" in player.problem
    assert "Reinstall PySide6" in player.problem


def test_native_wayland_takes_the_qt_player(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtGui import QGuiApplication

    monkeypatch.setattr(QGuiApplication, "platformName", staticmethod(lambda: "wayland"))
    player = create_player()
    assert isinstance(player, QtPlayer) and player.problem is None
    player.close()


def test_missing_libvlc_falls_back_with_install_advice(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, fresh_vlc: None
) -> None:
    monkeypatch.setitem(sys.modules, "vlc", None)  # `import vlc` now raises ImportError
    usable, message = vlc_status()
    assert not usable
    assert message is not None
    assert "libvlc was not found" in message and "sudo apt install vlc" in message
    player = create_player()
    assert isinstance(player, QtPlayer) and player.problem is None
    player.close()
    assert probe_length(REPO / "pyproject.toml") is None


@pytest.mark.parametrize("exception", [OSError, NotImplementedError, NameError, SystemExit])
def test_any_import_failure_is_caught(
    monkeypatch: pytest.MonkeyPatch, fresh_vlc: None, exception: type[BaseException]
) -> None:
    import builtins

    real_import = builtins.__import__

    def failing_import(name: str, *args: object, **kwargs: object) -> object:
        if name == "vlc":
            raise exception("Cannot find libvlc lib")
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.delitem(sys.modules, "vlc", raising=False)
    monkeypatch.setattr(builtins, "__import__", failing_import)
    usable, message = vlc_status()
    assert not usable
    assert message is not None and exception.__name__ in message


def test_libvlc_without_plugins_falls_back(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, fresh_vlc: None
) -> None:
    import vlc

    monkeypatch.setattr(vlc, "Instance", lambda *_args: None)  # what libvlc_new gives then
    usable, message = vlc_status()
    assert not usable
    assert message is not None and "could not start" in message and "plugins" in message
    player = create_player()
    assert isinstance(player, QtPlayer)
    player.close()


def test_prefer_xcb_only_under_wayland_with_xwayland(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QT_QPA_PLATFORM")
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    monkeypatch.delenv("DISPLAY", raising=False)
    assert not prefer_xcb()  # no XWayland: xcb would not start at all
    monkeypatch.setenv("DISPLAY", ":0")
    assert prefer_xcb()
    assert sys.platform != "linux" or os.environ["QT_QPA_PLATFORM"] == "xcb"
    monkeypatch.setenv("QT_QPA_PLATFORM", "wayland")
    assert not prefer_xcb()  # the person's own choice wins


# -- probing ----------------------------------------------------------------------------------


def test_probe_reads_length_and_video_track(test_video: Path) -> None:  # noqa: F811
    assert probe_length(test_video) == pytest.approx(2.0, abs=0.1)
    info = probe_media(test_video)
    assert info.ok and info.has_video and not info.has_audio


def test_probe_missing_file(tmp_path: Path) -> None:
    info = probe_media(tmp_path / "gone.mp4")
    assert info.length is None and not info.ok
    assert info.error is not None and "not found" in info.error
    assert probe_length(tmp_path / "gone.mp4") is None


def test_probe_text_file_named_mp4(not_a_video: Path) -> None:  # noqa: F811
    info = probe_media(not_a_video)
    assert not info.ok and not info.has_video
    assert info.error is not None and "notes.mp4 is not a video" in info.error
    assert probe_length(not_a_video) is None


def test_probe_when_video_is_off(test_video: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    monkeypatch.setenv(NO_VLC_ENV, "1")
    info = probe_media(test_video)
    assert info.length is None and info.error is not None and NO_VLC_ENV in info.error


# -- the timer player --------------------------------------------------------------------------


def test_timer_player_moves_its_clock_like_a_video(qtbot: QtBot) -> None:
    fake = FakeClock(100.0)
    player = TimerPlayer(problem="no video here", monotonic=fake.now)
    qtbot.addWidget(player.video_widget())
    assert player.load(None) and not player.load(Path("clip.mp4"))
    assert player.length() is None

    with qtbot.waitSignal(player.playing_changed) as playing:
        player.play()
    assert playing.args == [True] and player.is_playing()
    fake.advance(3.0)
    with qtbot.waitSignal(player.time_changed) as reported:
        pass
    assert reported.args == [pytest.approx(3.0)]
    assert player.clock.now() == pytest.approx(3.0)

    player.set_rate(2.0)
    fake.advance(1.0)
    assert player.clock.now() == pytest.approx(5.0)

    with qtbot.waitSignal(player.playing_changed) as paused:
        player.pause()
    assert paused.args == [False]
    fake.advance(10.0)
    assert player.clock.now() == pytest.approx(5.0)  # frozen while paused

    player.seek(42.0)
    assert player.clock.now() == pytest.approx(42.0)
    player.play()
    fake.advance(0.5)
    assert player.clock.now() == pytest.approx(43.0)  # still at rate 2
    player.stop()
    assert player.clock.now() == 0.0 and not player.is_playing()
    player.close()


def test_timer_player_surface_shows_the_problem(qtbot: QtBot) -> None:
    player = TimerPlayer(problem="Video is off: install VLC")
    surface = player.video_widget()
    qtbot.addWidget(surface)
    surface.show()
    qtbot.waitExposed(surface)
    assert surface.message() == "Video is off: install VLC"  # type: ignore[attr-defined]
    with qtbot.waitSignal(surface.double_clicked):  # type: ignore[attr-defined]
        qtbot.mouseDClick(surface, Qt.MouseButton.LeftButton)


# -- libvlc for real (decoding to a dummy video output offscreen) ------------------------------


def test_media_player_plays_to_the_end(
    media_player: Player,
    qtbot: QtBot,
    test_video: Path,  # noqa: F811
) -> None:
    times: list[float] = []
    media_player.time_changed.connect(times.append)
    assert media_player.load(test_video)
    with qtbot.waitSignal(media_player.playing_changed, timeout=5000) as started:
        media_player.play()
    assert started.args == [True]
    with qtbot.waitSignal(media_player.ended, timeout=10000):
        pass
    assert not media_player.is_playing()
    assert times and times == sorted(times) and times[-1] <= 2.0
    assert media_player.clock.now() == pytest.approx(times[-1], abs=0.6)
    assert media_player.length() == pytest.approx(2.0, abs=0.1)
    assert media_player.problem is None

    # After the end, a seek and play start again from there (libvlc needs a stop first).
    media_player.seek(1.5)
    with qtbot.waitSignal(media_player.time_changed, timeout=5000) as again:
        media_player.play()
    assert again.args[0] >= 1.4 and media_player.is_playing()


def test_media_player_seek_and_pause_move_the_clock_at_once(
    media_player: Player,
    qtbot: QtBot,
    test_video: Path,  # noqa: F811
) -> None:
    media_player.load(test_video)
    with qtbot.waitSignal(media_player.playing_changed, timeout=5000):
        media_player.play()
    media_player.seek(1.5)
    assert media_player.clock.now() >= 1.5
    changes: list[bool] = []
    media_player.playing_changed.connect(changes.append)
    media_player.pause()
    frozen = media_player.clock.now()
    # libvlc says so later, Qt at once: either way exactly one change, to "not playing".
    qtbot.waitUntil(lambda: bool(changes), timeout=5000)
    assert changes == [False]
    assert media_player.clock.now() == frozen


def test_media_player_loops_without_ending(
    media_player: Player,
    qtbot: QtBot,
    test_video: Path,  # noqa: F811
) -> None:
    times: list[float] = []
    media_player.time_changed.connect(times.append)
    ended: list[bool] = []
    media_player.ended.connect(lambda: ended.append(True))
    assert media_player.load(test_video, loop=True)
    media_player.play()
    # The clip is 2 s: a loop shows as the reported time going back to the start.
    qtbot.waitUntil(lambda: any(b < a - 1.0 for a, b in itertools.pairwise(times)), timeout=10000)
    assert not ended and media_player.is_playing()


def test_missing_file_reports_and_keeps_the_timer(
    media_player: Player, qtbot: QtBot, tmp_path: Path
) -> None:
    with qtbot.waitSignal(media_player.error) as error:
        assert not media_player.load(tmp_path / "gone.mp4")
    assert "not found" in error.args[0] and "gone.mp4" in error.args[0]
    assert media_player.problem == error.args[0]
    assert media_player.video_widget().message() == error.args[0]  # type: ignore[attr-defined]
    with qtbot.waitSignal(media_player.time_changed):
        media_player.play()
    assert media_player.is_playing()


@pytest.mark.parametrize(
    "content",
    [
        b"hello\n",  # libvlc reports an error
        b"These are my notes, not a video.\n",  # libvlc "plays" it and ends at once
        bytes(range(256)) * 64,
    ],
    ids=["short-text", "sentence", "binary"],
)
def test_unplayable_file_reports_and_keeps_the_timer(
    media_player: Player, qtbot: QtBot, tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "notes.mp4"
    path.write_bytes(content)
    ended: list[bool] = []
    media_player.ended.connect(lambda: ended.append(True))
    if isinstance(media_player, VlcPlayer):
        with qtbot.waitSignal(media_player.error, timeout=10000) as error:
            assert not media_player.load(path)  # libvlc's parse finds out before playing
        media_player.play()
        assert "notes.mp4 is not a video VLC can read" in error.args[0]
    else:
        assert media_player.load(path)  # QtMultimedia only finds out when it tries
        with qtbot.waitSignal(media_player.error, timeout=10000) as error:
            media_player.play()
        assert "could not play notes.mp4" in error.args[0]
    assert media_player.problem == error.args[0]
    with qtbot.waitSignal(media_player.time_changed):
        pass  # the timer took over and time goes on
    assert media_player.is_playing() and not ended


def test_loading_a_good_file_clears_the_problem(
    media_player: Player,
    qtbot: QtBot,
    tmp_path: Path,
    test_video: Path,  # noqa: F811
) -> None:
    media_player.load(tmp_path / "gone.mp4")
    assert media_player.problem is not None
    assert media_player.load(test_video)
    assert media_player.problem is None and media_player.video_widget().message() == ""


EXIT_SCRIPT = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from workout_player.playback import VlcPlayer
app = QApplication([])
player = VlcPlayer()
player.load(Path(sys.argv[1]), loop=True)
player.time_changed.connect(lambda _t: app.quit())
player.play()
app.exec()
print("leaving while playing")
"""


@pytest.mark.slow
def test_interpreter_exit_while_playing_is_clean(test_video: Path) -> None:  # noqa: F811
    # No close(): the app may quit any way it likes; libvlc must not call into a dead Python.
    result = subprocess.run(
        [sys.executable, "-c", EXIT_SCRIPT, str(test_video)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    assert "leaving while playing" in result.stdout


# -- the bundled media ---------------------------------------------------------------------------


def _bundled_videos() -> list[Path]:
    """Every video in media/ and every video a bundled workout points at (which must exist)."""
    from workout_player.domain.loader import load_workout
    from workout_player.paths import bundled_media_dir, bundled_workout_files

    videos = {
        path
        for path in bundled_media_dir().glob("*")
        if path.suffix.lower() in (".mp4", ".m4v", ".webm", ".mkv", ".ogv", ".mov")
    }
    for path in bundled_workout_files():
        workout = load_workout(path).workout
        if workout is not None and workout.video is not None:
            videos.add(Path(workout.video).resolve())
    return sorted(videos)


@pytest.mark.parametrize("video", _bundled_videos(), ids=lambda p: p.name)
def test_every_bundled_video_can_be_played(video: Path) -> None:
    info = probe_media(video)
    assert info.error is None, info.error
    assert info.has_video and info.length is not None and info.length > 0


def test_rate_mute_and_volume_reach_the_backend_and_the_clock(
    media_player: Player,
    qtbot: QtBot,
    test_video: Path,  # noqa: F811
) -> None:
    assert media_player.load(test_video)
    with qtbot.waitSignal(media_player.playing_changed, timeout=5000):
        media_player.play()
    media_player.set_rate(1.5)
    assert media_player.clock.rate == 1.5  # cues follow the faster picture
    media_player.set_muted(True)
    media_player.set_volume(40)
    if isinstance(media_player, QtPlayer):
        audio = media_player._audio
        assert audio.isMuted() and audio.volume() == pytest.approx(0.4)
        assert media_player._mp.playbackRate() == 1.5
    else:
        assert isinstance(media_player, VlcPlayer)
        assert media_player._mp.get_rate() == pytest.approx(1.5)
    media_player.set_volume(250)  # out of range: clamped, not an error
    media_player.set_muted(False)
    assert media_player.is_playing()
