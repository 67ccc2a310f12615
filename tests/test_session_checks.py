"""The engine runs format 1.1 checks on the fake clock: count-up holds (Enter, the cap,
pause, sides, trials, ending early, N and P), fixed-time and open counts, typed counts,
the player's CheckView and the start/stop sounds. Every value is exact."""

from __future__ import annotations

from datetime import UTC

from workout_player.domain.clock import FakeClock
from workout_player.domain.loader import parse_workout
from workout_player.domain.session import (
    CheckCounted,
    CheckResult,
    CueDue,
    Event,
    SegmentEnded,
    Session,
    SessionFinished,
    SessionState,
)
from workout_player.domain.sounds import Beep, SoundSchedule, Speech
from workout_player.domain.timeline import build_plan

HEAD = "title: T\ncountdown: 3\nswitch: 2\nsteps:\n"
STANCE = (
    "  - check: single_leg_stance_eyes_open\n    name: Stance\n    measure: hold\n"
    "    cap: 45\n    trials: 2\n    sides: both\n    rest: 10\n"
)
CHAIR = "  - check: chair_stand_30s\n    name: Chair\n    measure: count\n    time: 30\n"
WALK = "  - check: tandem_walk\n    name: Walk\n    measure: count\n    unit: steps\n"


def session(steps: str) -> tuple[Session, FakeClock]:
    result = parse_workout(HEAD + steps)
    assert result.workout is not None, [str(p) for p in result.problems]
    clock = FakeClock()
    return Session(build_plan(result.workout), clock), clock


def results(events: list[Event]) -> list[tuple[str | None, int, float, bool, int]]:
    return [
        (e.side, e.trial, e.value, e.capped, e.revision)
        for e in events
        if isinstance(e, CheckResult)
    ]


def test_enter_stops_a_hold_at_the_time_counted_up_from_zero() -> None:
    s, clock = session(STANCE)
    s.start()
    clock.advance(3)
    started = s.tick()
    assert (
        CueDue("check", "Stance, left, trial 1 of 2. Go. Press Enter when you lose the position")
        in started
    )
    clock.advance(12.25)
    view = s.view()
    assert view.check is not None
    assert (view.check.seconds, view.check.cap, view.check.side, view.check.trial) == (
        12.25,
        45.0,
        "left",
        1,
    )
    assert view.check.prompt == "Press Enter when you lose the position"
    assert view.state is SessionState.WORK
    out = s.done()
    assert results(out) == [("left", 1, 12.25, False, 0)]
    ended = [e for e in out if isinstance(e, SegmentEnded)]
    assert ended[0].reason == "done"
    # the result comes right after its segment's end, then the stop cue
    index = out.index(ended[0])
    assert isinstance(out[index + 1], CheckResult) and out[index + 2] == CueDue("stop", "Stop")


def test_the_cap_stops_a_hold_by_itself_and_says_so() -> None:
    s, clock = session(STANCE)
    s.start()
    clock.advance(3 + 46)
    out = s.tick()
    assert results(out) == [("left", 1, 45.0, True, 0)]
    assert CueDue("stop", "Stop. 45 seconds, the most this check times") in out
    assert s.view().segment is not None and s.view().segment.kind == "switch"


def test_pause_freezes_the_count_up_and_its_cap() -> None:
    s, clock = session(STANCE)
    s.start()
    clock.advance(3 + 10)
    s.pause()
    clock.advance(100)
    assert s.tick() == []
    view = s.view()
    assert view.paused and view.check is not None and view.check.seconds == 10.0
    s.resume()
    clock.advance(5.5)
    assert results(s.done()) == [("left", 1, 15.5, False, 0)]


def test_sides_and_trials_each_give_one_result_with_rests_between_trials() -> None:
    s, clock = session(STANCE)
    s.start()
    clock.advance(3)
    out: list[Event] = s.tick()
    for held in (20.0, 30.0):  # trial 1: left, then the 2 s switch, right
        clock.advance(held)
        out += s.done()
        clock.advance(2)
        out += s.tick()
    clock.advance(8)  # 10 s rest in all, then trial 2 starts
    out += s.tick()
    assert s.view().check is not None and s.view().check.trial == 2
    clock.advance(7)
    out += s.done()
    clock.advance(2 + 45)
    out += s.tick()
    assert results(out) == [
        ("left", 1, 20.0, False, 0),
        ("right", 1, 30.0, False, 0),
        ("left", 2, 7.0, False, 0),
        ("right", 2, 45.0, True, 0),
    ]
    assert out[-1] == SessionFinished(True)
    assert [r.trial for r in s.checks.results] == [1, 1, 2, 2]


def test_ending_early_n_and_p_measure_nothing() -> None:
    s, clock = session(STANCE + CHAIR)
    s.start()
    clock.advance(3 + 10)
    back = s.previous()  # P more than 3 s in: the trial starts again
    assert results(back) == [] and s.view().check is not None
    assert s.view().check.seconds == 0.0
    clock.advance(4)
    skipped = s.next()  # N during a trial skips the whole check: its other trials too
    assert results(skipped) == []
    assert s.view().segment is not None and s.view().segment.check is None
    assert s.view().segment.kind == "countdown" and s.view().segment.exercise == "Chair"
    clock.advance(3 + 5)
    ended = s.end()
    assert results(ended) == [] and ended[-1] == SessionFinished(False)
    assert s.checks.results == []


