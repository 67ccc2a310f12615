"""A video that cannot be played is found before the session, with its reason and the fix
for that reason: cut short (copy it again), empty, sound only, unknown codec (re-encode),
not a video. Real files made with ffmpeg; real libvlc."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.media_fixtures import _ffmpeg, broken_media, cut_short, not_a_video  # noqa: F401
from workout_player.cli import main
from workout_player.playback import VlcPlayer, probe_length, probe_media
from workout_player.playback.unplayable import Unplayable, advice, container_problem

FTYP = b"\x00\x00\x00\x10ftypisom\x00\x00\x00\x00"
REASONS = {
    "cut": Unplayable.CUT_SHORT,
    "cut-indexed-first": Unplayable.CUT_SHORT,
    "empty": Unplayable.EMPTY,
    "sound-only": Unplayable.SOUND_ONLY,
    "unknown-codec": Unplayable.UNKNOWN_CODEC,
}


@pytest.mark.parametrize("name", sorted(REASONS))
def test_probe_names_the_reason_and_the_fix_for_it(
    broken_media: dict[str, Path],  # noqa: F811
    name: str,
) -> None:
    info = probe_media(broken_media[name])
    assert (info.reason, info.playable, info.ok) == (REASONS[name], False, False)
    assert info.error == advice(REASONS[name], f"{name}.mp4", "zzzz" if "codec" in name else "")
    assert probe_length(broken_media[name]) is None


@pytest.mark.parametrize("name", ["whole", "indexed-first"])
def test_whole_files_are_playable(broken_media: dict[str, Path], name: str) -> None:  # noqa: F811
    info = probe_media(broken_media[name])
    assert (info.reason, info.playable, info.error) == (None, True, None)
    assert info.length == pytest.approx(4.0, abs=0.1)


def test_a_text_file_is_not_a_video(not_a_video: Path) -> None:  # noqa: F811
    info = probe_media(not_a_video)
    assert info.reason is Unplayable.NOT_A_VIDEO and not info.playable


def test_each_reason_says_what_to_do_and_only_a_format_problem_says_re_encode() -> None:
    for reason in Unplayable:
        text = advice(reason, "class.mp4", "zzzz")
        assert "class.mp4" in text and text.endswith(".")
        assert ("Re-encode" in text) == (reason is Unplayable.UNKNOWN_CODEC), reason
    assert "Copy or download it again" in advice(Unplayable.CUT_SHORT, "c.mp4")
    assert "(zzzz)" in advice(Unplayable.UNKNOWN_CODEC, "c.mp4", "zzzz")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("suffix", "codec"),
    [(".avi", ["-c:v", "mpeg4"]), (".webm", ["-c:v", "libvpx", "-b:v", "200k"]), (".mkv", [])],
)
def test_other_containers_cut_short_are_found_without_libvlc(
    tmp_path: Path, suffix: str, codec: list[str]
) -> None:
    whole = tmp_path / f"whole{suffix}"
    _ffmpeg("-f", "lavfi", "-i", "testsrc=duration=3:size=160x120:rate=25", *codec, str(whole))
    assert container_problem(whole) is None
    for keep in (0.3, 0.9):
        cut = cut_short(whole, tmp_path / f"cut{suffix}", keep)
        assert container_problem(cut) is Unplayable.CUT_SHORT, keep


@pytest.mark.parametrize(
    ("content", "found"),
    [
        (b"hello\n", None),  # no structure we know: libvlc decides
        (bytes(range(256)) * 8, None),
        (b"RIFF", None),  # too short to hold its size
        (b"\x00\x00\x00\x01ftyp", Unplayable.CUT_SHORT),  # a 64-bit size that is not there
        (b"\x00\x00\x00\x04ftyp", None),  # a box smaller than its header: not ISO after all
        (b"\x00\x00\x00\x10ftypisom\x00\x00\x00\x00", None),  # a whole box, no media
        # Media data but no index (moov, written last): the end of the file is missing.
        (FTYP + b"\x00\x00\x00\x09mdat\x00", Unplayable.CUT_SHORT),
        (FTYP + b"\x00\x00\x00\x08moov\x00\x00\x00\x09mdat\x00", None),
        (FTYP + b"\x00\x00\x00\x08moov\x00\x00\x00\x09mdat", Unplayable.CUT_SHORT),
        (FTYP + b"\x00\x00\x00\x08moov\x00\x00\x00\x00mdat\x00\x00", None),  # 0: to the end
    ],
)
def test_container_check_reads_only_what_the_file_says(
    tmp_path: Path, content: bytes, found: Unplayable | None
) -> None:
    path = tmp_path / "x.mp4"
    path.write_bytes(content)
    assert container_problem(path) is found


# -- validate and plan ---------------------------------------------------------------------


def _workout(folder: Path, video: Path) -> Path:
    path = folder / "class.yaml"
    path.write_text(
        f"title: Class\nvideo: {video}\nsteps:\n  - exercise: Bridge\n    at: 0\n    duration: 2\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("name", sorted(REASONS))
def test_validate_and_plan_warn_with_the_reason_and_position(
    broken_media: dict[str, Path],  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
) -> None:
    workout = _workout(tmp_path, broken_media[name])
    expected = f"{workout}:2:8: warning: the video cannot be played: "
    expected += advice(REASONS[name], f"{name}.mp4", "zzzz" if "codec" in name else "")
    assert main(["validate", str(workout)]) == 0  # a warning: the workout still runs
    out, err = capsys.readouterr()
    assert err.splitlines() == [expected]
    assert out == f"OK {workout} (1 warning)\n"
    assert main(["plan", str(workout)]) == 0
    assert capsys.readouterr().err.splitlines() == [expected]


def test_validate_warns_about_a_clip_at_its_step(
    broken_media: dict[str, Path],  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    workout = tmp_path / "timer.yaml"
    workout.write_text(
        f"title: T\nsteps:\n  - exercise: Bridge\n    reps: 2\n    clip: {broken_media['cut']}\n",
        encoding="utf-8",
    )
    assert main(["validate", str(workout)]) == 0
    err = capsys.readouterr().err
    assert err.startswith(f"{workout}:3:5: warning: the clip of Bridge cannot be played: cut.mp4")


def test_a_good_video_gets_no_warning(
    broken_media: dict[str, Path],  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    workout = _workout(tmp_path, broken_media["whole"])
    assert main(["validate", str(workout)]) == 0
    assert capsys.readouterr() == (f"OK {workout}\n", "")


# -- the player's banner -------------------------------------------------------------------


@pytest.fixture
def vlc_player(qtbot: QtBot) -> Iterator[VlcPlayer]:
    player = VlcPlayer()
    qtbot.addWidget(player.video_widget())
    yield player
    player.close()


@pytest.mark.parametrize("name", sorted(REASONS))
def test_the_player_refuses_an_unplayable_file_and_says_what_to_do(
    vlc_player: VlcPlayer,
    qtbot: QtBot,
    broken_media: dict[str, Path],  # noqa: F811
    name: str,
) -> None:
    with qtbot.waitSignal(vlc_player.error) as error:
        assert not vlc_player.load(broken_media[name])
    codec = "zzzz" if "codec" in name else ""
    said = advice(REASONS[name], f"{name}.mp4", codec)
    assert error.args[0] == f"{said} Exercises go on with the timer."
    assert vlc_player.problem == error.args[0]
    with qtbot.waitSignal(vlc_player.time_changed):
        vlc_player.play()  # the timer took over
