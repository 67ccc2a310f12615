"""`workout-player programme start|pause|resume|leave FILE` and `today`, on a real file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.ui_support import SHORT_WORKOUT, write_workout
from workout_player.cli import main
from workout_player.store import open_store
from workout_player.store.programmes import current_enrolment

PROGRAMME = """\
programme: Test programme
phases:
  - name: Calm
    weeks: 1
    sessions: 3
    workouts:
      - file: holds.yaml
"""


@pytest.fixture
def programme(tmp_path: Path) -> Path:
    write_workout(tmp_path, SHORT_WORKOUT, "holds.yaml")
    path = tmp_path / "programme.yaml"
    path.write_text(PROGRAMME, encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_start_pause_resume_leave(
    programme: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "h.db")
    code, out, _ = run(capsys, "programme", "start", str(programme), "--db", db)
    assert (code, out) == (0, "Started Test programme. `workout-player today` shows what is due.\n")
    code, _, err = run(capsys, "programme", "start", str(programme), "--db", db)
    assert code == 1 and "You are following Test programme" in err and "leave it first" in err
    code, _, err = run(capsys, "programme", "resume", str(programme), "--db", db)
    assert code == 1 and "is active, so it cannot be resumed now" in err
    assert run(capsys, "programme", "pause", str(programme), "--db", db)[0] == 0
    code, out, _ = run(capsys, "today", "--db", db)
    assert code == 0 and "Paused: resume when you are ready." in out
    assert run(capsys, "programme", "resume", str(programme), "--db", db)[0] == 0
    code, out, _ = run(capsys, "today", "--db", db)
    assert "Week 1 of 1 - Calm - session 1 of 3 this week: Two quick holds, level 1" in out
    assert run(capsys, "programme", "leave", str(programme), "--db", db)[0] == 0
    with open_store(db) as store:
        assert current_enrolment(store) is None
        events = store.conn.execute("SELECT event FROM enrolment_events ORDER BY id").fetchall()
        assert [e for (e,) in events] == ["pause", "resume", "leave"]
    code, out, _ = run(capsys, "today", "--json", "--db", db)
    assert code == 0 and json.loads(out) == {"programme": None}


def test_a_programme_with_errors_is_not_started(
    programme: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    programme.write_text(PROGRAMME.replace("weeks: 1", "weeks: none"), encoding="utf-8")
    code, _, err = run(capsys, "programme", "start", str(programme), "--db", str(tmp_path / "h"))
    assert code == 1
    assert f'{programme}:4:12: weeks must be a whole number >= 1, got "none"' in err
    assert "fix them, then start it again" in err


def test_changing_a_programme_you_do_not_follow_says_how_to_start(
    programme: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "programme", "pause", str(programme), "--db", str(tmp_path / "h"))
    assert code == 1 and "start it with workout-player programme start FILE" in err


def test_today_without_a_programme_and_with_a_bad_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "today", "--db", str(tmp_path / "h.db"))
    assert code == 0 and "You are not following a programme" in out
    code, _, err = run(capsys, "today", "--date", "March", "--db", str(tmp_path / "h.db"))
    assert code == 2 and "--date must be a date such as 2026-03-02" in err


def test_a_moved_programme_file_is_named_in_today(
    programme: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "h.db")
    assert run(capsys, "programme", "start", str(programme), "--db", db)[0] == 0
    programme.unlink()
    code, out, _ = run(capsys, "today", "--json", "--db", db)
    data = json.loads(out)
    assert code == 0 and data["problems"] and "no such file" in data["problems"][0]
