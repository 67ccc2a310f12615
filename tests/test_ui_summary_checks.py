"""The summary after a self-check session: "Your results" on a real SQLite file.

Trials are written through the store (or, while another process holds the file, through
the history writer); the page reads them: the best per side, the norm sentence for the
profile (the words the Checks screen uses), the person's own last time, the left/right
difference, the disclaimer pointing at Ctrl+K; nothing for a plain workout.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from tests.history_data import record
from tests.screen_support import run_on_screen
from tests.writer_support import LockHolder, StepRetryClock
from workout_player.domain.check_report import DISCLAIMER
from workout_player.domain.profile import Profile
from workout_player.store import CheckRecord, Store, open_store
from workout_player.ui.checks.page import ChecksPage
from workout_player.ui.history.results_face import ADD_PROFILE, SAVED_LATER, ResultRow
from workout_player.ui.history.summary import SummaryPage
from workout_player.ui.history_writer import HistoryWriter

STANCE = ("single_leg_stance_eyes_open", "Single-leg stance, eyes open")
CHAIR = ("chair_stand_30s", "30-second chair stand")
BRIDGE = ("side_bridge_left", "Side bridge, left side")
NOV_3 = datetime(2026, 11, 3, 9, 0).astimezone()
NOV_17 = datetime(2026, 11, 17, 9, 0).astimezone()


def trials(
    check: tuple[str, str], side: str | None, values: list[float], unit: str = "s"
) -> list[tuple[tuple[str, str], str | None, int, float, str]]:
    return [(check, side, n, value, unit) for n, value in enumerate(values, start=1)]


STANCE_TRIALS = trials(STANCE, "left", [35.5, 41.0, 39.0]) + trials(
    STANCE, "right", [28.0, 26.5, 27.0]
)


def check_record(
    check: tuple[str, str], side: str | None, trial: int, value: float, unit: str, at: datetime
) -> CheckRecord:
    return CheckRecord(0, check[0], check[1], side, trial, value, unit, False, at)


def check_session(
    store: Store,
    at: datetime,
    done: list[tuple[tuple[str, str], str | None, int, float, str]],
) -> int:
    """A finished "Stability check" session whose trials were measured a minute apart."""
    session_id = store.start_session(
        workout="Stability check", workout_file=None, content_hash=None, started_at=at
    )
    for minute, (check, side, trial, value, unit) in enumerate(done, start=1):
        measured = at + timedelta(minutes=minute)
        store.record_check(session_id, check_record(check, side, trial, value, unit, measured))
    store.finish_session(
        session_id,
        status="completed",
        active_seconds=60.0 * len(done),
        ended_at=at + timedelta(minutes=len(done) + 1),
    )
    return session_id


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "history.sqlite3"


@pytest.fixture
def store(db: Path) -> Iterator[Store]:
    with open_store(db) as opened:
        yield opened


def page(qtbot: QtBot, store: Store, session: object, **kwargs: object) -> SummaryPage:
    shown = SummaryPage(store, session, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(shown)
    shown.resize(1264, 640)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def rows(summary: SummaryPage) -> list[ResultRow]:
    face = summary.results.face
    assert face is not None
    return [row for check in face.checks for row in check.rows]


def test_the_best_trial_of_each_side_and_their_difference_are_shown(
    qtbot: QtBot, store: Store
) -> None:
    done = STANCE_TRIALS + trials(BRIDGE, "left", [30.0])
    session_id = check_session(store, NOV_3, done)
    # A count corrected after its trial comes as a higher revision: it replaces the first.
    corrected = check_record(STANCE, "right", 3, 30.0, "s", NOV_3 + timedelta(minutes=30))
    store.record_check(session_id, CheckRecord(**{**corrected.__dict__, "revision": 1}))
    summary = page(qtbot, store, session_id)

    assert rows(summary) == [
        ResultRow("Single-leg stance, eyes open", "left", "41.0 s", False, "first time"),
        ResultRow("", "right", "30.0 s", False, "first time"),
        # The name says the side: not said twice.
        ResultRow("Side bridge, left side", "", "30.0 s", False, "first time"),
    ]
    face = summary.results.face
    assert face is not None
    assert face.checks[0].asymmetry == (
        "On the right side you held 30 seconds, 27% less than the 41 seconds on the left side."
    )
    assert face.checks[1].asymmetry is None
    shown = summary.results.texts()
    assert shown[:4] == ["Your results", "Last time", "Single-leg stance, eyes open", "left"]
    assert face.checks[0].asymmetry in shown
    assert summary.results.isVisible() and summary.results.content_fits()
    assert summary.results.footer.isVisible()
    assert summary.results.footer.text().startswith(DISCLAIMER)
    assert "Ctrl+K" in summary.results.footer.text()
    # Checks alone: no empty table of exercises, and the totals count the checks.
    assert not summary.table.isVisible()
    assert summary.totals.text() == "7:00 total · 2 self-checks"  # the active time


def test_the_norm_sentence_for_the_profile_is_the_checks_screens(
    qtbot: QtBot, store: Store
) -> None:
    session_id = check_session(store, NOV_3, trials(CHAIR, None, [12], "reps"))
    summary = page(qtbot, store, session_id)
    face = summary.results.face
    assert face is not None
    assert face.norms == ()  # no profile: nothing to compare with, and it says how to add one
    assert face.note == ADD_PROFILE

    store.set_profile(Profile(birth_year=1958, sex="female"))  # 68 on the day
    summary.reload()
    face = summary.results.face
    assert face is not None and face.note == ""
    checks_page = ChecksPage(store)
    qtbot.addWidget(checks_page)
    checks_page.refresh()
    on_checks_screen = checks_page.summaries[0].sides[0].sentence
    assert "within the typical range for women aged 65 to 69" in on_checks_screen
    assert face.norms == (f"30-second chair stand: {on_checks_screen}",)
    assert face.norms[0] in summary.results.texts()
    assert rows(summary)[0].below is False


def test_a_result_below_the_typical_range_is_shown_in_amber(qtbot: QtBot, store: Store) -> None:
    store.set_profile(Profile(birth_year=1958, sex="female"))
    session_id = check_session(store, NOV_3, trials(CHAIR, None, [7], "reps"))
    summary = page(qtbot, store, session_id)
    assert rows(summary) == [ResultRow("30-second chair stand", "", "7 reps", True, "first time")]
    value = next(
        label for label in summary.results.findChildren(QLabel) if label.text() == "7 reps"
    )
    assert value.property("textSize") == "result-below"
    face = summary.results.face
    assert face is not None and "worth showing your physiotherapist" in face.norms[0]


def test_first_time_then_your_last_time_from_the_session_before(qtbot: QtBot, store: Store) -> None:
    first = check_session(store, NOV_3, trials(STANCE, "left", [35.0]) + trials(
        STANCE, "right", [22.0, 30.0]
    ))  # fmt: skip
    summary = page(qtbot, store, first)
    assert [row.last for row in rows(summary)] == ["first time", "first time"]

    second = check_session(store, NOV_17, STANCE_TRIALS)
    summary = page(qtbot, store, second)
    assert [(row.value, row.last) for row in rows(summary)] == [
        ("41.0 s", "35.0 s, 3 Nov"),
        ("28.0 s", "30.0 s, 3 Nov"),
    ]
    # The first session's summary, opened again, is not compared with a later one.
    summary = page(qtbot, store, first)
    assert [row.last for row in rows(summary)] == ["first time", "first time"]


def test_a_plain_workout_shows_no_results(qtbot: QtBot, store: Store) -> None:
    session_id = record(
        store, NOV_3, "Back basics", "completed", 300.0, [("Bird dog", 8, 30.0)]
    )  # fmt: skip
    check_session(store, NOV_17, STANCE_TRIALS)  # results of another session stay there
    summary = page(qtbot, store, session_id)
    assert summary.results.face is None
    assert not summary.results.isVisible() and not summary.results.footer.isVisible()
    assert summary.results.texts() == []
    assert summary.table.isVisible() and summary.exercises.rowCount() == 1
    assert " · 1 set · " in summary.totals.text()


def test_page_down_scrolls_results_longer_than_their_place(qtbot: QtBot, store: Store) -> None:
    done = [
        ((f"own_check_{n}", f"A check of my own, number {n}"), None, 1, 10.0 + n, "s")
        for n in range(30)
    ]
    summary = page(qtbot, store, check_session(store, NOV_3, done))
    bar = summary.results.verticalScrollBar()
    assert not summary.results.content_fits() and bar.value() == 0
    assert summary.done_button.isVisible() and summary.feedback.isVisible()
    # From the Done button, where the focus is when the page opens: it passes the keys up.
    summary.done_button.setFocus()
    qtbot.keyClick(summary.done_button, Qt.Key.Key_PageDown)
    assert bar.value() == min(bar.pageStep(), bar.maximum()) > 0
    qtbot.keyClick(summary.done_button, Qt.Key.Key_PageUp)
    assert bar.value() == 0


@pytest.mark.slow
def test_while_another_program_holds_the_file_the_values_show_and_the_rest_follows(
    qtbot: QtBot, db: Path
) -> None:
    with open_store(db) as earlier:
        check_session(earlier, NOV_3, trials(STANCE, "left", [35.0]) + trials(
            STANCE, "right", [30.0]
        ))  # fmt: skip
    holder = LockHolder(db)
    retry = StepRetryClock()
    store = open_store(db)  # reading works under the lock (WAL)
    history = HistoryWriter(store, retry_clock=retry)
    try:
        with qtbot.waitSignal(history.waiting_changed, timeout=30_000):
            handle = history.start_session(
                workout="Stability check", workout_file=None, content_hash=None
            )
        for minute, (check, side, trial, value, unit) in enumerate(STANCE_TRIALS, start=1):
            measured = NOV_17 + timedelta(minutes=minute)
            history.record_check(handle, check_record(check, side, trial, value, unit, measured))
        history.finish_session(handle, status="completed", active_seconds=400.0)

        summary = page(qtbot, store, handle, history=history)
        assert summary.showing_draft()
        assert [(row.side, row.value, row.last) for row in rows(summary)] == [
            ("left", "41.0 s", ""),
            ("right", "28.0 s", ""),
        ]  # this session's values from the writer; no last time until it is saved
        face = summary.results.face
        assert face is not None and face.note == SAVED_LATER
        assert face.checks[0].asymmetry is not None

        holder.release()
        with qtbot.waitSignal(history.caught_up, timeout=30_000):
            retry.release()
        qtbot.waitUntil(lambda: not summary.showing_draft())
        assert [(row.value, row.last) for row in rows(summary)] == [
            ("41.0 s", "35.0 s, 3 Nov"),
            ("28.0 s", "30.0 s, 3 Nov"),
        ]
        face = summary.results.face
        assert face is not None and face.note == ""
    finally:
        retry.open()
        history.close()
        holder.stop()
        store.close()


# What the bundled Stability check gives with tests/check_support.py's keys and hold times.
STABILITY_VALUES = ["12 reps", "8.0 s", "10.0 s", "8.0 s", "10.0 s", "11 steps", "60.0 s"]
STABILITY_VALUES += ["90.0 s", "40.0 s", "40.0 s"]


@pytest.mark.slow
@pytest.mark.parametrize("profile", ["-", "1958,female"])
def test_at_1280x720_the_results_the_pain_boxes_and_the_buttons_are_all_in_view(
    tmp_path: Path, profile: str
) -> None:
    found = run_on_screen(
        tmp_path, 1280, 720, "tests.summary_fit_worker", str(tmp_path), profile
    )  # fmt: skip
    area, window = found["area"], found["window"]
    assert area == [0, 0, 1280, 720]
    assert window[0] >= 0 and window[1] >= 0, window
    assert window[0] + window[2] <= 1280 and window[1] + window[3] <= 720, window
    assert all(found["inside"].values()), found["inside"]
    assert found["checks"] == 8
    assert found["values"] == STABILITY_VALUES
    assert found["values_in_view"], "every value shows without scrolling"
    if profile == "-":
        assert found["fits"], "without a norm sentence the whole block shows"
