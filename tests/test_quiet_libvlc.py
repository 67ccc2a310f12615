"""Without a sound device, playing a video prints no ALSA or libvlc lines on the terminal,
unless --verbose / WORKOUT_PLAYER_VERBOSE asks for them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.media_fixtures import make_video
from workout_player.playback import vlc_status
from workout_player.playback.quiet import VERBOSE_ENV, libvlc_args, verbose

WORKER = Path(__file__).with_name("quiet_worker.py")


@pytest.fixture(scope="module")
def video_with_sound(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("media") / "sound.mp4"
    # make_video encodes lavfi graphs: a test picture with a sine tone mixed in.
    return make_video(path, "testsrc=duration=2:size=160x120:rate=25[out0];sine=duration=2[out1]")


def _play(video: Path, *, verbose_env: str | None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen"}
    env.pop(VERBOSE_ENV, None)
    if verbose_env is not None:
        env[VERBOSE_ENV] = verbose_env
    return subprocess.run(
        [sys.executable, str(WORKER), str(video)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _noise(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith(("ALSA lib", "[0"))]


@pytest.mark.slow
def test_a_session_without_a_sound_device_prints_no_alsa_or_libvlc_lines(
    video_with_sound: Path,
) -> None:
    if not vlc_status()[0]:
        pytest.skip("libvlc is needed: sudo apt install vlc")
    loud = _play(video_with_sound, verbose_env="1")
    assert loud.returncode == 0, loud.stderr[-2000:]
    if not any(line.startswith("ALSA lib") for line in loud.stderr.splitlines()):
        pytest.skip("this machine has a sound device: ALSA has nothing to complain about")
    quiet = _play(video_with_sound, verbose_env=None)
    assert quiet.returncode == 0, quiet.stderr[-2000:]
    assert _noise(quiet.stderr) == []


def test_verbose_flag_and_variable_choose_libvlc_verbosity(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(VERBOSE_ENV, raising=False)
    assert (verbose(), libvlc_args()) == (False, ["--quiet"])
    for value in ("0", "no", ""):
        monkeypatch.setenv(VERBOSE_ENV, value)
        assert not verbose()
    monkeypatch.setenv(VERBOSE_ENV, "1")
    assert (verbose(), libvlc_args()) == (True, ["--verbose=1"])


def test_cli_verbose_sets_the_variable_for_playback(monkeypatch: pytest.MonkeyPatch) -> None:
    from workout_player.cli import main

    monkeypatch.delenv(VERBOSE_ENV, raising=False)
    assert main(["--verbose", "schema"]) == 0
    assert os.environ[VERBOSE_ENV] == "1"
