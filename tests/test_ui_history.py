"""The history screen: lazy session list, filters, a session's sets and feedback, charts."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt

from tests.history_data import TODAY, bulk, fill
from workout_player.store import open_store
from workout_player.ui.history.filters import NO_DATE
from workout_player.ui.history.model import PAGE_SIZE
from workout_player.ui.history.page import HistoryPage
from workout_player.ui.history.progress import chart_window


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "history.sqlite3"


@pytest.fixture
def store(db_path: Path):
    with open_store(db_path) as store:
        yield store


@pytest.fixture
def known(store):
    return fill(store)


def _page(qtbot, store) -> HistoryPage:
    page = HistoryPage(store, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    qtbot.waitExposed(page)
    return page


def _column(page: HistoryPage, column: int) -> list[str]:
    model = page.model
    return [model.index(row, column).data() for row in range(model.rowCount())]


def _points(series) -> list[tuple[float, float]]:
    return [(p.x(), p.y()) for p in series.points()]


def test_sessions_are_listed_newest_first_with_pain_before_and_after(qtbot, store, known):
    page = _page(qtbot, store)
    assert [page.model.session(r).id for r in range(page.model.rowCount())] == known[::-1]
    assert _column(page, 1) == [
        "Back basics",
        "Side plank day",
        "Back basics",
        "Side plank day",
        "Back basics",
        "Back basics",
    ]
    assert _column(page, 2)[:2] == ["20:00", "4:00"]
    assert _column(page, 3)[:2] == ["Completed", "Stopped early"]
    assert _column(page, 4) == ["2 → 1", "3 → -", "5 → 2", "", "5 → 4", "4 → 3"]
    assert page.count_label.text() == "6 sessions"


def test_filter_by_workout(qtbot, store, known):
    page = _page(qtbot, store)
    items = [page.workout.itemText(i) for i in range(page.workout.count())]
    assert items == ["All workouts", "Back basics", "Side plank day"]
    page.workout.setCurrentText("Side plank day")
    assert _column(page, 1) == ["Side plank day"] * 2
    assert page.count_label.text() == "2 sessions"
    page.clear_filters()
    assert page.model.rowCount() == 6


def test_filter_by_date_range(qtbot, store, known):
    page = _page(qtbot, store)
    page.date_from.setDate(QDate(2026, 3, 3))
    page.date_to.setDate(QDate(2026, 3, 16))
    assert [page.model.session(r).id for r in range(page.model.rowCount())] == [
        known[3],
        known[2],
        known[1],
    ]
    page.date_to.setDate(NO_DATE)  # "Any": open-ended
    assert page.model.rowCount() == 5
    assert page.history_filter().since == date(2026, 3, 3)
    assert page.history_filter().until is None


def test_the_list_loads_page_by_page_as_it_scrolls(qtbot, store):
    bulk(store, 2 * PAGE_SIZE + 50)
    page = _page(qtbot, store)
    assert page.model.total() == 2 * PAGE_SIZE + 50
    assert page.model.rowCount() == PAGE_SIZE
    assert page.progress.weeks == []  # charts wait until the Progress tab is opened
    bar = page.table.verticalScrollBar()
    loaded = [page.model.rowCount()]
    while page.model.canFetchMore():
        bottom = bar.maximum()
        bar.setValue(bottom)  # the view asks the model for more at the very bottom
        qtbot.waitUntil(lambda: page.model.rowCount() > loaded[-1])
        loaded.append(page.model.rowCount())
        qtbot.waitUntil(lambda b=bottom: bar.maximum() > b)  # the new rows are laid out
    bar.setValue(bar.maximum())
    assert not page.model.canFetchMore()
    assert loaded == [PAGE_SIZE, 2 * PAGE_SIZE, 2 * PAGE_SIZE + 50]
    starts = [page.model.session(r).started_at for r in range(page.model.rowCount())]
    assert starts == sorted(starts, reverse=True)
    assert len({page.model.session(r).id for r in range(page.model.rowCount())}) == len(starts)


def test_selecting_a_session_shows_its_sets(qtbot, store, known):
    page = _page(qtbot, store)
    assert page.detail.title.text() == "Back basics"  # the newest is selected at first
    assert page.select_session(known[3])
    sets = page.detail.sets
    rows = [
        [sets.index(r, c).data() for c in range(sets.columnCount())] for r in range(sets.rowCount())
    ]
    assert rows == [
        ["Bird dog", "1", "", "8 / 8", "0:30"],
        ["Bird dog", "2", "", "8 / 8", "0:30"],
        ["Bird dog", "3", "", "8 / 8", "0:30"],
        ["Side plank", "1", "", "", "0:20"],
        ["Side plank", "2", "", "", "0:20"],
    ]
    assert page.detail.feedback.pain_before.value() == 5
    assert page.detail.feedback.rpe.value() == 6


def test_pain_effort_and_note_can_be_edited_later(qtbot, store, known, db_path):
    page = _page(qtbot, store)
    page.select_session(known[4])  # pain after was not given
    feedback = page.detail.feedback
    qtbot.mouseClick(feedback.pain_after.button(1), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(feedback.notes, "Forgot to rate")
    page.select_session(known[0])  # moving on saves the pending edit at once
    assert page.model.index(page.model.row_of(known[4]), 4).data() == "3 → 1"
    with open_store(db_path) as other:
        saved = other.session(known[4])
    assert (saved.pain_after, saved.notes) == (1, "Forgot to rate")


def test_charts_show_weekly_totals_pain_and_top_exercises(qtbot, store, known):
    page = _page(qtbot, store)
    page.tabs.setCurrentWidget(page.progress)
    progress = page.progress
    first, last = chart_window(page.history_filter(), TODAY)
    assert (first, last) == (date(2025, 12, 1), TODAY)
    assert len(progress.weeks) == 16
    minutes = [progress.weekly.minutes_set.at(i) for i in range(16)]
    sessions = [p.y() for p in progress.weekly.sessions_series.points()]
    assert minutes == [0.0] * 12 + [10.0, 10.0, 5.0, 39.0]
    assert sessions == [0.0] * 12 + [1.0, 1.0, 1.0, 3.0]

    def day(d: date) -> float:
        return float(datetime(d.year, d.month, d.day, 12).timestamp() * 1000)

    assert _points(progress.pain.before_series) == [
        (day(date(2026, 2, 25)), 4.0),
        (day(date(2026, 3, 3)), 5.0),
        (day(date(2026, 3, 16)), 5.0),
        (day(date(2026, 3, 17)), 3.0),
        (day(date(2026, 3, 18)), 2.0),
    ]
    assert [y for _x, y in _points(progress.pain.after_series)] == [3.0, 4.0, 2.0, 1.0]

    bars = progress.exercises.bar_set
    categories = progress.exercises.chart().axes(Qt.Orientation.Vertical)[0].categories()
    assert categories == ["Dead bug", "Side plank", "Bird dog"]  # the most done at the top
    assert [bars.at(i) for i in range(bars.count())] == [2.0, 5.0, 8.0]


def test_charts_follow_the_workout_filter(qtbot, store, known):
    page = _page(qtbot, store)
    page.tabs.setCurrentWidget(page.progress)
    page.workout.setCurrentText("Side plank day")
    minutes = [page.progress.weekly.minutes_set.at(i) for i in range(16)]
    assert minutes[-2:] == [5.0, 4.0]
    bars = page.progress.exercises.bar_set
    assert [bars.at(i) for i in range(bars.count())] == [3.0]


def test_streaks_count_days_and_weeks_in_a_row(qtbot, store, known):
    page = _page(qtbot, store)
    page.tabs.setCurrentWidget(page.progress)
    assert page.progress.streaks.days.text() == "3 days in a row"
    assert page.progress.streaks.weeks.text() == "4 weeks in a row"


def test_an_empty_history_opens(qtbot, store):
    page = _page(qtbot, store)
    page.tabs.setCurrentWidget(page.progress)
    assert page.model.rowCount() == 0
    assert page.count_label.text() == "0 sessions"
    assert page.detail.title.text() == "Choose a session"
    assert page.progress.streaks.days.text() == "0 days in a row"


def test_escape_goes_back(qtbot, store):
    page = _page(qtbot, store)
    with qtbot.waitSignal(page.back):
        qtbot.keyClick(page, Qt.Key.Key_Escape)


def test_a_from_date_after_the_to_date_shows_nothing_without_complaint(qtbot, store, known):
    page = _page(qtbot, store)
    page.tabs.setCurrentWidget(page.progress)
    page.date_from.setDate(QDate(2026, 3, 18))
    page.date_to.setDate(QDate(2026, 3, 1))
    assert page.model.rowCount() == 0
    assert page.detail.title.text() == "Choose a session"
    assert page.progress.exercises.bar_set.count() == 0


def test_arrow_keys_on_an_empty_date_start_from_today(qtbot, store):
    page = _page(qtbot, store)
    page.date_from.setFocus()
    qtbot.keyClick(page.date_from, Qt.Key.Key_Up)
    assert page.date_from.date() == QDate.currentDate()
    assert page.history_filter().since == date.today()


def test_up_and_down_walk_through_the_sessions(qtbot, store, known):
    page = _page(qtbot, store)
    assert page.focusWidget() is page.table
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    assert page.detail.feedback.session_id() == known[-2]
    qtbot.keyClick(page.table, Qt.Key.Key_Up)
    assert page.detail.feedback.session_id() == known[-1]
