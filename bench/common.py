"""Helpers shared by the benchmarks: where their files go, ffmpeg, Xvfb, RSS and medians.

Generated videos and databases go to bench/out/ (git-ignored) and are reused on the next run;
delete the folder to start from scratch. Every benchmark prints `key=value` lines on stdout
(the figures) and its notes on stderr, so run_all.py can collect them from a subprocess.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from workout_player.domain.timestamps import format_timestamp

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
OUT = BENCH / "out"

if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))


def compile_app() -> int:
    """Compile the app's modules to bytecode, as pip does when it installs a package, and
    let every benchmark's processes use it; returns how many modules there are.

    A checkout run with PYTHONDONTWRITEBYTECODE=1 (CI and the development machines set it)
    compiles every module the app imports again on every launch: ~50 ms of the start-up and
    command-line figures that no installed copy, and no second `make run`, ever pays. The
    bytecode goes to bench/out/pycache (PYTHONPYCACHEPREFIX, as startup.py's probes use),
    never into the source tree.
    """
    os.environ["PYTHONPYCACHEPREFIX"] = str(out_dir() / "pycache")
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(REPO / "workout_player")], check=True
    )
    return sum(1 for _ in (REPO / "workout_player").rglob("*.py"))


def out_dir() -> Path:
    OUT.mkdir(exist_ok=True)
    return OUT


def note(text: str) -> None:
    """A line for the person running the benchmark (stderr: never parsed)."""
    print(text, file=sys.stderr, flush=True)


def figure(key: str, value: float | int | str | None) -> None:
    """One result line, `key=value`, as run_all.py parses it."""
    if isinstance(value, float):
        value = round(value, 1)
    print(f"{key}={value}", flush=True)


def ffmpeg(*args: str, timeout: float = 600) -> None:
    """Run ffmpeg quietly; exit with a clear message when it is missing."""
    exe = shutil.which("ffmpeg")
    if exe is None:
        raise SystemExit("The benchmarks need ffmpeg to make their test videos: apt install ffmpeg")
    subprocess.run([exe, "-v", "error", "-nostdin", "-y", *args], check=True, timeout=timeout)


def make_720p_video(path: Path, seconds: int = 60) -> Path:
    """A 1280x720 30 fps H.264 + AAC MP4 with moving content (testsrc2), like a workout video."""
    if not path.exists():
        note(f"making {path.name} ({seconds} s of 720p)...")
        tmp = path.with_suffix(".part.mp4")
        ffmpeg(
            "-f", "lavfi", "-i", f"testsrc2=size=1280x720:rate=30:duration={seconds}",
            "-f", "lavfi", "-i", f"sine=frequency=440:duration={seconds}",
            "-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-pix_fmt", "yuv420p",
            "-g", "60", "-c:a", "aac", "-b:a", "96k", "-movflags", "+faststart", "-shortest",
            str(tmp),
        )  # fmt: skip
        tmp.replace(path)
    return path


def video_workout(path: Path, video: Path, seconds: float) -> Path:
    """A video-led workout file that follows `video` with two steps."""
    half = int(seconds // 2)
    path.write_text(
        f"title: Bench follow-along\nvideo: {video}\nsteps:\n"
        f"  - exercise: Bird dog\n    at: 0:00\n    reps: 8\n"
        f"  - exercise: Side plank\n    at: {format_timestamp(half)}\n    duration: 20\n",
        encoding="utf-8",
    )
    return path


def median(values: Iterable[float]) -> float:
    return float(statistics.median(list(values)))


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0-100) by linear interpolation between closest ranks."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * q / 100.0
    low = int(k)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


def rss_mb(pid: int | str = "self") -> tuple[float, float]:
    """(current RSS, peak RSS) of a process in MiB, from /proc (Linux)."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            fields[name] = int(value.split()[0]) / 1024.0
    return fields["VmRSS"], fields["VmHWM"]


@contextmanager
def xvfb() -> Iterator[str]:
    """A private Xvfb for the benchmarks that need real windows; yields its DISPLAY."""
    from tests.xvfb import start_xvfb, stop_xvfb

    process, display = start_xvfb()
    try:
        yield display
    finally:
        stop_xvfb(process)


@contextmanager
def private_runtime() -> Iterator[Path]:
    """A fresh XDG_RUNTIME_DIR for one launch of the app; what it spawned there is stopped.

    The app's voice warm-up connects to speech-dispatcher through this folder. A shared
    one can reach a daemon that does not answer (with no sound server, speech-dispatcher
    0.11 serves its first client and then hangs, deaf to SIGTERM), and the app's GUI thread
    then waits on it. So each launch gets its own, and the daemon it spawned is killed after.
    """
    folder = Path(tempfile.mkdtemp(prefix="bench-runtime-"))
    try:
        yield folder
    finally:
        stop_spawned(folder)
        shutil.rmtree(folder, ignore_errors=True)


def stop_spawned(runtime: Path) -> None:
    """Kill the processes left running with XDG_RUNTIME_DIR=`runtime` (speech-dispatcher and
    its modules: only what was started with this benchmark's own folder)."""
    marker = f"XDG_RUNTIME_DIR={runtime}".encode() + b"\0"
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit() or int(proc.name) == os.getpid():
            continue
        with contextlib.suppress(OSError):
            if marker in (proc / "environ").read_bytes():
                os.kill(int(proc.name), signal.SIGKILL)


def xcb_env(display: str, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("WAYLAND_DISPLAY", None)
    env.update({
        "DISPLAY": display,
        "QT_QPA_PLATFORM": "xcb",
        "PYTHONPATH": str(REPO),
        **extra,
    })  # fmt: skip
    return env
