"""What the player screen shows, decided from the session view and the plan.

The player screen only applies a `PlayerFace`: every text, the ring, the phase
bar and which buttons are enabled are computed here, with no Qt, so the rules
(the cue for each kind of segment, the "STARTS IN" countdown before a
video-led step, "Next up") are tested without a QApplication.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from workout_player.domain.check_face import CheckFace, check_face
from workout_player.domain.durations import format_clock
from workout_player.domain.model import CheckStep, ExerciseStep
from workout_player.domain.session import SessionState, SessionView, exercise_step
from workout_player.domain.sides import SIDES_TEXT
from workout_player.domain.step_summary import exercise_summary
from workout_player.domain.timeline import Plan, Segment

Tone = Literal["accent", "warn", "rest"]
"""The ring's colour, named for what it means; the screen maps it to the theme."""

SELF_PACED_HINT = "R or ↑ counts a rep, Enter when done"
PAUSED_CUE = "Paused — press Space to go on"
REST_CUE = "Rest. Breathe slowly and stay loose."
EXTRA_REST_CUE = "More rest: the video waits. + adds 15 s, − takes 15 s off, N goes on"


@dataclass(frozen=True)
class Ring:
    """The ring timer: how full, the number in it, the caption under it."""

    fraction: float
    text: str
    caption: str
    tone: Tone = "accent"


@dataclass(frozen=True)
class PlayerFace:
    """Everything the player screen shows at one moment."""

    title: str
    side: str | None
    set_text: str
    rep_text: str | None
    """ "3 / 8"; None hides the rep counter."""
    phase_text: str | None
    """ "LOWER"; None hides the tempo phase and its bar."""
    phase_fraction: float
    ring: Ring
    cue: str
    next_up: str
    stage_text: str
    """What stands in the video's place when there is no clip."""
    progress: float
    elapsed_text: str
    remaining_text: str
    paused: bool
    rest_buttons: bool
    """Rest +15 s (video-led: more rest, holding the video)."""
    rep_button: bool
    done_button: bool
    done_primary: bool
    before_first: bool
    """Before the first step: the time to ask about pain."""
    less_rest_button: bool = False
    """Rest −15 s (video-led: only while an extra rest runs)."""
    check: CheckFace | None = None
    """During a self-check (or while its count is awaited): the count-up time, the cap
    and the prompt, shown instead of the rep counter; None otherwise."""


def player_face(view: SessionView, plan: Plan, *, phase_seconds: float | None) -> PlayerFace:
    """The face for `view` of a session over `plan`; `phase_seconds`: the length of the
    tempo phase in progress (from the last `PhaseChanged`)."""
    segment, state = view.segment, view.state
    step = exercise_step(plan.workout, segment) if segment is not None else None
    working = segment is not None and segment.kind == "work"
    self_paced = working and segment is not None and segment.self_paced
    tempo = working and view.phase is not None and step is not None and step.tempo is not None
    segments = plan.segments
    left = format_clock(view.remaining)
    check = check_face(view.check) if view.check is not None else None
    holding = check is not None and view.check is not None and view.check.measure == "hold"
    counting = working and check is not None and not holding
    return PlayerFace(
        title=_title(view, plan),
        side=view.side
        if state in (SessionState.WORK, SessionState.SWITCH) or (view.paused and view.side)
        else None,
        # "SET 1 / 1" says nothing: shown only when the step has sets to count (as next-up).
        set_text=f"SET {view.set_text}"
        if view.set_text and segment is not None and (segment.sets or 1) > 1
        else "",
        rep_text=f"{view.rep or 0} / {view.reps}" if working and view.reps is not None else None,
        phase_text=phase_text(view, step) if tempo else None,
        phase_fraction=_phase_fraction(view, phase_seconds) if tempo else 0.0,
        ring=_extra_ring(view)
        if view.extra_rest is not None
        else _check_ring(check, view)
        if check is not None and working
        else ring(view, plan),
        cue=(PAUSED_CUE if view.paused else EXTRA_REST_CUE)
        if view.extra_rest is not None
        else check.prompt
        if check is not None and (working or check.awaiting_count)
        else cue_text(view, step or _check_of(plan, segment)),
        next_up=f"Next up: {view.upcoming}" if view.upcoming else "",
        stage_text=stage_text(view, step or _check_of(plan, segment)),
        progress=min(1.0, max(0.0, view.progress)),
        elapsed_text=format_clock(view.elapsed),
        remaining_text=f"{left} left" if plan.exact or view.remaining is None else f"≥ {left} left",
        paused=view.paused,
        # Video-led, + holds the video for more rest anywhere but in work (the engine's rule).
        rest_buttons=(segment is not None and segment.kind == "rest")
        if plan.mode == "timer"
        else view.state not in (SessionState.NOT_STARTED, SessionState.FINISHED) and not working,
        less_rest_button=(segment is not None and segment.kind == "rest")
        if plan.mode == "timer"
        else view.extra_rest is not None,
        rep_button=self_paced or counting,
        done_button=working,
        done_primary=self_paced or holding,
        # A video-led workout has no countdown: its title card before the first step.
        before_first=(state == SessionState.COUNTDOWN and view.index == 0)
        or (state == SessionState.BETWEEN and bool(segments) and view.next_segment == segments[0]),
        check=check,
    )


def _check_of(plan: Plan, segment: Segment | None) -> CheckStep | None:
    """The check step a segment belongs to (its countdown, trials, switches and rests)."""
    steps = plan.workout.steps
    if segment is None or not 0 <= segment.step < len(steps):
        return None
    step = steps[segment.step]
    return step if isinstance(step, CheckStep) else None


