"""The session engine, timer-led: every kind of step, driven by a fake clock."""

from __future__ import annotations

import dataclasses

import pytest

from tests.session_helpers import jump, kinds, of_type, plan_of, run, started
from workout_player.domain.clock import FakeClock
from workout_player.domain.model import ExerciseStep, RestStep
from workout_player.domain.session import (
    CountdownBeep,
    CueDue,
    Event,
    PhaseChanged,
    RepCounted,
    SegmentEnded,
    SegmentStarted,
    Session,
    SessionFinished,
    SessionState,
)

BIRD_DOG = ExerciseStep(
    "Bird dog", cue="Brace", sets=2, reps=8, tempo=(2.0, 2.0, 2.0), sides="both", rest=30.0
)


def without_times(events: list[Event]) -> list[object]:
    """Events compared on what happened, not on the tick that noticed it."""
    out: list[object] = []
    for event in events:
        if isinstance(event, SegmentEnded):
            event = dataclasses.replace(event, started_at=0.0, ended_at=0.0, seconds=0.0)
        out.append(event)
    return out


# -- the format's worked example ---------------------------------------------


def test_worked_example_runs_to_the_end_with_exact_event_counts() -> None:
    plan = plan_of(BIRD_DOG, countdown=5.0)
    assert plan.total_seconds == 237.0
    session, clock, events = started(plan)
    events += run(session, clock, 240.0, step=1 / 30)
    assert kinds(events) == {
        "SegmentStarted": 8,
        "SegmentEnded": 8,
        "RepCounted": 32,
        "PhaseChanged": 96,
        "CountdownBeep": 12,
        "CueDue": 10,
        "SessionFinished": 1,
    }
    cues = [(cue.kind, cue.text) for cue in of_type(events, CueDue)]
    assert cues == [
        ("exercise", "Bird dog. Brace"),
        ("halfway", "Halfway"),
        ("switch", "Switch sides"),
        ("halfway", "Halfway"),
        ("rest", "Rest"),
        ("last_set", "Last set"),
        ("halfway", "Halfway"),
        ("switch", "Switch sides"),
        ("halfway", "Halfway"),
        ("done", "Workout complete"),
    ]
    assert events[-1] == SessionFinished(True)
    ended = of_type(events, SegmentEnded)
    assert [e.reason for e in ended] == ["completed"] * 8
    assert [e.seconds for e in ended] == pytest.approx([5, 48, 5, 48, 30, 48, 5, 48])
    assert [e.reps_done for e in ended] == [None, 8, None, 8, None, 8, None, 8]
    assert ended[1].started_at == pytest.approx(105.0)
    assert ended[-1].ended_at == pytest.approx(337.0)
    assert session.active_seconds == pytest.approx(237.0)
    view = session.view()
    assert view.finished and view.state is SessionState.FINISHED and view.progress == 1.0


def test_one_big_tick_gives_the_same_events_as_many_small_ones() -> None:
    plan = plan_of(BIRD_DOG, countdown=5.0)
    small, clock, small_events = started(plan)
    small_events += run(small, clock, 240.0, step=0.25)
    big, big_clock, big_events = started(plan)
    big_events += jump(big, big_clock, 1000.0)
    assert without_times(big_events) == without_times(small_events)
    ended = of_type(big_events, SegmentEnded)
    # Each segment ends when it was due, not when the late tick noticed it.
    assert [e.ended_at for e in ended] == pytest.approx([105, 153, 158, 206, 236, 284, 289, 337])
    assert big.active_seconds == pytest.approx(237.0)


def test_a_tick_crossing_a_few_segments_emits_them_in_order() -> None:
    session, clock, _ = started(plan_of(BIRD_DOG, countdown=5.0))
    events = jump(session, clock, 60.0)  # through the countdown, the left side, the switch
    started_kinds = [e.segment.kind for e in of_type(events, SegmentStarted)]
    assert started_kinds == ["work", "switch", "work"]
    assert [b.remaining for b in of_type(events, CountdownBeep)] == [3, 2, 1, 3, 2, 1]
    view = session.view()
    assert (view.side, view.rep, view.phase) == ("right", 1, "pause")  # 2 s into the right side


