"""Video-led more rest: + holds the video for an extra rest counted on active time, then the
video carries on where it stopped; − shortens it (issue 12, item 7). All on fake clocks."""

from __future__ import annotations

import pytest

from tests.session_helpers import of_type
from tests.test_session_video import index_of, play, video_plan, video_session
from workout_player.domain.clock import FakeClock
from workout_player.domain.session import (
    CountdownBeep,
    Event,
    ExtraRestChanged,
    SeekRequested,
    SegmentStarted,
    Session,
    SessionState,
)


def hold(session: Session, wall: FakeClock, seconds: float) -> list[Event]:
    """The video is held (its clock stands still) while the wall clock runs `seconds`."""
    out: list[Event] = []
    steps = round(seconds / 0.1)
    for _ in range(steps):
        wall.advance(0.1)
        out += session.tick()
    return out


def left_after(events: list[Event]) -> float:
    (changed,) = events
    assert isinstance(changed, ExtraRestChanged)
    return changed.remaining


def test_plus_in_a_rest_holds_the_video_for_the_extra_rest_then_it_goes_on() -> None:
    plan = video_plan()
    session, media, wall, _ = video_session(plan)
    play(session, media, wall, 88.0)  # Bird dog's rest between sets (85-95)
    rest = index_of(plan, "Bird dog", "rest")
    assert session.index == rest
    assert session.adjust_rest(15.0) == [ExtraRestChanged(15.0)]
    view = session.view()
    assert view.extra_rest == 15.0 and view.state == SessionState.REST
    # The video holds: the media clock does not move. 12.5 s later the rest still runs.
    events = hold(session, wall, 12.5)
    assert of_type(events, CountdownBeep) == [CountdownBeep(3)]
    assert session.view().extra_rest == pytest.approx(2.5)
    events = hold(session, wall, 2.6)
    assert of_type(events, CountdownBeep) == [CountdownBeep(2), CountdownBeep(1)]
    assert events[-1] == ExtraRestChanged(0.0), "the video carries on"
    assert session.view().extra_rest is None
    # ... where it stopped: the same rest, 3 s in, then the next set as planned.
    assert session.index == rest
    assert session.view().segment_elapsed == pytest.approx(3.0)
    events = play(session, media, wall, 96.0)
    assert [e.index for e in of_type(events, SegmentStarted)] == [rest + 1]


def test_plus_again_lengthens_and_minus_shortens_or_ends_it() -> None:
    session, media, wall, _ = video_session()
    play(session, media, wall, 88.0)
    session.adjust_rest(15.0)
    hold(session, wall, 5.0)
    assert left_after(session.adjust_rest(15.0)) == pytest.approx(25.0)
    assert left_after(session.adjust_rest(-15.0)) == pytest.approx(10.0)
    assert session.adjust_rest(-15.0) == [ExtraRestChanged(0.0)], "less than none: it ends"
    assert session.view().extra_rest is None
    assert session.adjust_rest(-15.0) == [], "− without an extra rest leaves the video's rest"


def test_a_pause_stops_the_extra_rest_too() -> None:
    session, media, wall, _ = video_session()
    play(session, media, wall, 88.0)
    session.adjust_rest(15.0)
    hold(session, wall, 5.0)
    session.pause()
    wall.advance(60.0)
    session.tick()
    assert session.view().extra_rest == pytest.approx(10.0)
    session.resume()
    hold(session, wall, 4.0)
    assert session.view().extra_rest == pytest.approx(6.0)


def test_plus_is_refused_during_work_and_n_ends_the_extra_rest_before_it_seeks() -> None:
    plan = video_plan()
    session, media, wall, _ = video_session(plan)
    play(session, media, wall, 20.0)  # Cat cow, working
    assert session.view().state == SessionState.WORK
    assert session.adjust_rest(15.0) == []
    play(session, media, wall, 45.0)  # the gap after Cat cow: the video's own rest
    assert session.view().state == SessionState.BETWEEN
    assert session.adjust_rest(15.0) == [ExtraRestChanged(15.0)]
    events = session.next()
    assert events[0] == ExtraRestChanged(0.0)
    assert of_type(events, SeekRequested) == [SeekRequested(60.0)]
