"""Runs one session: the timing and the dispatch of its events to sound, video and history.

The engine (domain.session) knows nothing of Qt, video or SQLite. This QObject
owns it and a precise ~30 ms timer, and forwards every event:

- to the sound router (sound_router.py): 3-2-1 beeps, a "go" beep when work
  starts, an optional tick on each tempo phase, the voice cues, an end beep,
  moved by the cue offset;
- to the player: timer-led workouts loop the step's demo clip while the
  engine's own clock runs; video-led workouts play the workout's video and the
  engine runs on the player's MediaClock, so seeking (next/previous) is the
  player's job;
- to the recorder (recorder.py), which hands the session's rows to the history
  writer. The writer works on its own thread, so a locked or failing database never
  stalls or stops the session: the problem goes to the banner instead.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from workout_player.audio import Announcer, SoundSettings
from workout_player.domain.clock import Clock, SystemClock
from workout_player.domain.model import CheckStep, ExerciseStep, Workout
from workout_player.domain.session import (
    CheckResult,
    Event,
    ExtraRestChanged,
    PhaseChanged,
    SeekRequested,
    SegmentEnded,
    SegmentStarted,
    Session,
    SessionFinished,
    SessionView,
)
from workout_player.domain.timeline import Plan, Segment, build_plan
from workout_player.playback import Player, probe_length
from workout_player.store import Store
from workout_player.store.records import SessionHandle
from workout_player.ui.banner import join_messages
from workout_player.ui.history_writer import HistoryWriter
from workout_player.ui.player.recorder import Recorder
from workout_player.ui.player.sound_router import SoundRouter

log = logging.getLogger(__name__)

TICK_MS = 30


class SessionController(QObject):
    """Owns the Session of one workout and wires it to player, announcer and store.

    `updated` fires after every tick and action (the screen redraws from `view()`);
    `problems_changed` carries the banner text ("" hides it); `finished(completed)`
    fires once, after the session's end was handed to the history writer.
    Writes go to `history` (the app's writer); given only a `store`, the controller
    makes its own writer on it and closes it in `shutdown()`.
    """

    updated = Signal()
    problems_changed = Signal(str)
    muted_changed = Signal(bool)
    finished = Signal(bool)

    def __init__(
        self,
        workout: Workout,
        player: Player,
        announcer: Announcer,
        store: Store | None = None,
        *,
        settings: SoundSettings | None = None,
        clock: Clock | None = None,
        tick_ms: int = TICK_MS,
        history: HistoryWriter | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.workout = workout
        self.player = player
        self.announcer = announcer
        self._owns_history = history is None and store is not None
        if history is None and store is not None:
            history = HistoryWriter(store, parent=self)
        self.history = history
        self.store = store if store is not None else (history.store if history else None)
        self.recorder = Recorder(history)
        self._problems: dict[str, str] = {}
        if history is not None:
            if history.waiting_text:
                self._problems["store"] = history.waiting_text
            history.waiting_changed.connect(self._history_waiting)
            history.dropped.connect(self._history_dropped)
        settings = settings or SoundSettings()
        self._clip: Path | None = None
        self.phase_seconds: float | None = None
        """Length of the current tempo phase (the screen's phase bar)."""
        self._finished = False
        self._started = False
        self._first_work_started = False

        if player.problem:
            self._problems["player"] = player.problem
        player.error.connect(lambda message: self._set_problem("media", message))
        player.ended.connect(self._on_player_ended)

        if workout.video_led:
            assert workout.video is not None
            if not player.load(workout.video) and not player.problem:
                self._set_problem(
                    "media",
                    f"The video {workout.video} could not be played; the workout runs on the "
                    "timer. Check that the file exists and plays in VLC.",
                )
            length = player.length() or probe_length(workout.video)
            self.plan: Plan = build_plan(workout, length)
            # The video is the clock: cues follow the picture, pauses freeze both. An injected
            # clock (tests) only measures the active seconds.
            self.clock: Clock = player.clock
            wall = clock
        else:
            self.plan = build_plan(workout)
            self.clock = clock or SystemClock()
            wall = None
        player.set_volume(settings.volume)
        self.session = Session(self.plan, self.clock, beeps=settings.countdown_beeps, wall=wall)
        # Sounds wait on the clock active time runs on (the wall clock for a video).
        self.sounds = SoundRouter(announcer, settings, self.session.wall)
        self.session.sound_lead = self.sounds.lead

        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self.tick)

    # -- state the screen reads ----------------------------------------------------------------

    @property
    def history_handle(self) -> SessionHandle | None:
        """The session in the history: its key once started, its row id once stored."""
        return self.recorder.handle

    @property
    def session_id(self) -> int | None:
        """The session's row id, once the writer has stored its start (None before)."""
        handle = self.recorder.handle
        return None if handle is None else handle.id

    @property
    def settings(self) -> SoundSettings:
        return self.sounds.settings

    @property
    def muted(self) -> bool:
        return self.sounds.muted

    def view(self) -> SessionView:
        return self.session.view()

    @property
    def is_finished(self) -> bool:
        return self._finished

    @property
    def pain_open(self) -> bool:
        """Pain before can be given: from the start until the first exercise really starts
        (its first work segment; a countdown, a title card or a seek before it keep it open)."""
        return self._started and not self._first_work_started and not self._finished

    @property
    def video_led(self) -> bool:
        return self.workout.video_led

    @property
    def current_clip(self) -> Path | None:
        """The demo clip looping now (timer-led), None when there is none."""
        return self._clip

    def report_problem(self, key: str, message: str) -> None:
        """Show `message` in the player's banner (under `key`, replacing an older one)."""
        self._set_problem(key, message)

    def problems_text(self) -> str:
        return join_messages(self._problems.values())

    def step_of(self, segment: Segment | None) -> ExerciseStep | CheckStep | None:
        """The exercise or self-check a segment belongs to (both have a demo clip)."""
        if segment is None or not 0 <= segment.step < len(self.workout.steps):
            return None
        step = self.workout.steps[segment.step]
        return step if isinstance(step, ExerciseStep | CheckStep) else None

    # -- actions (keys and buttons) ----------------------------------------------------------

    def start(self) -> None:
        """Open the session row, start the engine (its countdown is the get-ready) and the timer."""
        if self._started:
            return
        self._started = True
        self.recorder.open(self.workout)
        if self.video_led:
            self.player.play()
        self._handle(self.session.start())
        self._timer.start()

    def tick(self) -> None:
        if not self._started:
            return
        if self._finished:
            # Sounds delayed by the cue offset still come after the end.
            self.sounds.play_due(paused=self.session.paused)
            self._stop_ticking_when_quiet()
            return
        self._handle(self.session.tick())

    def toggle_pause(self) -> None:
        if self._finished:
            return
        self._handle(self.session.toggle_pause())
        self._sync_player()

    def next(self) -> None:
        self._act(self.session.next)

    def previous(self) -> None:
        self._act(self.session.previous)

    def done(self) -> None:
        self._act(self.session.done)

    def add_rep(self) -> None:
        self._act(self.session.add_rep)

    def enter_count(self, count: int) -> None:
        """A count typed for a check (digits, then Enter): the domain decides where it goes."""
        self._act(lambda: self.session.enter_count(count))

    def adjust_rest(self, seconds: float) -> None:
        if not self._finished:
            self._handle(self.session.adjust_rest(seconds))

    def end(self) -> None:
        """End early: the session is stored as `stopped`."""
        self._act(self.session.end)

    def set_muted(self, muted: bool) -> None:
        """M: silences the video, the beeps and the voice together."""
        self.sounds.muted = muted
        self.player.set_muted(muted)
        self.muted_changed.emit(muted)
        self.updated.emit()

    def apply_settings(self, settings: SoundSettings) -> None:
        self.sounds.apply(settings)
        self.player.set_volume(settings.volume)
        self.session.sound_lead = self.sounds.lead

    def set_pain_before(self, pain: int) -> None:
        self.recorder.set_pain_before(pain)

    def shutdown(self) -> None:
        """The window is closing: a running session ends as `stopped`, the player stops."""
        if self._started and not self._finished:
            self.end()
        self._timer.stop()
        self.sounds.clear()
        self.player.stop()
        if self._owns_history and self.history is not None:
            self.history.close()

    # -- events ------------------------------------------------------------------------------

    def _act(self, action: Callable[[], Sequence[Event]]) -> None:
        if self._finished or not self._started:
            return
        self._handle(action())
        self._sync_player()

    def _handle(self, events: Sequence[Event]) -> None:
        self.sounds.hear(events, paused=self.session.paused)
        for event in events:
            if isinstance(event, SegmentStarted):
                self._segment_started(event.segment)
            elif isinstance(event, SegmentEnded):
                self.recorder.segment_ended(event)
            elif isinstance(event, CheckResult):
                self.recorder.check_result(event)
            elif isinstance(event, PhaseChanged):
                self.phase_seconds = event.seconds
            elif isinstance(event, SeekRequested):
                self.player.seek(event.media_seconds)
            elif isinstance(event, ExtraRestChanged):
                self._sync_player()  # more rest holds the video on its picture
            elif isinstance(event, SessionFinished):
                self._session_finished(event.completed)
        self.updated.emit()

    def _stop_ticking_when_quiet(self) -> None:
        if not self.sounds.pending:
            self._timer.stop()

    def _segment_started(self, segment: Segment) -> None:
        if segment.kind == "work":
            self._first_work_started = True
        if not self.video_led:
            self._show_clip(segment)

    def _show_clip(self, segment: Segment) -> None:
        """Timer-led: loop the step's demo clip from its countdown to its last set."""
        step = self.step_of(segment)
        clip = step.clip if step is not None else None
        if segment.kind == "rest" and segment.exercise is None:
            clip = None  # a rest step: nothing to demonstrate
        if clip != self._clip:
            self._clip = clip
            if clip is None:
                self.player.stop()
                return
            if not self.player.load(clip, loop=True) and not self.player.problem:
                self._set_problem(
                    "media",
                    f"The demo clip {clip.name} could not be played; "
                    "the exercise runs on the timer.",
                )
        if clip is not None and not self.session.paused:
            self.player.play()

    def _sync_player(self) -> None:
        """Keep the video paused exactly when the session is (or an extra rest holds it)."""
        if self._finished:
            return
        # Video-led more rest holds the video, and so its clock, until the rest is over.
        paused = self.session.paused or self.session.extra_rest is not None
        if self.video_led or self._clip is not None:
            if paused:
                self.player.pause()
            else:
                self.player.play()

    def _session_finished(self, completed: bool) -> None:
        if self._finished:
            return
        self._finished = True
        self._stop_ticking_when_quiet()  # the end beep is among the sounds
        self.player.pause()
        self.recorder.finish(completed=completed, active_seconds=self.session.active_seconds)
        self.finished.emit(completed)

    def _on_player_ended(self) -> None:
        """The follow-along video reached its end: the session is complete."""
        if self.video_led and self._started and not self._finished:
            self._handle(self.session.media_ended())

    # -- problems ----------------------------------------------------------------------------

    def _set_problem(self, key: str, message: str) -> None:
        if self._problems.get(key) != message:
            self._problems[key] = message
            self.problems_changed.emit(self.problems_text())

    def _history_dropped(self, text: str) -> None:
        # A method, not a lambda: Qt drops the connection when this controller is deleted.
        self._set_problem("store", text)

    def _history_waiting(self, text: str) -> None:
        """The writer's words while saving waits ("" once it caught up): shown in the banner."""
        if text:
            self._set_problem("store", text)
        elif self._problems.pop("store", None) is not None:
            self.problems_changed.emit(self.problems_text())
