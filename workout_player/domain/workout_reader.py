"""The format's rules: walk a workout's YAML nodes and build the model, noting every problem.

`loader.py` reads the file and turns these notes into `Problem`s. The values of single
keys (numbers, times, text, paths) are checked by `fields.py`; this module knows the
keys, which go together, and the rules between steps.
"""

from __future__ import annotations

from pathlib import Path

from workout_player.domain import fields
from workout_player.domain.check_reader import read_check
from workout_player.domain.fields import Issues, Pairs
from workout_player.domain.model import (
    LEVELS,
    SIDES,
    CheckStep,
    ExerciseStep,
    Level,
    RestStep,
    Sides,
    Step,
    Workout,
)
from workout_player.domain.timestamps import format_timestamp
from workout_player.domain.yamlnodes import Mapping, Node, Sequence

TOP_KEYS = (
    "title",
    "description",
    "level",
    "tags",
    "safety",
    "countdown",
    "switch",
    "video",
    "steps",
)
EXERCISE_KEYS = (
    "exercise",
    "cue",
    "sets",
    "reps",
    "tempo",
    "hold",
    "duration",
    "sides",
    "rest",
    "countdown",
    "clip",
    "at",
)
REST_KEYS = ("rest", "cue", "at")
STEP_KEYS = EXERCISE_KEYS

MAX_TITLE = 120
MAX_SETS = 100
MAX_REPS = 10_000
MAX_SEGMENTS = 10_000
"""A plan longer than this is surely a mistake (a real session has a few hundred at most)."""


def read_workout(root: Node, issues: Issues, base: Path, source: Path | None) -> Workout | None:
    """Check the whole tree; the workout when there were no errors."""
    checked = fields.top_mapping(root, issues, "workout", "title: and steps:")
    if checked is None:
        return None
    root = checked
    top = fields.pairs(root, TOP_KEYS, "workout", issues)
    errors_before = issues.errors
    title = fields.text_value(top, "title", issues, required=root, non_empty=True, limit=MAX_TITLE)
    description = fields.text_value(top, "description", issues)
    level = fields.choice(top, "level", LEVELS, issues)
    tags = fields.text_list(top, "tags", issues)
    safety = fields.text_value(top, "safety", issues)
    countdown = fields.seconds(top, "countdown", issues)
    switch = fields.seconds(top, "switch", issues)
    video = fields.path_value(top, "video", issues, base, what="video")
    video_led = "video" in top
    steps = _read_steps(top, root, issues, base, video_led)
    if issues.errors > errors_before or title is None or steps is None:
        return None
    return Workout(
        title=title,
        steps=steps,
        description=description,
        level=_level(level),
        tags=tags or (),
        safety=safety,
        countdown=countdown,
        switch=switch if switch is not None else 5.0,
        video=video,
        source=source,
    )


def _read_steps(
    top: Pairs, root: Mapping, issues: Issues, base: Path, video_led: bool
) -> tuple[Step, ...] | None:
    if "steps" not in top:
        issues.error(root, "steps is missing: a workout needs a list of exercise and rest steps")
        return None
    node = top["steps"][1]
    if node.tagged:
        return None
    if not isinstance(node, Sequence) or not node.items:
        issues.error(
            node,
            "steps must be a list of exercise and rest steps (lines starting with '- '), "
            f"got {fields.describe(node) if not isinstance(node, Sequence) else 'an empty list'}",
        )
        return None
    issues.visit(len(node.items))
    steps: list[Step] = []
    ok = True
    previous_at: tuple[float, Node] | None = None
    segments = 0
    for number, item in enumerate(node.items, start=1):
        step = _read_step(item, number, issues, base, video_led)
        if step is None:
            ok = False
            continue
        segments += _segment_count(step)
        if segments > MAX_SEGMENTS:
            # Stop here: the steps after this one cannot make the plan fit again.
            issues.error(
                item,
                f"the plan passes {MAX_SEGMENTS:,} segments at step {number}, more than a "
                "session can hold; fewer sets or steps, please",
            )
            return None
        if video_led:
            previous_at = _check_at_order(step, item, number, previous_at, issues)
        steps.append(step)
    return tuple(steps) if ok else None


def _segment_count(step: Step) -> int:
    if isinstance(step, RestStep):
        return 1
    if isinstance(step, CheckStep):  # countdown, then per trial each side, a switch, a rest
        return 1 + step.trials * 2 * len(step.side_order)
    # countdown, then per set: each side's work, the switches between them, a rest
    return 1 + step.sets * 2 * len(step.side_order)


def _check_at_order(
    step: Step, item: Node, number: int, previous: tuple[float, Node] | None, issues: Issues
) -> tuple[float, Node] | None:
    if step.at is None:
        issues.error(
            item,
            f"step {number} has no at: in a video-led workout every step needs the video time "
            "it starts at, e.g. at: 1:15",
        )
        return previous
    where = next(
        (
            v
            for k, v in (item.pairs if isinstance(item, Mapping) else ())
            if fields.key_name(k) == "at"
        ),
        item,
    )
    if previous is not None and step.at <= previous[0]:
        issues.error(
            where,
            f"at {format_timestamp(step.at)} must be later than the previous step's "
            f"at {format_timestamp(previous[0])} (line {previous[1].line}): "
            "steps follow the video's order",
        )
    return (step.at, where)


