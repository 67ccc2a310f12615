"""Drive the cue editor like a person: play VIDEO, press M twice while it plays, then Ctrl+S.

Usage: cue_editor_marks.py VIDEO OUTPUT.yaml SHOT.png. Run by tests/test_e2e_editor.py under
Xvfb. The window comes from `workout-player new --video VIDEO -o OUTPUT.yaml`'s own code
(editor_cmd.check/build_window after ui.app.create_application). Keys go through QTest to the
steps table, so they take the same shortcut path as a real key press. Waits are on the
player's time_changed signal, never on sleeps. Prints one JSON line: player class, problem,
the media times the keys were pressed at, the saved message, and errors.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtTest import QTest

from workout_player.cli import build_parser, editor_cmd
from workout_player.ui.app import create_application
from workout_player.ui.editor import CueEditorWindow

#: Stops a broken run; the test asserts on what happened, not on how long it took.
GIVE_UP_MS = 60_000


def main() -> int:
    video, output, shot = (Path(arg) for arg in sys.argv[1:4])
    args = build_parser().parse_args(["new", "--video", str(video), "-o", str(output)])
    problem = editor_cmd.check(args)
    if problem:
        print(json.dumps({"errors": [problem]}))
        return 1
    app = create_application()
    window = editor_cmd.build_window(args)
    assert isinstance(window, CueEditorWindow)
    window.ask_before_close = False
    window.move(0, 0)
    window.show()
    window.activateWindow()
    player = window.player
    report: dict[str, object] = {
        "player": type(player).__name__,
        "problem": player.problem,
        "pressed_at": [],
        "errors": [],
    }
    player.error.connect(lambda message: report["errors"].append(message))  # type: ignore[union-attr]
    give_up = QTimer()
    give_up.setSingleShot(True)
    give_up.start(GIVE_UP_MS)

    def wait_for(condition, signal) -> bool:  # type: ignore[no-untyped-def]
        """Run the event loop until `condition()` holds, re-checking on each `signal`."""
        if condition():
            return True
        loop = QEventLoop()
        signal.connect(lambda *_: condition() and loop.quit())
        give_up.timeout.connect(loop.quit)
        loop.exec()
        return bool(condition())

    ticker = QTimer()
    ticker.start(50)  # only to re-check window activation; no test timing depends on it
    if not wait_for(window.isActiveWindow, ticker.timeout):
        report["errors"].append("the editor window never became active")  # type: ignore[union-attr]
    ticker.stop()
    QTest.keyClick(window.table, Qt.Key.Key_Space)
    for target in (2.0, 7.0):
        if not wait_for(lambda target=target: window.now() >= target, player.time_changed):
            report["errors"].append(f"playback never reached {target} s")  # type: ignore[union-attr]
            break
        report["pressed_at"].append(window.now())  # type: ignore[union-attr]
        QTest.keyClick(window.table, Qt.Key.Key_M)
    QTest.keyClick(window.table, Qt.Key.Key_Space)
    QTest.keyClick(window.table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    report["saved"] = window.saved_label.text()
    report["steps"] = [step.name for step in window.document.steps()]
    window.grab().save(str(shot))
    window.close()
    player.close()
    app.processEvents()
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
