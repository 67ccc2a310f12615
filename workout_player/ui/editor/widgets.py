"""Parts both editors share: the step form, the problems list and the steps table's text.

The form writes every change straight into the WorkoutDocument and says so with
`edited`; the window then re-validates, so problems show up while one types.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from workout_player.domain.loader import LoadResult
from workout_player.domain.model import Sides
from workout_player.domain.sides import SIDES_CHOICES, SIDES_TEXT
from workout_player.domain.step_summary import amount_summary
from workout_player.editing import DocumentError, StepView, WorkoutDocument
from workout_player.ui import theme

EDITOR_STYLE = f"""
QTableWidget {{ font-size: 18px; gridline-color: #3c424a; }}
QTableWidget::item:selected {{ background-color: #1565c0; }}
QHeaderView::section {{
    background-color: {theme.SURFACE_HIGH}; color: {theme.TEXT}; font-size: 16px;
    font-weight: 700; border: none; padding: 6px;
}}
QLabel[role="saved"] {{ color: {theme.REST}; font-size: 18px; font-weight: 700; }}
QLabel[role="keys"] {{ color: {theme.TEXT_DIM}; font-size: 15px; }}
QLabel[role="clock"] {{ font-size: 30px; font-weight: 700; }}
QLabel[role="rate"] {{ font-size: 22px; font-weight: 600; color: {theme.ACCENT}; }}
QListWidget#problems {{ font-size: 16px; }}
QDoubleSpinBox {{
    background-color: {theme.SURFACE}; border: 2px solid #3c424a; border-radius: 6px; padding: 6px;
}}
QDoubleSpinBox:focus, QSpinBox:focus {{ border-color: {theme.ACCENT}; }}
QDoubleSpinBox, QSpinBox {{ min-width: 90px; }}
"""


def keys_table(keys: Sequence[tuple[str, str]], columns: int) -> str:
    """The editor's keys as a small HTML table: key in bold, then what it does."""
    cells = [f"<td><b>{key}</b></td><td>{text}&nbsp;&nbsp;</td>" for key, text in keys]
    rows = ["".join(cells[i : i + columns]) for i in range(0, len(cells), columns)]
    body = "".join(f"<tr>{row}</tr>" for row in rows)
    return f"<table cellspacing='0' cellpadding='2'>{body}</table>"


def saved_message(target: Path, document: WorkoutDocument) -> str:
    """`Saved to FILE.`, and how many problems still stop it from playing."""
    errors = [p for p in document.validate().problems if p.severity == "error"]
    if not errors:
        return f"Saved to {target}."
    return f"Saved to {target}. Fix the {len(errors)} problem(s) listed before playing it."


def save_document(document: WorkoutDocument, label: QLabel) -> Path | None:
    """Ctrl+S in either editor: write the file and say where, and whether it still has
    problems (a workout with problems is saved anyway, so nothing typed is lost)."""
    try:
        target = document.save()
    except DocumentError as error:
        label.setText(f"Not saved: {error}")
        return None
    errors = [p for p in document.validate().problems if p.severity == "error"]
    note = f" Fix the {len(errors)} problem(s) listed above before playing it." if errors else ""
    label.setText(f"Saved to {target}.{note}")
    return target


def may_close(parent: QWidget, question: str, save: Callable[[], Path | None]) -> bool:
    """Ask Save / Discard / Cancel about unsaved changes; False keeps the window open."""
    answer = QMessageBox.question(
        parent,
        "Save the workout?",
        question,
        QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel,
    )
    if answer == QMessageBox.StandardButton.Cancel:
        return False
    return answer != QMessageBox.StandardButton.Save or save() is not None


def number_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def amount_text(view: StepView) -> str:
    """`3 x 10 reps at your pace`, `45 s`, `30 s` (a rest): what the step asks for, in the table."""
    if view.kind == "rest":
        return f"{number_text(view.rest)} s" if view.rest is not None else ""
    return amount_summary(
        sets=view.sets, reps=view.reps, duration=view.duration, hold=view.hold, tempo=view.tempo
    )


def sides_text(view: StepView) -> str:
    if view.kind == "rest" or view.sides in (None, "none"):
        return ""
    return SIDES_TEXT.get(view.sides) or str(view.sides)


def rest_text(view: StepView) -> str:
    if view.kind == "rest" or view.rest in (None, 0):
        return ""
    return f"{number_text(view.rest)} s"


def make_completer(names: Sequence[str], parent: QWidget) -> QCompleter:
    completer = QCompleter(QStringListModel(list(names), parent), parent)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    return completer


class NameDelegate(QStyledItemDelegate):
    """Edits the exercise column with a line edit that completes known exercise names."""

    def __init__(self, names: Sequence[str], parent: QWidget) -> None:
        super().__init__(parent)
        self.names = list(names)

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        editor = QLineEdit(parent)
        editor.setCompleter(make_completer(self.names, editor))
        return editor


class ProblemsList(QListWidget):
    """The loader's problems in words a person reads: which step, and what to change.

    Activating a problem emits `step_chosen` with its step, so the window can select it.
    """

    step_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problems")
        self.setMaximumHeight(120)
        self.setWordWrap(True)
        self.itemActivated.connect(self._activated)
        self.itemClicked.connect(self._activated)

    def show_result(self, document: WorkoutDocument, result: LoadResult) -> set[int]:
        """Fill the list; return the steps that have a problem."""
        self.clear()
        flagged: set[int] = set()
        for problem in result.problems:
            step = document.step_for_line(problem.line)
            where = "Workout" if step is None else f"Step {step + 1}"
            if step is not None:
                flagged.add(step)
                view = document.step(step)
                where += f" ({view.name})" if view.name else ""
            prefix = "Warning: " if problem.severity == "warning" else ""
            item = QListWidgetItem(f"{where}: {prefix}{problem.message}")
            item.setData(Qt.ItemDataRole.UserRole, step)
            colour = theme.WARN if problem.severity == "warning" else theme.DANGER
            item.setForeground(_colour(colour))
            self.addItem(item)
        if not result.problems:
            item = QListWidgetItem("No problems: this workout is ready to play.")
            item.setForeground(_colour(theme.REST))
            self.addItem(item)
        return flagged

    def messages(self) -> list[str]:
        return [self.item(row).text() for row in range(self.count())]

    def _activated(self, item: QListWidgetItem) -> None:
        step = item.data(Qt.ItemDataRole.UserRole)
        if isinstance(step, int):
            self.step_chosen.emit(step)


def _colour(name: str) -> Any:
    from PySide6.QtGui import QBrush, QColor

    return QBrush(QColor(name))


class StepTable(QTableWidget):
    """The steps, one per row; Enter and F2 are the window's to handle (seek, rename)."""

    key_pressed = Signal(QKeyEvent)

    def __init__(
        self, headers: Sequence[str], names: Sequence[str], parent: QWidget | None = None
    ) -> None:
        """`headers`: column titles (column 1 is the exercise, stretched, and completes
        from `names` when edited)."""
        super().__init__(0, len(headers), parent)
        self.setHorizontalHeaderLabels(list(headers))
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.setItemDelegateForColumn(1, NameDelegate(names, self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setStretchLastSection(False)
        self.setAlternatingRowColors(False)
        self.setTabKeyNavigation(False)

    def show_steps(
        self,
        document: WorkoutDocument,
        first_column: Callable[[StepView], str],
        flagged: Collection[int],
    ) -> None:
        """One row per step: `first_column(step)` (time or number, "! " when it has a
        problem), name (editable for exercises), amount, sides, rest."""
        self.setRowCount(len(document))
        for view in document.steps():
            cells = (
                ("! " if view.index in flagged else "") + first_column(view),
                view.name if view.kind == "exercise" else "Rest",
                amount_text(view),
                sides_text(view),
                rest_text(view),
            )
            for column, text in enumerate(cells):
                item = self.item(view.index, column)
                if item is None:
                    item = QTableWidgetItem()
                    self.setItem(view.index, column, item)
                item.setText(text)
                flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
                if column == 1 and view.kind == "exercise":
                    flags |= Qt.ItemFlag.ItemIsEditable
                item.setFlags(flags)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2) and (
            self.state() != QAbstractItemView.State.EditingState
        ):
            self.key_pressed.emit(event)
            return
        super().keyPressEvent(event)


class StepForm(QWidget):
    """Every field of the selected step. Empty or default values remove their key."""

    edited = Signal()

    def __init__(self, names: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._document: WorkoutDocument | None = None
        self._index: int | None = None
        self._filling = False
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setVerticalSpacing(6)
        self.form = form

        self.name = QLineEdit()
        self.name.setPlaceholderText("Exercise name")
        self.name.setCompleter(make_completer(names, self.name))
        self.name.textEdited.connect(self._name_edited)
        form.addRow("&Exercise", self.name)

        self.count = QDoubleSpinBox()
        self.count.setRange(1, 3600)
        self.count.setDecimals(0)
        self.unit = QComboBox()
        self.unit.addItems(["reps", "seconds"])
        self.sets = QSpinBox()
        self.sets.setRange(1, 50)
        self.sets.setPrefix("sets ")
        count_row = QHBoxLayout()
        count_row.addWidget(self.count)
        count_row.addWidget(self.unit)
        count_row.addWidget(self.sets)
        self.count_label = QLabel("&Count")
        self.count_label.setBuddy(self.count)
        form.addRow(self.count_label, count_row)
        self.count.valueChanged.connect(lambda _value: self._count_edited())
        self.unit.currentIndexChanged.connect(lambda _index: self._count_edited())
        self.sets.valueChanged.connect(
            lambda value: self._set("sets", value if value > 1 else None)
        )

        self.sides = QComboBox()
        for key, label in SIDES_CHOICES.items():
            self.sides.addItem(label, key)
        self.sides.currentIndexChanged.connect(self._sides_edited)
        self.rest = _seconds_box("no rest")
        self.rest.valueChanged.connect(lambda value: self._set("rest", value or None))
        sides_row = QHBoxLayout()
        sides_row.addWidget(self.sides)
        rest_label = QLabel("&Rest between sets")
        rest_label.setBuddy(self.rest)
        sides_row.addWidget(rest_label)
        sides_row.addWidget(self.rest)
        sides_label = QLabel("Si&des")
        sides_label.setBuddy(self.sides)
        form.addRow(sides_label, sides_row)

        self.tempo = QLineEdit()
        self.tempo.setPlaceholderText("e.g. 2, 1, 2 (lower, pause, lift)")
        self.tempo.textEdited.connect(self._tempo_edited)
        self.hold = _seconds_box("no hold")
        self.hold.valueChanged.connect(lambda value: self._set("hold", value or None))
        tempo_row = QHBoxLayout()
        tempo_row.addWidget(self.tempo, 1)
        hold_label = QLabel("&Hold")
        hold_label.setBuddy(self.hold)
        tempo_row.addWidget(hold_label)
        tempo_row.addWidget(self.hold)
        self.tempo_label = QLabel("&Tempo")
        self.tempo_label.setBuddy(self.tempo)
        form.addRow(self.tempo_label, tempo_row)

        self.cue = QLineEdit()
        self.cue.setPlaceholderText("Coaching cue, shown and spoken (optional)")
        self.cue.textEdited.connect(lambda text: self._set("cue", text.strip() or None))
        form.addRow("C&ue", self.cue)
        # One width for every label: rows hidden for rest steps must not shift the fields.
        labels: list[QWidget] = [self.count_label, sides_label, self.tempo_label]
        labels += [w for f in (self.name, self.cue) if (w := form.labelForField(f)) is not None]
        width = max(widget.sizeHint().width() for widget in labels) + 12
        for widget in labels:
            widget.setMinimumWidth(width)
        self.setEnabled(False)

    # -- showing a step ------------------------------------------------------------------------

    def show_step(self, document: WorkoutDocument, index: int | None) -> None:
        self._document = document
        self._index = index if index is not None and 0 <= index < len(document) else None
        self.setEnabled(self._index is not None)
        self._filling = True
        try:
            if self._index is None:
                self.name.clear()
                return
            view = document.step(self._index)
            exercise = view.kind == "exercise"
            for row in (0, 2, 3):
                self.form.setRowVisible(row, exercise)
            self.name.setText(view.name if exercise else "")
            timed = view.reps is None
            amount = view.duration if exercise and timed else view.reps
            if not exercise:
                amount = view.rest
            seconds = timed or not exercise
            self.count.setDecimals(1 if seconds else 0)
            self.count.setMinimum(0.1 if seconds else 1)
            self.count.setValue(_float(amount) or 1.0)
            self.unit.setCurrentIndex(1 if seconds else 0)
            self.unit.setEnabled(exercise)
            self.sets.setVisible(exercise)
            self.sets.setValue(_int(view.sets, 1))
            self.count_label.setText("&Count" if exercise else "&Rest")
            sides: Sides = view.sides if view.sides in SIDES_CHOICES else "none"
            self.sides.setCurrentIndex(list(SIDES_CHOICES).index(sides))
            self.rest.setValue(_float(view.rest) if exercise else 0.0)
            tempo = view.tempo
            if isinstance(tempo, list | tuple):
                self.tempo.setText(", ".join(number_text(part) for part in tempo))
            else:
                self.tempo.setText("" if tempo is None else number_text(tempo))
            self.hold.setValue(_float(view.hold))
            self.cue.setText("" if view.cue is None else str(view.cue))
        finally:
            self._filling = False

    # -- writing edits -------------------------------------------------------------------------

    def _set(self, key: str, value: Any) -> None:
        if self._filling or self._document is None or self._index is None:
            return
        self._document.set_field(self._index, key, value)
        self.edited.emit()

    def _name_edited(self, text: str) -> None:
        if self._filling or self._document is None or self._index is None:
            return
        self._document.set_name(self._index, text)
        self.edited.emit()

    def _count_edited(self) -> None:
        if self._filling or self._document is None or self._index is None:
            return
        view = self._document.step(self._index)
        seconds = view.kind == "rest" or self.unit.currentIndex() == 1
        if self.count.decimals() != (1 if seconds else 0):
            self._filling = True
            self.count.setDecimals(1 if seconds else 0)
            self.count.setMinimum(0.1 if seconds else 1)
            self._filling = False
        value: float = round(self.count.value(), 1)
        if not seconds:
            value = max(1, round(value))
        if view.kind == "rest":
            self._document.set_field(self._index, "rest", value)
        elif self.unit.currentIndex() == 1:
            self._document.set_duration(self._index, value)
        else:
            self._document.set_reps(self._index, value)
        self.edited.emit()

    def _sets_edited(self, value: int) -> None:
        self._set("sets", value if value > 1 else None)

    def _sides_edited(self) -> None:
        key = self.sides.currentData()
        self._set("sides", None if key == "none" else key)

    def _tempo_edited(self, text: str) -> None:
        """`2, 1, 2` becomes a list; anything else is kept as typed for the loader to explain."""
        parts = [
            part for part in text.replace(";", ",").replace("-", ",").split(",") if part.strip()
        ]
        value: Any = None
        try:
            numbers = [float(part) for part in parts]
            value = numbers[0] if len(numbers) == 1 else numbers or None
        except ValueError:
            value = text.strip()
        if isinstance(value, list):
            value = [int(n) if n.is_integer() else n for n in value]
        elif isinstance(value, float) and value.is_integer():
            value = int(value)
        self._set("tempo", value)


def _seconds_box(zero_text: str) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(0, 3600)
    box.setDecimals(0)
    box.setSuffix(" s")
    box.setSpecialValueText(zero_text)
    return box


def _int(value: Any, default: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return default
    return max(1, round(value))


def _float(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return 0.0
    return float(value)
