"""Small real videos made with ffmpeg once per test session, for playback tests.

Import the fixtures you need into a test module (`from tests.media_fixtures import ...`):
- `test_video`: 2 s, 320x240, ffmpeg's testsrc pattern, H.264 in MP4, no audio.
- `red_video`: 4 s of solid red, same format: easy to find on a screenshot.
- `not_a_video`: a text file named .mp4, for the "unplayable media" paths.
- `broken_media`: files VLC cannot show, by reason: an MP4 cut in half (index at the end,
  as ffmpeg writes by default, and index first: "faststart"), an empty file, sound only,
  and an MP4 whose video codec is renamed to one nobody knows.
Tests skip (saying so) when ffmpeg is missing: sudo apt install ffmpeg.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest


def make_video(path: Path, source: str, *options: str) -> Path:
    """Encode an ffmpeg lavfi `source` (e.g. "color=c=red:size=320x240:duration=2") to MP4;
    `options` go before the output (e.g. "-movflags", "+faststart")."""
    h264 = ("-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p")
    _ffmpeg("-f", "lavfi", "-i", source, *h264, *options, str(path))
    return path


def _ffmpeg(*args: str) -> None:
    ffmpeg = shutil.which("ffmpeg")
    if ffmpeg is None:
        pytest.skip("ffmpeg is needed to make test videos: sudo apt install ffmpeg")
    subprocess.run([ffmpeg, "-v", "error", "-nostdin", "-y", *args], check=True, timeout=120)


def cut_short(source: Path, target: Path, keep: float = 0.5) -> Path:
    """The first `keep` of `source`'s bytes, as an interrupted download or copy leaves it."""
    data = source.read_bytes()
    target.write_bytes(data[: int(len(data) * keep)])
    return target


@pytest.fixture(scope="session")
def broken_media(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("broken")
    pattern = "testsrc=duration=4:size=320x240:rate=25"
    whole = make_video(folder / "whole.mp4", pattern)
    indexed_first = make_video(folder / "indexed-first.mp4", pattern, "-movflags", "+faststart")
    sound = folder / "sound-only.mp4"
    _ffmpeg("-f", "lavfi", "-i", "sine=duration=2", "-c:a", "aac", str(sound))
    empty = folder / "empty.mp4"
    empty.write_bytes(b"")
    data = indexed_first.read_bytes()
    codec = data.index(b"avc1", data.index(b"stsd"))  # the sample entry naming the codec
    unknown = folder / "unknown-codec.mp4"
    unknown.write_bytes(data[:codec] + b"zzzz" + data[codec + 4 :])
    return {
        "cut": cut_short(whole, folder / "cut.mp4"),
        "cut-indexed-first": cut_short(indexed_first, folder / "cut-indexed-first.mp4"),
        "empty": empty,
        "sound-only": sound,
        "unknown-codec": unknown,
        "whole": whole,
        "indexed-first": indexed_first,
    }


@pytest.fixture(scope="session")
def test_video(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("media")
    return make_video(folder / "testsrc.mp4", "testsrc=duration=2:size=320x240:rate=25")


@pytest.fixture(scope="session")
def red_video(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("media")
    return make_video(folder / "red.mp4", "color=c=red:size=320x240:rate=25:duration=4")


@pytest.fixture(scope="session")
def not_a_video(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("media") / "notes.mp4"
    path.write_text("These are my notes, not a video.\n", encoding="utf-8")
    return path
