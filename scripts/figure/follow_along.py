"""The long follow-along video: title card, then the timer-led plan drawn second by second.

Each frame is a pure function of its time, computed from the same plan that
`schedule.py` turns into the video-led workout's `at:` values, so the cues the
app gives and the cards the video shows cannot disagree.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from PIL import Image

from workout_player.domain.durations import format_clock
from workout_player.domain.model import ExerciseStep, RestStep, Workout
from workout_player.domain.timeline import Plan, Segment

from .draw import ACCENT, CARD, HEIGHT, INK, MUTED, WIDTH, Canvas, draw_title
from .exercises import BY_NAME
from .motion import Exercise, sample
from .render import camera_for, paint_figure
from .schedule import END_SECONDS, TITLE_SECONDS, video_length


def _side_key(exercise: Exercise, side: str | None) -> str:
    if side is None:
        return (
            "none" if ("none" in exercise.active or "none" in exercise.cycle) else exercise.demo[0]
        )
    return side


def _set_text(segment: Segment) -> str:
    if segment.sets and segment.sets > 1 and segment.set:
        return f"set {segment.set} / {segment.sets}"
    return ""


def _label(segment: Segment) -> str:
    parts = [segment.side.capitalize() if segment.side else "", _set_text(segment)]
    return " - ".join(p for p in parts if p)


class FollowAlong:
    """Draws the frame at any second of the follow-along video."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.workout: Workout = plan.workout
        self.length = video_length(plan)

    def frames(self, fps: int) -> Iterator[Image.Image]:
        count = round(self.length * fps)
        for i in range(count):
            yield self.frame(i / fps)

    def frame(self, t: float) -> Image.Image:
        canvas = Canvas()
        if t < TITLE_SECONDS:
            self._title(canvas, t)
        elif t >= TITLE_SECONDS + self.plan.total_seconds:
            self._end(canvas)
        else:
            local = t - TITLE_SECONDS
            index, segment = self._segment_at(local)
            self._segment(canvas, index, segment, local - segment.start)
            self._progress(canvas, local)
        return canvas.finish()

    def _segment_at(self, t: float) -> tuple[int, Segment]:
        for index, segment in enumerate(self.plan.segments):
            if segment.start <= t < segment.end:
                return index, segment
        return len(self.plan.segments) - 1, self.plan.segments[-1]

    # --- cards -------------------------------------------------------------------------
    def _title(self, canvas: Canvas, t: float) -> None:
        canvas.rect(0, 0, WIDTH, HEIGHT, CARD)
        canvas.text("Follow along", WIDTH / 2, 40, 22, color=MUTED)
        y = canvas.wrapped(self.workout.title, WIDTH / 2, 75, 34, 580, bold=True)
        minutes = round(self.plan.total_seconds / 60)
        names = ", ".join(self.workout.exercises)
        y = canvas.wrapped(f"About {minutes} minutes: {names}", WIDTH / 2, y + 10, 18, 560)
        canvas.wrapped(
            "Stop if pain increases or spreads into a leg. Move in a comfortable range.",
            WIDTH / 2, y + 14, 17, 560, color=ACCENT,
        )  # fmt: skip
        remaining = math.ceil(TITLE_SECONDS - t)
        canvas.text(f"Starting in {remaining}", WIDTH / 2, 312, 24, bold=True, color=MUTED)

    def _end(self, canvas: Canvas) -> None:
        canvas.rect(0, 0, WIDTH, HEIGHT, CARD)
        canvas.text("Well done", WIDTH / 2, 110, 48, bold=True)
        canvas.text(
            f"{format_clock(self.plan.total_seconds)} of back care done.", WIDTH / 2, 185, 22
        )
        canvas.text("Same time tomorrow?", WIDTH / 2, 225, 22, color=MUTED)

    def _segment(self, canvas: Canvas, index: int, segment: Segment, elapsed: float) -> None:
        step = self.workout.steps[segment.step]
        remaining = max(0, math.ceil((segment.duration or 0) - elapsed - 1e-9))
        if segment.kind == "rest":
            self._rest(canvas, index, segment, step, remaining)
        elif segment.kind == "switch":
            self._switch(canvas, segment, remaining)
        elif segment.kind == "countdown":
            assert isinstance(step, ExerciseStep)
            self._countdown(canvas, index, step, remaining)
        else:
            assert isinstance(step, ExerciseStep)
            self._work(canvas, segment, step, elapsed)

    def _next_text(self, index: int) -> str:
        for segment in self.plan.segments[index + 1 :]:
            if segment.kind == "work":
                label = _label(segment)
                return f"Next: {segment.exercise}" + (f" - {label.lower()}" if label else "")
        return "Next: finish"

    def _rest(
        self, canvas: Canvas, index: int, segment: Segment, step: object, remaining: int
    ) -> None:
        canvas.rect(0, 0, WIDTH, HEIGHT, CARD)
        canvas.text("Rest", WIDTH / 2, 22, 40, bold=True)
        canvas.text(str(remaining), WIDTH / 2, 80, 110, bold=True, color=ACCENT)
        cue = step.cue if isinstance(step, RestStep) else "Breathe easily. Shake out, stay warm."
        y = canvas.wrapped(cue or "", WIDTH / 2, 218, 20, 560, color=MUTED)
        canvas.text(self._next_text(index), WIDTH / 2, max(y + 8, 268), 22, bold=True)

    def _switch(self, canvas: Canvas, segment: Segment, remaining: int) -> None:
        canvas.rect(0, 0, WIDTH, HEIGHT, CARD)
        canvas.text("Switch sides", WIDTH / 2, 40, 44, bold=True)
        canvas.text(str(remaining), WIDTH / 2, 110, 100, bold=True, color=ACCENT)
        side = segment.side or ""
        canvas.text(f"{segment.exercise} - {side} side next", WIDTH / 2, 250, 22, color=MUTED)

    def _countdown(self, canvas: Canvas, index: int, step: ExerciseStep, remaining: int) -> None:
        exercise = BY_NAME[step.exercise]
        first = self.plan.segments[index + 1]
        side = _side_key(exercise, first.side)
        keys = exercise.keyframes(side, step.tempo, step.hold)
        pose = sample(keys, 0.0)
        paint_figure(canvas, exercise, side, pose, camera_for(exercise, pose))
        canvas.text("Get ready", 20, 14, 22, color=MUTED, anchor="lt")
        draw_title(canvas, step.exercise, y=40, size=32)
        canvas.text(_dose(step), WIDTH / 2, 84, 20, color=MUTED)
        canvas.text(str(remaining), WIDTH - 24, 10, 56, bold=True, color=ACCENT, anchor="rt")

    def _work(self, canvas: Canvas, segment: Segment, step: ExerciseStep, elapsed: float) -> None:
        exercise = BY_NAME[step.exercise]
        side = _side_key(exercise, segment.side)
        keys = exercise.keyframes(side, step.tempo, step.hold)
        pose = sample(keys, elapsed)
        paint_figure(canvas, exercise, side, pose, camera_for(exercise, pose))
        draw_title(canvas, step.exercise, y=8, size=30)
        label = _label(segment)
        if label:
            canvas.text(label, WIDTH / 2, 48, 22, color=MUTED)
        rep_seconds = step.rep_seconds
        if step.reps is not None and rep_seconds:
            rep = min(step.reps, int(elapsed // rep_seconds) + 1)
            canvas.text("rep", 24, 84, 20, color=MUTED, anchor="lt")
            canvas.text(f"{rep} / {step.reps}", 24, 106, 44, bold=True, anchor="lt")
            if step.hold is not None:
                left = math.ceil(step.hold - (elapsed - (rep - 1) * rep_seconds) - 1e-9)
                canvas.text("hold", WIDTH - 24, 84, 20, color=MUTED, anchor="rt")
                canvas.text(f"{max(left, 0)}", WIDTH - 24, 106, 44, bold=True, anchor="rt")
        else:
            left = math.ceil((segment.duration or 0) - elapsed - 1e-9)
            canvas.text("time", 24, 84, 20, color=MUTED, anchor="lt")
            canvas.text(format_clock(left), 24, 106, 44, bold=True, anchor="lt")
        if segment.duration:
            done = min(1.0, elapsed / segment.duration)
            canvas.rect(0, HEIGHT - 12, WIDTH * done, HEIGHT - 6, ACCENT)

    def _progress(self, canvas: Canvas, t: float) -> None:
        """A thin line along the bottom: how far through the whole routine."""
        done = min(1.0, t / self.plan.total_seconds)
        canvas.rect(0, HEIGHT - 4, WIDTH * done, HEIGHT, INK)


def _dose(step: ExerciseStep) -> str:
    parts = []
    if step.sets > 1:
        parts.append(f"{step.sets} sets")
    if step.reps is not None:
        each = " each side" if step.sides == "both" else ""
        parts.append(f"{step.reps} reps{each}")
    if step.hold is not None:
        parts.append(f"hold {step.hold:g} s")
    if step.tempo is not None:
        parts.append("tempo " + "-".join(f"{v:g}" for v in step.tempo))
    if step.duration is not None:
        each = " each side" if step.sides == "both" else ""
        parts.append(f"{step.duration:g} s{each}")
    return ", ".join(parts)


__all__ = ["END_SECONDS", "FollowAlong"]
