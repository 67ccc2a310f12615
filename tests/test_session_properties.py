"""Invariants of the session engine under any workout and any sequence of actions and ticks."""

from __future__ import annotations

from dataclasses import replace
from itertools import accumulate
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from workout_player.domain.clock import FakeClock
from workout_player.domain.model import ExerciseStep, RestStep, Workout
from workout_player.domain.session import (
    Event,
    SeekRequested,
    SegmentEnded,
    SegmentStarted,
    Session,
    SessionFinished,
)
from workout_player.domain.timeline import build_plan

seconds = st.floats(min_value=0.5, max_value=30.0, allow_nan=False)
small = st.floats(min_value=0.0, max_value=6.0, allow_nan=False)


@st.composite
def exercise_steps(draw: st.DrawFn) -> ExerciseStep:
    kind = draw(st.sampled_from(["tempo", "hold", "self", "duration"]))
    reps = draw(st.integers(1, 5))
    common = {
        "exercise": draw(st.sampled_from(["Bird dog", "Side plank", "Bridge"])),
        "cue": draw(st.none() | st.just("Brace")),
        "sets": draw(st.integers(1, 3)),
        "sides": draw(st.sampled_from(["none", "both", "left", "right"])),
        "rest": draw(st.sampled_from([0.0, 5.0, 12.5])),
        "countdown": draw(st.none() | small),
    }
    if kind == "tempo":
        tempo = draw(st.lists(small, min_size=1, max_size=4).filter(lambda t: sum(t) > 0.1))
        return ExerciseStep(**common, reps=reps, tempo=tuple(tempo))  # type: ignore[arg-type]
    if kind == "hold":
        return ExerciseStep(**common, reps=reps, hold=draw(seconds))  # type: ignore[arg-type]
    if kind == "self":
        return ExerciseStep(**common, reps=reps)  # type: ignore[arg-type]
    return ExerciseStep(**common, duration=draw(seconds))  # type: ignore[arg-type]


steps = st.lists(exercise_steps() | seconds.map(RestStep), min_size=1, max_size=4)

actions = st.lists(
    st.one_of(
        st.tuples(st.just("tick"), st.floats(0.0, 20.0, allow_nan=False)),
        st.tuples(st.just("jump"), st.floats(0.0, 200.0, allow_nan=False)),
        st.tuples(
            st.sampled_from(
                ["pause", "resume", "toggle_pause", "next", "previous", "done", "add_rep", "end"]
            ),
            st.just(0.0),
        ),
        st.tuples(st.just("adjust_rest"), st.sampled_from([15.0, -15.0])),
    ),
    max_size=40,
)


def check_stream(events: list[Event]) -> None:
    """Segments start and end in pairs; the session finishes once, last."""
    current: int | None = None
    finished = False
    for event in events:
        assert not finished, f"{event} after the session finished"
        if isinstance(event, SegmentStarted):
            assert current is None
            current = event.index
        elif isinstance(event, SegmentEnded):
            assert current == event.index
            assert event.seconds >= -1e-9
            assert event.ended_at >= event.started_at - 1e-9
            current = None
        elif isinstance(event, SessionFinished):
            assert current is None
            finished = True


def check_view(session: Session) -> None:
    view = session.view()
    assert view.elapsed >= 0
    assert view.segment_elapsed >= 0
    assert 0.0 <= view.progress <= 1.0
    for value in (view.segment_remaining, view.remaining, view.phase_remaining):
        assert value is None or value >= -1e-9
    if view.hold_remaining is not None:
        assert view.hold_remaining >= -1e-9
    if view.rep is not None and view.reps is not None and not view.segment.self_paced:  # type: ignore[union-attr]
        assert 1 <= view.rep <= view.reps
    assert view.finished == session.finished


def drive(
    session: Session,
    clock: FakeClock,
    wall: FakeClock,
    script: list[tuple[str, float]],
    *,
    follow_seeks: bool = False,
) -> None:
    """Run `script` on a started session, checking the invariants after every step."""
    events = session.start()
    last_active = 0.0
    for name, value in script:
        was_finished = session.finished
        if name in ("tick", "jump"):
            clock.advance(value)
            if wall is not clock:
                wall.advance(value)
            new = session.tick()
        elif name == "seek":
            clock.set(value)
            new = session.tick()
        elif name == "adjust_rest":
            new = session.adjust_rest(value)
        else:
            new = getattr(session, name)()
        if was_finished:
            assert new == []
        for event in new:
            if isinstance(event, SeekRequested) and follow_seeks:
                clock.set(event.media_seconds)  # what the UI does with the video
        events += new
        check_view(session)
        assert session.active_seconds >= last_active - 1e-9
        last_active = session.active_seconds
    check_stream(events)
    if not session.finished:
        check_stream(events + session.end())
    assert session.finished and session.end() == []


@settings(max_examples=150, deadline=None)
@given(steps, small, small, actions)
def test_timer_led_sessions_never_break(
    workout_steps: list[ExerciseStep | RestStep],
    countdown: float,
    switch: float,
    script: list[tuple[str, float]],
) -> None:
    plan = build_plan(Workout("W", tuple(workout_steps), countdown=countdown, switch=switch))
    clock = FakeClock()
    drive(Session(plan, clock), clock, clock, script)


# Runs of actions with seeks of the video (someone dragging the slider) between them.
seek = st.tuples(st.just("seek"), st.floats(0.0, 300.0, allow_nan=False))
video_actions = st.lists(actions | seek.map(lambda action: [action]), max_size=6).map(
    lambda parts: [action for part in parts for action in part]
)


@settings(max_examples=100, deadline=None)
@given(
    steps,
    st.lists(st.floats(0.5, 60.0, allow_nan=False), min_size=4, max_size=4),
    st.none() | st.floats(1.0, 400.0, allow_nan=False),
    video_actions,
    st.booleans(),
)
def test_video_led_sessions_never_break(
    workout_steps: list[ExerciseStep | RestStep],
    gaps: list[float],
    length: float | None,
    script: list[tuple[str, float]],
    follow_seeks: bool,
) -> None:
    at = list(accumulate(gaps))
    placed = tuple(replace(step, at=at[n]) for n, step in enumerate(workout_steps))
    plan = build_plan(Workout("W", placed, video=Path("v.mp4")), length)
    media, wall = FakeClock(), FakeClock()
    drive(Session(plan, media, wall=wall), media, wall, script, follow_seeks=follow_seeks)
