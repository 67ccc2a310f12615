"""Run under a fake 1280x720 screen (QT_QPA_PLATFORM=offscreen:configfile=...): the bundled
Stability check through the player on the fake clock, then its summary in the main window,
as the window shows it after a session; print where its parts are as JSON
(tests/test_ui_summary_checks.py). Usage: FOLDER [BIRTH_YEAR,SEX|-] [SCREENSHOT.png]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QWidget

from tests.check_support import run_the_checks
from tests.ui_support import load, quiet_settings, saved, timer_window
from workout_player.audio import RecordingAnnouncer
from workout_player.domain.clock import FakeClock
from workout_player.domain.profile import Profile, sex_of
from workout_player.playback import TimerPlayer
from workout_player.store import open_store
from workout_player.store.records import SessionHandle
from workout_player.ui.app import create_application
from workout_player.ui.history.summary import SummaryPage
from workout_player.ui.player.controller import SessionController
from workout_player.ui.player.screen import PlayerScreen

ROOT = Path(__file__).resolve().parent.parent


def inside(outer: QWidget, widget: QWidget) -> bool:
    """Every pixel of `widget` lies inside `outer`'s rectangle, and it is shown."""
    top_left = widget.mapTo(outer, widget.rect().topLeft())
    bottom_right = widget.mapTo(outer, widget.rect().bottomRight())
    shown = widget.isVisibleTo(outer) and not widget.visibleRegion().isEmpty()
    return shown and outer.rect().contains(top_left) and outer.rect().contains(bottom_right)


def main(folder: str, profile: str = "-", shot: str = "") -> None:
    app = create_application(sys.argv[:1])
    area = app.primaryScreen().availableGeometry()
    store = open_store(Path(folder) / "history.sqlite3")
    if profile != "-":
        year, sex = profile.split(",")
        store.set_profile(Profile(birth_year=int(year), sex=sex_of(sex)))
    clock = FakeClock()
    player = TimerPlayer(monotonic=clock.now)
    workout = load(ROOT / "workouts" / "stability-check.yaml")
    controller = SessionController(
        workout, player, RecordingAnnouncer(), store, settings=quiet_settings(), clock=clock
    )
    screen = PlayerScreen(controller)
    controller.start()
    run_the_checks(QTest, controller, screen, clock)  # type: ignore[arg-type]
    session_id = saved(controller)
    controller.shutdown()

    window = timer_window(store, clock)
    window.show()
    summary = SummaryPage(store, SessionHandle.stored(session_id), history=window.history_writer)
    window.stack.addWidget(summary)
    window.stack.setCurrentWidget(summary)
    for _ in range(5):
        app.processEvents()
    feedback = summary.feedback
    parts: dict[str, QWidget] = {
        "results": summary.results,
        "footer": summary.results.footer,
        "pain_before": feedback.pain_before,
        "pain_after": feedback.pain_after,
        "effort": feedback.rpe,
        "note": feedback.notes,
        "done": summary.done_button,
        "history": summary.history_button,
    }
    if summary.legs is not None:
        parts["legs"] = summary.legs
    frame = window.frameGeometry()
    viewport = summary.results.viewport()
    values = [
        label
        for label in summary.results.findChildren(QLabel)
        if str(label.property("textSize")).startswith("result")
    ]
    out = {
        "area": [area.x(), area.y(), area.width(), area.height()],
        "window": [frame.x(), frame.y(), frame.width(), frame.height()],
        "inside": {name: inside(window, part) for name, part in parts.items()},
        "values": [label.text() for label in values],
        "values_in_view": all(inside(viewport, label) for label in values),
        "fits": summary.results.content_fits(),
        "checks": len(summary.results.face.checks) if summary.results.face else 0,
    }
    if shot:
        window.grab().save(shot, "PNG")
    print(json.dumps(out))
    window.close_now()
    store.close()


if __name__ == "__main__":
    main(*sys.argv[1:])
