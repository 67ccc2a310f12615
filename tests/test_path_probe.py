"""Every path the app touches is probed without raising, and the words say what is wrong.

Each kind of unreadable path (tests/bad_paths.py) goes through the probe itself, the
loader (`validate`), `plan` (which falls back to the last segment's end) and the video
probe; the player's banner and a whole video-led session on the timer are in
test_path_probe_player.py. Permission denied: the tests run as root, which ignores
permission bits, so EACCES is injected at os.open (deny_reading), and one test runs
`validate` in a child process as the unprivileged user `nobody` on a real 000 file.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.bad_paths import KINDS, REASONS, deny_reading, make_bad_path
from tests.conftest import REPO
from workout_player.cli import main
from workout_player.domain.filecheck import describe, file_problem
from workout_player.domain.loader import load_workout
from workout_player.editing import DocumentError, WorkoutDocument
from workout_player.playback import probe_media

WORKOUT = "title: V\nvideo: {video}\nsteps:\n  - rest: 10\n    at: 0:05\n"


def workout_with_video(tmp_path: Path, video: Path) -> Path:
    path = tmp_path / "v.yaml"
    path.write_text(WORKOUT.format(video=json.dumps(str(video))), encoding="utf-8")
    return path


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_of_bad_path_gets_its_own_words(tmp_path: Path, kind: str) -> None:
    problem = file_problem(make_bad_path(tmp_path, kind))
    assert problem is not None
    assert problem.reason == REASONS[kind]
    assert problem.missing == (kind in ("missing", "broken_link", "not_a_folder"))


def test_a_nul_in_the_path_is_a_problem_not_an_exception() -> None:
    problem = file_problem("video\x00.mp4")
    assert problem is not None and "NUL" in problem.reason


def test_permission_denied_is_said(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    video = tmp_path / "locked.mp4"
    video.write_bytes(b"\x00" * 16)
    assert file_problem(video) is None
    deny_reading(monkeypatch, video)
    problem = file_problem(video)
    assert problem is not None and problem.reason == REASONS["denied"]


def test_a_folder_on_the_way_that_cannot_be_opened_is_permission_denied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # stat() through a folder without search (x) permission fails with EACCES.
    video = tmp_path / "private" / "v.mp4"
    real_stat = Path.stat

    def stat(self: Path, **kwargs: bool) -> os.stat_result:
        if self == video:
            raise PermissionError(13, "Permission denied", str(self))
        return real_stat(self, **kwargs)

    monkeypatch.setattr(Path, "stat", stat)
    problem = file_problem(video)
    assert problem is not None and problem.reason == REASONS["denied"]


def test_a_readable_file_and_a_link_to_it_are_fine(tmp_path: Path) -> None:
    video = tmp_path / "v.mp4"
    video.write_bytes(b"x")
    (tmp_path / "link.mp4").symlink_to(video)
    assert file_problem(video) is None
    assert file_problem(tmp_path / "link.mp4") is None


def test_a_very_long_path_is_shortened_in_the_message(tmp_path: Path) -> None:
    path = make_bad_path(tmp_path, "path_too_long")
    problem = file_problem(path)
    assert problem is not None
    message = describe("Video", path, problem)
    assert len(message) < 250
    assert message.startswith(f"Video file {str(path)[:40]}")
    assert message.endswith("video.mp4 cannot be opened: the path is too long")


@pytest.mark.parametrize("kind", KINDS)
def test_validate_says_what_is_wrong_with_the_video(
    tmp_path: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = workout_with_video(tmp_path, make_bad_path(tmp_path, kind))
    result = load_workout(path)
    assert result.ok  # a video that cannot be read is a warning: the timer takes over
    (warning,) = result.warnings
    assert REASONS[kind] in warning.message
    assert main(["validate", str(path)]) == 0
    out, err = capsys.readouterr()
    assert out.startswith(f"OK {path} (1 warning)")
    assert REASONS[kind] in err


def test_validate_says_permission_denied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    video = tmp_path / "locked.mp4"
    video.write_bytes(b"\x00" * 16)
    deny_reading(monkeypatch, video)
    path = workout_with_video(tmp_path, video)
    assert main(["validate", str(path)]) == 0
    err = capsys.readouterr().err
    assert f"warning: video file {video} cannot be read: permission denied" in err
    assert "not found" not in err


@pytest.mark.parametrize("kind", [*KINDS, "denied"])
def test_plan_falls_back_to_the_last_segment_end(
    tmp_path: Path, kind: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    if kind == "denied":
        video = tmp_path / "locked.mp4"
        video.write_bytes(b"\x00" * 16)
        deny_reading(monkeypatch, video)
    else:
        video = make_bad_path(tmp_path, kind)
    path = workout_with_video(tmp_path, video)
    assert main(["plan", str(path)]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines()[-1] == "Total 0:15 (the end of the last step)"
    assert REASONS[kind] in err
    assert main(["plan", "--json", str(path)]) == 0
    assert json.loads(capsys.readouterr().out)["total_seconds"] == 15.0


@pytest.mark.parametrize("kind", KINDS)
def test_the_video_probe_answers_for_every_kind(tmp_path: Path, kind: str) -> None:
    path = make_bad_path(tmp_path, kind)
    info = probe_media(path)
    assert not info.ok and info.length is None
    assert info.error is not None and REASONS[kind] in info.error


def test_edit_and_new_name_the_problem_with_their_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = make_bad_path(tmp_path, "folder")
    assert main(["edit", str(folder)]) == 1
    assert capsys.readouterr().err == (
        f"Workout file {folder} is a folder, not a file. Check the name, or give the full path.\n"
    )
    fifo = make_bad_path(tmp_path, "fifo")
    assert main(["new", "--video", str(fifo)]) == 1
    assert capsys.readouterr().err.startswith(f"Video file {fifo} is not a regular file")


@pytest.mark.slow
def test_validate_on_a_file_the_kernel_refuses_to_open(tmp_path: Path) -> None:
    # A real EACCES from the kernel on a mode-000 file. Root ignores permission bits
    # through two capabilities; the child drops them (setpriv) and stays root otherwise.
    video = tmp_path / "locked.mp4"
    video.write_bytes(b"\x00" * 16)
    video.chmod(0o000)
    workout = workout_with_video(tmp_path, video)
    prefix: list[str] = []
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv (util-linux) to drop CAP_DAC_*")
        prefix = [setpriv, "--bounding-set=-dac_override,-dac_read_search"]
    done = subprocess.run(
        [*prefix, sys.executable, "-m", "workout_player", "validate", str(workout)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert f"warning: video file {video} cannot be read: permission denied" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("kind", ["folder", "fifo", "device", "too_long", "loop"])
def test_the_editor_refuses_a_workout_path_that_is_not_a_readable_file(
    tmp_path: Path, kind: str
) -> None:
    # A FIFO named like a workout in the workouts folder must not hang the editor's read.
    path = make_bad_path(tmp_path, kind)
    with pytest.raises(DocumentError, match=re.escape(REASONS[kind])):
        WorkoutDocument.load(path)
