"""Start-up under Xvfb: process start to the main window shown and idle, and Play to first frame.

    python bench/startup.py [--runs 5]

Each run launches the real command line in a new process on a private Xvfb
(bench/app_probe.py wraps it without changing the app) with an empty history database:

- startup_ms: from just before the process is launched (the parent's time.monotonic()) to
  the moment the library window is exposed and its event loop went idle (`workout-player`);
- first_frame_ms: `workout-player play WORKOUT` with a video-led workout on a 720p video:
  from start_workout() (what Start does) to the first non-black pixels on the X screen under
  the video, found by grabbing a small square of the screen every 4 ms.

Prints the medians of `--runs` runs (the first run of each also warms the disk cache).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import (
    BENCH,
    REPO,
    figure,
    make_720p_video,
    median,
    note,
    out_dir,
    video_workout,
    xcb_env,
    xvfb,
)

PROBE = BENCH / "app_probe.py"


def launch(display: str, args: list[str], quit_at: str, home: Path) -> tuple[float, dict[str, str]]:
    """Run the probed app once; returns (launch time, {event: value})."""
    env = xcb_env(
        display,
        BENCH_QUIT=quit_at,
        WORKOUT_PLAYER_DATA=str(home),
        WORKOUT_PLAYER_WORKOUTS=str(home / "workouts"),
        XDG_CONFIG_HOME=str(home / "config"),
        PULSE_SERVER="none",
    )
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, str(PROBE), *args],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    events = {}
    for line in proc.stderr.splitlines():
        if line.startswith("bench-"):
            name, _, value = line[len("bench-") :].partition(" ")
            events[name] = value
    if proc.returncode != 0 or not events:
        raise RuntimeError(f"the app failed (exit {proc.returncode}):\n{proc.stderr[-2000:]}")
    return started, events


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    video = make_720p_video(out_dir() / "bench-720p-60s.mp4")
    startups, frames = [], []
    with xvfb() as display, tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        workout = video_workout(home / "follow.yaml", video, 60)
        db = str(home / "history.sqlite3")
        for run in range(args.runs):
            started, events = launch(display, ["--db", db], "ready", home)
            startups.append((float(events["ready"]) - started) * 1000)
            _, events = launch(display, ["play", str(workout), "--db", db], "frame", home)
            if "first-frame" not in events:
                raise RuntimeError(f"no video frame reached the screen: {events}")
            frames.append((float(events["first-frame"]) - float(events["play"])) * 1000)
            note(f"startup run {run + 1}: {startups[-1]:.0f} ms, first frame {frames[-1]:.0f} ms")
    figure("startup_ms", median(startups))
    figure("first_frame_ms", median(frames))
    return 0


if __name__ == "__main__":
    sys.exit(main())