def test_n_in_the_rest_between_trials_skips_only_the_rest() -> None:
    s, clock = session(STANCE)
    s.start()
    clock.advance(3)
    s.tick()
    s.done()
    clock.advance(2)
    s.tick()
    s.done()
    assert s.view().state is SessionState.REST
    s.next()
    view = s.view()
    assert view.check is not None and (view.check.trial, view.check.side) == (2, "left")


def test_a_fixed_time_count_is_tapped_and_given_when_its_time_is_up() -> None:
    s, clock = session(CHAIR)
    s.start()
    clock.advance(3)
    s.tick()
    taps: list[Event] = []
    for _ in range(3):
        clock.advance(2)
        taps += s.add_rep()
    assert taps == [CheckCounted("chair_stand_30s", n) for n in (1, 2, 3)]
    view = s.view()
    assert view.check is not None and (view.check.count, view.check.time_left) == (3, 24.0)
    assert view.check.prompt == "Press R or Up for each one"
    clock.advance(24)
    out = s.tick()
    assert results(out) == [(None, 1, 3.0, False, 0)]
    assert out[-1] == SessionFinished(True)
    # a number typed afterwards corrects the same trial, after the end too
    assert results(s.enter_count(14)) == [(None, 1, 14.0, False, 1)]
    assert results(s.enter_count(15)) == [(None, 1, 15.0, False, 2)]


def test_a_typed_count_is_awaited_after_its_time_and_given_once_typed() -> None:
    s, clock = session(CHAIR + "    entry: type\n" + STANCE)
    s.start()
    clock.advance(3 + 30)
    out = s.tick()
    assert results(out) == []
    assert CueDue("stop", "Stop. Type how many you did, then press Enter") in out
    view = s.view()
    assert view.check is not None and view.check.awaiting_count
    assert view.check.prompt == "Type how many you did, then press Enter"
    assert view.state is SessionState.COUNTDOWN  # the next check's get-ready
    assert results(s.enter_count(12)) == [(None, 1, 12.0, False, 0)]
    assert s.view().check is None
    clock.advance(3)
    s.tick()  # the next check's trial starts: no count is open any more
    assert s.enter_count(9) == []


def test_an_open_count_ends_when_its_number_is_typed_or_on_enter() -> None:
    s, clock = session(WALK + "    trials: 2\n")
    s.start()
    clock.advance(3 + 40)
    s.tick()
    assert s.view().check is not None and s.view().check.time_left is None
    first = s.enter_count(11)  # no time: the typed number ends the trial
    assert results(first) == [(None, 1, 11.0, False, 0)]
    assert CheckCounted("tandem_walk", 11) in first
    for _ in range(7):
        s.add_rep()
    assert results(s.done()) == [(None, 2, 7.0, False, 0)]
    assert s.finished


def test_a_count_typed_out_of_range_is_ignored() -> None:
    s, clock = session(CHAIR + "    entry: type\n")
    s.start()
    clock.advance(33)
    assert s.tick()[-1] == SessionFinished(True)
    view = s.view()
    assert view.finished and view.check is not None and view.check.awaiting_count
    assert s.enter_count(-1) == [] and s.enter_count(10_001) == []
    assert results(s.enter_count(0)) == [(None, 1, 0.0, False, 0)]


def test_a_check_sounds_go_as_it_starts_and_stop_as_it_ends() -> None:
    s, clock = session(STANCE)
    sounds = SoundSchedule(clock)
    sounds.hear(s.start())
    clock.advance(3)
    sounds.hear(s.tick())
    heard = sounds.due(paused=False)
    assert heard[-2:] == [
        Beep("go"),
        Speech("Stance, left, trial 1 of 2. Go. Press Enter when you lose the position"),
    ]
    clock.advance(9)
    sounds.hear(s.done())
    assert sounds.due(paused=False)[:2] == [Beep("end"), Speech("Stop")]


def test_a_checks_trial_is_not_a_set_in_the_diary_but_a_check_record() -> None:
    from datetime import datetime

    from workout_player.domain.check_diary import check_record
    from workout_player.domain.diary import diary_record, keeps

    s, clock = session(STANCE)
    s.start()
    clock.advance(3 + 12)
    out = s.done()
    countdown, ended = [e for e in out if isinstance(e, SegmentEnded)]
    assert countdown.segment.kind == "countdown"
    assert ended.segment.check is not None and not keeps(ended)
    at = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    assert diary_record(ended, at) is None
    (result,) = [e for e in out if isinstance(e, CheckResult)]
    record = check_record(result, at)
    assert record is not None and (record.check, record.value, record.side) == (
        "single_leg_stance_eyes_open",
        12.0,
        "left",
    )


def test_a_trial_done_again_after_p_gets_the_next_revision_so_it_replaces_the_first() -> None:
    s, clock = session(STANCE.replace("sides: both", "sides: left"))
    s.start()
    clock.advance(3 + 5)
    first = s.done()
    assert results(first) == [("left", 1, 5.0, False, 0)]
    clock.advance(1)
    s.previous()  # just into the rest: back to trial 1, which starts again
    assert s.view().check is not None and s.view().check.trial == 1
    clock.advance(9)
    assert results(s.done()) == [("left", 1, 9.0, False, 1)]
