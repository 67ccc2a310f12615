"""Today in the library: what is due on a fake date, the keys that start, pause and leave a
programme, the morning question (digits, 1 then 0, Esc) and the choice after a suggestion,
everything read back from the real SQLite file the history writer wrote."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui_support import SHORT_WORKOUT, write_workout
from workout_player.domain.diary import SetRecord
from workout_player.store import Store, open_store
from workout_player.store.programmes import current_enrolment, enrol_record
from workout_player.store.records import apply
from workout_player.store.today import programme_file_key
from workout_player.ui.history_writer import HistoryWriter
from workout_player.ui.library.page import LibraryPage
from workout_player.ui.library.today import bundled_programme

ZONE = timezone(timedelta(hours=1))
MONDAY = date(2026, 3, 2)
PROGRAMME = """\
programme: Short test programme
safety: Stop with numbness in a leg.
phases:
  - name: Calm and brace
    weeks: 2
    sessions: 3
    workouts:
      - file: holds.yaml
        name: Two quick holds
        levels: 3
"""


class Fixture:
    def __init__(self, qtbot: QtBot, tmp_path: Path) -> None:
        self.qtbot = qtbot
        self.workout = write_workout(tmp_path, SHORT_WORKOUT, "holds.yaml")
        self.programme = tmp_path / "programme.yaml"
        self.programme.write_text(PROGRAMME, encoding="utf-8")
        self.db = tmp_path / "history.sqlite3"
        self.day = MONDAY
        self.store: Store | None = None

    def enrol(self, day: date = MONDAY) -> None:
        with open_store(self.db) as store:
            started = datetime.combine(day, datetime.min.time(), ZONE).replace(hour=8)
            apply(store, enrol_record(programme_file_key(self.programme), "Short test programme",
                                      started))  # fmt: skip

    def session(self, day: date, *, before: int, after: int, rpe: int, sets: int = 2) -> int:
        start = datetime.combine(day, datetime.min.time(), ZONE).replace(hour=18)
        with open_store(self.db) as store:
            file = str(self.workout.resolve())
            sid = store.start_session(
                workout="Two quick holds", content_hash=None, workout_file=file, started_at=start
            )
            for n in range(sets):
                at = start + timedelta(minutes=n + 1)
                store.record_set(sid, SetRecord(n, "Glute bridge", 1, None, None, None, 5.0,
                                                at, at + timedelta(seconds=5)))  # fmt: skip
            store.finish_session(sid, status="completed", active_seconds=60.0,
                                 ended_at=start + timedelta(minutes=5))  # fmt: skip
            store.update_session(sid, pain_before=before, pain_after=after, rpe=rpe)
        return sid

    def open(self) -> tuple[LibraryPage, HistoryWriter]:
        self.store = open_store(self.db, mode="read")
        history = HistoryWriter(self.store)
        page = LibraryPage()
        self.qtbot.addWidget(page)
        page.show()
        with self.qtbot.waitSignal(page.today.refreshed):
            page.today.attach(self.store, history, keys_on=page, today=lambda: self.day,
                              now=lambda: datetime.combine(self.day, datetime.min.time(),
                                                           ZONE).replace(hour=7))  # fmt: skip
        self.history = history
        return page, history

    def rows(self, sql: str) -> list[tuple[object, ...]]:
        conn = sqlite3.connect(self.db)
        try:
            return conn.execute(sql).fetchall()
        finally:
            conn.close()

    def after_write(self, page: LibraryPage, do: object) -> None:
        """Press keys (`do()`), then wait until the writer stored it and Today read it again."""
        with self.qtbot.waitSignal(page.today.refreshed, timeout=10000):
            do()  # type: ignore[operator]

    def close(self) -> None:
        if getattr(self, "history", None) is not None:
            self.history.close()
        if self.store is not None:
            self.store.close()


@pytest.fixture
def f(qtbot: QtBot, tmp_path: Path) -> Iterator[Fixture]:
    fixture = Fixture(qtbot, tmp_path)
    yield fixture
    fixture.close()


def test_without_a_programme_a_quiet_line_offers_the_bundled_one(f: Fixture) -> None:
    page, _ = f.open()
    today = page.today
    assert today.headline.text() == (
        "You are not following a programme. One comes with the app: Low back - 8 weeks."
    )
    assert today.keys.text() == "[S] Start Low back - 8 weeks     [F] Another programme file…"
    assert not today.wants_focus()


def test_s_then_y_starts_the_bundled_programme_in_the_database(f: Fixture) -> None:
    page, _ = f.open()
    page.today.press("S")
    assert page.today.confirm.text().startswith("Start Low back - 8 weeks (8 weeks)? For recurring")
    assert f.rows("SELECT count(*) FROM enrolments") == [(0,)]  # asked first
    f.after_write(page, lambda: page.today.press("Y"))
    assert f.rows("SELECT programme_file, programme, started_at FROM enrolments") == [
        (str(bundled_programme().resolve()), "Low back - 8 weeks", "2026-03-02T07:00:00+01:00")
    ]
    assert page.today.headline.text() == (
        "Week 1 of 8 - Calm and brace - session 1 of 3 this week: Daily back care, level 1"
    )
    assert page.today.wants_focus()


def test_esc_on_the_start_question_starts_nothing(f: Fixture, qtbot: QtBot) -> None:
    page, _ = f.open()
    page.today.press("S")
    qtbot.keyClick(page.today, Qt.Key.Key_Escape)
    assert page.today.confirm.isHidden()
    page.today.press("Y")  # a Y after the question went does nothing
    f.history.flush(10)
    assert f.rows("SELECT count(*) FROM enrolments") == [(0,)]


def test_today_on_a_seeded_history_shows_week_strip_and_adherence(f: Fixture) -> None:
    f.enrol(MONDAY)
    f.session(MONDAY, before=2, after=2, rpe=5)
    f.session(MONDAY + timedelta(2), before=2, after=3, rpe=5)
    # Week 2 (9-15 March): one done on Tuesday; on Sunday two are left and one day: missed.
    f.session(MONDAY + timedelta(8), before=2, after=2, rpe=5)
    f.day = MONDAY + timedelta(13)
    page, _ = f.open()
    today = page.today
    assert today.headline.text() == (
        "Week 2 of 2 - Calm and brace - session 2 of 3 this week: Two quick holds, level 1"
    )
    assert today.strip_title.text() == "Week 2:"
    assert today.strip_marks() == ["done", "planned", "missed"]
    assert today.adherence.text() == "Done of planned: week 1 2/3   week 2 1/3"
    assert today.suggestion.text() == (
        "<b>Suggestion: the same level.</b> The next morning's answer is not in yet: "
        "stay at level 1."  # Tuesday's morning was not asked: the question waits 2 days only
    )
    assert today.keys.text() == (
        "[A] Accept: stay at level 1     [Enter] Start     "
        "[P] Pause (flare-up, holiday)     [L] Leave the programme"
    )


def test_enter_starts_the_due_workout_at_its_level(f: Fixture, qtbot: QtBot) -> None:
    f.enrol(MONDAY)
    page, _ = f.open()
    page.focus_start()
    assert page.today.hasFocus()
    with qtbot.waitSignal(page.today.start_requested) as started:
        qtbot.keyClick(page.today, Qt.Key.Key_Return)
    workout = started.args[0]
    assert workout.title == "Two quick holds"
    assert workout.source.resolve() == f.workout.resolve()
    qtbot.keyClick(page.today, Qt.Key.Key_Down)
    assert page.view.hasFocus()  # Down goes on to the workout list


def test_today_is_read_again_when_the_library_shows_after_a_session(f: Fixture) -> None:
    f.enrol(MONDAY)
    page, history = f.open()
    assert page.today.headline.text().startswith("Week 1 of 2")
    page.hide()  # the player has the screen
    f.session(MONDAY, before=2, after=2, rpe=5)
    history.caught_up.emit()  # what the writer says once the session's end is stored
    assert page.today.headline.text().startswith("Week 1 of 2")  # not read while hidden
    with f.qtbot.waitSignal(page.today.refreshed):
        page.show()
    assert page.today.headline.text().startswith("Done for today. Next: Week 1 of 2")
    assert page.today.strip_marks() == ["done", "planned", "planned"]


def test_p_pauses_and_resumes_and_l_y_leaves(f: Fixture) -> None:
    f.enrol(MONDAY)
    page, _ = f.open()
    f.after_write(page, lambda: page.today.press("P"))
    assert page.today.headline.text() == "Paused: resume when you are ready."
    assert "[P] Resume" in page.today.keys.text()
    assert "[Enter]" not in page.today.keys.text()
    f.after_write(page, lambda: page.today.press("P"))
    page.today.press("L")
    assert page.today.confirm.text().startswith("Leave Short test programme?")
    f.after_write(page, lambda: page.today.press("Y"))
    assert f.rows("SELECT event FROM enrolment_events ORDER BY id") == [
        ("pause",),
        ("resume",),
        ("leave",),
    ]
    assert page.today.headline.text().startswith("You are not following a programme.")
    with open_store(f.db, mode="read") as store:
        assert current_enrolment(store) is None


@pytest.mark.parametrize(
    ("keys", "stored"),
    [
        ([Qt.Key.Key_4], 4),
        ([Qt.Key.Key_0], 0),
        ([Qt.Key.Key_1, Qt.Key.Key_0], 10),
        ([Qt.Key.Key_1, Qt.Key.Key_Return], 1),
        ([Qt.Key.Key_1, Qt.Key.Key_7], 7),
        ([Qt.Key.Key_Escape], None),
    ],
)
def test_the_morning_question_stores_its_answer_with_the_session(
    f: Fixture, qtbot: QtBot, keys: list[Qt.Key], stored: int | None
) -> None:
    f.enrol(MONDAY)
    sid = f.session(MONDAY, before=2, after=3, rpe=5)
    f.day = MONDAY + timedelta(1)
    page, _ = f.open()
    question = page.today.question
    assert question.isVisible()
    assert question.question.text() == "How is your back this morning? 0-10"
    assert question.about.text() == "About your session of Monday 2 March."
    page.focus_start()
    assert question.hasFocus()
    page.today.press("L")  # letters do nothing while it asks
    assert page.today.confirm.isHidden()
    with qtbot.waitSignal(page.today.refreshed, timeout=10000):
        for key in keys:
            qtbot.keyClick(question, key)
    assert f.rows("SELECT session_id, morning_pain, morning_asked_at FROM session_responses") == [
        (sid, stored, "2026-03-03T07:00:00+01:00")
    ]
    assert not question.isVisible()  # asked once: a skip is stored too


def _two_good_sessions(f: Fixture) -> int:
    f.enrol(MONDAY)
    first = f.session(MONDAY, before=2, after=2, rpe=5)
    second = f.session(MONDAY + timedelta(2), before=1, after=2, rpe=6)
    with open_store(f.db) as store:
        for sid, day in ((first, 3), (second, 5)):
            store.conn.execute(
                "INSERT INTO session_responses (session_id, morning_pain, morning_asked_at)"
                " VALUES (?, 1, ?)",
                [sid, f"2026-03-0{day}T07:00:00+01:00"],
            )
    f.day = MONDAY + timedelta(3)
    return second


def test_a_suggestion_is_shown_with_its_reason_and_the_choice_is_stored(f: Fixture) -> None:
    second = _two_good_sessions(f)
    page, _ = f.open()
    today = page.today
    assert today.suggestion.text() == (
        "<b>Suggestion: a step up.</b> Your back settled by the next morning and you finished "
        "everything twice: try level 2."
    )
    assert today.keys.text() == (  # at level 1, easier is the same as keeping it
        "[A] Try level 2     [K] Keep level 1     [Enter] Start     "
        "[P] Pause (flare-up, holiday)     [L] Leave the programme"
    )
    f.after_write(page, lambda: today.press("A"))
    assert f.rows(
        "SELECT session_id, phase, suggested, rule, chosen, level_from, level_to, level"
        " FROM suggestions"
    ) == [(second, 0, "harder", "H1", "harder", 1, 2, 2)]
    assert today.suggestion.isHidden()
    assert today.headline.text().endswith("Two quick holds, level 2")


def test_keep_the_same_level_is_stored_as_the_persons_choice(f: Fixture) -> None:
    second = _two_good_sessions(f)
    page, _ = f.open()
    page.today.press("E")  # not offered at level 1: nothing happens
    f.after_write(page, lambda: page.today.press("K"))
    assert f.rows("SELECT session_id, suggested, chosen, level FROM suggestions") == [
        (second, "harder", "same", 1)
    ]
    assert page.today.headline.text().endswith("Two quick holds, level 1")


def test_too_much_pain_at_the_easiest_level_suggests_going_gently(f: Fixture) -> None:
    f.enrol(MONDAY)
    f.session(MONDAY, before=2, after=6, rpe=5)  # E1: pain above 5 after the session
    f.day = MONDAY + timedelta(1)
    page, _ = f.open()
    assert page.today.suggestion.isHidden()  # the morning's answer comes first
    f.after_write(page, lambda: page.today.question.answered.emit(None))  # skip the question
    assert page.today.suggestion.text() == (
        "<b>Suggestion: go gently.</b> Your pain was 6 after the session: stay at level 1, "
        "the easiest, in a range that feels comfortable, and rest a day."
    )
    assert page.today.keys.text().startswith("[A] Accept: stay at level 1     [Enter] Start")
    f.after_write(page, lambda: page.today.press("A"))
    assert f.rows("SELECT suggested, chosen, level FROM suggestions") == [("easier", "easier", 1)]


def test_stop_and_check_is_calm_and_offers_a_pause(f: Fixture) -> None:
    f.enrol(MONDAY)
    f.session(MONDAY, before=2, after=7, rpe=5)
    f.day = MONDAY + timedelta(1)
    page, _ = f.open()
    f.after_write(page, lambda: page.today.question.answered.emit(None))
    today = page.today
    assert today.suggestion.text() == (
        "<b>Stop and check with a clinician.</b> Your pain reached 7 out of 10: stop the "
        "programme and see a clinician before the next session."
    )
    assert today.suggestion_note.text() == (
        "A precaution, not an alarm. Pausing keeps your place in the programme."
    )
    assert today.keys.text() == (  # no Enter until decided
        "[P] Pause the programme     [K] Carry on at level 1     [L] Leave the programme"
    )
    started: list[object] = []
    today.start_requested.connect(started.append)
    today.press("Enter")
    assert started == []
    f.after_write(page, lambda: today.press("P"))
    assert f.rows("SELECT event FROM enrolment_events") == [("pause",)]
    assert today.headline.text() == "Paused: resume when you are ready."


def test_today_is_worked_out_again_at_midnight(f: Fixture) -> None:
    f.enrol(MONDAY)
    f.session(MONDAY, before=2, after=2, rpe=5)
    page, _ = f.open()
    assert page.today.headline.text().startswith("Done for today. Next: Week 1 of 2")
    timer = page.today.midnight_timer
    assert timer.isActive()
    assert timer.remainingTime() <= 18 * 3600 * 1000  # 07:00 -> the next midnight, plus 1 s
    f.day = MONDAY + timedelta(1)
    with f.qtbot.waitSignal(page.today.refreshed):
        timer.timeout.emit()
    assert page.today.question.isVisible()


def test_a_session_started_while_the_question_waits_is_asked_about_first(
    f: Fixture, qtbot: QtBot
) -> None:
    f.enrol(MONDAY)
    sid = f.session(MONDAY, before=2, after=3, rpe=5)
    f.day = MONDAY + timedelta(1)
    page, _ = f.open()
    started: list[str] = []
    assert page.today.ask_before(lambda: started.append("session"))
    assert started == []
    qtbot.keyClick(page.today.question, Qt.Key.Key_3)
    assert started == ["session"]  # the answer first, then the session
    assert f.history.flush(10)
    assert f.rows("SELECT session_id, morning_pain FROM session_responses") == [(sid, 3)]
    assert not page.today.ask_before(lambda: started.append("again"))  # asked once


def test_enter_on_today_in_the_window_plays_the_due_workout(f: Fixture, qtbot: QtBot) -> None:
    from workout_player.audio import RecordingAnnouncer
    from workout_player.domain.clock import FakeClock
    from workout_player.playback import TimerPlayer
    from workout_player.ui.main_window import MainWindow

    f.enrol(date.today() - timedelta(days=1))  # the real date: the window reads Today itself
    f.store = open_store(f.db, mode="read")
    window = MainWindow(
        f.store,
        make_player=lambda parent: TimerPlayer(parent),
        make_announcer=RecordingAnnouncer,
        clock=FakeClock(),
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.library.today.face is not None)
    assert window.library.today.headline.text().startswith("Week 1 of 2 - Calm and brace")
    window.show_library()
    assert window.library.today.hasFocus()
    qtbot.keyClick(window.library.today, Qt.Key.Key_Return)
    assert window.controller is not None and window.current_page() is window.player_screen
    assert window.controller.workout.title == "Two quick holds"
    window.close()
