"""Small real videos made with ffmpeg once per test session, for playback tests.

Import the fixtures you need into a test module (`from tests.media_fixtures import ...`):
- `test_video`: 2 s, 320x240, ffmpeg's testsrc pattern, H.264 in MP4, no audio.
- `red_video`: 4 s of solid red, same format: easy to find on a screenshot.
- `not_a_video`: a text file named .mp4, for the "unplayable media" paths.
Tests skip (saying so) when ffmpeg is missing: sudo apt install ffmpeg.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest


def make_video(path: Path, source: str) -> Path:
    """Encode an ffmpeg lavfi `source` (e.g. "color=c=red:size=320x240:duration=2") to MP4."""
    ffmpeg = shutil.which("ffmpeg")
    if ffmpeg is None:
        pytest.skip("ffmpeg is needed to make test videos: sudo apt install ffmpeg")
    subprocess.run(
        [ffmpeg, "-v", "error", "-nostdin", "-y", "-f", "lavfi", "-i", source,
         "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", str(path)],
        check=True,
        timeout=120,
    )  # fmt: skip
    return path


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