# -- the rep counter ---------------------------------------------------------


@pytest.mark.parametrize(
    ("tempo", "names"),
    [
        ((1.0, 2.0), ["lower", "lift"]),
        ((1.0, 1.0, 2.0), ["lower", "pause", "lift"]),
        ((1.0, 1.0, 2.0, 1.0), ["lower", "pause", "lift", "pause"]),
    ],
)
def test_tempo_phases_are_named_and_counted(tempo: tuple[float, ...], names: list[str]) -> None:
    session, clock, events = started(plan_of(ExerciseStep("Squat", reps=2, tempo=tempo)))
    events += run(session, clock, 2 * sum(tempo) + 1)
    phases = of_type(events, PhaseChanged)
    assert [p.name for p in phases] == names * 2
    assert [p.seconds for p in phases] == list(tempo) * 2
    assert [p.phase for p in phases] == list(range(len(tempo))) * 2
    assert of_type(events, RepCounted) == [RepCounted(1, 2), RepCounted(2, 2)]


def test_rep_and_phase_display_follow_the_tempo() -> None:
    step = ExerciseStep("Bird dog", reps=8, tempo=(2.0, 1.0, 2.0))
    session, clock, _ = started(plan_of(step))
    events = run(session, clock, 21.5)  # rep 5 started at 20 s
    view = session.view()
    assert (view.rep, view.reps) == (5, 8)
    assert view.phase == "lower" and view.phase_remaining == pytest.approx(0.5)
    assert of_type(events, RepCounted)[-1] == RepCounted(4, 8)
    events = run(session, clock, 1.0)
    assert session.view().phase == "pause"
    assert of_type(events, PhaseChanged) == [PhaseChanged(1, "pause", 1.0)]
    assert session.view().set_text == "1 / 1"


def test_zero_second_phase_is_passed_over() -> None:
    session, clock, events = started(plan_of(ExerciseStep("Lift", reps=1, tempo=(2.0, 0.0, 2.0))))
    events += run(session, clock, 5)
    assert [p.name for p in of_type(events, PhaseChanged)] == ["lower", "lift"]


def test_single_number_tempo_paces_each_rep_as_one_slow_phase() -> None:
    session, clock, events = started(plan_of(ExerciseStep("March", reps=4, tempo=(3.0,))))
    assert session.view().phase == "slowly"
    events += run(session, clock, 4.0)
    view = session.view()
    assert (view.rep, view.phase, view.phase_remaining) == (2, "slowly", pytest.approx(2.0))
    events += run(session, clock, 10.0)
    # One phase per rep, as long as the rep: the screen's bar fills through each rep.
    assert of_type(events, PhaseChanged) == [PhaseChanged(0, "slowly", 3.0)] * 4
    assert [r.rep for r in of_type(events, RepCounted)] == [1, 2, 3, 4]
    assert session.finished


def test_holds_count_down_and_count_each_hold() -> None:
    step = ExerciseStep("Side plank", sets=1, reps=3, hold=10.0)
    session, clock, events = started(plan_of(step))
    assert of_type(events, PhaseChanged) == [PhaseChanged(0, "hold", 10.0)]
    events = run(session, clock, 13.0)
    view = session.view()
    assert (view.rep, view.phase, view.hold_remaining) == (2, "hold", pytest.approx(7.0))
    assert events == [RepCounted(1, 3), PhaseChanged(0, "hold", 10.0)]
    events = run(session, clock, 17.0)
    assert of_type(events, RepCounted) == [RepCounted(2, 3), RepCounted(3, 3)]
    assert of_type(events, CueDue) == [
        CueDue("halfway", "Halfway"),
        CueDue("done", "Workout complete"),
    ]
    assert of_type(events, SegmentEnded)[0].reps_done == 3


