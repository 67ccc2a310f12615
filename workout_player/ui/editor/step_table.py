"""The editors' lists: the steps table (exercise names complete as one types) and the problems."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from workout_player.domain.loader import LoadResult
from workout_player.editing import StepView, WorkoutDocument
from workout_player.ui import theme
from workout_player.ui.editor.step_text import amount_text, rest_text, sides_text

COMPLETER_POPUP_STYLE = (
    "QListView { padding: 0px; border: 1px solid #3c424a; border-radius: 0px; }"
    " QListView::item { padding: 4px 6px; }"
)


def make_completer(names: Sequence[str], parent: QWidget) -> QCompleter:
    completer = QCompleter(QStringListModel(list(names), parent), parent)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    # QCompleter sizes its popup from the rows alone; the theme's padding and border for
    # list views would eat all but one row of it, so the popup has none of its own.
    popup = completer.popup()
    if popup is not None:  # QCompleter makes its popup on first use; None only in theory
        popup.setStyleSheet(COMPLETER_POPUP_STYLE)
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

    def __init__(self, parent: QWidget | None = None, *, empty_hint: str | None = None) -> None:
        """`empty_hint`: said instead of the loader's "steps must be a list" while the
        workout has no steps yet (a new one)."""
        super().__init__(parent)
        self._empty_hint = empty_hint
        self.setObjectName("problems")
        self.setMaximumHeight(120)
        self.setWordWrap(True)
        self.itemActivated.connect(self._activated)
        self.itemClicked.connect(self._activated)

    def show_result(
        self, document: WorkoutDocument, result: LoadResult, *, blocker: str | None = None
    ) -> set[int]:
        """Fill the list; return the steps that have a problem.

        `blocker` is a reason the workout cannot be played whatever its steps (the video
        cannot be played): it comes first, and "ready to play" is never said with it. A
        workout without steps yet gets the `empty_hint` instead of "steps must be a list".
        """
        self.clear()
        flagged: set[int] = set()
        if blocker:
            item = QListWidgetItem(blocker)
            item.setForeground(_colour(theme.DANGER))
            self.addItem(item)
        problems = result.problems
        if len(document) == 0 and self._empty_hint:
            problems = tuple(p for p in problems if not p.message.startswith("steps "))
            if not blocker:  # "press M" is no advice when nothing can be marked
                item = QListWidgetItem(self._empty_hint)
                item.setForeground(_colour(theme.TEXT_DIM))
                self.addItem(item)
        for problem in problems:
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
        if not problems and not blocker and self.count() == 0:
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
