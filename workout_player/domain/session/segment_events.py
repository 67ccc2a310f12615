"""What happens inside one segment: cues on entry, timed events, and the work display.

The track asks this module for a segment's schedule once, when it enters the
segment, and then releases the events whose time has come. Keeping the rules
here (which cue, when a beep, how tempo phases are named) leaves the track and
the followers with only the bookkeeping.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from workout_player.domain.durations import format_clock
from workout_player.domain.model import CheckStep, ExerciseStep, RestStep, Workout
from workout_player.domain.session.events import (
    CountdownBeep,
    CueDue,
    Event,
    PhaseChanged,
    RepCounted,
)
from workout_player.domain.timeline import Segment

EPS = 1e-9
HALFWAY_MIN_SECONDS = 20.0
"""Work segments longer than this get a "Halfway" cue."""

PHASE_NAMES: dict[int, tuple[str, ...]] = {
    # `tempo: 4`: one phase, the whole rep, done slowly (muscle-timing work).
    1: ("slowly",),
    2: ("lower", "lift"),
    3: ("lower", "pause", "lift"),
    4: ("lower", "pause", "lift", "pause"),
}

# Events due at the same moment come out in this order.
_REP, _HALFWAY, _BEEP, _PHASE = range(4)


@dataclass(frozen=True)
class Timed:
    """An event due `at` seconds into its segment."""

    at: float
    order: int
    event: Event


@dataclass(frozen=True)
class WorkDetail:
    """The rep counter's display at one moment of a work segment."""

    rep: int | None = None
    reps: int | None = None
    phase: str | None = None
    phase_remaining: float | None = None
    hold_remaining: float | None = None


def exercise_step(workout: Workout, segment: Segment) -> ExerciseStep | None:
    step = workout.steps[segment.step] if 0 <= segment.step < len(workout.steps) else None
    return step if isinstance(step, ExerciseStep) else None


def check_step(workout: Workout, segment: Segment | None) -> CheckStep | None:
    """The check step of a check's work segment, None for any other segment."""
    if segment is None or segment.kind != "work" or segment.check is None:
        return None
    step = workout.steps[segment.step] if 0 <= segment.step < len(workout.steps) else None
    return step if isinstance(step, CheckStep) else None


def check_prompt(step: CheckStep) -> str:
    """What the person does to end a trial, in words for the screen and the voice."""
    if step.measure == "hold":
        return "Press Enter when you lose the position"
    if step.time is not None:
        if step.entry == "type":
            return "Count them; type the number at the end"
        return "Press R or Up for each one"
    if step.entry == "type":
        return "Type the number, then press Enter"
    return "Press R or Up for each one, Enter when you stop"


def _check_cue(step: CheckStep, segment: Segment) -> CueDue:
    where = f", {segment.side}" if segment.side else ""
    trial = f", trial {segment.set} of {step.trials}" if step.trials > 1 and segment.set else ""
    # The bundled cues end with a full stop: one stop, not "..", before "Go".
    cue = f" {step.cue.rstrip('.')}." if step.cue and segment.set == 1 else ""
    return CueDue("check", f"{step.name}{where}{trial}.{cue} Go. {check_prompt(step)}")


def _first_part(step: ExerciseStep, segment: Segment) -> bool:
    return segment.side == step.side_order[0]


def entry_cues(workout: Workout, segment: Segment, after_switch: bool) -> list[Event]:
    """The cues spoken as `segment` begins; `after_switch`: a switch segment preceded it."""
    if segment.kind == "switch":
        return [CueDue("switch", "Switch sides")]
    if segment.kind == "rest":
        step = workout.steps[segment.step] if 0 <= segment.step < len(workout.steps) else None
        text = f"Rest. {step.cue}" if isinstance(step, RestStep) and step.cue else "Rest"
        return [CueDue("rest", text)]
    check = check_step(workout, segment)
    if check is not None:
        return [_check_cue(check, segment)]
    step = exercise_step(workout, segment)
    if segment.kind != "work" or step is None:
        return []
    cues: list[Event] = []
    if not _first_part(step, segment):
        if not after_switch:  # `switch: 0`: no switch segment said it
            cues.append(CueDue("switch", "Switch sides"))
        return cues
    if segment.set == 1:
        text = f"{step.exercise}. {step.cue}" if step.cue else step.exercise
        cues.append(CueDue("exercise", text))
    if step.sets > 1 and segment.set == step.sets:
        cues.append(CueDue("last_set", "Last set"))
    return cues