def test_timed_set_shows_remaining_time_and_no_reps() -> None:
    session, clock, events = started(plan_of(ExerciseStep("Glute bridge", duration=40.0)))
    events += run(session, clock, 25.0)
    view = session.view()
    assert view.segment_remaining == pytest.approx(15.0)
    assert (view.rep, view.reps, view.phase) == (None, None, None)
    assert of_type(events, CueDue) == [
        CueDue("exercise", "Glute bridge"),
        CueDue("halfway", "Halfway"),
    ]
    events = run(session, clock, 16.0)
    assert of_type(events, SegmentEnded)[0].reps_done is None


def test_no_halfway_cue_for_20_seconds_or_less() -> None:
    session, clock, events = started(plan_of(ExerciseStep("Dead bug", duration=20.0)))
    events += run(session, clock, 21.0)
    assert [c.kind for c in of_type(events, CueDue)] == ["exercise", "done"]


def test_self_paced_set_counts_taps_and_never_ends_by_time() -> None:
    step = ExerciseStep("Pelvic tilt", reps=10)
    session, clock, _ = started(plan_of(step, RestStep(10.0)))
    assert session.view().segment_remaining is None
    assert run(session, clock, 600.0, step=1.0) == []
    assert session.add_rep() == [RepCounted(1, 10)]
    assert session.add_rep() == [RepCounted(2, 10)]
    view = session.view()
    assert (view.state, view.rep, view.reps, view.next_up) == (
        SessionState.WORK,
        2,
        10,
        "Next: Rest 0:10",
    )
    assert view.remaining == pytest.approx(10.0)  # the self-paced set counts as 0 s
    events = session.done()
    (ended,) = of_type(events, SegmentEnded)
    assert (ended.reason, ended.reps_done, ended.seconds) == ("done", 2, pytest.approx(600.0))
    assert [e.segment.kind for e in of_type(events, SegmentStarted)] == ["rest"]


def test_taps_only_count_in_self_paced_sets() -> None:
    session, _clock, _ = started(plan_of(ExerciseStep("Squat", reps=2, tempo=(1.0, 1.0))))
    assert session.add_rep() == []
    assert session.view().rep == 1


def test_done_ends_a_timed_work_segment_but_not_a_rest() -> None:
    session, clock, _ = started(plan_of(ExerciseStep("Plank", sets=2, duration=30.0, rest=20.0)))
    run(session, clock, 10.0)
    events = session.done()
    assert of_type(events, SegmentEnded)[0].reason == "done"
    assert session.view().state is SessionState.REST
    assert session.done() == []
    assert session.view().state is SessionState.REST


# -- sides, sets, rests, beeps -----------------------------------------------


def test_both_sides_with_a_switch_between() -> None:
    step = ExerciseStep("Side plank", sets=1, reps=1, hold=10.0, sides="both")
    session, clock, events = started(plan_of(step, switch=5.0))
    assert session.view().side == "left"
    assert session.view().next_up == "Next: Side plank - right"
    events += run(session, clock, 12.0)
    view = session.view()
    assert (view.state, view.side, view.set_text) == (SessionState.SWITCH, "right", "1 / 1")
    events += run(session, clock, 3.0)
    assert session.view().side == "right"
    assert of_type(events, CountdownBeep) == [CountdownBeep(3), CountdownBeep(2), CountdownBeep(1)]
    assert [c.kind for c in of_type(events, CueDue)] == ["exercise", "switch"]


@pytest.mark.parametrize("side", ["left", "right"])
def test_one_side_only(side: str) -> None:
    step = ExerciseStep("Clam", sets=2, reps=1, hold=5.0, sides=side)  # type: ignore[arg-type]
    session, clock, events = started(plan_of(step))
    events += run(session, clock, 11.0)
    assert [e.segment.side for e in of_type(events, SegmentStarted)] == [side, side]
    assert [c.kind for c in of_type(events, CueDue)] == ["exercise", "last_set", "done"]


def test_no_switch_time_still_says_switch_sides_but_does_not_beep() -> None:
    step = ExerciseStep("Clam", reps=1, hold=5.0, sides="both")
    session, clock, events = started(plan_of(step, switch=0.0))
    events += run(session, clock, 11.0)
    assert [c.kind for c in of_type(events, CueDue)] == ["exercise", "switch", "done"]
    assert of_type(events, CountdownBeep) == []


