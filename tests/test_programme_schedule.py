"""The schedule over weeks on a fake calendar: the date is always given, never read."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from workout_player.domain.programme.calendar import Enrolment, Event
from workout_player.domain.programme.model import Check, Phase, Programme, Slot
from workout_player.domain.programme.morning import MorningFacts, morning_due
from workout_player.domain.programme.schedule import (
    Choice,
    DoneSession,
    next_midnight,
    today_view,
)
from workout_player.domain.programme.suggestion import Outcome

BERLIN = timezone(timedelta(hours=1))
NEW_YORK = timezone(timedelta(hours=-5))
A, B, C, CHECK = Path("/p/a.yaml"), Path("/p/b.yaml"), Path("/p/c.yaml"), Path("/p/check.yaml")
PROGRAMME = Programme(
    "Test programme",
    (
        Phase("Calm", 2, 3, (Slot(A, 3, name="Static stability"), Slot(B, 3, name="Balance"))),
        Phase("Build", 2, 4, (Slot(C, 4, name="Hinge"),)),
    ),
    checks=(Check(0, CHECK), Check(2, CHECK), Check(4, CHECK)),
)
WEDNESDAY = date(2026, 3, 4)
GOOD = Outcome(2, 2, 2, 5, 1.0)


def at(day: date, hour: int = 18, minute: int = 0, tz: timezone = BERLIN) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz)


def enrolled(*events: Event, start: date = WEDNESDAY) -> Enrolment:
    return Enrolment("/p/programme.yaml", at(start, 8), events)


def done(number: int, day: date, file: Path = A, outcome: Outcome = GOOD, **kw: int) -> DoneSession:
    return DoneSession(number, at(day, **kw), file, outcome)


def test_week_one_starts_on_the_day_of_the_start_even_mid_week() -> None:
    enrolment = enrolled()
    assert enrolment.week_of(WEDNESDAY) == 1
    assert enrolment.week_of(WEDNESDAY + timedelta(days=6)) == 1  # Tuesday
    assert enrolment.week_of(WEDNESDAY + timedelta(days=7)) == 2
    assert enrolment.week_of(WEDNESDAY - timedelta(days=1)) is None
    view = today_view(PROGRAMME, enrolment, [], [], WEDNESDAY)
    assert view.state == "due"
    assert (
        view.headline == "Week 1 of 4 - Calm - session 1 of 3 this week: Static stability, level 1"
    )
    assert view.strip is not None
    assert [d.day for d in view.strip.days] == [WEDNESDAY + timedelta(days=i) for i in range(7)]


def test_the_phase_rotates_its_workouts_and_counts_the_week() -> None:
    sessions = [done(1, WEDNESDAY)]
    view = today_view(PROGRAMME, enrolled(), sessions, [], WEDNESDAY + timedelta(days=2))
    assert view.due is not None
    assert (view.due.session, view.due.title, view.due.slot.file) == (2, "Balance", B)
    assert view.strip is not None and view.strip.sessions == ("done", "planned", "planned")
    assert view.adherence[-1].done == 1 and view.adherence[-1].planned == 3


def test_one_session_a_day_then_the_next_is_for_tomorrow() -> None:
    view = today_view(PROGRAMME, enrolled(), [done(1, WEDNESDAY)], [], WEDNESDAY)
    assert view.state == "done_today"
    assert view.headline.startswith("Done for today. Next: Week 1 of 4 - Calm - session 2 of 3")


def test_sessions_the_days_left_cannot_hold_are_missed() -> None:
    last_day = WEDNESDAY + timedelta(days=6)
    view = today_view(PROGRAMME, enrolled(), [], [], last_day)
    assert view.strip is not None and view.strip.sessions == ("planned", "missed", "missed")
    week_two = today_view(PROGRAMME, enrolled(), [done(1, WEDNESDAY)], [], last_day + timedelta(1))
    assert [(a.week, a.done, a.planned) for a in week_two.adherence] == [(1, 1, 3), (2, 0, 3)]
    assert week_two.due is not None and week_two.due.title == "Balance"


def test_a_full_week_says_so() -> None:
    sessions = [done(i, WEDNESDAY + timedelta(days=2 * i)) for i in range(3)]
    view = today_view(PROGRAMME, enrolled(), sessions, [], WEDNESDAY + timedelta(days=5))
    assert view.state == "week_done"
    assert view.strip is not None and view.strip.sessions == ("done", "done", "done")


def test_a_pause_freezes_the_programme_and_the_week_goes_on_where_it_stopped() -> None:
    pause_day = WEDNESDAY + timedelta(days=2)
    resume_day = pause_day + timedelta(days=10)
    enrolment = enrolled(Event("pause", at(pause_day, 9)), Event("resume", at(resume_day, 9)))
    assert enrolment.state() == "active"
    assert enrolment.day_number(pause_day) == 2
    assert enrolment.day_number(resume_day) == 3  # nine frozen days in between
    assert enrolment.week_of(resume_day + timedelta(days=3)) == 1
    assert enrolment.week_of(resume_day + timedelta(days=4)) == 2
    view = today_view(PROGRAMME, enrolment, [done(1, WEDNESDAY)], [], resume_day)
    assert view.state == "due" and view.due is not None and view.due.week == 1
    assert view.strip is not None
    assert len(view.strip.days) == 7 and pause_day + timedelta(days=1) not in {
        d.day for d in view.strip.days
    }
    paused = today_view(
        PROGRAMME, enrolled(Event("pause", at(pause_day, 9))), [], [], pause_day + timedelta(30)
    )
    assert paused.state == "paused" and paused.enrolment_state == "paused"
    assert paused.due is not None and paused.due.week == 1


def test_passing_midnight_makes_the_next_session_due() -> None:
    sessions = [done(1, WEDNESDAY, hour=23, minute=50)]
    assert today_view(PROGRAMME, enrolled(), sessions, [], WEDNESDAY).state == "done_today"
    assert today_view(PROGRAMME, enrolled(), sessions, [], WEDNESDAY + timedelta(1)).state == "due"
    assert next_midnight(at(WEDNESDAY, 23, 50)) == at(WEDNESDAY + timedelta(1), 0)


def test_a_change_of_time_zone_keeps_each_session_on_the_date_its_clock_showed() -> None:
    # 23:30 in Berlin is 17:30 in New York the same day; 00:30 in Berlin the next day
    # is still that evening in New York, but the person saw the next day's date.
    late = DoneSession(1, at(WEDNESDAY, 23, 30), A, GOOD)
    view = today_view(PROGRAMME, enrolled(), [late], [], at(WEDNESDAY, 20, tz=NEW_YORK).date())
    assert view.state == "done_today"
    after_midnight = DoneSession(1, at(WEDNESDAY + timedelta(1), 0, 30), A, GOOD)
    assert after_midnight.day == WEDNESDAY + timedelta(1)
    flown = today_view(PROGRAMME, enrolled(), [after_midnight], [], WEDNESDAY + timedelta(1))
    assert flown.state == "done_today"


def test_a_new_phase_has_its_name_its_sessions_and_starts_at_level_1() -> None:
    day = WEDNESDAY + timedelta(days=14)
    choices = [Choice(1, 0, "harder", "harder", 3)]
    view = today_view(PROGRAMME, enrolled(), [done(1, WEDNESDAY)], choices, day)
    assert view.headline == "Week 3 of 4 - Build - session 1 of 4 this week: Hinge, level 1"
    first = today_view(
        PROGRAMME, enrolled(), [done(1, WEDNESDAY)], choices, WEDNESDAY + timedelta(2)
    )
    assert first.due is not None and first.due.level == 3


def test_the_suggestion_waits_for_a_choice_and_then_is_gone() -> None:
    sessions = [done(1, WEDNESDAY), done(2, WEDNESDAY + timedelta(2), B)]
    view = today_view(PROGRAMME, enrolled(), sessions, [], WEDNESDAY + timedelta(4))
    assert view.suggestion is not None and view.suggestion.kind == "harder"
    assert view.suggestion.reason.endswith("try level 2.")
    chosen = [Choice(2, 0, "harder", "harder", 2)]
    after = today_view(PROGRAMME, enrolled(), sessions, chosen, WEDNESDAY + timedelta(4))
    assert after.suggestion is None
    assert after.due is not None and after.due.level == 2


def test_the_programme_ends_and_leaving_ends_it() -> None:
    end = WEDNESDAY + timedelta(days=28)
    assert today_view(PROGRAMME, enrolled(), [], [], end).state == "finished"
    left = enrolled(Event("leave", at(WEDNESDAY + timedelta(3))))
    view = today_view(PROGRAMME, left, [done(1, WEDNESDAY + timedelta(5))], [], end)
    assert view.state == "left" and view.due is None and view.last_session is None


def test_sessions_before_the_start_or_of_other_files_do_not_count() -> None:
    sessions = [done(1, WEDNESDAY - timedelta(1)), done(2, WEDNESDAY, Path("/p/other.yaml"))]
    view = today_view(PROGRAMME, enrolled(), sessions, [], WEDNESDAY)
    assert view.state == "due" and view.adherence[0].done == 0


def test_checks_are_due_at_the_start_the_middle_and_the_end() -> None:
    assert [c.week for c in today_view(PROGRAMME, enrolled(), [], [], WEDNESDAY).checks_due] == [0]
    checked = [done(1, WEDNESDAY, CHECK)]
    assert today_view(PROGRAMME, enrolled(), checked, [], WEDNESDAY).checks_due == ()
    assert (
        today_view(PROGRAMME, enrolled(), checked, [], WEDNESDAY + timedelta(11)).checks_due == ()
    )
    middle = today_view(PROGRAMME, enrolled(), checked, [], WEDNESDAY + timedelta(12))
    assert [c.week for c in middle.checks_due] == [2]
    end = today_view(PROGRAMME, enrolled(), checked, [], WEDNESDAY + timedelta(28))
    assert [c.week for c in end.checks_due] == [4]


def test_the_morning_question_is_asked_once_the_next_day() -> None:
    session = MorningFacts(7, WEDNESDAY, asked=False)
    assert morning_due([session], WEDNESDAY) is None  # same evening: not a morning yet
    assert morning_due([session], WEDNESDAY + timedelta(1)) == session
    assert morning_due([session], WEDNESDAY + timedelta(2)) == session
    assert morning_due([session], WEDNESDAY + timedelta(3)) is None  # too late to mean much
    asked = MorningFacts(7, WEDNESDAY, asked=True)
    assert morning_due([asked], WEDNESDAY + timedelta(1)) is None
    older = MorningFacts(6, WEDNESDAY - timedelta(2), asked=False)
    assert morning_due([older, asked], WEDNESDAY + timedelta(1)) is None  # only the latest
    assert morning_due([], WEDNESDAY) is None


pauses = st.lists(st.tuples(st.integers(0, 40), st.integers(0, 20)), max_size=4)


def _paused(spans: list[tuple[int, int]]) -> Enrolment:
    events: list[Event] = []
    day = 0
    for gap, length in spans:
        day += gap
        events.append(Event("pause", at(WEDNESDAY + timedelta(day), 9)))
        day += length
        events.append(Event("resume", at(WEDNESDAY + timedelta(day), 9)))
    return enrolled(*events)


@given(pauses, st.integers(0, 120))
def test_programme_days_never_go_back_and_pauses_only_freeze_them(
    spans: list[tuple[int, int]], offset: int
) -> None:
    enrolment = _paused(spans)
    day = WEDNESDAY + timedelta(offset)
    today_number = enrolment.day_number(day)
    tomorrow_number = enrolment.day_number(day + timedelta(1))
    assert today_number is not None and tomorrow_number is not None
    step = tomorrow_number - today_number
    assert step in (0, 1)
    assert (step == 0) == enrolment.is_paused_day(day)
    assert today_number <= offset


@given(pauses, st.integers(0, 60), st.sets(st.integers(0, 60), max_size=20))
def test_the_strip_always_has_one_mark_per_planned_session(
    spans: list[tuple[int, int]], offset: int, done_days: set[int]
) -> None:
    enrolment = _paused(spans)
    sessions = [done(i, WEDNESDAY + timedelta(d)) for i, d in enumerate(sorted(done_days))]
    view = today_view(PROGRAMME, enrolment, sessions, [], WEDNESDAY + timedelta(offset))
    if view.strip is not None:
        phase = PROGRAMME.phase_of_week(view.strip.week)[1]
        assert len(view.strip.sessions) == phase.sessions
        assert len(view.strip.days) == 7
    for week in view.adherence:
        assert week.done >= 0
