"""The cue editor: watch a follow-along video and press M where each exercise starts.

The video plays on the left; the steps (start, exercise, reps or time, sides,
rest) are on the right with a form for the selected step and the problems the
loader finds, updated on every edit. Everything has a key, so a person can make
a workout from their own video without knowing what YAML is.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workout_player.editing import (
    DocumentError,
    WorkoutDocument,
    default_save_path,
    format_timestamp,
    known_exercise_names,
)
from workout_player.playback import Player, create_player, probe_length, probe_media
from workout_player.playback.surface import VideoSurface
from workout_player.ui.editor.look import EDITOR_STYLE, keys_table
from workout_player.ui.editor.save_question import may_close, save_document
from workout_player.ui.editor.step_form import StepForm
from workout_player.ui.editor.step_table import ProblemsList, StepTable
from workout_player.ui.editor.step_text import amount_text, rest_text, sides_text
from workout_player.ui.window_size import fit_to_screen

RATES = {"1": 0.5, "2": 1.0, "3": 1.5}
EMPTY_HINT = "No steps yet: play the video and press M where each exercise starts."
COLUMNS = ("Start", "Exercise", "Reps / time", "Sides", "Rest")
KEYS = (
    ("M", "mark an exercise here"),
    ("R", "mark a rest here"),
    ("Space", "play / pause"),
    ("J / L", "back / forward 5 s"),
    ("Shift+J / L", "back / forward 1 s"),
    ("K", "pause"),
    ("[ / ]", "selected start -/+ 0.1 s"),
    ("{ / }", "selected start -/+ 1 s"),
    ("1 2 3", "speed 0.5x 1x 1.5x"),
    ("Enter", "go to step and rename"),
    ("F2", "rename"),
    ("Del", "remove step"),
    ("Esc", "back to the list"),
    ("Ctrl+S", "save"),
)


class CueEditorWindow(QWidget):
    """Marks, names and times the steps of a video-led workout, and saves it.

    Give `video_path` to start a new workout (saved to `save_path`, else next to
    the video, else in the workouts folder) or `workout_path` to edit one.
    `player` and `known_names` are for tests and for callers that have them.
    """

    def __init__(
        self,
        video_path: str | Path | None = None,
        workout_path: str | Path | None = None,
        *,
        save_path: str | Path | None = None,
        player: Player | None = None,
        known_names: Sequence[str] | None = None,
        video_length: float | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.ask_before_close = True
        if workout_path is not None:
            self.document = WorkoutDocument.load(Path(workout_path))
            video = self.document.video_path()
            if video is None:
                raise DocumentError(
                    f"{workout_path} has no video; open it in the step editor instead."
                )
        elif video_path is not None:
            video = Path(video_path).expanduser().absolute()
            target = Path(save_path) if save_path is not None else default_save_path(video)
            self.document = WorkoutDocument.new_from_video(video, target)
        else:
            raise DocumentError("the cue editor needs a video or a video-led workout file")
        self.video = video
        names = list(known_names) if known_names is not None else known_exercise_names()
        self._names = sorted({*names, *self.document.exercise_names()}, key=str.casefold)
        self.player = player if player is not None else create_player(self)
        self._playing = False
        self._rate = 1.0
        self._filling = False
        self._build()
        self._bind_keys()
        self.player.time_changed.connect(self._time_changed)
        self.player.playing_changed.connect(self._playing_changed)
        self.player.error.connect(self._player_error)
        self.unplayable: str | None = None
        """Why the video cannot be played (nothing can be marked on it), or None."""
        # A player that cannot show this file says why in `problem` (VlcPlayer and QtPlayer
        # refuse a cut-short file at load; the timer fallback has no picture at all).
        self.player.load(video)
        if self.player.problem:
            self._refuse(self.player.problem)
        else:
            # Only a video that plays gives the length; a refused one's header would be a
            # guess the saved workout must not carry.
            length = video_length or self.player.length() or probe_length(video)
            self.document.set_video_length(length)
        self._ticker = QTimer(self)
        self._ticker.setInterval(100)
        self._ticker.timeout.connect(self._show_time)
        self.refresh()
        self.table.setFocus()

    # -- layout --------------------------------------------------------------------------------

    def _build(self) -> None:
        self.setStyleSheet(EDITOR_STYLE)
        fit_to_screen(self, QSize(1366, 768))  # at most the screen it opens on
        outer = QHBoxLayout(self)
        outer.setContentsMargins(10, 10, 10, 10)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        outer.addWidget(splitter)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.player.video_widget(), 1)
        clock_row = QHBoxLayout()
        self.clock_label = QLabel()
        self.clock_label.setProperty("role", "clock")
        self.rate_label = QLabel()
        self.rate_label.setProperty("role", "rate")
        clock_row.addWidget(self.clock_label)
        clock_row.addStretch(1)
        clock_row.addWidget(self.rate_label)
        left_layout.addLayout(clock_row)
        self.keys_label = QLabel(keys_table(KEYS, columns=2))
        self.keys_label.setProperty("role", "keys")
        self.keys_label.setWordWrap(True)
        left_layout.addWidget(self.keys_label)
        splitter.addWidget(left)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(6, 0, 0, 0)
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("Workout title")
        self.title_edit.textEdited.connect(self._title_edited)
        right_layout.addWidget(self.title_edit)
        self.table = StepTable(COLUMNS, self._names)
        self.table.itemChanged.connect(self._item_changed)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.clicked.connect(lambda index: self.seek_to_step(index.row()))
        self.table.key_pressed.connect(self._table_key)
        right_layout.addWidget(self.table, 1)
        self.hint = QLabel("Play the video and press M where each exercise starts.")
        self.hint.setProperty("role", "dim")
        self.hint.setWordWrap(True)
        right_layout.addWidget(self.hint)
        self.form = StepForm(self._names)
        self.form.edited.connect(self._form_edited)
        right_layout.addWidget(self.form)
        self.problems = ProblemsList(empty_hint=EMPTY_HINT)
        self.problems.step_chosen.connect(self.select_step)
        right_layout.addWidget(self.problems)
        self.saved_label = QLabel()
        self.saved_label.setProperty("role", "saved")
        self.saved_label.setWordWrap(True)
        self.saved_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        right_layout.addWidget(self.saved_label)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 6)
        splitter.setSizes([600, 740])

    def _bind_keys(self) -> None:
        bindings: dict[str, Callable[[], object]] = {
            "M": self.mark,
            "R": lambda: self.mark(kind="rest"),
            "Space": self.toggle_play,
            "K": self.player.pause,
            "J": lambda: self.skip(-5.0),
            "L": lambda: self.skip(5.0),
            "Shift+J": lambda: self.skip(-1.0),
            "Shift+L": lambda: self.skip(1.0),
            "[": lambda: self.nudge(-0.1),
            "]": lambda: self.nudge(0.1),
            "{": lambda: self.nudge(-1.0),
            "}": lambda: self.nudge(1.0),
            # Shift+[ arrives as "{" on X11 but as Shift+{ elsewhere; when both match, Qt
            # calls the pair ambiguous, and activatedAmbiguously below still runs it once.
            "Shift+{": lambda: self.nudge(-1.0),
            "Shift+}": lambda: self.nudge(1.0),
            "Delete": self.remove_selected,
            "Ctrl+S": self.save,
            "Escape": self.table.setFocus,
        }
        for key, rate in RATES.items():
            bindings[key] = partial(self.set_rate, rate)
        self._shortcuts = []
        for key, slot in bindings.items():
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)
            shortcut.activatedAmbiguously.connect(slot)
            self._shortcuts.append(shortcut)

    # -- showing the document ------------------------------------------------------------------

    def refresh(self) -> None:
        """Redraw the table, the form and the problems from the document."""
        result = self.document.validate()
        flagged = self.problems.show_result(self.document, result, blocker=self.unplayable)
        selected = self.selected_step()
        self._filling = True
        try:
            self.table.show_steps(
                self.document,
                lambda view: format_timestamp(view.at) if view.at is not None else "?",
                flagged,
            )
        finally:
            self._filling = False
        if self.title_edit.text() != self.document.title:
            self.title_edit.setText(self.document.title)
        self.hint.setVisible(len(self.document) == 0 or self.unplayable is not None)
        self.form.show_step(self.document, selected)
        where = self.document.path.name if self.document.path else "new workout"
        star = " *" if self.document.modified else ""
        self.setWindowTitle(f"Cue editor - {self.document.title or 'untitled'} - {where}{star}")
        self._show_time()

    def _refresh_soon(self) -> None:
        # The form is mid-edit: redraw the table and problems without refilling the form.
        result = self.document.validate()
        flagged = self.problems.show_result(self.document, result, blocker=self.unplayable)
        self._filling = True
        try:
            for view in self.document.steps():
                start = format_timestamp(view.at) if view.at is not None else "?"
                texts = (
                    ("! " if view.index in flagged else "") + start,
                    view.name if view.kind == "exercise" else "Rest",
                    amount_text(view),
                    sides_text(view),
                    rest_text(view),
                )
                for column, text in enumerate(texts):
                    item = self.table.item(view.index, column)
                    if item is not None and item.text() != text:
                        item.setText(text)
        finally:
            self._filling = False
        star = " *" if self.document.modified else ""
        where = self.document.path.name if self.document.path else "new workout"
        self.setWindowTitle(f"Cue editor - {self.document.title or 'untitled'} - {where}{star}")

    def selected_step(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def select_step(self, index: int) -> None:
        if 0 <= index < self.table.rowCount():
            self.table.selectRow(index)
            self.table.setCurrentCell(index, 1)

    def problem_messages(self) -> list[str]:
        return self.problems.messages()

    # -- video ---------------------------------------------------------------------------------

    def now(self) -> float:
        return max(0.0, self.player.clock.now())

    def _refuse(self, problem: str | None) -> None:
        """The video cannot be played: say why and what to do, and mark nothing on it."""
        info = probe_media(self.video)
        reason = info.error or problem or f"{self.video.name} cannot be played."
        self.unplayable = f"This video cannot be played, so no step can be marked on it. {reason}"
        self._playing = False
        if hasattr(self, "_ticker"):
            self._ticker.stop()
        self.player.pause()
        self.document.set_video_length(None)
        surface = self.player.video_widget()
        if isinstance(surface, VideoSurface):
            # The player's own words end "exercises go on with the timer": true in a
            # session, not here, where nothing goes on. Say what holds for the editor.
            surface.set_message(f"Nothing can be marked on this video. {reason}")
        self.hint.setProperty("role", "error")
        self.hint.setText(self.unplayable)
        self.hint.style().unpolish(self.hint)
        self.hint.style().polish(self.hint)
        self.hint.setVisible(True)

    def toggle_play(self) -> None:
        if self.unplayable:
            return
        if self._playing:
            self.player.pause()
        else:
            self.player.play()

    def skip(self, seconds: float) -> None:
        target = max(0.0, self.now() + seconds)
        length = self.document.video_length
        if length is not None:
            target = min(target, length)
        self.player.seek(target)
        self._show_time()

    def set_rate(self, rate: float) -> None:
        self._rate = rate
        self.player.set_rate(rate)
        self._show_time()

    def seek_to_step(self, index: int) -> None:
        if 0 <= index < len(self.document):
            at = self.document.step(index).at
            if at is not None:
                self.player.seek(at)
                self._show_time()

    def _time_changed(self, seconds: float) -> None:
        if self.document.video_length is None and (length := self.player.length()):
            self.document.set_video_length(length)
            self.refresh()
        self._show_time()

    def _playing_changed(self, playing: bool) -> None:
        self._playing = playing
        if playing:
            self._ticker.start()
        else:
            self._ticker.stop()
        self._show_time()

    def _player_error(self, message: str) -> None:
        # The player found the file unplayable while loading or playing it (a file Qt finds
        # cut short mid-way): the same refusal as at opening, in the error colour.
        self._refuse(message)
        self.refresh()

    def _show_time(self) -> None:
        length = self.document.video_length
        total = format_timestamp(length) if length else "--"
        now = 0.0 if self.unplayable else self.now()
        if length:
            now = min(now, length)  # the player's clock may run a frame past the end
        self.clock_label.setText(f"{format_timestamp(now)} / {total}")
        state = "Playing" if self._playing else "Paused"
        self.rate_label.setText(f"{state} at {self._rate:g}x")

    # -- editing -------------------------------------------------------------------------------

    def mark(self, kind: str = "exercise") -> int:
        """Add a step at the current video time (M), or a rest (R); select it.

        Returns the step's index, or -1 when the video cannot be played (nothing marked).
        """
        if self.unplayable:
            self.hint.setVisible(True)
            return -1
        count = len(self.document)
        index = self.document.mark(self.now(), kind="rest" if kind == "rest" else "exercise")
        self.refresh()
        self.select_step(index)
        if len(self.document) > count:
            self.saved_label.clear()
        return index

    def nudge(self, delta: float) -> None:
        index = self.selected_step()
        if index is None:
            return
        self.document.nudge(index, delta)
        self.refresh()
        self.select_step(index)

    def remove_selected(self) -> None:
        index = self.selected_step()
        if index is None:
            return
        self.document.remove_step(index)
        self.refresh()
        if len(self.document):
            self.select_step(min(index, len(self.document) - 1))

    def rename(self, index: int, name: str) -> None:
        self.document.set_name(index, name)
        self.refresh()
        self.select_step(index)

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != 1:
            return
        row = item.row()
        QTimer.singleShot(0, lambda: self.rename(row, item.text()))

    def _selection_changed(self) -> None:
        if not self._filling:
            self.form.show_step(self.document, self.selected_step())

    def _form_edited(self) -> None:
        self._refresh_soon()

    def _title_edited(self, text: str) -> None:
        self.document.set_top("title", text.strip())
        self._refresh_soon()

    def _table_key(self, event: QKeyEvent) -> None:
        index = self.selected_step()
        if index is None:
            return
        if event.key() != Qt.Key.Key_F2:
            self.seek_to_step(index)
        if self.document.step(index).kind == "exercise":
            self.table.setCurrentCell(index, 1)
            item = self.table.item(index, 1)
            if item is not None:
                self.table.editItem(item)

    # -- saving and closing --------------------------------------------------------------------

    def save(self) -> Path | None:
        """Ctrl+S: write the workout and say where, and whether it still has problems."""
        target = save_document(self.document, self.saved_label)
        if target is not None:
            self.refresh()
        return target

    def closeEvent(self, event: QCloseEvent) -> None:
        if (
            self.ask_before_close
            and self.document.modified
            and len(self.document)
            and not may_close(
                self, "The steps you marked are not saved yet. Save them before closing?", self.save
            )
        ):
            event.ignore()
            return
        self._ticker.stop()
        self.player.stop()
        event.accept()
