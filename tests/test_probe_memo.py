"""probe_media remembers a finished libvlc parse per file state, and prefetch shares one.

Real libvlc on a real 2 s video (tests/media_fixtures.py); libvlc's parse is counted by
wrapping probe._parse_media. File times are set with os.utime, never waited for.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.media_fixtures import test_video  # noqa: F401 - a fixture
from workout_player.playback import _vlc, probe

HOUR_AGO = time.time() - 3600


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Path]]:
    probe.forget_probes()
    if not _vlc.vlc_status()[0]:
        pytest.skip("libvlc is not usable here")
    seen: list[Path] = []
    real = probe._parse_media

    def counted(path: Path, timeout_ms: int) -> probe.MediaInfo:
        seen.append(path)
        return real(path, timeout_ms)

    monkeypatch.setattr(probe, "_parse_media", counted)
    yield seen
    probe.forget_probes()


@pytest.fixture
def video(tmp_path: Path, test_video: Path) -> Path:  # noqa: F811
    copy = tmp_path / "clip.mp4"
    shutil.copyfile(test_video, copy)
    os.utime(copy, (HOUR_AGO, HOUR_AGO))
    return copy


def test_a_second_probe_of_an_unchanged_file_does_not_parse_again(
    parses: list[Path], video: Path
) -> None:
    first = probe.probe_media(video)
    assert first.playable and first.length is not None
    assert probe.probe_media(video) == first
    assert parses == [video]


def test_a_changed_file_is_parsed_again(parses: list[Path], video: Path) -> None:
    probe.probe_media(video)
    os.utime(video, (HOUR_AGO + 60, HOUR_AGO + 60))
    probe.probe_media(video)
    assert parses == [video, video]


def test_a_file_changed_just_now_is_parsed_every_time(parses: list[Path], video: Path) -> None:
    now = time.time()
    os.utime(video, (now, now))
    probe.probe_media(video)
    probe.probe_media(video)
    assert parses == [video, video]


def test_a_file_cut_short_after_a_probe_is_refused(parses: list[Path], video: Path) -> None:
    assert probe.probe_media(video).playable
    data = video.read_bytes()
    video.write_bytes(data[: len(data) // 2])
    os.utime(video, (HOUR_AGO, HOUR_AGO))  # even with the old time: the size changed
    assert not probe.probe_media(video).ok


def test_video_turned_off_after_a_probe_is_said_not_remembered(
    parses: list[Path], video: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert probe.probe_media(video).ok
    monkeypatch.setattr(_vlc, "vlc_status", lambda: (False, "Video is off: testing."))
    assert probe.probe_media(video).error == "Video is off: testing."


def test_prefetch_parses_once_and_a_probe_meanwhile_shares_it(
    parses: list[Path], video: Path
) -> None:
    probe.prefetch(video)
    info = probe.probe_media(video)  # waits for the prefetch, or finds what it found
    assert info.playable
    probe.prefetch(video)  # known: nothing more to do
    assert probe.probe_media(video) == info
    assert parses == [video]
