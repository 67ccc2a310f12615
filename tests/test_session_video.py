"""The session engine, video-led: it follows the video's clock, gaps and seeks included."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.session_helpers import kinds, of_type, plan_of
from workout_player.domain.clock import FakeClock, MediaClock
from workout_player.domain.model import ExerciseStep, RestStep
from workout_player.domain.session import (
    CountdownBeep,
    CueDue,
    Event,
    ExtraRestChanged,
    PhaseChanged,
    RepCounted,
    SeekRequested,
    SegmentEnded,
    SegmentStarted,
    Session,
    SessionFinished,
    SessionState,
)
from workout_player.domain.timeline import Plan

# Cat cow 10-40; a gap; Bird dog 60-120 (left 60-70, switch, right 75-85, rest 85-95,
# left 95-105, switch, right 110-120); a gap; rest 130-150; the video ends at 160.
STEPS = (
    ExerciseStep("Cat cow", cue="Slowly", duration=30.0, at=10.0),
    ExerciseStep("Bird dog", sets=2, reps=2, hold=5.0, sides="both", rest=10.0, at=60.0),
    RestStep(20.0, at=130.0),
)


def video_plan(*steps: ExerciseStep | RestStep, length: float | None = 160.0) -> Plan:
    return plan_of(*(steps or STEPS), countdown=None, video=Path("class.mp4"), video_length=length)


def video_session(plan: Plan | None = None) -> tuple[Session, FakeClock, FakeClock, list[Event]]:
    media, wall = FakeClock(), FakeClock(500.0)
    session = Session(plan or video_plan(), media, wall=wall)
    return session, media, wall, session.start()


def play(session: Session, media: FakeClock, wall: FakeClock, until: float) -> list[Event]:
    """The video plays to `until` (media seconds), ticked every 0.1 s."""
    out: list[Event] = []
    while media.now() < until - 1e-9:
        step = min(0.1, until - media.now())
        media.advance(step)
        wall.advance(step)
        out += session.tick()
    return out


def index_of(plan: Plan, exercise: str | None, kind: str, side: str | None = None) -> int:
    for index, segment in enumerate(plan.segments):
        if (segment.exercise, segment.kind, segment.side) == (exercise, kind, side):
            return index
    raise AssertionError("no such segment")


def test_plays_through_steps_and_the_gaps_between_them() -> None:
    session, media, wall, events = video_session()
    assert events == []
    view = session.view()
    assert (view.state, view.segment, view.index) == (SessionState.BETWEEN, None, -1)
    assert view.next_up == "Next: Cat cow"
    events += play(session, media, wall, 45.0)
    view = session.view()
    assert view.state is SessionState.BETWEEN
    assert view.next_up == "Next: Bird dog - set 1 / 2, left"
    events += play(session, media, wall, 160.0)
    assert kinds(events) == {
        "SegmentStarted": 9,
        "SegmentEnded": 9,
        "CueDue": 9,
        "CountdownBeep": 12,
        "RepCounted": 8,
        "PhaseChanged": 8,
        "SessionFinished": 1,
    }
    assert [c.kind for c in of_type(events, CueDue)] == [
        "exercise",
        "halfway",
        "exercise",
        "switch",
        "rest",
        "last_set",
        "switch",
        "rest",
        "done",
    ]
    ended = of_type(events, SegmentEnded)
    assert {e.reason for e in ended} == {"completed"}
    assert [(e.started_at, e.ended_at) for e in ended[:2]] == [(10.0, 40.0), (60.0, 70.0)]
    assert events[-1] == SessionFinished(True)
    assert session.active_seconds == pytest.approx(160.0)
    assert session.view().progress == 1.0


def test_view_inside_a_hold() -> None:
    session, media, wall, _ = video_session()
    play(session, media, wall, 67.0)
    view = session.view()
    assert (view.state, view.side, view.set_text) == (SessionState.WORK, "left", "1 / 2")
    assert (view.rep, view.reps, view.phase) == (2, 2, "hold")
    assert view.hold_remaining == pytest.approx(3.0)
    assert view.elapsed == pytest.approx(67.0)
    assert view.remaining == pytest.approx(93.0)
    assert view.total == 160.0


def test_next_asks_for_a_seek_and_follows_when_the_video_gets_there() -> None:
    session, media, wall, _ = video_session()
    play(session, media, wall, 15.0)
    assert session.next() == [SeekRequested(60.0)]
    assert play(session, media, wall, 15.5) == []  # the video has not moved yet
    media.set(60.0)
    events = session.tick()
    (ended,) = of_type(events, SegmentEnded)
    assert (ended.segment.exercise, ended.reason) == ("Cat cow", "skipped")
    assert ended.ended_at == pytest.approx(15.5)
    assert ended.seconds == pytest.approx(5.5)
    assert [e.segment.side for e in of_type(events, SegmentStarted)] == ["left"]
    assert of_type(events, CueDue) == [CueDue("exercise", "Bird dog")]


def test_next_in_a_gap_and_at_the_end() -> None:
    session, media, wall, _ = video_session()
    play(session, media, wall, 45.0)
    assert session.next() == [SeekRequested(60.0)]
    play(session, media, wall, 150.5)
    assert session.next() == [SeekRequested(160.0)]
    media.set(160.0)
    assert session.tick()[-1] == SessionFinished(True)


def test_previous_restarts_or_goes_back() -> None:
    session, media, wall, _ = video_session()
    plan = session.plan
    play(session, media, wall, 64.0)
    assert session.previous() == [SeekRequested(60.0)]
    media.set(60.0)
    events = session.tick()
    assert [(e.reason, e.index) for e in of_type(events, SegmentEnded)] == [
        ("back", index_of(plan, "Bird dog", "work", "left"))
    ]
    assert [e.index for e in of_type(events, SegmentStarted)] == [
        index_of(plan, "Bird dog", "work", "left")
    ]
    play(session, media, wall, 61.0)
    assert session.previous() == [SeekRequested(10.0)]  # back to Cat cow
    media.set(10.0)
    events = session.tick()
    assert [e.segment.exercise for e in of_type(events, SegmentStarted)] == ["Cat cow"]


def test_done_ends_the_set_by_seeking_to_the_next_segment() -> None:
    session, media, wall, _ = video_session()
    play(session, media, wall, 62.0)
    assert session.done() == [SeekRequested(70.0)]
    media.set(70.0)
    events = session.tick()
    assert [e.reason for e in of_type(events, SegmentEnded)] == ["done"]
    assert session.view().state is SessionState.SWITCH


def test_scrubbing_forward_skips_what_was_passed_and_beeps_only_what_is_left() -> None:
    session, media, wall, _ = video_session()
    play(session, media, wall, 20.0)
    media.set(93.5)  # someone dragged the slider into the rest, past two of its beeps
    events = session.tick()
    assert [type(e) for e in events] == [SegmentEnded, SegmentStarted, CueDue]
    assert isinstance(events[0], SegmentEnded) and events[0].reason == "skipped"
    assert session.view().segment_elapsed == pytest.approx(8.5)
    events = play(session, media, wall, 96.0)
    assert of_type(events, CountdownBeep) == [CountdownBeep(1)]


def test_scrubbing_backwards_ends_the_segment_as_back() -> None:
    session, media, wall, _ = video_session()
    play(session, media, wall, 100.0)
    media.set(30.0)
    events = session.tick()
    assert [e.reason for e in of_type(events, SegmentEnded)] == ["back"]
    assert [e.segment.exercise for e in of_type(events, SegmentStarted)] == ["Cat cow"]
    assert of_type(events, CueDue) == [CueDue("exercise", "Cat cow. Slowly")]


def test_a_small_backward_wobble_is_not_a_seek() -> None:
    session, media, wall, _ = video_session()
    play(session, media, wall, 20.0)
    media.set(19.7)
    assert session.tick() == []
    assert play(session, media, wall, 21.0) == []


def test_pause_marks_paused_and_excludes_wall_time() -> None:
    session, media, wall, _ = video_session()
    play(session, media, wall, 20.0)
    assert session.pause() == []
    assert session.view().state is SessionState.PAUSED
    wall.advance(300.0)  # the UI paused the video: media time stands still
    assert session.tick() == []
    assert session.resume() == []
    assert session.active_seconds == pytest.approx(20.0)


def test_adjust_rest_leaves_the_videos_rest_as_it_is_and_adds_an_extra_one() -> None:
    # The video sets its rest's length; + holds the video instead (test_session_extra_rest.py).
    session, media, wall, _ = video_session()
    play(session, media, wall, 88.0)
    assert session.view().state is SessionState.REST
    assert session.adjust_rest(15.0) == [ExtraRestChanged(15.0)]
    assert session.view().segment_remaining == pytest.approx(7.0)


def test_end_early_and_media_ended() -> None:
    session, media, wall, _ = video_session()
    play(session, media, wall, 20.0)
    events = session.end()
    assert [type(e) for e in events] == [SegmentEnded, SessionFinished]
    assert events[-1] == SessionFinished(False)
    session, media, wall, _ = video_session()
    play(session, media, wall, 145.0)
    events = session.media_ended()
    assert events[-2:] == [CueDue("done", "Workout complete"), SessionFinished(True)]


def test_an_overlapping_step_cuts_the_previous_one_short() -> None:
    plan = video_plan(
        ExerciseStep("Plank", duration=50.0, at=0.0),
        ExerciseStep("Bridge", duration=20.0, at=30.0),
        length=None,
    )
    assert plan.warnings
    session, media, wall, events = video_session(plan)
    events += play(session, media, wall, 51.0)
    ended = of_type(events, SegmentEnded)
    assert [(e.segment.exercise, e.seconds) for e in ended] == [("Plank", 30.0), ("Bridge", 20.0)]
    assert events[-1] == SessionFinished(True)


def test_starting_mid_video_lands_in_the_segment_there() -> None:
    media = FakeClock(66.0)
    session = Session(video_plan(), media, wall=FakeClock())
    events = session.start()
    assert [type(e) for e in events] == [SegmentStarted, CueDue]  # rep 1's count is past
    assert session.view().rep == 2
    events = play(session, media, FakeClock(), 70.0)
    assert of_type(events, RepCounted) == [RepCounted(2, 2)]


def test_a_seek_landing_just_after_a_segment_start_plays_it_from_the_start() -> None:
    session, media, wall, _ = video_session()
    play(session, media, wall, 20.0)
    assert session.next() == [SeekRequested(60.0)]
    media.set(60.1)
    events = session.tick()
    assert of_type(events, PhaseChanged) == [PhaseChanged(0, "hold", 5.0)]


def test_cues_land_on_time_with_a_real_media_clock_fed_coarse_reports() -> None:
    """A scripted libvlc reports every 0.25-0.5 s, a little late; the beeps still sound
    within a tenth of a second of their media time."""
    mono = FakeClock()
    clock = MediaClock(mono.now)
    clock.set_playing(True)
    session = Session(video_plan(), clock, wall=mono)
    session.start()
    truth, next_report, beeps = 0.0, 0.0, []
    steps = 0
    while not session.finished and steps < 20000:
        steps += 1
        mono.advance(1 / 30)
        truth += 1 / 30
        if mono.now() >= next_report:
            clock.report(round(truth - 0.08, 3))
            next_report = mono.now() + (0.25 if steps % 2 else 0.5)
        for event in session.tick():
            if isinstance(event, CountdownBeep):
                beeps.append((event.remaining, truth))
    assert session.finished
    expected = [(3, 72.0), (2, 73.0), (1, 74.0), (3, 92.0), (2, 93.0), (1, 94.0)]
    assert [b[0] for b in beeps[:6]] == [b[0] for b in expected]
    for (_, heard), (_, due) in zip(beeps[:6], expected, strict=True):
        assert heard == pytest.approx(due, abs=0.1)


def test_a_seek_landing_just_short_of_its_target_does_not_reenter_the_set_before() -> None:
    # libvlc may land a few ms before the time asked for; the set just left must not be
    # entered again at its very end and then "completed" with every rep counted.
    session, media, wall, _ = video_session()
    play(session, media, wall, 62.0)  # Bird dog, left, 2 s in: no rep done yet
    (seek,) = of_type(session.next(), SeekRequested)
    media.set(seek.media_seconds - 0.03)
    events = session.tick() + play(session, media, wall, seek.media_seconds + 1.0)
    ended = of_type(events, SegmentEnded)
    assert [(e.segment.kind, e.segment.side, e.reason, e.reps_done) for e in ended] == [
        ("work", "left", "skipped", 0)
    ]
    assert session.view().segment.kind == "switch"


def test_joining_a_set_mid_way_counts_only_the_reps_done_after_joining() -> None:
    session, media, wall, _ = video_session()
    play(session, media, wall, 40.5)  # in the gap after Cat cow
    media.set(66.0)  # dragged to 6 s into Bird dog left: its first 5 s hold is already over
    session.tick()
    ended = of_type(play(session, media, wall, 70.5), SegmentEnded)
    assert [(e.segment.side, e.reason, e.reps_done) for e in ended] == [("left", "completed", 1)]
