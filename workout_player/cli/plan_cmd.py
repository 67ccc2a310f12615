"""`workout-player plan FILE [--json]`: a workout's timeline and its total time.

The table lists each segment (start m:ss, kind, exercise, set, side, reps, duration);
`--json` prints `Plan.to_json()` and nothing else on stdout. A video-led total is the
video's length when libvlc can read it, else the end of the last segment.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from workout_player.cli.media_check import media_warnings
from workout_player.cli.validate_cmd import safe_streams
from workout_player.domain.durations import format_clock
from workout_player.domain.filecheck import file_problem
from workout_player.domain.loader import load_workout
from workout_player.domain.model import Workout
from workout_player.domain.timeline import Plan, Segment, build_plan

_HEADERS = ("start", "kind", "exercise", "set", "side", "reps", "duration")


def video_length(workout: Workout) -> float | None:
    """The follow-along video's length in seconds, None when unknown.

    playback is imported here, not at the top: `plan` must work (with the last segment's
    end as the total) even where libvlc or its bindings are missing or broken.
    """
    return probe_video(workout.video) if workout.video is not None else None


def probe_video(video: Path) -> float | None:
    """A video file's length in seconds, None when unknown (also given to the loader,
    which then warns about steps past the video's end)."""
    if file_problem(video) is not None:
        return None  # the loader has already said what is wrong with it
    try:
        from workout_player.playback import probe_length
    except (ImportError, OSError):
        return None
    try:
        return probe_length(video)
    except Exception:  # a broken libvlc must cost the total's precision, not the command
        return None


def _row(segment: Segment) -> tuple[str, ...]:
    return (
        format_clock(segment.start),
        segment.kind,
        segment.exercise or "",
        f"{segment.set}/{segment.sets}" if segment.set is not None and segment.sets else "",
        segment.side or "",
        str(segment.reps) if segment.kind == "work" and segment.reps is not None else "",
        "self-paced" if segment.duration is None else format_clock(segment.duration),
    )


def format_table(plan: Plan, length_known: bool) -> str:
    rows = [_HEADERS, *(_row(segment) for segment in plan.segments)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(_HEADERS))]
    lines = [f"{plan.workout.title} ({plan.mode}-led)", ""]
    for row in rows:
        lines.append("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
    total = format_clock(plan.total_seconds)
    if not plan.exact:
        lines.append(f"\nTotal at least {total} (self-paced sets count as 0:00)")
    elif plan.mode == "video":
        source = "the video's length" if length_known else "the end of the last step"
        lines.append(f"\nTotal {total} ({source})")
    else:
        lines.append(f"\nTotal {total}")
    if plan.workout.checks:
        lines.append(
            "Checks end when you press Enter (or at their cap): a hold counts here at its cap, "
            "so the session is usually shorter."
        )
    return "\n".join(line.rstrip() for line in lines) + "\n"


def run(args: argparse.Namespace) -> int:
    safe_streams()
    result = load_workout(args.file, video_length=probe_video)
    for problem in result.problems:
        print(problem, file=sys.stderr)
    if result.workout is None:
        return 1
    workout = result.workout
    for warning in media_warnings(args.file, workout):
        print(warning, file=sys.stderr)
    length = video_length(workout) if workout.video_led else None
    plan = build_plan(workout, video_length=length)
    if args.json:
        print(json.dumps(plan.to_json(), indent=2, ensure_ascii=False))
    else:
        sys.stdout.write(format_table(plan, length is not None))
    return 0
