"""The session package's lower parts on their own: the stopwatch and the segment track.

A follower (timer, video, or a new one) only uses these public methods; the tests
drive them the same way.
"""

from __future__ import annotations

from tests.session_helpers import plan_of
from workout_player.domain.clock import FakeClock
from workout_player.domain.model import ExerciseStep, RestStep
from workout_player.domain.session import (
    CountdownBeep,
    CueDue,
    PhaseChanged,
    RepCounted,
    SegmentEnded,
    SegmentStarted,
    SessionFinished,
)
from workout_player.domain.session.stopwatch import Stopwatch
from workout_player.domain.session.track import SegmentTrack

# Bridge 0-12 (2 reps of 2-1-3 s), rest 12-22.
PLAN = plan_of(ExerciseStep("Bridge", reps=2, tempo=(2, 1, 3), cue="Squeeze"), RestStep(10))
WORK, REST = PLAN.segments


def test_the_stopwatch_leaves_pauses_out_and_maps_counts_back_to_the_clock() -> None:
    clock = FakeClock(50.0)
    watch = Stopwatch(clock)
    assert watch.seconds == 0.0
    watch.start()
    clock.advance(4.0)
    watch.pause()
    clock.advance(10.0)
    assert (watch.seconds, watch.paused) == (4.0, True)
    assert watch.reading_at(1.0) == 51.0  # paused at 54: the count was 1 s at 51
    watch.resume()
    clock.advance(2.0)
    assert watch.seconds == 6.0
    assert watch.reading_at(6.0) == 66.0
    watch.stop(until=5.5)
    clock.advance(3.0)
    assert (watch.seconds, watch.paused) == (5.5, False)


def new_track(beeps: int = 3) -> tuple[SegmentTrack, FakeClock]:
    clock = FakeClock()
    track = SegmentTrack(PLAN, Stopwatch(clock), beeps=beeps)
    track.stopwatch.start()
    return track, clock


def test_entering_a_set_says_it_and_releases_its_phases_and_reps_on_time() -> None:
    track, _clock = new_track()
    assert track.enter(0, 0.0, WORK.duration, started_at=100.0) == [
        SegmentStarted(0, WORK),
        CueDue("exercise", "Bridge. Squeeze"),
    ]
    assert track.release(2.0) == [
        PhaseChanged(0, "lower", 2.0),
        PhaseChanged(1, "pause", 1.0),
    ]
    assert track.release(6.0) == [
        PhaseChanged(2, "lift", 3.0),
        RepCounted(1, 2),
        PhaseChanged(0, "lower", 2.0),
    ]
    assert track.release(6.0) == []
    assert (track.current, track.index, track.segment, track.duration) == (0, 0, WORK, 12.0)


def test_a_set_joined_mid_way_counts_only_the_reps_done_since() -> None:
    track, _clock = new_track()
    events = track.enter(0, 0.0, WORK.duration, started_at=7.0, entry=7.0)
    assert events == [SegmentStarted(0, WORK), CueDue("exercise", "Bridge. Squeeze")]
    # Joined 7 s in, during rep 2: its "lower" (at 6 s) is not played late.
    assert track.release(7.0) == []
    assert track.release(8.0) == [PhaseChanged(1, "pause", 1.0)]
    ended = track.end("skipped", 12.0, ended_at=12.0)
    # Two reps by 12 s, one of them before the person joined.
    assert ended == SegmentEnded(0, WORK, 7.0, 12.0, 5.0, 1, "skipped")
    assert (track.current, track.segment, track.duration) == (-1, None, None)


def test_a_resized_rest_drops_the_beeps_now_past() -> None:
    track, _clock = new_track()
    track.enter(1, 12.0, REST.duration, started_at=12.0)
    assert track.release(7.5) == [CountdownBeep(3)]
    track.resize(20.0, 7.5)  # +10 s: the beeps move to 17, 18, 19 s
    assert track.release(17.0) == [CountdownBeep(3)]
    track.resize(17.5, 17.2)  # shorter again: 3 is past, 2 and 1 at 15.5, 16.5 are too
    assert track.release(17.5) == []
    assert track.duration == 17.5


def test_taps_count_only_in_a_self_paced_set() -> None:
    plan = plan_of(ExerciseStep("Squat", reps=5))
    track = SegmentTrack(plan, Stopwatch(FakeClock()))
    track.enter(0, 0.0, None, started_at=0.0)
    assert track.tap() + track.tap() == [RepCounted(1, 5), RepCounted(2, 5)]
    assert track.reps_since_entry(30.0) == 2
    timed, _clock = new_track()
    timed.enter(0, 0.0, WORK.duration, started_at=0.0)
    assert timed.tap() == []


def test_finishing_stops_the_count_and_closes_the_track() -> None:
    track, clock = new_track()
    track.enter(1, 12.0, REST.duration, started_at=12.0)
    clock.advance(30.0)
    assert track.finish(True, active_until=22.0) == [
        CueDue("done", "Workout complete"),
        SessionFinished(True),
    ]
    assert (track.finished, track.live, track.index, track.stopwatch.seconds) == (
        True,
        False,
        2,
        22.0,
    )
    assert SegmentTrack(PLAN, Stopwatch(clock)).finish(False) == [SessionFinished(False)]