def test_sets_with_rests_between_and_a_last_set_cue() -> None:
    step = ExerciseStep("Bridge", sets=3, duration=10.0, rest=15.0)
    session, clock, events = started(plan_of(step, countdown=5.0))
    # During the countdown Bridge is on screen already: next is what follows set 1.
    assert session.view().next_up == "Next: Rest 0:15"
    events += run(session, clock, 15.0)
    assert session.view().state is SessionState.REST
    assert session.view().next_up == "Next: Bridge - set 2 / 3"
    events += run(session, clock, 20.0)
    assert session.view().set_text == "2 / 3"
    assert session.view().next_up == "Next: Rest 0:15"
    events += run(session, clock, 100.0)
    assert [c.kind for c in of_type(events, CueDue)] == [
        "exercise",
        "rest",
        "rest",
        "last_set",
        "done",
    ]
    assert len(of_type(events, CountdownBeep)) == 9  # countdown and two rests
    assert session.view().next_up == ""


def test_beeps_are_configurable_and_zero_disables_them() -> None:
    plan = plan_of(ExerciseStep("Bridge", duration=10.0), countdown=3.0)
    for beeps, expected in [(0, []), (1, [1]), (5, [3, 2, 1])]:
        session, clock, events = started(plan, beeps=beeps)
        events += run(session, clock, 3.5)
        assert [b.remaining for b in of_type(events, CountdownBeep)] == expected


def test_beeps_fall_on_the_last_seconds() -> None:
    session, clock, events = started(plan_of(ExerciseStep("Bridge", duration=10.0), countdown=5.0))
    assert events == [SegmentStarted(0, session.plan.segments[0])]
    assert run(session, clock, 1.9) == []
    assert run(session, clock, 0.2) == [CountdownBeep(3)]
    assert run(session, clock, 0.8) == []
    assert run(session, clock, 0.2) == [CountdownBeep(2)]


def test_rest_step_cue_is_spoken_with_rest() -> None:
    plan = plan_of(RestStep(45.0, cue="Walk around"), ExerciseStep("Bridge", duration=10.0))
    session, _clock, events = started(plan)
    assert of_type(events, CueDue) == [CueDue("rest", "Rest. Walk around")]
    assert session.view().next_up == "Next: Bridge"


# -- pause, navigation, rest adjustment, ending -------------------------------


def test_pause_excludes_time() -> None:
    session, clock, _ = started(plan_of(ExerciseStep("Plank", duration=30.0)))
    run(session, clock, 10.0)
    session.pause()
    assert session.view().state is SessionState.PAUSED and session.view().paused
    assert jump(session, clock, 500.0) == []
    assert session.view().segment_elapsed == pytest.approx(10.0)
    assert session.active_seconds == pytest.approx(10.0)
    session.pause()  # twice is harmless
    session.resume()
    assert session.view().state is SessionState.WORK
    events = run(session, clock, 20.5)
    (ended,) = of_type(events, SegmentEnded)
    assert ended.seconds == pytest.approx(30.0)
    assert ended.ended_at - ended.started_at == pytest.approx(530.0)  # clock readings
    assert session.active_seconds == pytest.approx(30.0)


def test_toggle_pause() -> None:
    session, _clock, _ = started(plan_of(ExerciseStep("Plank", duration=30.0)))
    session.toggle_pause()
    assert session.paused
    session.toggle_pause()
    assert not session.paused


def test_next_skips_the_current_segment() -> None:
    session, clock, _ = started(plan_of(BIRD_DOG, countdown=5.0))
    run(session, clock, 2.0)
    events = session.next()
    ended, started_ = of_type(events, SegmentEnded)[0], of_type(events, SegmentStarted)[0]
    assert (ended.index, ended.reason, ended.seconds) == (0, "skipped", pytest.approx(2.0))
    assert started_.index == 1
    assert of_type(events, CueDue) == [CueDue("exercise", "Bird dog. Brace")]
    assert session.view().segment_elapsed == 0.0


