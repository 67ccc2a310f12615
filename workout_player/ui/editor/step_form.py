"""The step form: every field of the selected step, shared by both editors.

The form writes every change straight into the WorkoutDocument and says so with
`edited`; the window then re-validates, so problems show up while one types.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from workout_player.domain.model import Sides
from workout_player.domain.sides import SIDES_CHOICES
from workout_player.editing import WorkoutDocument
from workout_player.ui.editor.step_table import make_completer
from workout_player.ui.editor.step_text import number_text


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
