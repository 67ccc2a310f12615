"""The app window: a stack of pages (library, workout, player, summary, history) and a menu.

The window only switches pages and creates a session's parts (player,
controller, screen) when one starts; the pages themselves do the work.
Drop a .yaml file anywhere on the window to open it; Ctrl+O opens one too.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from workout_player import paths
from workout_player.ui.banner import Banner, join_messages
from workout_player.ui.library.model import load_entry
from workout_player.ui.library.page import LibraryPage
from workout_player.ui.store_gate import Opener, StoreGate
from workout_player.ui.window_size import fit_to_screen

# Start-up shows only the library: the pages and parts a session, the history or the
# settings need (QtCharts, QtMultimedia, QtTextToSpeech, libvlc, the YAML loader) are
# imported where they are first used, which keeps them out of the time to the first paint.
if TYPE_CHECKING:
    from workout_player.audio import Announcer, SoundSettings
    from workout_player.domain.clock import Clock
    from workout_player.domain.model import Workout
    from workout_player.playback import Player
    from workout_player.store import Store
    from workout_player.store.writer import RetryClock
    from workout_player.ui.checks.page import ChecksPage
    from workout_player.ui.history.page import HistoryPage
    from workout_player.ui.history_writer import HistoryWriter
    from workout_player.ui.library.workout_page import WorkoutPage
    from workout_player.ui.player.controller import SessionController
    from workout_player.ui.player.screen import PlayerScreen

WORKOUT_SUFFIXES = (".yaml", ".yml")


def warm_up_video() -> None:
    """Create libvlc's shared instance on a thread, so pressing Start only opens the file."""
    threading.Thread(target=_make_vlc_instance, name="libvlc-warm-up", daemon=True).start()


def _make_vlc_instance() -> None:
    # Imported on the thread too: python-vlc and ctypes take ~5 ms to import on an idle
    # machine, but 80 ms on a GUI thread that shares the GIL with a library scan.
    from workout_player.playback import vlc_status

    vlc_status()


def _import_session_modules() -> None:
    import workout_player.ui.player.controller
    import workout_player.ui.player.screen
    import workout_player.ui.settings_dialog  # noqa: F401


def _create_player(parent: QWidget) -> Player:
    """playback.create_player, imported when the first session starts (it loads libvlc)."""
    from workout_player.playback import create_player

    return create_player(parent)


def _prefetch_video(workout: Workout) -> None:
    """Start libvlc's parse of the video (VlcPlayer.load asks for it) on a thread, while the
    session's widgets are built: ~5-10 ms off the time from Start to the first frame."""
    if workout.video is not None:
        from workout_player.playback import prefetch

        prefetch(workout.video)


