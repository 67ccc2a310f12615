"""Saving from either editor, and the Save / Discard / Cancel question before one closes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from workout_player.editing import DocumentError, WorkoutDocument


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
