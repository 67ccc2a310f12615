"""One damaged row never makes the history unusable: every other row is shown, the bad
value is shown as stored, and the row is named on stderr.

The damage is written with the plain sqlite3 module into real files, the way a hand edit
(the sqlite3 shell, Datasette) or a broken disk leaves it: text that is not UTF-8, times
that are not times (or have no offset), numbers stored as text, huge and infinite
numbers, blobs, and (in a file whose tables lack the constraints) NULLs and values of
any type anywhere. The values chosen for the files opened with `open_store` pass SQLite's
own CHECK constraints, so the file is read, not moved aside as damaged.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from workout_player.cli import main
from workout_player.store import HistoryFilter, open_store
from workout_player.store.cells import decode_text
from workout_player.store.queries import HistoryQueries

GOOD_START = "2026-11-23T18:04:05+01:00"
BIG = 2**63 - 1


def insert(conn: sqlite3.Connection, table: str, **values: object) -> int:
    columns = ", ".join(values)
    marks = ", ".join("?" * len(values))
    sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"
    cursor = conn.execute(sql, list(values.values()))
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def good_set(conn: sqlite3.Connection, session: int, **changes: object) -> int:
    values: dict[str, object] = {
        "session_id": session,
        "step": 0,
        "exercise": "Bird dog",
        "set_number": 1,
        "reps_target": 8,
        "reps_done": 8,
        "seconds": 30.0,
        "started_at": GOOD_START,
        "ended_at": "2026-11-23T18:04:35+01:00",
    }
    return insert(conn, "sets", **{**values, **changes})


@pytest.fixture
def damaged(tmp_path: Path) -> tuple[Path, dict[str, int]]:
    """A history made by the app, one good session, then damaged rows added by hand."""
    path = tmp_path / "history.sqlite3"
    open_store(path).close()
    conn = sqlite3.connect(path, isolation_level=None)
    ids: dict[str, int] = {}
    ids["good"] = insert(
        conn, "sessions", workout="Back basics", started_at=GOOD_START, status="completed",
        ended_at="2026-11-23T18:15:05+01:00", active_seconds=640.5, pain_before=5,
        pain_after=3, rpe=6, notes="fine",
    )  # fmt: skip
    ids["good_set"] = good_set(conn, ids["good"])
    # Not UTF-8, a time that is not a time, a blob for a note.
    conn.execute(
        "INSERT INTO sessions (workout, started_at, status, notes)"
        " VALUES (CAST(X'4261640aff1b5b33316d' AS TEXT), 'yesterday', 'completed', X'00ff')"
    )
    ids["bad"] = int(conn.execute("SELECT max(id) FROM sessions").fetchone()[0])
    ids["bad_set"] = good_set(
        conn, ids["bad"], reps_done="eight", seconds="abc", started_at="x", ended_at=b"\x01"
    )
    conn.execute("UPDATE sets SET exercise = CAST(X'c328' AS TEXT) WHERE id = ?", [ids["bad_set"]])
    # Huge integers (their sum overflows SQLite's sum()), an infinite duration, no offset.
    ids["huge"] = insert(
        conn, "sessions", workout="Huge", started_at="2026-11-25T09:00:00",
        status="stopped", active_seconds=float("inf"),
    )  # fmt: skip
    good_set(conn, ids["huge"], reps_done=BIG)
    good_set(conn, ids["huge"], reps_done=BIG, set_number=2)
    conn.close()
    return path, ids


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_history_json_gives_every_row_and_the_bad_values_as_stored(
    damaged: tuple[Path, dict[str, int]], capsys: pytest.CaptureFixture[str]
) -> None:
    path, ids = damaged
    code, out, err = run(capsys, "history", "--json", "--db", str(path))
    assert code == 0
    items = {item["id"]: item for item in json.loads(out)}
    assert set(items) == {ids["good"], ids["bad"], ids["huge"]}
    good = items[ids["good"]]
    assert good["workout"] == "Back basics" and good["started_at"] == GOOD_START
    assert (good["pain_before"], good["pain_after"], good["rpe"]) == (5, 3, 6)
    assert good["sets"][0]["reps_done"] == 8
    bad = items[ids["bad"]]
    assert bad["workout"] == "Bad\n\ufffd\x1b[31m"
    assert (bad["started_at"], bad["notes"]) == ("yesterday", "x'00ff'")
    (bad_set,) = bad["sets"]
    assert bad_set["exercise"] == "\ufffd("
    assert (bad_set["reps_done"], bad_set["seconds"], bad_set["ended_at"]) == (
        "eight",
        "abc",
        "x'01'",
    )
    huge = items[ids["huge"]]
    assert [s["reps_done"] for s in huge["sets"]] == [BIG, BIG]
    assert huge["active_seconds"] == "inf"
    assert huge["started_at"].startswith("2026-11-25T09:00:00")  # taken as local time
    lines = err.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith(f"workout-player: session {ids['bad']} in the history: workout")
    assert "started_at is not a time ('yesterday')" in lines[0]
    assert lines[1].startswith(f"workout-player: session {ids['bad']}, set {ids['bad_set']} ")
    assert "reps_done is not a whole number ('eight')" in lines[1]
    assert lines[2].startswith(f"workout-player: session {ids['huge']} in the history")


def test_history_table_lists_every_row_without_control_characters(
    damaged: tuple[Path, dict[str, int]], capsys: pytest.CaptureFixture[str]
) -> None:
    path, _ids = damaged
    code, out, err = run(capsys, "history", "--db", str(path))
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 5  # header, rule, three sessions
    assert lines[4].split()[:6] == ["2026-11-23", "18:04", "Back", "basics", "10:40", "completed"]
    assert lines[2].startswith("yesterday")
    assert "Bad\\n\ufffd\\x1b[31m" in lines[2]
    assert str(int(float(2 * BIG))) in lines[3]  # summed without SQLite's integer overflow
    assert "\x1b" not in out
    assert err.count("\n") == 3


def test_export_csv_and_json_give_every_set(
    damaged: tuple[Path, dict[str, int]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, _ids = damaged
    target = tmp_path / "out.csv"
    code, _out, err = run(capsys, "export", "--format", "csv", "--db", str(path), "-o", str(target))
    assert code == 0 and err.count("\n") == 3
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert len(rows) == 4
    by_title = {row["title"]: row for row in rows}
    assert by_title["Back basics"]["reps"] == "8"
    bad = by_title["Bad\n\ufffd\x1b[31m"]
    assert (bad["start_time"], bad["reps"]) == ("yesterday", "eight")
    assert bad["duration_seconds"] == "abc"
    assert bad["description"] == "x'00ff'"
    code, exported, _ = run(capsys, "export", "--format", "json", "--db", str(path))
    _, history, _ = run(capsys, "history", "--json", "--db", str(path))
    assert code == 0 and json.loads(exported) == json.loads(history)


def bare_history(path: Path) -> sqlite3.Connection:
    """The history's columns without their constraints: any value can be anywhere."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(
        "CREATE TABLE sessions (id INTEGER PRIMARY KEY, workout, workout_file, content_hash,"
        " started_at, ended_at, status, active_seconds, pain_before, pain_after, rpe, notes,"
        " pid, host)"
    )
    conn.execute(
        "CREATE TABLE sets (id INTEGER PRIMARY KEY, session_id, step, exercise, set_number,"
        " side, reps_target, reps_done, seconds, started_at, ended_at)"
    )
    return conn


