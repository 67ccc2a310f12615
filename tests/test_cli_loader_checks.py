"""What the command line adds to the loader: the video's length, and no raw control characters."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.media_fixtures import test_video  # noqa: F401 - a fixture
from workout_player.cli import main
from workout_player.playback import probe_length
from workout_player.store import open_store


def test_validate_and_plan_warn_about_a_step_after_the_end_of_the_video(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    test_video: Path,  # noqa: F811
) -> None:
    if probe_length(test_video) is None:
        pytest.skip("libvlc could not read the test video's length here")
    path = tmp_path / "v.yaml"
    path.write_text(
        f"title: V\nvideo: {test_video}\nsteps:\n"
        "  - rest: 1\n    at: 0\n  - rest: 1\n    at: 1:00\n",
        encoding="utf-8",
    )
    for command in ("validate", "plan"):
        assert main([command, str(path)]) == 0
        err = capsys.readouterr().err
        assert err == (
            f"{path}:6:5: warning: this step starts at 1:00, but the video is only 0:02 long, "
            "so it never plays; check at:\n"
        )


def test_history_escapes_control_characters_of_a_stored_title(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "h.sqlite3"
    with open_store(db) as store:
        store.start_session(
            workout="Evil\x1b[2J\x07 title\r\nline",
            workout_file=None,
            content_hash=None,
            started_at=datetime(2026, 1, 2, 3, 4, tzinfo=UTC),
        )
    assert main(["history", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "Evil\\x1b[2J\\x07 title\\r\\nline" in out
    assert not any(ch in out for ch in "\x1b\x07\r")
    assert len(out.splitlines()) == 3  # header, rule, one row


def test_a_file_name_with_control_characters_is_printed_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad\x1b[31m\nname.yaml"
    path.write_text("title: T\nsteps:\n  - rest: 0\n", encoding="utf-8")
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert err == (
        f"{tmp_path}/bad\\x1b[31m\\nname.yaml:3:11: rest must be a number of seconds > 0, got 0\n"
    )
