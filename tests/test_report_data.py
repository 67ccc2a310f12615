"""The report's figures without Qt: the pain change and its clinically meaningful
difference, weeks, and everything gathered from a history written through the store."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from tests import report_history as known
from tests.conftest import REPO
from workout_player.domain.report import PainPoint, is_meaningful, pain_change, per_week
from workout_player.store import open_store
from workout_player.store.report_data import DEFAULT_DAYS, default_start, gather

START = date(2026, 10, 5)
END = START + timedelta(days=27)


def points(first: list[int | None], last: list[int | None]) -> list[PainPoint]:
    early = [PainPoint(START + timedelta(days=i), v, None, None) for i, v in enumerate(first)]
    late = [PainPoint(END - timedelta(days=i), v, None, None) for i, v in enumerate(last)]
    return early + late


@pytest.mark.parametrize(
    ("first", "last", "meaningful"),
    [
        (6.0, 4.0, True),  # exactly 2 points
        (6.0, 4.5, False),  # 1.5 points and 25%
        (3.0, 2.0, True),  # 1 point but 33%
        (2.0, 1.5, False),  # 25%
        (0.0, 1.0, False),  # from none: 30% of nothing cannot be judged, 1 point is not 2
        (3.0, 5.0, True),  # worse counts too
    ],
)
def test_meaningful_difference_is_two_points_or_thirty_percent(
    first: float, last: float, meaningful: bool
) -> None:
    assert is_meaningful(first, last) is meaningful


def test_change_compares_the_first_and_last_two_weeks() -> None:
    change = pain_change(points([6, 6, None], [4, 3]), START, END)
    assert (change.first, change.last, change.meaningful) == (6.0, 3.5, True)
    assert "6.0/10 in the first two weeks and 3.5/10 in the last two" in change.sentence
    assert "2.5 points lower (42%)" in change.sentence
    assert "reaches a clinically meaningful difference" in change.sentence
    assert "Ostelo et al. 2008, Spine 33:90" in change.sentence


def test_small_change_says_it_is_less_than_meaningful() -> None:
    change = pain_change(points([5], [4]), START, END)
    assert change.meaningful is False
    assert "less than a clinically meaningful difference" in change.sentence


def test_no_answers_in_a_window_makes_no_change() -> None:
    change = pain_change(points([None], [3]), START, END)
    assert change.meaningful is None
    assert "No pain before a session was recorded in the first two weeks" in change.sentence


def test_a_period_under_four_weeks_makes_no_change() -> None:
    change = pain_change(points([6], [2]), START, START + timedelta(days=26))
    assert change.meaningful is None
    assert "shorter than four weeks" in change.sentence


def test_weeks_include_empty_ones() -> None:
    weeks = per_week([(START, 10.0), (START + timedelta(days=15), 20.0)], START, END)
    assert [(w.start, w.sessions, w.minutes) for w in weeks] == [
        (START, 1, 10.0),
        (START + timedelta(days=7), 0, 0.0),
        (START + timedelta(days=14), 1, 20.0),
        (START + timedelta(days=21), 0, 0.0),
    ]


@pytest.fixture
def history(tmp_path: Path) -> Path:
    return known.database(tmp_path / "history.sqlite3")


def test_gather_reads_the_known_history(history: Path) -> None:
    with open_store(history, mode="read") as store:
        data = gather(store, known.START, known.END, made=date(2026, 12, 1))
    assert len(data.sessions) == known.SESSIONS
    assert data.completed == known.SESSIONS - 6  # every fifth session ended early
    assert data.minutes == pytest.approx(known.SESSIONS * 15)
    assert (data.pain_change.first, data.pain_change.last) == (6.0, 3.0)
    assert data.pain_change.meaningful is True
    assert [s.started_at.date() for s in data.red_flags] == [known.FLAG_DAY]  # type: ignore[union-attr]
    assert [p.morning for p in data.pain if p.morning is not None] == [4]
    assert [(e.exercise, e.sets, e.reps) for e in data.exercises] == [
        ("Bird dog", 84, 672),
        ("Side plank", 56, 0),
    ]
    assert [n.notes for n in data.notes] == [known.NOTE]
    checks = data.checks
    assert checks is not None
    assert (checks.first_day, checks.last_day) == (known.START, date(2026, 11, 28))
    chair = next(line for line in checks.lines if line.name == "30-second chair stand")
    assert (chair.first.row.value, chair.last.row.value) == (11.0, 14.0)  # type: ignore[union-attr]
    assert chair.first.comparison is not None  # a verified norm row for a woman of 66
    flexor = next(line for line in checks.lines if line.name == "Trunk flexor hold")
    assert flexor.first.comparison is None  # no verified rule: no judgement
    assert [(when, a.shorter, round(a.difference, 2)) for when, _n, a in checks.asymmetries] == [
        ("start", "left", 0.3),
        ("end", "left", 0.07),
    ]
    assert [when for when, _text in checks.ratios] == ["start", "end"]
    assert all("Keep an eye" in text for _when, text in checks.ratios)  # unverified guide


def test_a_period_outside_the_history_is_empty(history: Path) -> None:
    with open_store(history, mode="read") as store:
        data = gather(store, date(2020, 1, 1), date(2020, 2, 1))
    assert (data.sessions, data.exercises, data.red_flags, data.checks) == ((), (), (), None)
    assert data.pain_change.meaningful is None


def test_default_start_is_twelve_weeks_or_the_first_session(history: Path) -> None:
    with open_store(history, mode="read") as store:
        assert default_start(store, known.END) == known.START  # began within the 12 weeks
        later = known.END + timedelta(days=200)
        assert default_start(store, later) == later - timedelta(days=DEFAULT_DAYS - 1)


def test_a_followed_programme_names_its_week_phase_and_plan(history: Path) -> None:
    from datetime import datetime

    from workout_player.store import programmes
    from workout_player.store.today import programme_file_key

    programme = REPO / "workouts" / "programmes" / "low-back-8-weeks.yaml"
    with open_store(history) as store:
        started = datetime(2026, 10, 5, 8, 0).astimezone()
        record = programmes.enrol_record(programme_file_key(programme), "Low back", started)
        programmes.enrol(store, record)
        data = gather(store, known.START, known.END)
    assert data.programme is not None
    assert (data.programme.title, data.programme.started) == ("Low back", known.START)
    assert data.programme.where.startswith("week 8 of 8, phase ")
    assert [week for week, _done, _planned in data.programme.adherence] == list(range(1, 9))
    assert all(planned > 0 for _week, _done, planned in data.programme.adherence)


def test_the_footer_says_what_the_figures_are_and_when_the_report_was_cut(history: Path) -> None:
    from workout_player.ui.report.content import CUT, footer

    with open_store(history, mode="read") as store:
        data = gather(store, known.START, known.END)
    text = footer(data, 1, 2)
    assert "self-reported" in text and "5 Oct 2026 to 29 Nov 2026" in text
    assert text.endswith("Page 1 of 2.")
    assert footer(data, 3, 3, cut=True).endswith(CUT)
    assert CUT not in footer(data, 2, 3, cut=True)  # said once, on the last page
