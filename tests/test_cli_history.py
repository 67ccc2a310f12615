"""`workout-player history` and `workout-player export`, read back with json and csv."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from workout_player.cli import main
from workout_player.store import SCHEMA_VERSION, SetRecord, open_store

CET = timezone(timedelta(hours=1))
T0 = datetime(2026, 11, 23, 18, 4, 5, tzinfo=CET)

HEVY_HEADER = (
    "title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,"
    "set_index,set_type,weight_kg,reps,distance_km,duration_seconds,rpe,pain_before,pain_after"
)


def a_set(exercise: str, number: int, side: str | None, reps: int | None, seconds: float,
          start: datetime) -> SetRecord:  # fmt: skip
    return SetRecord(
        step=0 if exercise == "Bird dog" else 1,
        exercise=exercise,
        set=number,
        side=side,
        reps_target=8 if reps is not None else None,
        reps_done=reps,
        seconds=seconds,
        started_at=start,
        ended_at=start + timedelta(seconds=seconds),
    )


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """Two sessions: a completed one with pain, effort and a note, and a newer stopped one."""
    path = tmp_path / "history.sqlite3"
    with open_store(path) as store:
        first = store.start_session(
            workout="Back basics",
            workout_file="workouts/back-basics.yaml",
            content_hash="sha256:aa",
            started_at=T0,
        )
        store.record_set(first, a_set("Bird dog", 1, "left", 8, 40.0, T0 + timedelta(minutes=1)))
        store.record_set(first, a_set("Bird dog", 1, "right", 7, 41.0, T0 + timedelta(minutes=2)))
        store.record_set(first, a_set("Side plank", 1, None, None, 20.5, T0 + timedelta(minutes=3)))
        store.record_set(first, a_set("Bird dog", 2, "left", 8, 39.0, T0 + timedelta(minutes=4)))
        store.update_session(
            first, pain_before=5, pain_after=3, rpe=6, notes='Knee "fine", back ok'
        )
        store.finish_session(
            first, status="completed", active_seconds=640.5, ended_at=T0 + timedelta(minutes=11)
        )
        later = T0 + timedelta(days=1)
        second = store.start_session(
            workout="Hip hinge", workout_file=None, content_hash=None, started_at=later
        )
        store.record_set(second, a_set("Hinge", 1, None, 10, 50.0, later))
        store.finish_session(
            second, status="stopped", active_seconds=61.0, ended_at=later + timedelta(minutes=1)
        )
    return path


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_history_json_newest_first_with_every_field(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run_cli(capsys, "history", "--json", "--db", str(db))
    assert (code, err) == (0, "")
    items = json.loads(out)
    assert [item["workout"] for item in items] == ["Hip hinge", "Back basics"]
    back = items[1]
    assert {k: v for k, v in back.items() if k != "sets"} == {
        "id": 1,
        "workout": "Back basics",
        "workout_file": "workouts/back-basics.yaml",
        "started_at": "2026-11-23T18:04:05+01:00",
        "ended_at": "2026-11-23T18:15:05+01:00",
        "status": "completed",
        "active_seconds": 640.5,
        "pain_before": 5,
        "pain_after": 3,
        "rpe": 6,
        "notes": 'Knee "fine", back ok',
    }
    assert back["sets"][0] == {
        "step": 0,
        "exercise": "Bird dog",
        "set": 1,
        "side": "left",
        "reps_target": 8,
        "reps_done": 8,
        "seconds": 40.0,
        "ended_at": "2026-11-23T18:05:45+01:00",
    }
    assert [(s["exercise"], s["set"], s["side"]) for s in back["sets"]] == [
        ("Bird dog", 1, "left"),
        ("Bird dog", 1, "right"),
        ("Side plank", 1, None),
        ("Bird dog", 2, "left"),
    ]
    assert items[0]["status"] == "stopped"
    for item in items:
        assert datetime.fromisoformat(item["started_at"]).utcoffset() is not None


def test_history_limit_and_table(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "history", "--json", "--limit", "1", "--db", str(db))
    assert code == 0
    assert [item["workout"] for item in json.loads(out)] == ["Hip hinge"]
    code, out, err = run_cli(capsys, "history", "--db", str(db))
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].split() == ["Date", "Workout", "Time", "Status", "Sets", "Reps", "Pain", "RPE"]
    assert "Hip hinge" in lines[2]
    assert "stopped" in lines[2]
    assert lines[3].split() == [
        "2026-11-23",
        "18:04",
        "Back",
        "basics",
        "10:40",
        "completed",
        "3",  # Bird dog set 1 left and right is one set
        "23",
        "5",
        "->",
        "3",
        "6",
    ]


def test_the_table_shows_a_long_session_as_the_app_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The table once had its own m:ss, which wrote 65 minutes as 65:02 where every other
    # screen says 1:05:02.
    path = tmp_path / "history.sqlite3"
    with open_store(path) as store:
        session = store.start_session(
            workout="Long", workout_file=None, content_hash=None, started_at=T0
        )
        store.finish_session(
            session, status="completed", active_seconds=3902.4, ended_at=T0 + timedelta(hours=2)
        )
    code, out, _ = run_cli(capsys, "history", "--db", str(path))
    assert code == 0
    assert out.splitlines()[2].split()[3] == "1:05:02"


def test_history_uses_the_environment_variable(
    db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WORKOUT_PLAYER_DB", str(db))
    code, out, _ = run_cli(capsys, "history", "--json")
    assert code == 0
    assert len(json.loads(out)) == 2


def test_history_of_a_new_database_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run_cli(capsys, "history", "--db", str(tmp_path / "new.sqlite3"))
    assert code == 0
    assert "No sessions yet" in out
    code, out, _ = run_cli(capsys, "history", "--json", "--db", str(tmp_path / "new.sqlite3"))
    assert json.loads(out) == []


def test_export_csv_has_hevys_columns_one_row_per_set(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out.csv"
    code, out, err = run_cli(
        capsys, "export", "--format", "csv", "-o", str(target), "--db", str(db)
    )
    assert (code, out, err) == (0, "", "")
    text = target.read_text(encoding="utf-8")
    assert text.splitlines()[0] == HEVY_HEADER
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 5
    assert rows[0] == {
        "title": "Hip hinge",
        "start_time": "24 Nov 2026, 18:04",
        "end_time": "24 Nov 2026, 18:05",
        "description": "",
        "exercise_title": "Hinge",
        "superset_id": "",
        "exercise_notes": "target 8 reps",
        "set_index": "0",
        "set_type": "normal",
        "weight_kg": "",
        "reps": "10",
        "distance_km": "",
        "duration_seconds": "50",
        "rpe": "",
        "pain_before": "",
        "pain_after": "",
    }
    back = rows[1:]
    assert {r["title"] for r in back} == {"Back basics"}
    assert {(r["start_time"], r["end_time"]) for r in back} == {
        ("23 Nov 2026, 18:04", "23 Nov 2026, 18:15")
    }
    assert [(r["exercise_title"], r["set_index"], r["reps"]) for r in back] == [
        ("Bird dog", "0", "8"),
        ("Bird dog", "1", "7"),
        ("Side plank", "0", ""),
        ("Bird dog", "2", "8"),
    ]
    assert [r["duration_seconds"] for r in back] == ["40", "41", "20", "39"]
    assert {(r["rpe"], r["pain_before"], r["pain_after"]) for r in back} == {("6", "5", "3")}
    assert back[0]["description"] == 'Knee "fine", back ok'
    assert back[1]["exercise_notes"] == "right side; target 8 reps"


def test_export_json_equals_history_json(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, exported, _ = run_cli(capsys, "export", "--format", "json", "--db", str(db))
    assert code == 0
    _, history, _ = run_cli(capsys, "history", "--json", "--db", str(db))
    assert json.loads(exported) == json.loads(history)
    assert len(json.loads(exported)) == 2


def test_too_new_database_is_one_line_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "history.sqlite3"
    open_store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.commit()
    conn.close()
    for argv in (["history"], ["export", "--format", "csv"]):
        code, out, err = run_cli(capsys, *argv, "--db", str(path))
        assert (code, out) == (1, "")
        assert err.count("\n") == 1
        assert err.startswith("workout-player: This history database was written by a newer")
        assert "Traceback" not in err


def test_damaged_database_notice_is_printed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "history.sqlite3"
    path.write_bytes(b"\x00garbage" * 100)
    code, out, err = run_cli(capsys, "history", "--json", "--db", str(path))
    assert code == 0
    assert json.loads(out) == []
    assert "moved to" in err
    assert str(path) + ".corrupt-" in err


def test_export_to_an_unwritable_file_is_a_clear_error(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "no-such-folder" / "out.csv"
    code, _, err = run_cli(capsys, "export", "--format", "csv", "-o", str(target), "--db", str(db))
    assert code == 1
    assert err.startswith(f"workout-player: cannot write {target}")
    assert "Traceback" not in err
