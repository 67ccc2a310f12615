"""A check's trials as results: which ended trials measured something, and typed counts.

The engine passes every event its follower produced through `CheckLog.follow()`: after the
`SegmentEnded` of a check's trial that ended by Enter, by its cap or by its fixed time, it
adds the `CheckResult` and a "stop" cue. A trial left with N (skipped), P (back) or by
ending the session measured nothing, so it has no result.

A count can be typed (digit keys, then Enter in the player): during its trial, which sets
the count, or after it, until the next check's trial starts. A timed check with `entry: type`
whose window ran out with no count waits for that number (`awaiting`); any other
count gets its result at once, and a number typed afterwards comes as a corrected
result for the same trial.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from workout_player.domain.model import CheckStep, Measure, Workout
from workout_player.domain.session.events import (
    CheckResult,
    CueDue,
    Event,
    SegmentEnded,
    SegmentStarted,
)
from workout_player.domain.session.segment_events import check_prompt, check_step
from workout_player.domain.timeline import Segment

MAX_COUNT = 10_000
"""A typed count above this is a slip of the keyboard, not a count."""
RESULT_DIGITS = 2
"""Seconds are kept to the hundredth: the clock reads finer than a press of Enter."""


class CheckLog:
    """The results of one session's checks and the count still open for typing."""

    def __init__(self, workout: Workout) -> None:
        self._workout = workout
        self._open: CheckResult | None = None
        self._open_segment: Segment | None = None
        """The last count result, open for a typed number (value unset when awaited)."""
        self._awaiting = False
        self._revisions: dict[tuple[str, str | None, int], int] = {}
        """How many results each (check, side, trial) has had: a trial done again (P from
        the rest after it) or corrected gets the next revision, which replaces the last."""
        self.results: list[CheckResult] = []
        """Every result given so far (corrections included), in order."""

    @property
    def awaiting(self) -> CheckResult | None:
        """A typed-entry count whose number has not been given yet (value is 0 meanwhile)."""
        return self._open if self._awaiting else None

    def awaiting_view(self) -> CheckView | None:
        """The display while a typed count is awaited (between trials), else None."""
        segment = self._open_segment
        step = check_step(self._workout, segment) if segment is not None else None
        if not self._awaiting or step is None or segment is None:
            return None
        return check_view(step, segment, step.time or 0.0, 0, awaiting=True)

    @property
    def open(self) -> CheckResult | None:
        """The count a typed number would set now (current or last count trial)."""
        return self._open

    def follow(self, events: Iterable[Event]) -> list[Event]:
        """`events` with each check trial's result (and its "stop" cue) after its end."""
        out: list[Event] = []
        for event in events:
            out.append(event)
            if isinstance(event, SegmentStarted) and event.segment.check is not None:
                self._open, self._awaiting = None, False  # a new trial: the last one is closed
                self._open_segment = None
            elif isinstance(event, SegmentEnded):
                out += self._ended(event)
        return out

    def typed(self, count: int) -> list[Event]:
        """A number typed for the last count trial once it has ended (see the module)."""
        last = self._open
        if last is None or not 0 <= count <= MAX_COUNT:
            return []
        result = CheckResult(
            check=last.check,
            name=last.name,
            step=last.step,
            side=last.side,
            trial=last.trial,
            value=float(count),
            unit=last.unit,
            capped=False,
            revision=self._revision(last) if not self._awaiting else last.revision,
        )
        self._open, self._awaiting = result, False
        return self._give(result)

    def _ended(self, event: SegmentEnded) -> list[Event]:
        segment = event.segment
        step = check_step(self._workout, segment)
        if step is None or event.reason not in ("done", "completed"):
            return []
        hold = step.measure == "hold"
        value = round(event.seconds, RESULT_DIGITS) if hold else float(event.reps_done or 0)
        result = CheckResult(
            check=step.check,
            name=step.name,
            step=segment.step,
            side=segment.side,
            trial=segment.set or 1,
            value=value,
            unit=step.unit,
            capped=hold and event.reason == "completed",
        )
        result = replace(result, revision=self._revision(result))
        stop: list[Event] = [CueDue("stop", _stop_text(step, result))]
        if hold:
            return [*self._give(result), *stop]
        self._open, self._open_segment = result, segment
        if step.entry == "type" and event.reason == "completed" and not event.reps_done:
            self._awaiting = True
            return [CueDue("stop", "Stop. Type how many you did, then press Enter")]
        return [*self._give(result), *stop]

    def _revision(self, result: CheckResult) -> int:
        """The revision for a new result of `result`'s trial (0 for its first)."""
        key = (result.check, result.side, result.trial)
        revision = self._revisions.get(key, -1) + 1
        self._revisions[key] = revision
        return revision

    def _give(self, result: CheckResult) -> list[Event]:
        self.results.append(result)
        return [result]


def _stop_text(step: CheckStep, result: CheckResult) -> str:
    if result.capped:
        return f"Stop. {result.value:g} seconds, the most this check times"
    return "Stop"


def typed_entry(step: CheckStep | None) -> bool:
    """The check asks for its count to be typed."""
    return step is not None and step.measure == "count" and step.entry == "type"


@dataclass(frozen=True)
class CheckView:
    """What the player shows during a check's trial (or while a typed count is awaited).

    A hold shows `seconds` counting up from 0 and `cap`; a count shows `count` and, with a
    fixed time, `time_left`. `prompt` says what ends the trial ("Press Enter when you lose
    the position"); `awaiting_count` is True after a typed-entry trial until a number is
    typed (then `seconds` is the trial's time).
    """

    check: str
    name: str
    measure: Measure
    unit: str
    trial: int
    trials: int
    side: str | None
    seconds: float
    cap: float | None
    time_left: float | None
    count: int | None
    prompt: str
    awaiting_count: bool = False
    instructions: str | None = None
    safety: str | None = None


def check_view(
    step: CheckStep, segment: Segment, elapsed: float, count: int, *, awaiting: bool = False
) -> CheckView:
    """The check display `elapsed` seconds into a trial of `step` with `count` so far."""
    counting = step.measure == "count"
    time_left = None
    if counting and step.time is not None and not awaiting:
        time_left = max(0.0, step.time - elapsed)
    prompt = "Type how many you did, then press Enter" if awaiting else check_prompt(step)
    return CheckView(
        check=step.check,
        name=step.name,
        measure=step.measure,
        unit=step.unit,
        trial=segment.set or 1,
        trials=step.trials,
        side=segment.side,
        seconds=elapsed,
        cap=step.cap,
        time_left=time_left,
        count=count if counting else None,
        prompt=prompt,
        awaiting_count=awaiting,
        instructions=step.instructions,
        safety=step.safety,
    )