@pytest.fixture
def lawless(tmp_path: Path) -> HistoryQueries:
    """NULLs where values belong, numbers where text belongs and back, blobs, bad times."""
    conn = bare_history(tmp_path / "lawless.sqlite3")
    good = insert(conn, "sessions", workout="Back basics", started_at=GOOD_START,
                  status="completed", pain_before=4, pain_after=2)  # fmt: skip
    good_set(conn, good)
    nothing = insert(conn, "sessions", workout=None, started_at=None, status=None)
    good_set(conn, nothing, exercise=None, set_number=None, seconds=None, started_at=None,
             ended_at=None, step=None)  # fmt: skip
    typed = insert(conn, "sessions", workout=42, started_at=1700000000, status="completed",
                   pain_before="high", pain_after=b"\x07", rpe=7.5,
                   active_seconds="long")  # fmt: skip
    good_set(conn, typed, exercise=b"\x00\x01", reps_done=1e300, seconds=-1e999)
    conn.execute(
        "INSERT INTO sessions (workout, started_at, status)"
        " VALUES ('Invalid start', CAST(X'32303236ff' AS TEXT), 'completed')"
    )
    insert(conn, "sessions", workout="Far past", started_at="0001-01-01T00:00:00+14:00",
           status="completed", ended_at="9999-12-31T23:59:59-12:00")  # fmt: skip
    return HistoryQueries(conn)