def timed_events(
    workout: Workout, segment: Segment, duration: float | None, beeps: int, lead: float = 0.0
) -> list[Timed]:
    """Everything due during `segment` (lasting `duration`), sorted by time.

    Countdown beeps come `lead` seconds early (audio latency), never before the segment.
    """
    out: list[Timed] = []
    if duration is None:
        return out
    if segment.kind in ("countdown", "rest", "switch"):
        for remaining in range(beeps, 0, -1):
            if duration - remaining >= -EPS:
                at = max(0.0, duration - remaining - lead)
                out.append(Timed(at, _BEEP, CountdownBeep(remaining)))
    step = exercise_step(workout, segment)
    if segment.kind == "work" and step is not None:
        if duration > HALFWAY_MIN_SECONDS:
            out.append(Timed(duration / 2, _HALFWAY, CueDue("halfway", "Halfway")))
        out.extend(_rep_events(step))
    out.sort(key=lambda timed: (timed.at, timed.order))
    return out


def _rep_events(step: ExerciseStep) -> list[Timed]:
    rep_seconds, reps = step.rep_seconds, step.reps
    if rep_seconds is None or reps is None or rep_seconds <= 0:
        return []
    out: list[Timed] = []
    tempo = step.tempo
    for rep in range(1, reps + 1):
        base = (rep - 1) * rep_seconds
        if tempo is not None:
            names = PHASE_NAMES[len(tempo)]
            offset = 0.0
            for number, seconds in enumerate(tempo):
                if seconds > 0:
                    event = PhaseChanged(number, names[number], float(seconds))
                    out.append(Timed(base + offset, _PHASE, event))
                offset += seconds
        elif step.hold is not None:
            out.append(Timed(base, _PHASE, PhaseChanged(0, "hold", step.hold)))
        out.append(Timed(rep * rep_seconds, _REP, RepCounted(rep, reps)))
    return out


def reps_done(step: ExerciseStep | None, elapsed: float, taps: int) -> int | None:
    """Completed reps after `elapsed` seconds of a work segment (taps when self-paced)."""
    if step is None or step.reps is None:
        return None
    if step.self_paced:
        return taps
    rep_seconds = step.rep_seconds or 0.0
    if rep_seconds <= 0:
        return 0
    return min(step.reps, math.floor(elapsed / rep_seconds + EPS))


def work_detail(step: ExerciseStep | None, elapsed: float, taps: int) -> WorkDetail:
    """Rep, phase and hold countdown `elapsed` seconds into a work segment of `step`."""
    if step is None or step.reps is None:
        return WorkDetail()
    reps = step.reps
    if step.self_paced:
        return WorkDetail(rep=taps, reps=reps)
    rep_seconds = step.rep_seconds or 0.0
    if rep_seconds <= 0:
        return WorkDetail(rep=1, reps=reps)
    done = math.floor(elapsed / rep_seconds + EPS)
    rep = min(done + 1, reps)
    into = min(max(0.0, elapsed - (rep - 1) * rep_seconds), rep_seconds)
    if step.hold is not None:
        left = rep_seconds - into
        return WorkDetail(rep, reps, "hold", left, left)
    tempo = step.tempo or (rep_seconds,)
    names = PHASE_NAMES[len(tempo)]
    start = 0.0
    for number, seconds in enumerate(tempo):
        end = start + seconds
        if seconds > 0 and into < end - EPS:
            return WorkDetail(rep, reps, names[number], end - into)
        start = end
    last = max(i for i, seconds in enumerate(tempo) if seconds > 0)
    return WorkDetail(rep, reps, names[last], 0.0)


def describe(workout: Workout, segment: Segment) -> str:
    """How "next up" names a segment: "Side plank - set 1 / 3, left", "Rest 0:30"."""
    if segment.kind == "rest":
        return f"Rest {format_clock(segment.duration)}"
    if segment.kind == "switch":
        return "Switch sides"
    name = segment.exercise or "Exercise"
    parts: list[str] = []
    if segment.set is not None and (segment.sets or 1) > 1:
        # A check's repeats are trials ("best of 3"), as the player and the voice say.
        is_check = segment.check is not None
        parts.append(
            f"trial {segment.set} of {segment.sets}"
            if is_check
            else f"set {segment.set} / {segment.sets}"
        )
    if segment.side is not None:
        parts.append(segment.side)
    return f"{name} - {', '.join(parts)}" if parts else name
