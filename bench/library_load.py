"""How long the library takes to list a workouts folder full of big and hostile files.

A folder is filled with the worst files the loader's limits let through (or refuse late):
50,000 steps, 1 MiB on one line, an alias bomb, 1 MiB of flow-style steps, 10,000 keys,
thousands of digits, not UTF-8, plus ordinary workouts. Prints how long each kind takes to
load (load_entry, one thread), then the whole library off the GUI thread on an offscreen
LibraryPage: time until the first row shows, until `loaded`, and the GUI thread's longest
stall meanwhile (a 1 ms timer's largest gap minus 1 ms).

    .venv/bin/python bench/library_load.py
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import figure, note

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

STEP = "  - exercise: Bird dog\n    sets: 2\n    reps: 8\n    tempo: [2, 1, 2]\n    rest: 30\n"
HOSTILE: dict[str, bytes] = {
    "steps-50000.yaml": b"title: T\nsteps:\n" + b"  - rest: 5\n" * 50_000,
    "one-line-1mib.yaml": b"title: " + b"x" * (1024 * 1024 - 100) + b"\n",
    "flow-1mib.yaml": b"title: T\nsteps:\n"
    + b"".join([b"  - {rest: 5, cue: " + b"c" * 150 + b"}\n"] * 6000),
    "keys-10001.yaml": b"".join(b"k%d: 1\n" % i for i in range(10_001)),
    "alias-bomb.yaml": b"a: &a ["
    + b"x, " * 2000
    + b"]\nb: &b ["
    + b"*a, " * 9
    + b"]\n"
    + b"c: &c ["
    + b"*b, " * 9
    + b"]\nd: ["
    + b"*c, " * 9
    + b"]\n",
    "digits-5000.yaml": b"title: T\nsteps:\n  - exercise: A\n    reps: " + b"9" * 5000 + b"\n",
    "latin1.yaml": "title: Caf\u00e9\nsteps:\n  - rest: 5\n".encode("latin-1"),
    "segments.yaml": ("title: T\nsteps:\n" + STEP.replace("sets: 2", "sets: 100") * 60).encode(),
}


def main() -> int:
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    folder = Path(tempfile.mkdtemp(prefix="library-bench-"))
    os.environ["WORKOUT_PLAYER_WORKOUTS"] = str(folder)
    for name, data in HOSTILE.items():
        (folder / name).write_bytes(data)
    for number in range(50):
        (folder / f"mine-{number:02d}.yaml").write_text(
            f"title: Mine {number}\nsteps:\n" + STEP * 20, encoding="utf-8"
        )

    from workout_player.ui.library.model import load_entry
    from workout_player.ui.library.page import LibraryPage

    total = 0.0
    for name in HOSTILE:
        start = time.perf_counter()
        entry = load_entry(folder / name, "mine")
        took = (time.perf_counter() - start) * 1000
        total += took
        note(f"{name:22s} {took:7.1f} ms  {(entry.error or 'ok')[len(str(folder)) + 1 :][:70]}")
    figure("library_hostile_files_ms", total)

    app = QApplication.instance() or QApplication([])
    page = LibraryPage()
    page.show()
    for _ in range(5):  # the first show (fonts, layout, paint) is not the loading's
        app.processEvents()
    clock = QElapsedTimer()
    gaps: list[int] = []
    last = [0]

    def tick() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(1)
    timer.timeout.connect(tick)
    first_row: list[int] = []
    page.model.rowsInserted.connect(lambda *_: first_row or first_row.append(clock.elapsed()))
    page.loaded.connect(app.quit)
    clock.start()
    timer.start()
    page.reload()
    app.exec()
    loaded = clock.elapsed()
    figure("library_first_row_ms", first_row[0] if first_row else None)
    figure("library_loaded_ms", loaded)
    figure("library_gui_stall_ms", max(gaps[1:], default=1) - 1)
    note(f"{page.model.rowCount()} entries ({len(HOSTILE)} hostile, 50 ordinary, bundled)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
