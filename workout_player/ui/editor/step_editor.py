"""The step editor: a form for timer-led workouts, with the live plan and its total time.

Steps are added, removed, moved (Alt+Up/Down) and edited in the same form the
cue editor uses; the plan on the right is `timeline.build_plan` of what a save
would write, so the total is the one the player will run.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workout_player import paths
from workout_player.domain.durations import format_clock
from workout_player.domain.model import Workout
from workout_player.domain.timeline import build_plan
from workout_player.editing import WorkoutDocument, known_exercise_names
from workout_player.editing.saving import free_name
from workout_player.ui.editor.look import EDITOR_STYLE, keys_table
from workout_player.ui.editor.save_question import may_close, save_document
from workout_player.ui.editor.step_form import StepForm
from workout_player.ui.editor.step_table import ProblemsList, StepTable
from workout_player.ui.window_size import fit_to_screen

COLUMNS = ("#", "Exercise", "Sets x reps / time", "Sides", "Rest")
PLAN_COLUMNS = ("Start", "What", "Set", "Side", "Length")
KEYS = (
    ("Ctrl+N", "add an exercise"),
    ("Ctrl+R", "add a rest"),
    ("Del", "remove step"),
    ("Alt+Up / Down", "move step"),
    ("F2", "rename"),
    ("Esc", "back to the list"),
    ("Ctrl+S", "save"),
)


class StepEditorWindow(QWidget):
    """Edits a timer-led workout file (or a new one saved to `save_path`)."""

    def __init__(
        self,
        workout_path: str | Path | None = None,
        *,
        save_path: str | Path | None = None,
        known_names: Sequence[str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.ask_before_close = True
        if workout_path is not None:
            self.document = WorkoutDocument.load(Path(workout_path))
        else:
            target = Path(save_path) if save_path is not None else None
            self.document = WorkoutDocument.new_timer_led("My workout", target)
        names = list(known_names) if known_names is not None else known_exercise_names()
        self._names = sorted({*names, *self.document.exercise_names()}, key=str.casefold)
        self._filling = False
        self._build()
        self._bind_keys()
        self.refresh()
        if len(self.document):
            self.select_step(0)
        self.table.setFocus()

    def _build(self) -> None:
        self.setStyleSheet(EDITOR_STYLE)
        fit_to_screen(self, QSize(1366, 768))  # at most the screen it opens on
        outer = QHBoxLayout(self)
        left = QVBoxLayout()
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("Workout title")
        self.title_edit.textEdited.connect(self._title_edited)
        left.addWidget(self.title_edit)
        self.table = StepTable(COLUMNS, self._names)
        self.table.itemChanged.connect(self._item_changed)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.key_pressed.connect(self._table_key)
        left.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        for text, slot in (
            ("Add exercise", self.add_exercise),
            ("Add rest", self.add_rest),
            ("Remove", self.remove_selected),
            ("Up", lambda: self.move_selected(-1)),
            ("Down", lambda: self.move_selected(1)),
        ):
            button = QPushButton(text)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        left.addLayout(buttons)
        self.form = StepForm(self._names)
        self.form.edited.connect(self._form_edited)
        left.addWidget(self.form)
        keys = QLabel(keys_table(KEYS, columns=2))
        keys.setProperty("role", "keys")
        keys.setWordWrap(True)
        left.addWidget(keys)
        outer.addLayout(left, 6)

        right = QVBoxLayout()
        self.total_label = QLabel()
        self.total_label.setProperty("role", "clock")
        right.addWidget(self.total_label)
        self.plan_table = QTableWidget(0, len(PLAN_COLUMNS))
        self.plan_table.setHorizontalHeaderLabels(list(PLAN_COLUMNS))
        self.plan_table.verticalHeader().setVisible(False)
        self.plan_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.plan_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        plan_header = self.plan_table.horizontalHeader()
        plan_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        plan_header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        right.addWidget(self.plan_table, 1)
        self.problems = ProblemsList()
        self.problems.step_chosen.connect(self.select_step)
        right.addWidget(self.problems)
        self.saved_label = QLabel()
        self.saved_label.setProperty("role", "saved")
        self.saved_label.setWordWrap(True)
        right.addWidget(self.saved_label)
        outer.addLayout(right, 5)

    def _bind_keys(self) -> None:
        bindings = {
            "Ctrl+N": self.add_exercise,
            "Insert": self.add_exercise,
            "Ctrl+R": self.add_rest,
            "Delete": self.remove_selected,
            "Alt+Up": lambda: self.move_selected(-1),
            "Alt+Down": lambda: self.move_selected(1),
            "Ctrl+S": self.save,
            "Escape": self.table.setFocus,
        }
        self._shortcuts = []
        for key, slot in bindings.items():
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.activated.connect(slot)
            self._shortcuts.append(shortcut)

    # -- showing -------------------------------------------------------------------------------

    def refresh(self, *, refill_form: bool = True) -> None:
        result = self.document.validate()
        flagged = self.problems.show_result(self.document, result)
        selected = self.selected_step()
        self._filling = True
        try:
            self.table.show_steps(self.document, lambda view: str(view.index + 1), flagged)
        finally:
            self._filling = False
        if self.title_edit.text() != self.document.title:
            self.title_edit.setText(self.document.title)
        if refill_form:
            self.form.show_step(self.document, selected)
        self._show_plan(result.workout)
        where = self.document.path.name if self.document.path else "new workout"
        star = " *" if self.document.modified else ""
        self.setWindowTitle(f"Step editor - {self.document.title or 'untitled'} - {where}{star}")

    def _show_plan(self, workout: object) -> None:
        if not isinstance(workout, Workout):
            self.total_label.setText("Total: fix the problems below to see the plan")
            self.plan_table.setRowCount(0)
            return
        plan = build_plan(workout)
        prefix = "Total" if plan.exact else "Total at least"
        self.total_label.setText(f"{prefix} {format_clock(plan.total_seconds)}")
        self.plan_table.setRowCount(len(plan.segments))
        for row, segment in enumerate(plan.segments):
            what = segment.kind.capitalize()
            if segment.kind == "work" and segment.exercise:
                what = segment.exercise
            elif segment.kind == "countdown" and segment.exercise:
                what = f"Get ready: {segment.exercise}"
            sets = f"{segment.set} / {segment.sets}" if segment.set and segment.sets else ""
            length = "self-paced" if segment.duration is None else format_clock(segment.duration)
            cells = (format_clock(segment.start), what, sets, segment.side or "", length)
            for column, text in enumerate(cells):
                self.plan_table.setItem(row, column, QTableWidgetItem(text))

    def selected_step(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def select_step(self, index: int) -> None:
        if 0 <= index < self.table.rowCount():
            self.table.selectRow(index)
            self.table.setCurrentCell(index, 1)

    def total_text(self) -> str:
        return self.total_label.text()

    def problem_messages(self) -> list[str]:
        return self.problems.messages()

    # -- editing -------------------------------------------------------------------------------

    def add_exercise(self) -> int:
        index = self.document.add_step(self.selected_step(), "exercise")
        self.refresh()
        self.select_step(index)
        return index

    def add_rest(self) -> int:
        index = self.document.add_step(self.selected_step(), "rest")
        self.refresh()
        self.select_step(index)
        return index

    def remove_selected(self) -> None:
        index = self.selected_step()
        if index is None:
            return
        self.document.remove_step(index)
        self.refresh()
        if len(self.document):
            self.select_step(min(index, len(self.document) - 1))

    def move_selected(self, offset: int) -> None:
        index = self.selected_step()
        if index is None:
            return
        moved = self.document.move_step(index, index + offset)
        self.refresh()
        self.select_step(moved)

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != 1:
            return
        self.document.set_name(item.row(), item.text())
        self.refresh()

    def _selection_changed(self) -> None:
        if not self._filling:
            self.form.show_step(self.document, self.selected_step())

    def _form_edited(self) -> None:
        self.refresh(refill_form=False)

    def _title_edited(self, text: str) -> None:
        self.document.set_top("title", text.strip())
        self.refresh(refill_form=False)

    def _table_key(self, event: QKeyEvent) -> None:
        index = self.selected_step()
        if index is not None and self.document.step(index).kind == "exercise":
            self.table.setCurrentCell(index, 1)
            item = self.table.item(index, 1)
            if item is not None:
                self.table.editItem(item)

    # -- saving --------------------------------------------------------------------------------

    def save(self) -> Path | None:
        if self.document.path is None:
            slug = "".join(c if c.isalnum() else "-" for c in self.document.title.lower())
            folder = paths.user_workouts_dir()
            self.document.path = free_name(folder, slug.strip("-") or "my-workout")
        target = save_document(self.document, self.saved_label)
        if target is not None:
            self.refresh()
        return target

    def closeEvent(self, event: QCloseEvent) -> None:
        if (
            self.ask_before_close
            and self.document.modified
            and not may_close(
                self, "Your changes are not saved yet. Save them before closing?", self.save
            )
        ):
            event.ignore()
            return
        event.accept()
