"""The platform's own cost, for the floors beside the app's figures (startup.py).

    python bench/floor_probe.py                 a bare QMainWindow, libvlc instance created
    python bench/floor_probe.py VIDEO           the same, then a bare libvlc media player
                                                playing VIDEO in a widget of the window

The same probes as app_probe.py, on a window that does nothing else: `bench-ready` when it
is shown, exposed and idle, `bench-key` when a posted key press is delivered; with VIDEO,
`bench-play` just before `play()` and `bench-first-frame` when the first non-black pixels
are on the X screen (grabbed the same way). The libvlc instance has the app's options
(playback._vlc.BASE_ARGS), so the floor plays the file the same way the app does.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from app_probe import key_round_trip, say, stamp, watch_first_frame, when_shown_and_idle


def main(argv: list[str]) -> int:
    import vlc
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

    from workout_player.playback._vlc import BASE_ARGS

    app = QApplication(sys.argv[:1])
    instance = vlc.Instance(list(BASE_ARGS))
    window = QMainWindow()
    window.setWindowTitle("floor")
    surface = QWidget()
    surface.setAttribute(Qt.WidgetAttribute.WA_NativeWindow)
    surface.setStyleSheet("background: black")
    surface.setAutoFillBackground(True)
    window.setCentralWidget(surface)
    window.resize(1366, 768)  # the size MainWindow opens at
    window.show()

    def play() -> None:
        player = instance.media_player_new()
        player.set_xwindow(int(surface.winId()))
        player.set_media(instance.media_new_path(argv[0]))
        window.player = player  # type: ignore[attr-defined]  # keep it alive
        say("play", stamp())
        player.play()
        watch_first_frame(window, surface, lambda: QTimer.singleShot(0, app.quit))

    def ready() -> None:
        say("ready", stamp())
        key_round_trip(window, play if argv else app.quit)

    when_shown_and_idle(window, ready)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
