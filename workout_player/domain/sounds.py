"""Every sound of a session, on the clock: the engine's events turned into beeps and speech.

The cue offset of the sound settings moves the sounds for a slow (or early)
audio device. A negative offset is a lead: the engine itself brings the
countdown beeps forward (`Session.sound_lead`) and the "go" beep follows the
last count beep by one second, so it comes early by the same amount while the
work segment starts silent. A positive offset is a delay: every sound waits
that long. Both run on the injected clock the controller ticks with, so tests
drive them with a `FakeClock`; which sounds are switched on (and mute) is the
player's to decide when a sound comes due.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from workout_player.domain.clock import Clock
from workout_player.domain.session import (
    CountdownBeep,
    CueDue,
    Event,
    PhaseChanged,
    SegmentStarted,
    SessionFinished,
)

BeepName = Literal["count", "go", "tick", "end"]
EPS = 1e-9
EARLY_GO_AFTER = 1.0
"""With a lead, the "go" beep comes this long after the last count beep."""


@dataclass(frozen=True)
class Beep:
    """A short tone: 3-2-1 counts, "go" as work starts (a check's start too), a tempo
    tick, the end (of the session, or of a check's trial: its "stop")."""

    kind: BeepName


@dataclass(frozen=True)
class Speech:
    """A cue to say aloud."""

    text: str


Sound = Beep | Speech


@dataclass(frozen=True)
class _Pending:
    at: float
    sound: Sound
    early_go: bool = False


class SoundSchedule:
    """The sounds owed to the person and when each is due, read on `clock`."""

    def __init__(self, clock: Clock, offset_ms: int = 0) -> None:
        self.clock = clock
        self.offset_ms = offset_ms
        self._pending: list[_Pending] = []
        self._go_given = False
        """The early "go" sounded: the work segment it announced starts silent."""

    @property
    def lead(self) -> float:
        """Seconds the sounds come early (a negative offset); 0 when they come late."""
        return max(0.0, -self.offset_ms / 1000)

    @property
    def delay(self) -> float:
        """Seconds the sounds wait (a positive offset)."""
        return max(0.0, self.offset_ms / 1000)

    @property
    def pending(self) -> bool:
        """Some sound is still to come."""
        return bool(self._pending)

    def hear(self, events: Iterable[Event]) -> None:
        """Schedule the sounds of the engine's `events` (in their order)."""
        for event in events:
            if isinstance(event, SegmentStarted):
                early, self._go_given = self._go_given, False
                self._cancel_early_go()  # late or skipped ahead: the segment itself decides
                if event.segment.kind == "work" and not early:
                    self._add(Beep("go"))
            elif isinstance(event, CountdownBeep):
                self._add(Beep("count"))
                if event.remaining == 1 and self.lead > 0:
                    at = self.clock.now() + EARLY_GO_AFTER
                    self._pending.append(_Pending(at, Beep("go"), early_go=True))
            elif isinstance(event, PhaseChanged):
                self._add(Beep("tick"))
            elif isinstance(event, CueDue):
                if event.kind == "stop":  # a check's trial is over: the stop beep, then words
                    self._add(Beep("end"))
                self._add(Speech(event.text))
            elif isinstance(event, SessionFinished):
                self._cancel_early_go()
                self._add(Beep("end"))

    def due(self, *, paused: bool) -> list[Sound]:
        """The sounds due now, in order; an early "go" due while paused is dropped (the
        work segment then says "go" itself)."""
        now = self.clock.now() + EPS  # a sound due at 4.7 s is due at 4.699999999999 s
        due = [p for p in self._pending if p.at <= now]
        if not due:
            return []
        self._pending = [p for p in self._pending if p.at > now]
        out: list[Sound] = []
        for pending in sorted(due, key=lambda p: p.at):  # stable: same time, same order
            if pending.early_go:
                if paused:
                    continue
                self._go_given = True
            out.append(pending.sound)
        return out

    def clear(self) -> None:
        """Forget every sound still to come (the session is closing)."""
        self._pending = []

    def _add(self, sound: Sound) -> None:
        self._pending.append(_Pending(self.clock.now() + self.delay, sound))

    def _cancel_early_go(self) -> None:
        self._pending = [p for p in self._pending if not p.early_go]
