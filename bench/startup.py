"""Start-up and first frame under Xvfb, each beside the platform's floor from the same run.

    python bench/startup.py [--runs 5] [--no-importtime]

Each run launches, in new processes on one private Xvfb, with an empty history database:

- startup_ms: the real command line (bench/app_probe.py wraps it without changing the app),
  from just before the process is launched (the parent's time.monotonic()) to the library
  window exposed with its event loop idle; startup_floor_ms: the same for a bare PySide6
  QMainWindow with a libvlc instance created (bench/floor_probe.py), same harness and point;
- startup_key_ms: to a Down key press posted at that point being delivered (the window
  responds to keys), for the app with an empty workouts folder and (startup_big_key_ms)
  with 1,000 of the person's own workouts in it (made here: a mix of sizes, 5 % broken,
  last changed an hour ago); library_big_loaded_ms: launch to the library page's `loaded`
  (the whole list is there). Both on a first start (the library's cache removed before each
  run: every file is read) and, as *_warm_*, on the start after it (the cache it wrote);
- first_frame_ms: Start pressed on the idle library (BENCH_START: the list shown, the
  warm-up done, 300 ms later) with a video-led workout on a 720p video, from start_workout()
  (what Start does) to the first non-black pixels on the X screen under the video, grabbed
  every 4 ms; first_frame_play_ms: the same for `workout-player play WORKOUT`, which starts
  while the warm-up (libvlc's instance on its thread) may still be under way;
  first_frame_floor_ms: a bare libvlc media player on a widget of the bare window, from
  play() to the same pixels, for the same file.

Prints the medians of `--runs` runs and the ratios to the floors (the first run of each also
warms the disk cache and writes the app's bytecode). The probes run as an installed app
does: with its modules' bytecode compiled once (pip compiles it at install), not at every
start, so PYTHONDONTWRITEBYTECODE is dropped for them and the bytecode goes to
bench/out/pycache (PYTHONPYCACHEPREFIX), never into the source tree. (With
PYTHONDONTWRITEBYTECODE set, every start compiles the ~100 modules of the app's path to the
first paint again: ~55 ms on the 2-core test machine, paid by the app and not the floor.)
Then runs the app's start-up once under `python -X importtime` and
prints, as notes, the 15 imports made before the window was ready with the largest
cumulative time (and how many came after: the warm-ups once the window is idle).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
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
    private_runtime,
    video_workout,
    xcb_env,
    xvfb,
)

PROBE = BENCH / "app_probe.py"
FLOOR = BENCH / "floor_probe.py"
BIG_LIBRARY = 1000
STEP = "  - exercise: {name}\n    sets: {sets}\n    reps: {reps}\n    rest: 30\n"
BROKEN = [
    "title: Broken\nsteps:\n  - exercise: [unclosed\n",
    "title: No steps\n",
    "steps:\n  - exercise: Squat\n    reps: -3\n",
    "\tnot: yaml: at: all\n",
    "",
]


def make_library(folder: Path, count: int = BIG_LIBRARY) -> None:
    """`count` workouts like a person's own: 1 to 60 steps (a few 300), every 20th broken,
    last changed an hour ago (the library does not cache a file changed in the last seconds)."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(17)
    for number in range(count):
        path = folder / f"my-workout-{number:04d}.yaml"
        if number % 20 == 7:
            path.write_text(BROKEN[number % len(BROKEN)], encoding="utf-8")
            continue
        steps = 300 if number % 100 == 3 else rng.randint(1, 60)
        body = "".join(
            STEP.format(name=f"Exercise {i}", sets=rng.randint(1, 4), reps=rng.randint(5, 15))
            for i in range(steps)
        )
        path.write_text(
            f"title: My workout {number}\ntags: [mine, week-{number % 12}]\nsteps:\n{body}",
            encoding="utf-8",
        )
    hour_ago = time.time() - 3600
    for path in folder.iterdir():
        os.utime(path, (hour_ago, hour_ago))


def launch(
    display: str, script: Path, args: list[str], quit_at: str, home: Path, extra: dict[str, str]
) -> tuple[float, dict[str, str], str]:
    """Run a probe once; returns (launch time, {event: value}, stderr)."""
    with private_runtime() as runtime:
        return _launch(
            display, script, args, quit_at, home, {**extra, "XDG_RUNTIME_DIR": str(runtime)}
        )


def _launch(
    display: str, script: Path, args: list[str], quit_at: str, home: Path, extra: dict[str, str]
) -> tuple[float, dict[str, str], str]:
    env = xcb_env(
        display,
        PYTHONPYCACHEPREFIX=str(out_dir() / "pycache"),  # see the module's docstring
        BENCH_QUIT=quit_at,
        WORKOUT_PLAYER_DATA=str(home),
        WORKOUT_PLAYER_WORKOUTS=str(home / "workouts"),
        XDG_CONFIG_HOME=str(home / "config"),
        PULSE_SERVER="none",
        **extra,
    )
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, *extra.get("BENCH_PYTHON_FLAGS", "").split(), str(script), *args],
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
        raise RuntimeError(f"{script.name} failed (exit {proc.returncode}):\n{proc.stderr[-2000:]}")
    return started, events, proc.stderr


