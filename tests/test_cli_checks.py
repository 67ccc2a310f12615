"""`workout-player checks [--json]` and `workout-player profile`: results from a session run
on the fake clock, stored through the check diary, printed newest first with their norms."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from workout_player.cli import main
from workout_player.domain.check_diary import check_record
from workout_player.domain.checks.wording import WORTH
from workout_player.domain.clock import FakeClock
from workout_player.domain.loader import parse_workout
from workout_player.domain.session import CheckResult, Session
from workout_player.domain.timeline import build_plan
from workout_player.store import open_store

TZ = timezone(timedelta(hours=1))
DAY = datetime(2026, 11, 30, 9, 0, tzinfo=TZ)
WORKOUT = (
    "title: Checks\ncountdown: 2\nsteps:\n"
    "  - check: chair_stand_30s\n    name: Chair stand\n    measure: count\n    time: 30\n"
    "  - check: sorensen_extensor\n    name: Extensor\n    measure: hold\n    cap: 240\n"
    "  - check: my_plank\n    name: My plank\n    measure: hold\n    cap: 60\n    trials: 2\n"
)


def run_checks() -> list[CheckResult]:
    """Chair stand: 11 taps; extensor: Enter at 150 s; own plank: 20 s, then the 60 s cap."""
    result = parse_workout(WORKOUT)
    assert result.workout is not None
    clock = FakeClock()
    s = Session(build_plan(result.workout), clock)
    events = s.start()
    clock.advance(2)
    events += s.tick()
    for _ in range(11):
        clock.advance(2)
        events += s.add_rep()
    clock.advance(8 + 2 + 150)
    events += s.done()
    clock.advance(2 + 20)
    events += s.done()
    clock.advance(61)
    events += s.tick()
    return [e for e in events if isinstance(e, CheckResult)]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "history.sqlite3"
    with open_store(path) as store:
        older = store.start_session(workout="Checks", workout_file=None, content_hash=None)
        newer = store.start_session(workout="Checks", workout_file=None, content_hash=None)
        for session, day in ((older, DAY - timedelta(days=7)), (newer, DAY)):
            for number, result in enumerate(run_checks()):
                record = check_record(result, day + timedelta(minutes=number))
                assert record is not None
                store.record_check(session, record)
    return path


def checks_json(db: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    capsys.readouterr()
    assert main(["checks", "--json", "--db", str(db)]) == 0
    data: list[dict[str, object]] = json.loads(capsys.readouterr().out)
    return data


def test_checks_json_lists_every_trial_newest_first_with_its_own_trend_without_a_profile(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = checks_json(db, capsys)
    assert [(d["check"], d["trial"], d["value"], d["capped"], d["best"]) for d in data[:4]] == [
        ("my_plank", 2, 60.0, True, True),
        ("my_plank", 1, 20.0, False, False),
        ("sorensen_extensor", 1, 150.0, False, True),
        ("chair_stand_30s", 1, 11.0, False, True),
    ]
    assert len(data) == 8 and data[4]["measured_at"] == "2026-11-23T09:03:00+01:00"
    assert data[0]["measured_at"] == "2026-11-30T09:03:00+01:00"
    assert all(d["comparison"] is None and d["age"] is None for d in data)
    assert data[3]["unit"] == "reps" and data[2]["unit"] == "s"
    assert "Add your birth year and sex in your profile" in str(data[3]["sentence"])
    assert "check of your own" in str(data[0]["sentence"])


def test_with_a_profile_the_norm_row_is_picked_by_age_in_that_year_and_sex(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["profile", "--birth-year", "1956", "--sex", "male", "--db", str(db)]) == 0
    assert "Birth year: 1956" in capsys.readouterr().out
    data = checks_json(db, capsys)
    chair, extensor = data[3], data[2]
    assert chair["age"] == 70 and extensor["age"] == 70
    comparison = chair["comparison"]
    assert isinstance(comparison, dict)
    assert (comparison["position"], comparison["low"], comparison["high"]) == ("below", 12, 17)
    assert comparison["sex"] == "male" and "Rikli" in str(comparison["source"])
    assert WORTH in str(chair["sentence"])
    assert extensor["comparison"] is None  # the Biering-Sørensen row covers men aged 30-60
    assert main(["profile", "--birth-year", "1981", "--db", str(db)]) == 0
    younger = checks_json(db, capsys)[2]
    found = younger["comparison"]
    assert isinstance(found, dict) and younger["age"] == 45
    assert (found["position"], found["low"], found["high"]) == ("below", 176, 198)


def test_the_table_marks_the_best_trial_and_says_it_is_not_a_diagnosis(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["profile", "--birth-year", "1956", "--sex", "male", "--db", str(db)])
    capsys.readouterr()
    assert main(["checks", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].split() == [
        "Date",
        "Check",
        "Side",
        "Trial",
        "Result",
        "Compared",
        "with",
        "the",
        "norm",
    ]
    assert "60.0 s (cap)" in lines[1] and "2*" in lines[1]
    assert "11 reps" in lines[4] and "below the range 12-17" in lines[4]
    assert "not a diagnosis" in out and "- Chair stand: " in out


def test_profile_clear_and_refusals(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["profile", "--sex", "female", "--db", str(db)]) == 0
    assert main(["profile", "--db", str(db)]) == 0
    assert "Sex: female" in capsys.readouterr().out
    assert main(["profile", "--clear", "--db", str(db)]) == 0
    assert "No profile" in capsys.readouterr().out
    assert main(["profile", "--birth-year", "1850", "--db", str(db)]) == 2
    assert "a birth year is between 1900" in capsys.readouterr().err
    assert main(["profile", "--clear", "--sex", "male", "--db", str(db)]) == 2
    with open_store(db, mode="read") as store:
        assert store.profile().empty


def test_no_results_yet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "empty.sqlite3"
    assert main(["checks", "--db", str(db)]) == 0
    assert "No check results yet" in capsys.readouterr().out
    assert checks_json(db, capsys) == []
