"""The Checks screen on a real history file: latest result beside its norm and the last
time, the left/right difference, McGill's ratios, the trend, and the profile asked once
and saved through the history writer."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from tests.check_history import seed_checks
from workout_player.domain.check_report import DISCLAIMER
from workout_player.domain.checks.wording import WORTH
from workout_player.domain.profile import Profile
from workout_player.store import Store, open_store
from workout_player.ui import theme
from workout_player.ui.checks.page import EMPTY, NO_PROFILE, ChecksPage
from workout_player.ui.history_writer import HistoryWriter

CHAIR_WITHIN = (
    "13 reps is within the typical range for women aged 65 to 69: 11 to 16 reps, the middle "
    "half of community-residing older adults in the USA aged 60 to 94 (Rikli & Jones 1999)."
)
CHAIR_NO_PROFILE = (
    "Add your birth year and sex in your profile to compare your 30-second chair stand with "
    "published figures; until then the app shows your own trend."
)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with open_store(tmp_path / "history.sqlite3") as opened:
        yield opened


def _page(qtbot: QtBot, store: Store, tmp_path: Path, **kwargs: object) -> ChecksPage:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    page = ChecksPage(store, settings=settings, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(page)
    page.resize(1366, 720)
    page.refresh()
    return page


def _select(page: ChecksPage, name: str) -> None:
    names = [summary.name for summary in page.summaries]
    page.list.setCurrentRow(names.index(name))


def test_latest_result_beside_its_norm_and_the_last_time(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    seed_checks(store)
    store.set_profile(Profile(birth_year=1958, sex="female"))
    page = _page(qtbot, store, tmp_path)
    assert page.disclaimer.text() == DISCLAIMER
    assert page.profile_line.text() == (
        "Compared with published figures for: born 1958, female. Press E to change it."
    )
    assert page.form.isHidden()  # a profile is there: nothing to ask
    assert [page.list.item(i).text() for i in range(3)] == [
        "30-second chair stand\n   13 reps",
        "Single-leg stance, eyes open\n   27.5 s / 35.4 s",
        "Trunk flexor hold\n   78.0 s",
    ]
    assert page.list.currentRow() == 0
    assert page.name.text() == "30-second chair stand"
    text = page.results.text()
    assert "13 reps</span></b> on 2 Nov 2026" in text
    assert CHAIR_WITHIN in text
    assert "Last time: 12 reps on 19 Oct 2026." in text
    assert WORTH not in text
    assert page.ratios.isHidden()  # McGill's ratios go with his holds only
    points = page.chart.series[None].points()
    assert [p.y() for p in points] == [11.0, 12.0, 13.0]


def test_below_the_typical_range_is_worth_working_on_never_an_alarm(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    seed_checks(store)
    store.set_profile(Profile(birth_year=1975, sex="male"))
    page = _page(qtbot, store, tmp_path)
    _select(page, "Back extensor hold (Biering-Sørensen)")
    text = page.results.text()
    assert f"color:{theme.WARN}; font-size:30px'>119.0 s" in text
    assert text.count(WORTH) == 1
    assert "You held 119 seconds." in text


def test_sides_differences_and_mcgill_ratios_in_one_sentence_each(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    seed_checks(store)
    page = _page(qtbot, store, tmp_path)
    _select(page, "Single-leg stance, eyes open")
    assert page.asymmetry.text() == (
        "On the left side you held 27.5 seconds, 22% less than the 35.4 seconds on the right side."
    )
    assert sorted(page.chart.series) == ["left", "right"]
    assert [p.y() for p in page.chart.series["left"].points()] == [21.5, 24.5, 27.5]
    _select(page, "Trunk flexor hold")
    assert page.asymmetry.isHidden()
    lines = page.ratios.text().split("\n")
    assert lines[0] == "McGill's ratios, 2 Nov 2026:"
    assert lines[1] == (
        "Your trunk flexor hold lasted 0.66 times as long as your back extensor hold "
        "(Biering-Sørensen). Keep an eye on how this changes over the weeks."
    )
    assert len(lines) == 5


def test_without_a_profile_it_asks_once_and_shows_the_own_trend(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    seed_checks(store, sessions=1)
    page = _page(qtbot, store, tmp_path)
    assert page.profile_line.text() == NO_PROFILE
    assert CHAIR_NO_PROFILE in page.results.text()
    assert "First time: nothing to compare with yet." in page.results.text()
    assert not page.form.isHidden()  # asked the first time there are results
    qtbot.keyClick(page.form.year, Qt.Key.Key_Escape)
    assert page.form.isHidden()
    page.refresh()
    assert page.form.isHidden()  # asked once, not at every visit
    again = _page(qtbot, store, tmp_path)
    assert again.form.isHidden()  # nor in the next run (kept in the settings)


def test_the_profile_goes_through_the_history_writer(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    seed_checks(store)
    history = HistoryWriter(store)
    page = _page(qtbot, store, tmp_path, history=history)
    assert not page.form.isHidden()
    qtbot.keyClicks(page.form.year, "1958")
    page.form.sex.setCurrentIndex(1)  # Female
    qtbot.keyClick(page.form.year, Qt.Key.Key_Return)
    assert page.form.isHidden()
    assert CHAIR_WITHIN in page.results.text()  # judged with the new profile at once
    assert history.flush(timeout=30)
    assert store.profile() == Profile(birth_year=1958, sex="female")
    history.close()


def test_a_birth_year_that_cannot_be_right_is_said_in_plain_words(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    seed_checks(store, sessions=1)
    page = _page(qtbot, store, tmp_path)
    qtbot.keyClicks(page.form.year, "3000")
    qtbot.keyClick(page.form.year, Qt.Key.Key_Return)
    assert not page.form.isHidden()
    assert page.form.problem.text().startswith("That birth year cannot be right: a birth year is")
    assert page.form.problem.text().endswith("Type the year you were born, or leave it empty.")
    assert store.profile() == Profile()


def test_no_results_yet_says_how_to_get_some(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    page = _page(qtbot, store, tmp_path)
    assert not page.empty.isHidden() and page.empty.text() == EMPTY
    assert page.body.isHidden()
    assert page.form.isHidden()  # nothing to compare yet: no question


def test_e_opens_the_profile_and_esc_goes_back(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    seed_checks(store)
    store.set_profile(Profile(birth_year=1958))
    page = _page(qtbot, store, tmp_path)
    page.show()
    page.list.setFocus()
    qtbot.keyClick(page.list, Qt.Key.Key_E)
    assert not page.form.isHidden()
    assert page.form.year.text() == "1958"
    qtbot.keyClick(page.form.year, Qt.Key.Key_Escape)
    with qtbot.waitSignal(page.back, timeout=1000):
        qtbot.keyClick(page.list, Qt.Key.Key_Escape)


def test_the_chart_shades_the_typical_range_only_with_a_norm(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    seed_checks(store)
    page = _page(qtbot, store, tmp_path)
    assert page.chart.band is None  # no profile: no range to show
    page.form.setVisible(False)
    store.set_profile(Profile(birth_year=1958, sex="female"))
    page.refresh()
    band = page.chart.band
    assert band is not None
    assert band.name() == "Typical range, women aged 65 to 69 (Rikli & Jones 1999)"
    assert sorted({p.y() for p in band.lowerSeries().points()}) == [11.0]
    assert sorted({p.y() for p in band.upperSeries().points()}) == [16.0]
    _select(page, "Back extensor hold (Biering-Sørensen)")
    assert page.chart.band is None  # no norm row for her (men aged 30 to 60 only)
