"""Run under a fake screen (QT_QPA_PLATFORM=offscreen:configfile=...): the bundled Stability
check in the main window on the fake clock, driven by keys as on the mat; print, as JSON,
the window's largest frame during it and, for each check, whether the player's parts were
all inside the window (tests/test_ui_check_fit.py). Usage: FOLDER [WORKOUT]
(a bundled check's file name, stability-check.yaml by default)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from tests.check_support import TICK, hold_target
from tests.ui_support import load, timer_window
from workout_player.domain.clock import FakeClock

ROOT = Path(__file__).resolve().parent.parent


def inside(window: QWidget, widget: QWidget) -> bool:
    if not widget.isVisibleTo(window):
        return True
    top_left = widget.mapTo(window, widget.rect().topLeft())
    return window.rect().contains(top_left) and window.rect().contains(
        top_left + widget.rect().bottomRight()
    )


def main(folder: str, workout: str = "stability-check.yaml") -> None:
    app = QApplication(sys.argv[:1])
    area = app.primaryScreen().availableGeometry()
    clock = FakeClock()
    window = timer_window(None, clock)
    window.show()
    app.processEvents()
    window.start_workout(load(ROOT / "workouts" / workout))
    app.processEvents()
    screen, controller = window.player_screen, window.controller
    assert screen is not None and controller is not None
    controller.start()
    opened = window.frameGeometry().height()
    tallest = opened
    grew: dict[str, int] = {}
    outside: dict[str, list[str]] = {}
    clipped: dict[str, str] = {}  # a count wider than its label (cut off on screen)
    taps = 0
    seen: set[str] = set()
    for _ in range(int(3600 / TICK)):
        if controller.is_finished:
            break
        clock.advance(TICK)
        controller.tick()
        app.processEvents()
        tallest = max(tallest, window.frameGeometry().height())
        view = controller.view().check
        if window.frameGeometry().height() > opened:
            name = view.check if view is not None else controller.view().segment.kind
            grew.setdefault(name, window.frameGeometry().height())
        if view is None:
            continue
        if view.check not in seen:
            seen.add(view.check)
            parts = {
                "check panel": screen.check_panel,
                "ring": screen.ring,
                "cue": screen.cue,
                "next up": screen.next_up,
                **{f"button {k}": b for k, b in screen.buttons.items()},
            }
            outside[view.check] = [n for n, w in parts.items() if not inside(window, w)]
        count = screen.check_panel.count
        if (
            count.isVisible()
            and count.fontMetrics().horizontalAdvance(count.text()) > count.width()
        ):
            clipped.setdefault(view.check, count.text())
        if view.measure == "hold" and view.seconds >= hold_target(view) - 1e-6:
            QTest.keyClick(screen, "\r")
        elif view.check == "chair_stand_30s" and taps < 12 and view.seconds >= 2 * (taps + 1):
            QTest.keyClick(screen, "r")
            taps += 1
        elif view.check == "tandem_walk" and not view.awaiting_count:
            QTest.keyClicks(screen, "9")
            QTest.keyClick(screen, "\r")
    out = {
        "area": [area.width(), area.height()],
        "opened": opened,
        "tallest": tallest,
        "grew": grew,
        "finished": controller.is_finished,
        "outside": outside,
        "clipped": clipped,
    }
    print(json.dumps(out))
    window.close_now()


if __name__ == "__main__":
    main(*sys.argv[1:3])
