"""Show the player in a real X window, play VIDEO, and report how much of the picture is red.

Usage: show_video.py VIDEO SHOT.png. Run by tests/test_playback_xvfb.py with DISPLAY pointing
at an Xvfb. On every time_changed it grabs the screen (QScreen.grabWindow(0)) under the video
widget; it stops as soon as most of that area is red, or when the video ends, and saves the
last whole-screen grab to SHOT.png for a person to look at. Prints one JSON line: platform,
player class, problem, best red fraction, the media time it was seen at, and errors.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QPoint, QTimer
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from workout_player.playback import create_player

RED_ENOUGH = 0.9
#: Media seconds after which to stop looking (the red test video lasts 4 s).
STOP_AT = 3.0
#: Stops a broken run; the test itself asserts on what was seen, not on time.
GIVE_UP_MS = 30_000


def red_fraction(image: QImage) -> float:
    """Share of sampled pixels that are clearly red (the test video is color=c=red)."""
    red = total = 0
    for y in range(2, image.height() - 2, 4):
        for x in range(2, image.width() - 2, 4):
            colour = image.pixelColor(x, y)
            total += 1
            if colour.red() > 180 and colour.green() < 80 and colour.blue() < 80:
                red += 1
    return red / total if total else 0.0


def main() -> int:
    video, shot_path = Path(sys.argv[1]), Path(sys.argv[2])
    app = QApplication(sys.argv[:1])
    window = QWidget()
    window.setWindowTitle("xvfb video test")
    layout = QVBoxLayout(window)
    layout.setContentsMargins(0, 0, 0, 0)
    player = create_player(window)
    surface = player.video_widget()
    layout.addWidget(surface)
    window.resize(480, 360)
    window.move(0, 0)
    window.show()
    result = {
        "platform": QGuiApplication.platformName(),
        "player": type(player).__name__,
        "problem": player.problem,
        "best": 0.0,
        "seen_at": None,
        "errors": [],
    }
    player.error.connect(lambda message: result["errors"].append(message))

    def finish() -> None:
        if result.get("done"):
            return
        result["done"] = True
        screen = QGuiApplication.primaryScreen().grabWindow(0)
        screen.save(str(shot_path))
        player.close()
        window.close()
        app.quit()

    def on_time(seconds: float) -> None:
        origin = surface.mapToGlobal(QPoint(0, 0))
        shot = QGuiApplication.primaryScreen().grabWindow(
            0, origin.x(), origin.y(), surface.width(), surface.height()
        )
        fraction = red_fraction(shot.toImage())
        if fraction > result["best"]:
            result["best"], result["seen_at"] = fraction, seconds
        if fraction >= RED_ENOUGH or seconds >= STOP_AT:
            finish()

    player.time_changed.connect(on_time)
    player.ended.connect(finish)
    player.error.connect(lambda _message: finish())
    QTimer.singleShot(GIVE_UP_MS, finish)
    player.load(video)
    player.play()  # a TimerPlayer runs on the timer: its time_changed still drives the grabs
    app.exec()
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