def test_previous_restarts_after_three_seconds_else_goes_back() -> None:
    session, clock, _ = started(plan_of(BIRD_DOG, countdown=5.0))
    run(session, clock, 10.0)  # 5 s into the left side
    events = session.previous()
    assert [(e.index, e.reason) for e in of_type(events, SegmentEnded)] == [(1, "back")]
    assert [e.index for e in of_type(events, SegmentStarted)] == [1]
    run(session, clock, 1.0)
    events = session.previous()
    assert [e.index for e in of_type(events, SegmentStarted)] == [0]
    assert session.previous() and session.view().index == 0  # the first one restarts


def test_next_past_the_last_segment_completes_the_session() -> None:
    session, _clock, _ = started(plan_of(ExerciseStep("Plank", duration=30.0)))
    events = session.next()
    assert events[-2:] == [CueDue("done", "Workout complete"), SessionFinished(True)]


def test_adjust_rest_lengthens_and_shortens_but_never_ends_it() -> None:
    step = ExerciseStep("Bridge", sets=2, duration=10.0, rest=30.0)
    session, clock, _ = started(plan_of(step))
    assert session.adjust_rest(15.0) == []  # not resting: nothing
    run(session, clock, 15.0)  # 5 s into the rest
    session.adjust_rest(15.0)
    assert session.view().segment_remaining == pytest.approx(40.0)
    session.adjust_rest(-15.0)
    session.adjust_rest(-15.0)
    assert session.adjust_rest(-15.0) == [CountdownBeep(1)]  # the beeps for 3 and 2 are past
    assert session.view().segment_remaining == pytest.approx(1.0)
    events = run(session, clock, 1.0)
    assert of_type(events, CountdownBeep) == []
    assert [e.segment.kind for e in of_type(events, SegmentStarted)] == ["work"]


def test_lengthened_rest_beeps_at_its_new_end() -> None:
    step = ExerciseStep("Bridge", sets=2, duration=10.0, rest=10.0)
    session, clock, _ = started(plan_of(step))
    events = run(session, clock, 17.5)  # the 3 s beep has gone
    assert of_type(events, CountdownBeep) == [CountdownBeep(3)]
    session.adjust_rest(15.0)
    events = run(session, clock, 17.6)
    assert [b.remaining for b in of_type(events, CountdownBeep)] == [3, 2, 1]
    assert of_type(events, SegmentEnded)[0].seconds == pytest.approx(25.0)


def test_end_early() -> None:
    session, clock, _ = started(plan_of(BIRD_DOG))
    run(session, clock, 7.0)
    events = session.end()
    assert [type(e) for e in events] == [SegmentEnded, SessionFinished]
    assert events[-1] == SessionFinished(False)
    assert isinstance(events[0], SegmentEnded) and events[0].reason == "ended"
    assert events[0].reps_done == 1
    active = session.active_seconds
    for action in (
        session.tick,
        session.next,
        session.previous,
        session.done,
        session.add_rep,
        session.pause,
        session.resume,
        session.end,
    ):
        assert action() == []
    assert session.adjust_rest(15.0) == []
    assert jump(session, clock, 100.0) == []
    assert session.active_seconds == active
    assert session.view().finished


def test_before_start() -> None:
    session = Session(plan_of(BIRD_DOG, countdown=5.0), FakeClock())
    view = session.view()
    assert (view.state, view.index, view.elapsed, view.progress) == (
        SessionState.NOT_STARTED,
        -1,
        0.0,
        0.0,
    )
    assert view.next_up == "Next: Bird dog - set 1 / 2, left"
    assert view.total == 237.0
    assert session.tick() == [] and session.next() == [] and session.pause() == []
    assert session.end() == [SessionFinished(False)]
    assert session.start() == []


def test_view_totals_and_progress() -> None:
    session, clock, _ = started(plan_of(BIRD_DOG, countdown=5.0))
    run(session, clock, 60.0)
    view = session.view()
    assert view.elapsed == pytest.approx(60.0)
    assert view.remaining == pytest.approx(177.0)
    assert view.total == pytest.approx(237.0)
    assert view.progress == pytest.approx(60 / 237)
    assert view.next_segment == session.plan.segments[4]
    assert view.next_up == "Next: Rest 0:30"
