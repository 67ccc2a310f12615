"""History at scale: 100,000 sessions of 10 sets each.

    python bench/history_scale.py [--sessions 100000] [--runs 5]

Builds the database once in bench/out/ with history_open.build() (the history helper's bulk
insert into the real schema), then:

- history_open_ms: bench/history_open.py on that file, in its own offscreen process: the
  median time to construct and show the history screen (list, stats and charts page) and
  run its event loop once; progress_tab_ms is the first switch to the charts tab;
- history_cli_ms: `workout-player history --json --limit 50 --db FILE`, median wall time of
  the whole process (Python start-up and imports included: what a person waits for).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import BENCH, REPO, figure, median, note, out_dir


def database(sessions: int) -> Path:
    path = out_dir() / f"history-{sessions}.sqlite3"
    if not path.exists():
        from history_open import build

        note(f"building {sessions} sessions x 10 sets in {path.name}...")
        partial = path.with_suffix(".part")
        for stale in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
            stale.unlink(missing_ok=True)
        build(partial, sessions)
        partial.replace(path)
    return path


def cli_ms(db: Path, runs: int) -> float:
    exe = Path(sys.executable).with_name("workout-player")
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", "workout_player"]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    times = []
    for _ in range(runs + 1):  # the first run warms the disk cache and is dropped
        started = time.perf_counter()
        proc = subprocess.run(
            [*command, "history", "--json", "--limit", "50", "--db", str(db)],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
        times.append((time.perf_counter() - started) * 1000)
        if proc.returncode != 0 or not proc.stdout.startswith("["):
            raise RuntimeError(f"history --json failed: {proc.stderr[-2000:]}")
    return median(times[1:])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    db = database(args.sessions)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    proc = subprocess.run(
        [sys.executable, str(BENCH / "history_open.py"), "--db", str(db), "--runs", str(args.runs)],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"history_open.py failed: {proc.stderr[-2000:]}")
    for line in proc.stdout.splitlines():
        key, _, value = line.partition("=")
        if key in ("history_open_ms", "progress_tab_ms"):
            figure(key, float(value))
    figure("history_cli_ms", cli_ms(db, args.runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