def _read_step(item: Node, number: int, issues: Issues, base: Path, video_led: bool) -> Step | None:
    if item.tagged:
        return None
    if not isinstance(item, Mapping):
        issues.error(
            item,
            f"step {number} must be a mapping with exercise: or rest:, got {fields.describe(item)}",
        )
        return None
    keys = {fields.key_name(key) for key, _ in item.pairs}
    if "check" in keys:
        return read_check(item, issues, base, video_led)
    if "exercise" in keys:
        return _read_exercise(item, issues, base, video_led)
    if "rest" in keys:
        return _read_rest(item, issues, video_led)
    fields.pairs(item, STEP_KEYS, "step", issues)  # still name unknown keys, with suggestions
    issues.error(
        item,
        f"step {number} needs exercise: (an exercise step), rest: (a rest step) "
        "or check: (a self-check)",
    )
    return None


def _at(pairs: Pairs, issues: Issues, video_led: bool) -> float | None:
    if "at" in pairs and not video_led:
        key = pairs["at"][0]
        issues.error(
            key,
            "at is only for video-led workouts (those with a top-level video:); "
            "remove it, or add video: to the workout",
        )
        return None
    return fields.timestamp(pairs, "at", issues)


def _read_rest(item: Mapping, issues: Issues, video_led: bool) -> RestStep | None:
    before = issues.errors
    pairs = fields.pairs(item, REST_KEYS, "rest step", issues, other=EXERCISE_KEYS)
    rest = fields.seconds(pairs, "rest", issues, positive=True)
    cue = fields.text_value(pairs, "cue", issues)
    at = _at(pairs, issues, video_led)
    if issues.errors > before or rest is None:
        return None
    return RestStep(rest=rest, cue=cue, at=at, location=fields.location(item))


def _read_exercise(
    item: Mapping, issues: Issues, base: Path, video_led: bool
) -> ExerciseStep | None:
    before = issues.errors
    pairs = fields.pairs(item, EXERCISE_KEYS, "exercise step", issues)
    name = fields.text_value(pairs, "exercise", issues, non_empty=True)
    cue = fields.text_value(pairs, "cue", issues)
    sets = fields.whole(pairs, "sets", issues, limit=MAX_SETS)
    reps = fields.whole(pairs, "reps", issues, limit=MAX_REPS)
    tempo = fields.tempo(pairs, issues)
    hold = fields.seconds(pairs, "hold", issues, positive=True)
    duration = fields.seconds(pairs, "duration", issues, positive=True)
    sides = fields.choice(pairs, "sides", SIDES, issues)
    rest = fields.seconds(pairs, "rest", issues)
    countdown = fields.seconds(pairs, "countdown", issues)
    clip = fields.path_value(pairs, "clip", issues, base, what="clip")
    at = _at(pairs, issues, video_led)
    _check_combinations(item, pairs, issues, name)
    if "clip" in pairs and video_led:
        issues.warning(
            pairs["clip"][0],
            "clip is not played in a video-led workout (the workout's video is); remove it",
        )
    if issues.errors > before or name is None:
        return None
    return ExerciseStep(
        exercise=name,
        cue=cue,
        sets=sets if sets is not None else 1,
        reps=reps,
        tempo=tempo,
        hold=hold,
        duration=duration,
        sides=_sides(sides),
        rest=rest if rest is not None else 0.0,
        countdown=countdown,
        clip=clip,
        at=at,
        location=fields.location(item),
    )


def _level(value: str | None) -> Level | None:
    return next((level for level in LEVELS if level == value), None)


def _sides(value: str | None) -> Sides:
    for side in SIDES:
        if side == value:
            return side
    return "none"


def _check_combinations(item: Mapping, pairs: Pairs, issues: Issues, name: str | None) -> None:
    """Exactly one of reps and duration; tempo and hold only with reps, never together."""
    called = f" ({name})" if name else ""
    if "reps" not in pairs and "duration" not in pairs:
        issues.error(
            item,
            f"exercise step{called} needs reps: (reps per set) or duration: (seconds per set)",
        )
    if "reps" in pairs and "duration" in pairs:
        issues.error(
            pairs["duration"][0],
            "reps and duration do not go together: a set is either reps or a timed "
            "duration; keep one",
        )
    for key in ("tempo", "hold"):
        if key in pairs and "reps" not in pairs:
            issues.error(
                pairs[key][0],
                f"{key} goes only with reps (it times each rep); add reps: or remove {key}",
            )
    if "tempo" in pairs and "hold" in pairs:
        issues.error(
            pairs["hold"][0],
            "tempo and hold do not go together: tempo times a moving rep, hold a still one; "
            "keep one",
        )
