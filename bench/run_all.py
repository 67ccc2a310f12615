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
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent

BENCHMARKS = [
    "cue_timing",
    "cue_timing_qt",
    "startup",
    "sound_timing",
    "history_scale",
    "today_open",
    "report_build",
    "memory",
    "ui_stall",
]


@dataclass(frozen=True)
class Row:
    """One line of the table: a figure, the floor measured beside it in the same run (what
    the platform alone costs, if any), the goal, and whether the goal is on the ratio."""

    key: str
    what: str
    goal: float | None = None
    floor: str | None = None
    on_ratio: bool = False


#: Every goal is "at most".
ROWS: list[Row] = [
    Row("cue_p50_ms", "media clock vs displayed frame, median |error|"),
    Row("cue_p95_ms", "media clock vs displayed frame, 95th percentile", 10),
    Row("cue_max_ms", "media clock vs displayed frame, worst", 33),
    Row("naive_p95_ms", "last time libvlc reported, 95th percentile (baseline)"),
    Row("vlc_first_frame_ms", "libvlc: play() to its first picture displayed"),
    Row("vlc_rss_mb", "libvlc: RSS of the bench process after 26 s of 360p"),
    Row("qt_cue_p50_ms", "QtMultimedia: media clock vs displayed frame, median |error|"),
    Row("qt_cue_p95_ms", "QtMultimedia: media clock vs displayed frame, 95th percentile", 10),
    Row("qt_cue_max_ms", "QtMultimedia: media clock vs displayed frame, worst", 33),
    Row("qt_cue_max_all_ms", "QtMultimedia: the same with the pre-roll frames of its seeks"),
    Row("qt_seek_max_ms", "QtMultimedia: seek() to the new picture in the sink, worst of 3"),
    Row("qt_naive_p95_ms", "QtMultimedia: last position reported, 95th percentile (baseline)"),
    Row("qt_position_step_ms", "QtMultimedia: median step between position reports"),
    Row("qt_first_frame_ms", "QtMultimedia: play() to its first frame in the video sink"),
    Row("qt_rss_mb", "QtMultimedia: RSS of the bench process after 26 s of 360p"),
    Row("seek_max_ms", "seek() to the new picture on screen, worst of 3 (median seek_ms)", 150),
    Row("seek_cue_max_ms", "cue vs picture from the new picture on, worst (one frame)", 33.3),
    Row("startup_ms", "process start to main window shown and idle (median of 5)", 1.5,
        "startup_floor_ms", True),
    Row("startup_big_key_ms", "the same with 1,000 own workouts, to a key press handled",
        1.2, "startup_key_ms", True),
    Row("library_big_loaded_ms", "process start to all 1,000 workouts listed (first start)",
        2000),
    Row("startup_big_warm_key_ms", "1,000 own workouts, the start after (cached), to a key",
        1.2, "startup_key_ms", True),
    Row("library_big_warm_loaded_ms", "the same, to all 1,000 listed (cached)", 2000),
    Row("first_frame_ms", "Start on the idle library to the first video frame (median of 5)",
        100, "first_frame_floor_ms"),
    Row("first_frame_play_ms", "`workout-player play FILE`: the same from its start_workout()",
        None, "first_frame_floor_ms"),
    Row("beep_p95_ms", "beep onset in the recording - the engine's event, 95th pct.", 30),
    Row("beep_max_ms", "the same, worst"),
    Row("voice_p50_ms", "the event to the first speech sample, median"),
    Row("voice_max_ms", "the same, worst"),
    Row("history_open_ms", "history screen with stats and charts, 100,000 sessions", 150),
    Row("history_cli_ms", "`history --json --limit 50`, process wall time", 150),
    Row("today_open_ms", "Today worked out with three years of daily programme sessions", 150),
    Row("today_cli_ms", "`today --json` on that history, process wall time", 150),
    Row("report_build_ms", "the PDF report of three years of daily sessions, in process"),
    Row("report_cli_ms", "`report -o FILE` on three years of daily sessions, process wall time",
        2000),
    Row("rss_play_mb", "peak RSS of the app playing 720p for 60 s", 200),
    Row("rss_growth_mb", "RSS growth over a 30-minute session (fake clock)", 5),
    Row("ui_stall_ms", "longest GUI-thread stall while sets are written, disk-heavy neighbour",
        4, "ui_stall_disk_idle_ms"),
    Row("ui_stall_locked_ms", "the same while another program holds the database locked", 4,
        "ui_stall_idle_ms"),
]  # fmt: skip


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
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "PULSE_SERVER": "none",
    }  # sound_timing starts its own
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


