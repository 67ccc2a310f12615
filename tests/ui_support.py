"""Shared pieces of the UI tests: small workout files and a session wired to real parts.

The controller gets a FakeClock (time moves only when a test says so), a real
TimerPlayer, a RecordingAnnouncer and, where a test asks, a real SQLite file.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from workout_player.audio import RecordingAnnouncer, SoundSettings
from workout_player.domain.clock import FakeClock
from workout_player.domain.loader import load_workout
from workout_player.domain.model import Workout
from workout_player.playback import TimerPlayer
from workout_player.store import Store
from workout_player.ui.player.controller import SessionController
from workout_player.ui.player.screen import PlayerScreen

if TYPE_CHECKING:
    from workout_player.ui.main_window import MainWindow

# countdown 3 | L 8x2 s | switch 2 | R 8x2 s | rest 10 | L | switch | R | curl-up (self-paced)
# | rest 5 | side plank 2 x 5 s hold
TIMER_WORKOUT = """\
title: Test back routine
level: beginner
tags: [low-back, test]
safety: Stop if pain spreads into a leg.
description: A short routine for the tests.
countdown: 3
switch: 2
steps:
  - exercise: Bird dog
    cue: Reach long through heel and hand
    sets: 2
    reps: 8
    tempo: [1, 1]
    sides: both
    rest: 10
  - exercise: Curl-up
    reps: 5
  - rest: 5
    cue: Walk around
  - exercise: Side plank
    reps: 2
    hold: 5
"""

SHORT_WORKOUT = """\
title: Two quick holds
countdown: 2
steps:
  - exercise: Glute bridge
    cue: Squeeze and hold
    reps: 2
    hold: 3
  - rest: 3
  - exercise: Dead bug
    duration: 4
"""


def write_workout(folder: Path, text: str = TIMER_WORKOUT, name: str = "routine.yaml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def load(path: Path) -> Workout:
    result = load_workout(path)
    assert result.workout is not None, [str(p) for p in result.problems]
    return result.workout


def quiet_settings() -> SoundSettings:
    return SoundSettings(
        voice=True, beeps=True, ticks=True, volume=80, countdown_beeps=3, cue_offset_ms=0
    )


def make_session(
    workout: Workout,
    store: Store | None = None,
    *,
    problem: str | None = None,
) -> tuple[SessionController, PlayerScreen, FakeClock, RecordingAnnouncer]:
    """A controller and its screen on a fake clock; the caller starts it."""
    clock = FakeClock()
    player = TimerPlayer(problem=problem, monotonic=clock.now)
    announcer = RecordingAnnouncer()
    controller = SessionController(
        workout, player, announcer, store, settings=quiet_settings(), clock=clock
    )
    screen = PlayerScreen(controller)
    screen.resize(1366, 768)
    _made.append(controller)
    return controller, screen, clock, announcer


_made: list[SessionController] = []
"""Controllers made by make_session in the running test: shut down when it ends."""


def shut_down_sessions() -> None:
    """Stop what make_session made (conftest runs it after every test).

    A controller left running keeps its 30 ms timer and its history writer's thread
    alive after its test: its next tick would repaint a screen Qt has already deleted
    (a crash seen in combined runs). Its signals are blocked first, since the screen
    may be gone by now.
    """
    while _made:
        controller = _made.pop()
        try:
            controller.blockSignals(True)
            controller.shutdown()
        except RuntimeError:  # its C++ side is gone already: nothing left to stop
            pass


def saved(controller: SessionController) -> int:
    """Wait until the controller's history writer stored everything; the session's id."""
    assert controller.history is not None
    assert controller.history.flush(timeout=30), "the history writer did not catch up"
    assert controller.session_id is not None
    return controller.session_id


def run_for(
    controller: SessionController, clock: FakeClock, seconds: float, step: float = 0.1
) -> None:
    """Advance the fake clock in small steps, ticking like the real 30 ms timer would."""
    remaining = seconds
    while remaining > 1e-9:
        delta = min(step, remaining)
        clock.advance(delta)
        controller.tick()
        remaining -= delta


def timer_window(store: Store | None, clock: FakeClock) -> MainWindow:
    """A main window on `store` whose players are TimerPlayers on `clock` and whose
    announcer records what it would say: the app as the UI tests drive it."""
    from workout_player.ui.main_window import MainWindow

    return MainWindow(
        store,
        make_player=lambda parent: TimerPlayer(parent, monotonic=clock.now),
        make_announcer=RecordingAnnouncer,
        clock=clock,
    )
