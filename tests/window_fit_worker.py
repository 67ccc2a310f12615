"""Run under a fake 1280x720 screen (QT_QPA_PLATFORM=offscreen:configfile=...): open the main
window, both editors and a session, and print where everything is as JSON (test_ui_window_size)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from tests.ui_support import SHORT_WORKOUT, TIMER_WORKOUT, load, timer_window, write_workout
from workout_player.domain.clock import FakeClock
from workout_player.playback import TimerPlayer
from workout_player.ui.editor import CueEditorWindow, StepEditorWindow


def frame(window: QWidget) -> list[int]:
    rect = window.frameGeometry()
    return [rect.x(), rect.y(), rect.width(), rect.height()]


def inside_window(window: QWidget, widget: QWidget) -> bool:
    top_left = widget.mapTo(window, widget.rect().topLeft())
    return window.rect().contains(top_left) and window.rect().contains(
        top_left + widget.rect().bottomRight()
    )


def main(folder: str) -> None:
    app = QApplication(sys.argv[:1])
    area = app.primaryScreen().availableGeometry()
    out: dict[str, object] = {"area": [area.x(), area.y(), area.width(), area.height()]}
    clock = FakeClock()
    window = timer_window(None, clock)
    window.show()
    app.processEvents()
    out["main"] = frame(window)
    window.start_workout(load(write_workout(Path(folder), SHORT_WORKOUT)))
    app.processEvents()
    screen = window.player_screen
    assert screen is not None
    parts = [screen.stage, screen.cue, screen.next_up, screen.ring, *screen.buttons.values()]
    out["player_inside"] = all(inside_window(window, part) for part in parts)
    out["cue_px"] = screen.cue.font_px()
    step = StepEditorWindow(write_workout(Path(folder), TIMER_WORKOUT, "steps.yaml"))
    step.show()
    video = Path(folder) / "class.mp4"
    video.write_bytes(b"")
    cue = CueEditorWindow(video, player=TimerPlayer(None), video_length=60.0)
    cue.show()
    app.processEvents()
    out["step_editor"] = frame(step)
    out["cue_editor"] = frame(cue)
    for name, editor in (("step_min", step), ("cue_min", cue)):
        hint = editor.minimumSizeHint()
        out[name] = [hint.width(), hint.height()]
    print(json.dumps(out))
    for editor in (step, cue):
        editor.ask_before_close = False  # type: ignore[attr-defined]
        editor.close()
    window.close_now()


if __name__ == "__main__":
    main(sys.argv[1])