def _extra_ring(view: SessionView) -> Ring:
    """Video-led more rest: the seconds left while the video holds (15 s a press)."""
    left = view.extra_rest or 0.0
    fraction = min(1.0, left / 15.0) if left < 15.0 else 1.0
    if view.paused:
        return Ring(fraction, _ring_text(left), "PAUSED", "warn")
    return Ring(fraction, _ring_text(left), "MORE REST", "rest")


def _check_ring(check: CheckFace, view: SessionView) -> Ring:
    """A check's ring fills as it goes: the count-up time (or a count's time left)."""
    if view.paused:
        return Ring(check.fraction, check.time_text, "PAUSED", "warn")
    return Ring(check.fraction, check.time_text, check.time_caption or "COUNT")


def _title(view: SessionView, plan: Plan) -> str:
    segment = view.segment
    if segment is None or view.state == SessionState.BETWEEN:
        return plan.workout.title if view.state == SessionState.NOT_STARTED else "Follow the video"
    if segment.kind == "rest" and segment.exercise is None:
        return "Rest"
    return segment.exercise or "Rest"


def phase_text(view: SessionView, step: ExerciseStep | None) -> str:
    """ "LOWER"; a one-phase tempo says how and how long: "SLOWLY, 4 s"."""
    name = (view.phase or "").upper()
    if step is not None and step.tempo is not None and len(step.tempo) == 1:
        return f"{name}, {step.tempo[0]:g} s"
    return name


def _phase_fraction(view: SessionView, phase_seconds: float | None) -> float:
    total = phase_seconds or 0.0
    left = view.phase_remaining or 0.0
    done = 1.0 - left / total if total > 0 else 0.0
    return min(1.0, max(0.0, done))


def ring(view: SessionView, plan: Plan) -> Ring:
    """The ring: seconds left of the segment (or the hold, or until a video-led step)."""
    segment = view.segment
    duration = segment.duration if segment is not None else None
    left = view.segment_remaining
    fraction = (left / duration) if duration and left is not None else 0.0
    step = exercise_step(plan.workout, segment) if segment is not None else None
    kind = segment.kind if segment is not None else ""
    tone: Tone = "accent"
    if view.paused:
        caption, tone = "PAUSED", "warn"
    elif kind == "countdown":
        caption = "GET READY"
    elif kind == "rest":
        caption, tone = "REST", "rest"
    elif kind == "switch":
        caption, tone = "SWITCH SIDES", "warn"
    elif kind == "work" and view.hold_remaining is not None and step and step.hold:
        caption = "HOLD"
        fraction, left = view.hold_remaining / step.hold, view.hold_remaining
    elif kind == "work" and segment is not None and segment.self_paced:
        done = (view.rep or 0) / view.reps if view.reps else 0.0
        return Ring(done, format_clock(view.segment_elapsed), "YOUR PACE")
    elif kind == "work":
        caption = "SET LEFT" if view.reps else "WORK"
    elif view.state == SessionState.BETWEEN and view.next_segment is not None:
        caption = "STARTS IN"  # video-led, before a step: as the video's own cards do
        fraction, left = _starts_in(view.next_segment, view.elapsed, plan)
    else:
        return Ring(0.0, "", "")
    return Ring(fraction, _ring_text(left), caption, tone)


def _starts_in(following: Segment, elapsed: float, plan: Plan) -> tuple[float, float]:
    """How full the ring is and the seconds left in the gap before `following`."""
    gap_start = max(
        (s.end for s in plan.segments if s.end <= following.start + 1e-9),
        default=0.0,
    )
    left = max(0.0, following.start - elapsed)
    gap = following.start - gap_start
    return (left / gap if gap > 0 else 0.0), left


def _ring_text(left: float | None) -> str:
    """Whole seconds, rounded up ("3" until it reaches 2); a clock from 100 s on."""
    if left is None:
        return ""
    if left >= 100:
        return format_clock(left)
    return str(max(0, math.ceil(left - 1e-6)))


def cue_text(view: SessionView, step: ExerciseStep | CheckStep | None) -> str:
    """The line under the video: what to do in this kind of segment."""
    segment = view.segment
    if view.paused:
        return PAUSED_CUE
    if segment is None:
        return ""
    if segment.kind == "switch":
        return f"Switch to the {segment.side or 'other'} side"
    if segment.kind == "countdown":
        return f"Get ready: {exercise_summary(step)}" if step else "Get ready"
    if segment.kind == "rest":
        return segment.cue or REST_CUE
    if segment.self_paced:
        return (segment.cue + " — " if segment.cue else "") + SELF_PACED_HINT
    return segment.cue or ""


def stage_text(view: SessionView, step: ExerciseStep | CheckStep | None) -> str:
    """Without a clip, the video's place says what the whole step asks for."""
    segment = view.segment
    if segment is None:
        return ""
    if segment.kind == "rest":
        return f"Rest\n\nthen {view.upcoming}" if view.upcoming else "Rest"
    if step is None:
        return segment.exercise or ""
    sides = SIDES_TEXT[step.sides]
    parts = [exercise_summary(step), sides] if sides else [exercise_summary(step)]
    if isinstance(step, CheckStep) and step.instructions:
        parts.append("\n" + step.instructions.strip())
    return f"{step.exercise}\n\n" + "\n".join(parts)
