"""Runs every benchmark, prints one table against the goals and writes bench/results.json.

    python bench/run_all.py [--only cue_timing,startup,...]

Each benchmark runs in its own process (a clean heap for the memory figures, its own
QApplication and libvlc) and prints `key=value` lines; a benchmark that fails is reported
in the table and the others still run. results.json holds the figures, the goals, the
machine's description and each benchmark's notes.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent

BENCHMARKS = [
    "cue_timing",
    "cue_timing_qt",
    "startup",
    "history_scale",
    "today_open",
    "report_build",
    "memory",
    "ui_stall",
]

#: key -> (goal, what it measures); every goal is "at most".
GOALS: dict[str, tuple[float | None, str]] = {
    "cue_p50_ms": (None, "media clock vs displayed frame, median |error|"),
    "cue_p95_ms": (10, "media clock vs displayed frame, 95th percentile"),
    "cue_max_ms": (33, "media clock vs displayed frame, worst"),
    "naive_p95_ms": (None, "last time libvlc reported, 95th percentile (baseline)"),
    "vlc_first_frame_ms": (None, "libvlc: play() to its first picture displayed"),
    "vlc_rss_mb": (None, "libvlc: RSS of the bench process after 26 s of 360p"),
    "qt_cue_p50_ms": (None, "QtMultimedia: media clock vs displayed frame, median |error|"),
    "qt_cue_p95_ms": (10, "QtMultimedia: media clock vs displayed frame, 95th percentile"),
    "qt_cue_max_ms": (33, "QtMultimedia: media clock vs displayed frame, worst"),
    "qt_naive_p95_ms": (None, "QtMultimedia: last position reported, 95th percentile (baseline)"),
    "qt_position_step_ms": (None, "QtMultimedia: median step between position reports"),
    "qt_first_frame_ms": (None, "QtMultimedia: play() to its first frame in the video sink"),
    "qt_rss_mb": (None, "QtMultimedia: RSS of the bench process after 26 s of 360p"),
    "startup_ms": (600, "process start to main window shown and idle (median of 5)"),
    "first_frame_ms": (200, "Play to the first video frame on screen (median of 5)"),
    "history_open_ms": (150, "history screen with stats and charts, 100,000 sessions"),
    "history_cli_ms": (150, "`history --json --limit 50`, process wall time"),
    "today_open_ms": (150, "Today worked out with three years of daily programme sessions"),
    "today_cli_ms": (150, "`today --json` on that history, process wall time"),
    "report_build_ms": (None, "the PDF report of three years of daily sessions, in process"),
    "report_cli_ms": (2000, "`report -o FILE` on three years of daily sessions, process wall time"),
    "rss_play_mb": (200, "peak RSS of the app playing 720p for 60 s"),
    "rss_growth_mb": (5, "RSS growth over a 30-minute session (fake clock)"),
    "ui_stall_ms": (4, "longest GUI-thread stall while sets are written, disk-heavy neighbour"),
    "ui_stall_locked_ms": (4, "the same while another program holds the database locked"),
}


def machine() -> dict[str, object]:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        memory = Path("/proc/meminfo").read_text().splitlines()[0].split()[1]
        ram = f"{int(memory) / 1024 / 1024:.1f} GiB"
    except (OSError, IndexError, ValueError):
        ram = "?"
    try:
        import vlc

        libvlc = vlc.libvlc_get_version().decode()
    except Exception as exc:  # the table still says which machine, without libvlc
        libvlc = f"unavailable ({type(exc).__name__})"
    return {
        "cpu": cpu or platform.processor(),
        "cores": os.cpu_count(),
        "ram": ram,
        "system": platform.platform(),
        "python": platform.python_version(),
        "libvlc": libvlc,
        "display": "Xvfb (no GPU) for startup and rss_play; offscreen Qt elsewhere",
    }


def run_one(name: str) -> tuple[dict[str, float | str], str, float]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "PULSE_SERVER": "none"}
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, str(BENCH / f"{name}.py")],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=1800,
    )
    figures: dict[str, float | str] = {}
    for line in proc.stdout.splitlines():
        key, sep, value = line.partition("=")
        if sep:
            try:
                figures[key] = float(value)
            except ValueError:
                figures[key] = value
    notes = "\n".join(line for line in proc.stderr.splitlines() if not _noise(line)).strip()
    if proc.returncode != 0:
        figures["error"] = f"exit {proc.returncode}"
    return figures, notes, time.perf_counter() - started


def _noise(line: str) -> bool:
    """Qt's chatter about the offscreen platform and missing PipeWire: not ours to report."""
    return "propagateSizeHints" in line or line.startswith("qt.multimedia.")


def table(results: dict[str, float | str]) -> str:
    rows = [("figure", "value", "goal", "", "what")]
    for key, (goal, what) in GOALS.items():
        value = results.get(key)
        shown = "-" if value is None else (f"{value:g}" if isinstance(value, float) else value)
        verdict = ""
        if isinstance(value, float) and goal is not None:
            verdict = "ok" if value <= goal else "MISS"
        rows.append((key, str(shown), "" if goal is None else f"<= {goal:g}", verdict, what))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row[:4], widths, strict=True))
        + "  "
        + row[4]
        for row in rows
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="comma-separated benchmarks to run")
    args = parser.parse_args(argv)
    chosen = args.only.split(",") if args.only else BENCHMARKS
    unknown = set(chosen) - set(BENCHMARKS)
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(sorted(unknown))}")
    results: dict[str, float | str] = {}
    report: dict[str, object] = {"machine": machine(), "benchmarks": {}}
    failed = []
    for name in chosen:
        print(f"running {name}...", file=sys.stderr, flush=True)
        figures, notes, seconds = run_one(name)
        if "error" in figures:
            failed.append(name)
            print(f"{name} failed:\n{notes}", file=sys.stderr)
        elif notes:
            print(notes, file=sys.stderr)
        results.update({k: v for k, v in figures.items() if k != "error"})
        report["benchmarks"][name] = {  # type: ignore[index]
            "figures": figures,
            "notes": notes,
            "seconds": round(seconds, 1),
        }
    report["results"] = results
    report["goals"] = {k: g for k, (g, _) in GOALS.items() if g is not None}
    (BENCH / "results.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    info = report["machine"]
    assert isinstance(info, dict)
    print(f"\nMachine: {info['cpu']}, {info['cores']} cores, {info['ram']}, {info['system']}")
    print(f"libvlc {info['libvlc']}, Python {info['python']}; {info['display']}\n")
    print(table(results))
    print(f"\nWrote {BENCH / 'results.json'}")
    if failed:
        print(f"Failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