def dropped_workouts(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    """Local .yaml/.yml files in a drag; anything else is refused."""
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    found = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [path for path in found if path.suffix.lower() in WORKOUT_SUFFIXES]


class MainWindow(QMainWindow):
    """Library -> workout page -> player -> summary, plus history from the menu.

    `make_player`, `make_announcer`, `clock` and `retry_clock` are seams for tests (a
    timer player, a recording announcer, a fake clock, the history writer's pauses
    stepped by the test); the defaults are the real ones. With `open_store` the store is
    opened by the first warm-up step instead (after the first paint): `store_gate` says
    when it is ready, and the History screen and Start wait for it.
    """

    def __init__(
        self,
        store: Store | None,
        *,
        store_problem: str | None = None,
        make_player: Callable[[QWidget], Player] | None = None,
        make_announcer: Callable[[], Announcer] | None = None,
        clock: Clock | None = None,
        retry_clock: RetryClock | None = None,
        open_store: Opener | None = None,
    ) -> None:
        super().__init__()
        self.setWindowTitle("Workout Player")
        self.setAcceptDrops(True)
        fit_to_screen(self, QSize(1366, 768), share=0.9)  # fits the screen it opens on
        self.store: Store | None = None
        self.store_gate = StoreGate(open_store, self)
        """Today, History and sessions: `store_gate.when_ready(callback)`, never `self.store`
        directly at start-up (it is None until the gate has opened it)."""
        self.make_player = make_player or _create_player
        self.clock = clock
        self._make_announcer = make_announcer
        self._announcer: Announcer | None = None
        self.controller: SessionController | None = None
        self.player_screen: PlayerScreen | None = None
        self.summary: QWidget | None = None
        self.history: HistoryPage | None = None
        self.checks: ChecksPage | None = None
        self.history_writer: HistoryWriter | None = None
        """Session writes for every session of this run, off the GUI thread."""
        self._retry_clock = retry_clock
        self._was_maximized = False
        self._force_close = False

        self.stack = QStackedWidget()
        self.library = LibraryPage()
        self.library.open_requested.connect(self.open_path)
        self.library.open_file_requested.connect(self.choose_file)
        self.library.new_from_video_requested.connect(self.choose_video)
        self.library.history_requested.connect(self.show_history)
        self._workout_page: WorkoutPage | None = None
        self.editors: list[QWidget] = []
        self.stack.addWidget(self.library)
        self.stack.currentChanged.connect(self._update_chrome)

        self.notice = Banner()
        self._notices: list[str] = []
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.notice)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_menu()
        self.store_gate.ready.connect(self._store_ready)
        if open_store is None:
            self.store_gate.settle(store, store_problem)
        self.library.reload()

    def _store_ready(self, store: Store | None) -> None:
        """The store is open (or off): the history writer, the History action, its notices."""
        self.store = store
        if store is not None:
            from workout_player.ui.history_writer import HistoryWriter

            self.history_writer = HistoryWriter(store, retry_clock=self._retry_clock, parent=self)
            self.history_writer.waiting_changed.connect(self._history_waiting)
            self.history_writer.caught_up.connect(self._history_caught_up)
            # Today reads the history: it comes once the store is open (after the first paint).
            self.library.today.start_requested.connect(self.start_workout)
            self.library.today.attach(store, self.history_writer, keys_on=self.library)
        notices = (self.store_gate.problem, store.notice if store else None)
        self._notices = [text for text in notices if text]
        self.notice.set_text(join_messages(self._notices))
        self.library.history_button.setEnabled(store is not None)
        self.history_action.setEnabled(store is not None)
        self.checks_action.setEnabled(store is not None)
        self._update_chrome()

    @property
    def workout_page(self) -> WorkoutPage:
        """The page of one workout, made when the first one is opened."""
        if self._workout_page is None:
            from workout_player.ui.library.workout_page import WorkoutPage

            page = WorkoutPage()
            page.start_requested.connect(self.start_path)
            page.back_requested.connect(self.show_library)
            page.edit_requested.connect(self.edit_path)
            self._workout_page = page
            self.stack.insertWidget(1, page)
        return self._workout_page

    # -- menu ------------------------------------------------------------------------------

    def _build_menu(self) -> None:
        def action(
            menu_name: str,
            text: str,
            keys: QKeySequence | QKeySequence.StandardKey | str,
            slot: Callable[[], object],
        ) -> QAction:
            act = QAction(text, self)
            act.setShortcut(QKeySequence(keys))
            act.triggered.connect(slot)
            menus[menu_name].addAction(act)
            self.addAction(act)  # shortcuts keep working while the menu bar is hidden (full screen)
            return act

        bar = self.menuBar()
        menus = {name: bar.addMenu(name) for name in ("&File", "&View")}
        action("&File", "&Open workout…", QKeySequence.StandardKey.Open, self.choose_file)
        action("&File", "&New workout from video…", QKeySequence.StandardKey.New, self.choose_video)
        action("&File", "&Library", "Ctrl+L", self.show_library)
        self.history_action = action("&File", "&History", "Ctrl+H", self.show_history)
        self.checks_action = action("&File", "Self-&checks", "Ctrl+K", self.show_checks)
        action("&File", "&Sound settings…", "Ctrl+,", self.open_settings)
        menus["&File"].addSeparator()
        action("&File", "&Quit", QKeySequence.StandardKey.Quit, self.close)
        self.fullscreen_action = action("&View", "&Full screen", "F11", self.toggle_fullscreen)
        action("&View", "&Search workouts", QKeySequence.StandardKey.Find, self._focus_search)

    # -- pages -----------------------------------------------------------------------------

    def current_page(self) -> QWidget | None:
        return self.stack.currentWidget()

    def show_library(self) -> None:
        if self._session_running():
            return  # the player owns the screen until the session ends (Esc asks)
        self.stack.setCurrentWidget(self.library)
        self.library.focus_start()

    def show_history(self) -> None:
        if self.store_gate.pending:
            self.store_gate.when_ready(lambda _store: self.show_history())
            return
        if self.store is None or self._session_running():
            return
        if self.history is None:
            from workout_player.ui.history.page import HistoryPage

            self.history = HistoryPage(self.store, history=self.history_writer)
            self.history.back.connect(self.show_library)
            self.stack.addWidget(self.history)
        self.history.refresh()
        self.stack.setCurrentWidget(self.history)
        self.history.setFocus()

    def show_checks(self) -> None:
        """The Checks screen (Ctrl+K): self-check results beside their norms, and trends."""
        if self.store_gate.pending:
            self.store_gate.when_ready(lambda _store: self.show_checks())
            return
        if self.store is None or self._session_running():
            return
        if self.checks is None:
            from workout_player.audio.settings import app_settings
            from workout_player.ui.checks.page import ChecksPage

            self.checks = ChecksPage(
                self.store, history=self.history_writer, settings=app_settings()
            )
            self.checks.back.connect(self.show_library)
            self.stack.addWidget(self.checks)
        self.checks.refresh()
        self.stack.setCurrentWidget(self.checks)
        self.checks.list.setFocus()

    def choose_file(self) -> None:
        if self._session_running():
            return
        start = paths.user_workouts_dir()
        folder = str(start if start.is_dir() else Path.home())
        name, _ = QFileDialog.getOpenFileName(
            self, "Open a workout", folder, "Workouts (*.yaml *.yml);;All files (*)"
        )
        if name:
            self.open_path(Path(name))

    def choose_video(self) -> None:
        """Pick a follow-along video and open the cue editor on a new workout for it."""
        if self._session_running():
            return
        name, _ = QFileDialog.getOpenFileName(
            self,
            "Make a workout from a video",
            str(Path.home()),
            "Videos (*.mp4 *.m4v *.mkv *.webm *.mov *.avi);;All files (*)",
        )
        if name:
            from workout_player.ui.editor import new_from_video

            self._show_editor(new_from_video(Path(name)))

    def edit_path(self, path: Path) -> None:
        """The cue editor (video-led) or the step editor (timer-led) on `path`."""
        from workout_player.editing import DocumentError
        from workout_player.ui.editor import open_editor

        try:
            editor = open_editor(path)
        except DocumentError as error:
            self.notice.set_text(str(error))
            return
        self._show_editor(editor)

    def _show_editor(self, editor: QWidget) -> None:
        """Editors are windows of their own; when one closes, what it saved is listed again."""
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.editors.append(editor)
        editor.destroyed.connect(lambda: self._editor_closed(editor))
        editor.show()

    def _editor_closed(self, editor: QWidget) -> None:
        if editor in self.editors:
            self.editors.remove(editor)
        self.library.reload()
        page = self._workout_page
        if page is not None and page.path is not None and self.stack.currentWidget() is page:
            page.show_file(page.path)

    def open_path(self, path: Path) -> None:
        """Show a workout's page (or its problems); the library lists it too."""
        if self._session_running():
            return
        path = path.resolve()
        self.library.show_entry(load_entry(path, self._origin(path)))
        self.workout_page.show_file(path)
        self.stack.setCurrentWidget(self.workout_page)
        self.workout_page.setFocus()

    def _origin(self, path: Path) -> str:
        return "bundled" if path.parent == paths.bundled_workouts_dir().resolve() else "mine"

    def _focus_search(self) -> None:
        if self.stack.currentWidget() is self.library:
            self.library.focus_search()

    # -- sessions --------------------------------------------------------------------------

    @property
    def announcer(self) -> Announcer:
        """One announcer for the app's life: the voice engine warms up once."""
        if self._announcer is None:
            if self._make_announcer is not None:
                self._announcer = self._make_announcer()
            else:
                from workout_player.audio import QtAnnouncer

                self._announcer = QtAnnouncer(self)
        return self._announcer

    def warm_up_sound(self) -> None:
        """Create the announcer (beep files, speech engine) before the first session needs it,
        once the library has listed its files: Qt's speechd engine holds Python for ~1 s while
        it is made (speech-dispatcher listing its voices), even on its own thread
        (audio/voice_thread.py), and a library scan beside it took that much longer."""
        if self._announcer is not None:
            return
        if self.library.model.loading:
            self.library.loaded.connect(self.warm_up_sound, Qt.ConnectionType.SingleShotConnection)
            return
        _ = self.announcer

    def warm_up_steps(self) -> list[Callable[[], object]]:
        """What Start would otherwise wait for, in short steps the event loop runs in between.

        libvlc's instance (plugin cache, ~15-50 ms) is made on a thread: python-vlc's
        ctypes calls let go of the GIL, so the window stays responsive. The session's
        modules and the announcer need the GUI thread. The store (when the window was made
        with `open_store`) opens first: Today, History and sessions wait for it.
        """
        return [self.store_gate.begin, warm_up_video, _import_session_modules, self.warm_up_sound]

    def start_path(self, path: Path) -> None:
        page = self._workout_page
        workout = page.workout if page is not None else None
        if workout is not None and page is not None and page.path == path:
            self.start_workout(workout)

    def start_workout(self, workout: Workout) -> None:
        """Build the session's parts, show the player and start at once (no dialog in between)."""
        if self._session_running():
            return
        if self.store_gate.pending:
            # Start before the warm-up opened the store: start once it is (a pass later).
            self.store_gate.when_ready(lambda _store: self.start_workout(workout))
            return
        if self.library.today.ask_before(lambda: self.start_workout(workout)):
            self.show_library()  # the morning question first, once (then the session starts)
            return
        from workout_player.audio import load_sound_settings
        from workout_player.ui.player.controller import SessionController
        from workout_player.ui.player.screen import PlayerScreen

        if self.make_player is _create_player:
            _prefetch_video(workout)
        self._discard_session()
        player = self.make_player(self)
        controller = SessionController(
            workout,
            player,
            self.announcer,
            self.store,
            settings=load_sound_settings(),
            clock=self.clock,
            history=self.history_writer,
            parent=self,
        )
        screen = PlayerScreen(controller)
        screen.fullscreen_toggled.connect(self.toggle_fullscreen)
        screen.leave_fullscreen.connect(self.leave_fullscreen)
        screen.settings_requested.connect(self.open_settings)
        controller.finished.connect(self._session_finished)
        if self._notices:
            # One banner on the player: the window's own (e.g. a damaged database moved
            # aside) joins the session's, and the window's hides while the player shows.
            # (Saving that waits is the controller's own "store" problem.)
            controller.report_problem("window", join_messages(self._notices))
        self.controller, self.player_screen = controller, screen
        from workout_player.ui.player.mpris import attach_remote

        self.mpris = attach_remote(controller, screen, self, screen.ask_end, self.close_now)
        self.stack.addWidget(screen)
        self.stack.setCurrentWidget(screen)
        screen.setFocus()
        controller.start()

    def _session_running(self) -> bool:
        return self.controller is not None and not self.controller.is_finished

    def _session_finished(self, completed: bool) -> None:
        controller = self.controller
        assert controller is not None
        if self.isFullScreen():
            self.leave_fullscreen()
        handle = controller.history_handle
        if self.store is not None and handle is not None:
            from workout_player.ui.history.summary import SummaryPage

            page: QWidget = SummaryPage(self.store, handle, history=self.history_writer)
            page.finished.connect(self.show_library)  # type: ignore[attr-defined]
            page.show_history.connect(self.show_history)  # type: ignore[attr-defined]
        else:
            from workout_player.ui.player.finished_page import FinishedPage

            page = FinishedPage(
                controller.workout.title, completed, controller.session.active_seconds
            )
            page.done.connect(self.show_library)
        self._replace_summary(page)
        self.stack.setCurrentWidget(page)
        page.setFocus()

    def _history_waiting(self, text: str) -> None:
        """Saving waits (another program holds the file) or flows again: say so in the banner."""
        self.notice.set_text(join_messages([*self._notices, text]))
        self._update_chrome()

    def _history_caught_up(self) -> None:
        """What was waiting is stored: a History screen on show reads it again."""
        if self.history is not None and self.current_page() is self.history:
            self.history.refresh()

    def _replace_summary(self, page: QWidget) -> None:
        if self.summary is not None:
            self.stack.removeWidget(self.summary)
            self.summary.deleteLater()
        self.summary = page
        self.stack.addWidget(page)

    def _discard_session(self) -> None:
        """Free the last session's player and screen before a new one starts."""
        if self.controller is not None:
            # Closing mid-session still stores it as stopped, but shows no summary.
            self.controller.finished.disconnect(self._session_finished)
            self.controller.shutdown()
            self.controller.player.close()
            self.controller.deleteLater()
        if self.player_screen is not None:
            self.stack.removeWidget(self.player_screen)
            self.player_screen.deleteLater()
        self.controller = self.player_screen = None

    # -- settings and full screen -----------------------------------------------------------

    def open_settings(self) -> None:
        """Non-modal, so a running session keeps its keys and its clock."""
        from workout_player.audio import load_sound_settings
        from workout_player.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(load_sound_settings(), self)
        dialog.applied.connect(self._apply_settings)
        dialog.show()
        screen = self.player_screen
        if screen is not None and self.current_page() is screen:
            # Over the video's corner, not the panel: the rep, set and ring stay in view.
            dialog.adjustSize()
            dialog.move(screen.stage.mapToGlobal(screen.stage.rect().topLeft()))

    def _apply_settings(self, settings: SoundSettings) -> None:
        self.announcer.apply(settings)
        if self.controller is not None:
            self.controller.apply_settings(settings)

    def toggle_fullscreen(self) -> None:
        if self.isFullScreen():
            self.leave_fullscreen()
        else:
            self._was_maximized = self.isMaximized()
            self.showFullScreen()
            self._update_chrome()

    def leave_fullscreen(self) -> None:
        if not self.isFullScreen():
            return
        if self._was_maximized:
            self.showMaximized()
        else:
            self.showNormal()
        self._update_chrome()

    def _update_chrome(self) -> None:
        """The player and full screen get every pixel: no menu bar (its shortcuts still work)."""
        playing = self.player_screen is not None and self.current_page() is self.player_screen
        self.menuBar().setVisible(not playing and not self.isFullScreen())
        self.notice.setVisible(bool(self.notice.text) and not playing)

    # -- drag and drop, closing --------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_workouts(event) and not self._session_running():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        files = dropped_workouts(event)
        if not files or self._session_running():
            event.ignore()
            return
        event.acceptProposedAction()
        for path in files[1:]:
            self.library.show_entry(load_entry(path.resolve(), "mine"))
        self.open_path(files[0])

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing mid-session asks the player's "End session?" (as Esc does) and stays open:
        ending leads to the summary, where pain after, effort and the note can still be given.
        From the summary, what was typed is handed to the history writer before it closes."""
        screen = self.player_screen
        if self._session_running() and screen is not None and not self._force_close:
            event.ignore()
            self.leave_fullscreen()
            self.stack.setCurrentWidget(screen)
            screen.ask_end()
            return
        self.save_typed_text()
        self._discard_session()
        if self.history_writer is not None:
            # A last try; what the database still refuses stays in the journal beside it,
            # for the next start (open_store replays it).
            self.history_writer.close()
        QSettings().setValue("window/geometry", self.saveGeometry())
        super().closeEvent(event)

    def save_typed_text(self) -> None:
        """Hand what the summary's fields hold (pain after, effort, the note) to the writer."""
        flush = getattr(self.summary, "flush", None)
        if callable(flush):
            flush()

    def close_without_asking(self, allowed: bool) -> None:
        """While allowed (a logout under way: ui/logout.py), closing mid-session stores the
        session as stopped instead of asking "End session?"."""
        self._force_close = allowed

    def close_now(self) -> bool:
        """Close without asking (the app quitting, tests): a running session is stored as
        stopped, without a summary."""
        self._force_close = True
        return self.close()
