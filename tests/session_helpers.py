"""Small builders shared by the session engine's tests."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TypeVar

from workout_player.domain.clock import FakeClock
from workout_player.domain.model import ExerciseStep, RestStep, Workout
from workout_player.domain.session import Event, Session
from workout_player.domain.timeline import Plan, build_plan


def plan_of(
    *steps: ExerciseStep | RestStep,
    countdown: float | None = 0.0,
    switch: float = 5.0,
    video: Path | None = None,
    video_length: float | None = None,
) -> Plan:
    workout = Workout("Test", tuple(steps), countdown=countdown, switch=switch, video=video)
    return build_plan(workout, video_length)


def started(plan: Plan, beeps: int = 3) -> tuple[Session, FakeClock, list[Event]]:
    clock = FakeClock(100.0)  # not 0: started_at/ended_at must be clock readings
    session = Session(plan, clock, beeps=beeps)
    return session, clock, session.start()


def run(session: Session, clock: FakeClock, seconds: float, step: float = 0.1) -> list[Event]:
    """Tick like the UI does, `step` seconds apart, for `seconds`."""
    out: list[Event] = []
    ticks = round(seconds / step)
    for _ in range(ticks):
        clock.advance(step)
        out += session.tick()
    return out


def jump(session: Session, clock: FakeClock, seconds: float) -> list[Event]:
    clock.advance(seconds)
    return session.tick()


def kinds(events: Sequence[Event]) -> Counter[str]:
    return Counter(type(event).__name__ for event in events)


T = TypeVar("T")


def of_type(events: Sequence[Event], kind: type[T]) -> list[T]:
    return [event for event in events if isinstance(event, kind)]