def since(started: float, events: dict[str, str], name: str) -> float:
    if name not in events:
        raise RuntimeError(f"the probe did not report {name!r}: {events}")
    return (float(events[name]) - started) * 1000


def top_imports(stderr: str, count: int = 15) -> tuple[list[tuple[int, int, str]], int]:
    """(cumulative us, self us, module) of the slowest imports in `-X importtime` output
    before the window was ready, and how many modules were imported after it (warm-ups)."""
    before, _, after = stderr.partition("bench-ready")
    rows = []
    for line in before.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        own, total, name = (part.strip() for part in line[len("import time:") :].split("|"))
        rows.append((int(total), int(own), name))
    rows.sort(reverse=True)
    later = sum(line.startswith("import time:") for line in after.splitlines())
    return rows[:count], later


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-importtime", action="store_true")
    args = parser.parse_args(argv)
    video = make_720p_video(out_dir() / "bench-720p-60s.mp4")
    series: dict[str, list[float]] = {}

    def add(key: str, value: float) -> float:
        series.setdefault(key, []).append(value)
        return value

    with xvfb() as display, tempfile.TemporaryDirectory() as folder:
        home, big = Path(folder) / "empty", Path(folder) / "big"
        (home / "workouts").mkdir(parents=True)
        make_library(big / "workouts")
        workout = video_workout(home / "follow.yaml", video, 60)
        db = ["--db", str(home / "history.sqlite3")]
        big_db = ["--db", str(big / "history.sqlite3")]
        for run in range(args.runs):
            t0, ev, _ = launch(display, FLOOR, [], "", home, {})
            floor = add("startup_floor_ms", since(t0, ev, "ready"))
            add("startup_floor_key_ms", since(t0, ev, "key"))
            t0, ev, _ = launch(display, PROBE, db, "ready", home, {})
            app = add("startup_ms", since(t0, ev, "ready"))
            key = add("startup_key_ms", since(t0, ev, "key"))
            shutil.rmtree(big / "cache", ignore_errors=True)  # a first start: no cache yet
            t0, ev, _ = launch(display, PROBE, big_db, "loaded", big, {})
            add("startup_big_ms", since(t0, ev, "ready"))
            big_key = add("startup_big_key_ms", since(t0, ev, "key"))
            loaded = add("library_big_loaded_ms", since(t0, ev, "loaded"))
            t0, ev, _ = launch(display, PROBE, big_db, "loaded", big, {})  # the next start
            warm_key = add("startup_big_warm_key_ms", since(t0, ev, "key"))
            warm = add("library_big_warm_loaded_ms", since(t0, ev, "loaded"))
            _, ev, _ = launch(display, FLOOR, [str(video)], "", home, {})
            frame_floor = add("first_frame_floor_ms", since(float(ev["play"]), ev, "first-frame"))
            start = {"BENCH_START": str(workout)}
            _, ev, _ = launch(display, PROBE, db, "frame", home, start)
            frame = add("first_frame_ms", since(float(ev["play"]), ev, "first-frame"))
            _, ev, _ = launch(display, PROBE, ["play", str(workout), *db], "frame", home, {})
            add("first_frame_play_ms", since(float(ev["play"]), ev, "first-frame"))
            note(
                f"startup run {run + 1}: app {app:.0f} ms (keys {key:.0f}) vs floor "
                f"{floor:.0f} ms; 1,000 workouts: keys {big_key:.0f} ms, all listed "
                f"{loaded:.0f} ms (cached: keys {warm_key:.0f} ms, listed {warm:.0f} ms); "
                f"first frame {frame:.0f} ms vs floor {frame_floor:.0f} ms"
            )
        if not args.no_importtime:
            _, _, err = launch(
                display, PROBE, db, "ready", home, {"BENCH_PYTHON_FLAGS": "-X importtime"}
            )
            rows, later = top_imports(err)
            note("imports before the window is ready, slowest 15 by cumulative time")
            note("(python -X importtime, one run; times are inflated by importtime itself):")
            for total, own, name in rows:
                note(f"  {total / 1000:7.1f} ms cumulative {own / 1000:6.1f} ms self  {name}")
            note(f"  ... and {later} modules imported after ready (the idle warm-ups)")
    medians = {key: median(values) for key, values in series.items()}
    for key, value in medians.items():
        figure(key, value)
    figure("startup_ratio", round(medians["startup_ms"] / medians["startup_floor_ms"], 2))
    figure("startup_big_ratio", round(medians["startup_big_key_ms"] / medians["startup_key_ms"], 2))
    figure(
        "startup_big_warm_ratio",
        round(medians["startup_big_warm_key_ms"] / medians["startup_key_ms"], 2),
    )
    figure(
        "first_frame_ratio",
        round(medians["first_frame_ms"] / medians["first_frame_floor_ms"], 2),
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
