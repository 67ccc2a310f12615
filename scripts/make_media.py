#!/usr/bin/env python3
"""Draw the bundled demonstration media: one looping clip per exercise and the follow-along video.

Maintainer tool (users never run it: the generated files are committed). Needs ffmpeg
(libx264), Pillow and the DejaVu fonts; see scripts/README.md.

    .venv/bin/python scripts/make_media.py              # every clip, the long video, its workout
    .venv/bin/python scripts/make_media.py --clips bird-dog dead-bug
    .venv/bin/python scripts/make_media.py --no-video   # clips only
    .venv/bin/python scripts/make_media.py --stills DIR # PNG frames to look at, no encoding

The follow-along video is drawn from the timer-led plan of workouts/daily-back-care.yaml, and
the video-led workouts/daily-back-care-video.yaml is written from the same plan.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]

from figure.exercises import BY_CLIP, BY_NAME, EXERCISES  # noqa: E402
from figure.follow_along import FollowAlong  # noqa: E402
from figure.motion import sample  # noqa: E402
from figure.render import clip_frame, clip_frames, clip_seconds, encode  # noqa: E402
from figure.schedule import DAILY, FOLLOW_ALONG, write_daily_video  # noqa: E402

from workout_player.domain.loader import load_workout  # noqa: E402
from workout_player.domain.model import ExerciseStep  # noqa: E402
from workout_player.domain.timeline import build_plan  # noqa: E402

MEDIA = ROOT / "media"
WORKOUTS = ROOT / "workouts"
CLIP_FPS = 24
VIDEO_FPS = 15


def check_workouts() -> list[str]:
    """Every bundled exercise must have a drawing, and every clip path must name it."""
    problems: list[str] = []
    for path in sorted(WORKOUTS.glob("*.yaml")):
        result = load_workout(path)
        if result.workout is None:
            problems.extend(str(p) for p in result.problems if p.severity == "error")
            continue
        for step in result.workout.steps:
            if not isinstance(step, ExerciseStep):
                # A check step (format 1.1) names its demonstration by file: it must be drawn.
                clip = getattr(step, "clip", None)
                if clip is not None and Path(clip).stem not in BY_CLIP:
                    problems.append(f"{path.name}: no drawing for {Path(clip).name}")
                continue
            exercise = BY_NAME.get(step.exercise)
            if exercise is None:
                problems.append(f"{path.name}: no drawing for '{step.exercise}' (figure/exercises)")
            elif step.clip is not None and step.clip.name != f"{exercise.clip}.mp4":
                problems.append(f"{path.name}: '{step.exercise}' should use {exercise.clip}.mp4")
    return problems


def check_variants() -> list[str]:
    """Every drawing must show its declared variant (knees bent means knees bent)."""
    return [problem for exercise in EXERCISES for problem in exercise.variant_problems()]


def make_clips(names: list[str]) -> None:
    for exercise in EXERCISES:
        if names and exercise.clip not in names:
            continue
        target = MEDIA / f"{exercise.clip}.mp4"
        frames = encode(clip_frames(exercise, CLIP_FPS), target, CLIP_FPS, crf=30)
        size = target.stat().st_size
        print(f"{target.relative_to(ROOT)}: {frames} frames, {clip_seconds(exercise):.1f} s, "
              f"{size / 1024:.0f} KiB")  # fmt: skip


def make_follow_along() -> None:
    result = load_workout(WORKOUTS / DAILY)
    if result.workout is None:
        raise SystemExit("\n".join(str(p) for p in result.problems))
    plan = build_plan(result.workout)
    video = FollowAlong(plan)
    target = MEDIA / FOLLOW_ALONG
    # A key frame every 2 s lets players seek quickly; static cards cost almost nothing.
    frames = encode(video.frames(VIDEO_FPS), target, VIDEO_FPS, crf=30, gop=VIDEO_FPS * 2)
    print(f"{target.relative_to(ROOT)}: {frames} frames, {video.length:.0f} s, "
          f"{target.stat().st_size / 1024:.0f} KiB")  # fmt: skip
    written = write_daily_video(result.workout, WORKOUTS)
    print(f"{written.relative_to(ROOT)}: at: times written from the same plan")


def make_stills(folder: Path, names: list[str]) -> None:
    """Five frames of every demonstration, for a person to look at."""
    folder.mkdir(parents=True, exist_ok=True)
    for exercise in EXERCISES:
        if names and exercise.clip not in names:
            continue
        for side, keys in exercise.demo_keyframes():
            period = keys[-1][0]
            for k, fraction in enumerate((0.0, 0.2, 0.35, 0.5, 0.75)):
                image = clip_frame(exercise, side, sample(keys, fraction * period))
                image.save(folder / f"{exercise.clip}-{side}-{k}.png")
    print(f"stills in {folder}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clips", nargs="*", metavar="NAME", help="only these clips (file stems)")
    parser.add_argument("--no-clips", action="store_true", help="skip the exercise clips")
    parser.add_argument("--no-video", action="store_true", help="skip the follow-along video")
    parser.add_argument("--stills", type=Path, metavar="DIR", help="write PNG frames and stop")
    args = parser.parse_args(argv)
    unknown = [name for name in args.clips or [] if name not in BY_CLIP]
    if unknown:
        parser.error(f"unknown clip {', '.join(unknown)}; known: {', '.join(sorted(BY_CLIP))}")
    if args.stills:
        make_stills(args.stills, args.clips or [])
        return 0
    if shutil.which("ffmpeg") is None:
        print("ffmpeg is needed: sudo apt-get install ffmpeg", file=sys.stderr)
        return 1
    problems = check_workouts() + check_variants()
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    if not args.no_clips:
        make_clips(args.clips or [])
    if not args.no_video and not args.clips:
        make_follow_along()
    return 0


if __name__ == "__main__":
    sys.exit(main())