def ratio(results: dict[str, float | str], row: Row) -> float | None:
    value = results.get(row.key)
    floor = results.get(row.floor) if row.floor else None
    if isinstance(value, float) and isinstance(floor, float) and floor > 0:
        return round(value / floor, 2)
    return None


def verdict(results: dict[str, float | str], row: Row) -> str:
    judged = ratio(results, row) if row.on_ratio else results.get(row.key)
    if row.goal is None or not isinstance(judged, float):
        return ""
    return "ok" if judged <= row.goal else "MISS"


def table(results: dict[str, float | str]) -> str:
    def shown(value: object) -> str:
        return "-" if value is None else (f"{value:g}" if isinstance(value, float) else str(value))

    rows = [("figure", "value", "floor", "ratio", "goal", "", "what")]
    for row in ROWS:
        goal = "" if row.goal is None else f"{'x ' if row.on_ratio else ''}<= {row.goal:g}"
        rows.append((
            row.key,
            shown(results.get(row.key)),
            shown(results.get(row.floor)) if row.floor else "",
            shown(ratio(results, row)) if row.floor else "",
            goal,
            verdict(results, row),
            row.what,
        ))  # fmt: skip
    widths = [max(len(r[i]) for r in rows) for i in range(6)]
    return "\n".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row[:6], widths, strict=True))
        + "  "
        + row[6]
        for row in rows
    )


def uptime() -> str:
    """The load while the benchmarks ran, as `uptime` prints it."""
    try:
        return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    except OSError:
        return "?"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="comma-separated benchmarks to run")
    args = parser.parse_args(argv)
    chosen = args.only.split(",") if args.only else BENCHMARKS
    unknown = set(chosen) - set(BENCHMARKS)
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(sorted(unknown))}")
    sys.path.insert(0, str(BENCH))
    from common import compile_app

    compiled = compile_app()
    results: dict[str, float | str] = {}
    load_before = uptime()
    report: dict[str, object] = {
        "machine": machine(),
        "bytecode": f"the app's {compiled} modules compiled to .pyc before the run, as pip does",
        "benchmarks": {},
    }
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
    report["table"] = [
        {
            "key": row.key,
            "value": results.get(row.key),
            "floor_key": row.floor,
            "floor": results.get(row.floor) if row.floor else None,
            "ratio": ratio(results, row),
            "goal": row.goal,
            "goal_on": "ratio" if row.on_ratio else "value",
            "verdict": verdict(results, row),
        }
        for row in ROWS
    ]
    report["goals"] = {row.key: row.goal for row in ROWS if row.goal is not None}
    report["load"] = {"before": load_before, "after": uptime()}
    (BENCH / "results.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    info = report["machine"]
    assert isinstance(info, dict)
    print(f"\nMachine: {info['cpu']}, {info['cores']} cores, {info['ram']}, {info['system']}")
    print(f"libvlc {info['libvlc']}, Python {info['python']}; {info['display']}")
    print(f"Load before: {load_before}\nLoad after:  {report['load']['after']}\n")  # type: ignore[index]
    print(table(results))
    print(f"\nWrote {BENCH / 'results.json'}")
    if failed:
        print(f"Failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
