"""Starting the window: the QApplication, its names, theme and icon, the store, and the first page.

`run_app()` is what `workout-player` (no command) and `workout-player play FILE`
call. The database opens just after the window's first paint (MainWindow's store_gate); if
it cannot, the app still runs and says why history is off instead of refusing to start.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QObject, QSize, QTimer
from PySide6.QtGui import QIcon, QWindow
from PySide6.QtWidgets import QApplication, QWidget

from workout_player import __version__, desktop, paths
from workout_player.domain.model import Workout
from workout_player.playback import prefer_xcb
from workout_player.ui import theme

if TYPE_CHECKING:
    from workout_player.store import Store

ORGANIZATION = "workout-player"
APPLICATION = "workout-player"
DISPLAY_NAME = "Workout Player"


def make_icon() -> QIcon:
    """The launcher's icon: the shipped PNGs at their sizes, the SVG for every other size."""
    icon = QIcon()
    for size in desktop.PNG_SIZES:
        icon.addFile(str(desktop.icon_png_file(size)), QSize(size, size))
    # Other sizes (16, 32, 64 in task bars and title bars) are drawn from the SVG.
    icon.addFile(str(desktop.icon_svg_file()))
    return icon


def create_application(argv: list[str] | None = None) -> QApplication:
    """The app's QApplication (or the existing one), themed and named."""
    # libvlc cannot embed its video under Wayland: use XWayland when the person did not choose.
    prefer_xcb()
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(DISPLAY_NAME)
    app.setApplicationVersion(__version__)
    # The launcher entry's name without ".desktop": Wayland's app id, and how desktops match
    # this window to its entry and icon. On X11 they match WM_CLASS, which Qt takes from the
    # application name: the entry's StartupWMClass is that name.
    app.setDesktopFileName(desktop.APP_ID)
    app.setWindowIcon(make_icon())
    theme.apply_theme(app)
    return app


def open_history(db: str | None) -> tuple[Store | None, str | None]:
    """The store, or None and a message saying why history is off and what to do."""
    # Imported here: the store's modules (~30 ms) are not needed for the first paint.
    from workout_player.store import StoreError, open_store

    path = paths.database_path(db)
    try:
        # "read": where the file cannot be written the History screen still opens (read-only).
        return open_store(path, mode="read"), None
    except StoreError as exc:
        return None, f"History is off: {exc}"
    except OSError as exc:
        return None, (
            f"History is off: the database {path} cannot be opened ({exc.strerror or exc}). "
            "Check the folder's permissions or pass --db PATH."
        )


class _FirstExpose(QObject):
    """Calls `then` from the event loop once the window has been exposed (and so painted)."""

    def __init__(self, window: QWidget, then: Callable[[], object]) -> None:
        super().__init__(window)
        self._then = then

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        exposed = event.type() == QEvent.Type.Expose and isinstance(watched, QWindow)
        if exposed and watched.isExposed():  # type: ignore[attr-defined]
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._then)  # after Qt has painted the exposed window
        return False


def after_first_paint(window: QWidget, then: Callable[[], object]) -> None:
    """Run `then` once `window` (already shown) is first on screen."""
    handle = window.windowHandle()
    if handle is None or handle.isExposed():
        QTimer.singleShot(0, then)
        return
    handle.installEventFilter(_FirstExpose(window, then))


def run_in_turns(steps: list[Callable[[], object]]) -> None:
    """Run each step in its own pass of the event loop, so input is handled in between."""
    if not steps:
        return
    first, rest = steps[0], steps[1:]

    def turn() -> None:
        first()
        run_in_turns(rest)

    QTimer.singleShot(0, turn)


def run_app(db: str | None = None, workout: Workout | None = None) -> int:
    """Open the window on the library, or straight into the player with `workout`."""
    app = create_application()
    from workout_player.ui.key_hook import install_key_hook
    from workout_player.ui.logout import install_logout_guard
    from workout_player.ui.main_window import MainWindow
    from workout_player.ui.progress_hook import install_progress_hook
    from workout_player.ui.quit_signals import install_quit_signals
    from workout_player.ui.screenshot import install_screenshot_hook

    def open_store() -> tuple[Store | None, str | None]:
        store, problem = open_history(db)
        if problem:
            print(problem, file=sys.stderr)
        return store, problem

    # The database opens in the first warm-up step, after the window is on screen.
    window = MainWindow(None, open_store=open_store)
    window.show()
    if workout is not None:
        # `play` starts at once: what the library's warm-up would have done happens now.
        for step in window.warm_up_steps():
            step()
        window.start_workout(workout)
    else:
        # Warm the video, the session's code and the voice up once the window has been
        # painted, so Start does not wait for them and the window does not wait either.
        steps = window.warm_up_steps()
        after_first_paint(window, lambda: run_in_turns(steps))
    install_screenshot_hook(window)
    install_key_hook(window)
    install_progress_hook(window)
    # A logout, SIGTERM, SIGHUP or Ctrl+C close the app as close_now() does.
    install_logout_guard(window)
    quitting = install_quit_signals(window.close_now)
    try:
        return quitting.exit_status(app.exec())
    finally:
        store = window.store
        window.close_now()  # idempotent: ends a running session as stopped, frees the player
        # Tear the widgets down now, while Python and libvlc are still whole; leaving it to
        # the interpreter's final garbage collection crashes in PySide's deallocators.
        shiboken6.delete(window)
        del window
        gc.collect()
        if store is not None:
            store.close()
        quitting.uninstall()
