"""A process for tests/test_quit_signals.py: QuitSignals in a QCoreApplication whose close
takes as long as the test wants.

Prints "ready" once the handlers are installed; on a signal the close prints "closing" and
waits for a line on stdin (the test sends a second signal meanwhile, or "go"); then it
prints "closed" and the event loop leaves with the signal's status.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QTimer

from workout_player.ui.quit_signals import install_quit_signals


def close() -> None:
    print("closing", flush=True)
    sys.stdin.readline()
    print("closed", flush=True)


def main() -> int:
    app = QCoreApplication(sys.argv[:1])
    quitting = install_quit_signals(close)
    QTimer.singleShot(0, lambda: print("ready", flush=True))
    try:
        return quitting.exit_status(app.exec())
    finally:
        quitting.uninstall()


if __name__ == "__main__":
    sys.exit(main())
