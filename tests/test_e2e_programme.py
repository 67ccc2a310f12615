"""End to end: start a programme, play two short sessions through the real controller on
fake dates, answer the morning question, and read the suggestion from `today --json`."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.ui_support import SHORT_WORKOUT, load, make_session, run_for, saved, write_workout
from workout_player.cli import main
from workout_player.store import open_store
from workout_player.store.programmes import response_record
from workout_player.store.today import load_today

ZONE = timezone(timedelta(hours=1))
MONDAY = date(2026, 3, 2)
PROGRAMME = """\
programme: Short test programme
phases:
  - name: Calm and brace
    weeks: 2
    sessions: 3
    workouts:
      - file: holds.yaml
        name: Two quick holds
        levels: 3
"""


def _on(monkeypatch: pytest.MonkeyPatch, moment: datetime) -> None:
    """Every record the app writes from now on is stamped with `moment` (the fake date)."""
    monkeypatch.setattr("workout_player.store.records.now", lambda: moment)
    monkeypatch.setattr("workout_player.store.programmes.now", lambda: moment)


def _today(db: Path, day: date, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    capsys.readouterr()
    assert main(["today", "--json", "--date", day.isoformat(), "--db", str(db)]) == 0
    result: dict[str, object] = json.loads(capsys.readouterr().out)
    return result


def _play(qtbot: QtBot, db: Path, workout: Path, *, before: int, after: int, rpe: int) -> int:
    with open_store(db) as store:
        controller, screen, clock, _announcer = make_session(load(workout), store)
        qtbot.addWidget(screen)
        controller.start()
        controller.set_pain_before(before)
        run_for(controller, clock, 20.0)
        assert controller.is_finished
        assert controller.history is not None and controller.history_handle is not None
        controller.history.update_session(controller.history_handle, pain_after=after, rpe=rpe)
        session_id = saved(controller)
        controller.shutdown()
        return session_id


def _answer_morning(db: Path, session_id: int, pain: int, asked: datetime) -> None:
    with open_store(db) as store:
        report = load_today(store, asked.date())
        assert report is not None and report.morning is not None
        assert report.morning.session_id == session_id
        from workout_player.store.records import apply

        apply(store, response_record({"session_id": session_id}, morning_pain=pain,
                                     morning_asked_at=asked))  # fmt: skip


def test_two_good_sessions_suggest_the_next_level(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    workout = write_workout(tmp_path, SHORT_WORKOUT, "holds.yaml")
    programme = tmp_path / "programme.yaml"
    programme.write_text(PROGRAMME, encoding="utf-8")
    db = tmp_path / "history.sqlite3"

    _on(monkeypatch, datetime(2026, 3, 2, 8, 0, tzinfo=ZONE))
    assert main(["programme", "start", str(programme), "--db", str(db)]) == 0
    due = _today(db, MONDAY, capsys)
    assert due["headline"] == (
        "Week 1 of 2 - Calm and brace - session 1 of 3 this week: Two quick holds, level 1"
    )

    _on(monkeypatch, datetime(2026, 3, 2, 18, 0, tzinfo=ZONE))
    first = _play(qtbot, db, workout, before=2, after=2, rpe=5)
    same_evening = _today(db, MONDAY, capsys)
    assert same_evening["state"] == "done_today"
    assert same_evening["morning_question"] is None
    tuesday = _today(db, MONDAY + timedelta(1), capsys)
    assert tuesday["morning_question"] == {
        "session_id": first,
        "date": MONDAY.isoformat(),
        "question": "How is your back this morning? 0-10",
    }
    _answer_morning(db, first, 2, datetime(2026, 3, 3, 7, 30, tzinfo=ZONE))
    after_one = _today(db, MONDAY + timedelta(1), capsys)
    assert after_one["morning_question"] is None
    assert isinstance(after_one["suggestion"], dict)
    assert after_one["suggestion"]["kind"] == "same"  # one good session is not yet two

    _on(monkeypatch, datetime(2026, 3, 4, 18, 0, tzinfo=ZONE))
    second = _play(qtbot, db, workout, before=1, after=2, rpe=6)
    _answer_morning(db, second, 1, datetime(2026, 3, 5, 7, 30, tzinfo=ZONE))

    report = _today(db, MONDAY + timedelta(3), capsys)
    assert report["suggestion"] == {
        "kind": "harder",
        "rule": "H1",
        "level_from": 1,
        "level_to": 2,
        "reason": (
            "Your back settled by the next morning and you finished everything twice: try level 2."
        ),
        "session_id": second,
    }
    assert report["adherence"] == [{"week": 1, "done": 2, "planned": 3}]
    assert report["week"]["sessions"] == ["done", "done", "planned"]  # type: ignore[index]
    assert report["due"]["session"] == 3  # type: ignore[index]
