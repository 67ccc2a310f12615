"""Running the bundled Stability check on the fake clock with keys, as the person would.

R taps for the chair stand, Enter at known hold times, a typed count for the line walk:
the Stability check test runs it in the main window, the summary's tests on a player
screen of their own. `keys` is anything with pytest-qt's keyClick and keyClicks (qtbot,
or PySide6's QTest in a worker process without pytest).
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from workout_player.domain.clock import FakeClock
from workout_player.domain.session import CheckView
from workout_player.ui.player.controller import SessionController

TICK = 0.25
CHAIR_TAPS = 12
LINE_STEPS = {1: 8, 2: 11}


class Keys(Protocol):
    def keyClick(self, widget: QWidget, key: Qt.Key) -> None: ...
    def keyClicks(self, widget: QWidget, text: str) -> None: ...


def hold_target(view: CheckView) -> float:
    """When the person on the mat "loses the position": a known time per check and trial."""
    if view.check.startswith("single_leg_stance"):
        return 5.0 + view.trial + (2.0 if view.side == "right" else 0.0)
    return {"mcgill_flexor": 60.0, "sorensen_extensor": 90.0}.get(view.check, 40.0)


def run_the_checks(
    keys: Keys, controller: SessionController, screen: QWidget, clock: FakeClock
) -> None:
    """Tick the started session to its end, pressing the keys each check asks for."""
    taps = 0
    for _ in range(int(3600 / TICK)):  # far more than the workout's length
        if controller.is_finished:
            return
        clock.advance(TICK)
        controller.tick()
        view = controller.view().check
        if view is None:
            continue
        if view.measure == "hold" and view.seconds >= hold_target(view) - 1e-6:
            keys.keyClick(screen, Qt.Key.Key_Return)
        elif (
            view.check == "chair_stand_30s" and taps < CHAIR_TAPS and view.seconds >= 2 * (taps + 1)
        ):
            keys.keyClick(screen, Qt.Key.Key_R)
            taps += 1
        elif view.check == "tandem_walk" and not view.awaiting_count:
            keys.keyClicks(screen, str(LINE_STEPS[view.trial]))
            keys.keyClick(screen, Qt.Key.Key_Return)
    raise AssertionError("the Stability check did not finish")