def test_every_read_of_the_history_screen_survives_any_value(lawless: HistoryQueries) -> None:
    assert lawless.count_sessions() == 5
    sessions = lawless.sessions(limit=100)
    assert len(sessions) == 5
    assert sessions[0].workout == "Invalid start"  # text sorts above numbers and NULLs
    nothing = next(s for s in sessions if s.workout == "")
    assert nothing.started_at is None and nothing.status == ""
    assert {b.column for b in nothing.bad} == {"workout", "started_at", "status"}
    typed = next(s for s in sessions if s.workout == "42")
    assert (typed.pain_before, typed.pain_after, typed.rpe) == (None, None, None)
    assert {b.column: b.shown for b in typed.bad} == {
        "workout": "42",
        "started_at": "1700000000",
        "active_seconds": "long",
        "pain_before": "high",
        "pain_after": "x'07'",
        "rpe": "7.5",
    }
    (bare,) = lawless.sets(nothing.id)
    assert (bare.exercise, bare.set, bare.seconds, bare.ended_at) == ("", None, None, None)
    (odd,) = lawless.sets(typed.id)
    assert (odd.exercise, odd.reps_done, odd.seconds) == ("x'0001'", None, None)
    assert {b.column: b.shown for b in odd.bad}["reps_done"] == "1e+300"
    far = next(s for s in sessions if s.workout == "Far past")
    assert far.started_at is None and far.ended_at is None and far.duration_seconds is None
    # The charts, totals and filters of the History screen.
    weeks = lawless.weekly_totals()  # the far past counts: its day is a date
    assert sum(w.sessions for w in weeks) == 2
    assert weeks[-1].week_start == date(2026, 11, 23) and weeks[-1].sessions == 1
    assert [(p.before, p.after) for p in lawless.pain_trend()] == [(4.0, 2.0)]
    assert lawless.streaks().best_days == 1
    totals = {t.exercise: t for t in lawless.exercise_totals()}
    assert totals["Bird dog"].reps == 8 and totals["x'0001'"].sets == 1
    assert [t.exercise for t in lawless.session_summary(nothing.id)] == [""]
    assert lawless.workout_titles() == ["Back basics", "Far past", "Invalid start"]
    assert lawless.count_sessions(HistoryFilter(workout="Back basics")) == 1


@pytest.mark.parametrize("chunk", [1, 2, 500])
def test_reading_in_chunks_loses_and_repeats_no_row(lawless: HistoryQueries, chunk: int) -> None:
    # Paging on the start time would skip rows whose time is NULL, a number or not UTF-8.
    ids = [session.id for session, _sets in lawless.iter_sessions(chunk=chunk)]
    assert sorted(ids) == [1, 2, 3, 4, 5]
    assert [s.id for s, _ in lawless.iter_sessions(limit=2, chunk=chunk)] == ids[:2]


def test_a_limit_beyond_sqlites_integers_means_no_limit(
    damaged: tuple[Path, dict[str, int]], capsys: pytest.CaptureFixture[str]
) -> None:
    path, _ids = damaged
    code, out, _ = run(capsys, "history", "--json", "--limit", str(10**30), "--db", str(path))
    assert code == 0 and len(json.loads(out)) == 3


def test_the_history_screen_shows_a_damaged_history(
    qtbot: QtBot, damaged: tuple[Path, dict[str, int]]
) -> None:
    from workout_player.ui.history.model import format_when
    from workout_player.ui.history.page import HistoryPage

    path, ids = damaged
    with open_store(path) as store:
        page = HistoryPage(store)
        qtbot.addWidget(page)
        page.show()
        model = page.model
        cells = [
            [model.index(row, column).data() for column in range(model.columnCount())]
            for row in range(model.rowCount())
        ]
        assert len(cells) == 3
        when = format_when(GOOD_START)
        assert [when, "Back basics", "10:40", "Completed", "5 \u2192 3"] in cells
        assert ["", "Bad\n\ufffd\x1b[31m", "", "Completed", ""] in cells
        assert page.select_session(ids["bad"])
        sets = page.detail.sets
        row = [sets.index(0, c).data() for c in range(sets.columnCount())]
        assert row == ["\ufffd(", "1", "", "- / 8", "--"]
        page.tabs.setCurrentWidget(page.progress)
        assert page.select_session(ids["huge"])


def test_the_fast_path_for_plain_sets_reads_what_the_checked_path_reads(
    damaged: tuple[Path, dict[str, int]],
) -> None:
    from workout_player.store.queries import _SET_COLUMNS, _checked_set, _set

    path, _ids = damaged
    conn = sqlite3.connect(path)
    conn.text_factory = decode_text
    rows = conn.execute(f"SELECT {_SET_COLUMNS} FROM sets ORDER BY id").fetchall()
    conn.close()
    assert len(rows) == 4
    for row in rows:
        assert _set(row) == _checked_set(row)
