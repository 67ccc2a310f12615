"""A date box for the history filters that can also say "Any" (no limit)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject
from PySide6.QtWidgets import QDateEdit, QWidget

#: The earliest date a filter can pick; showing it means "no limit" ("Any").
NO_DATE = QDate(2000, 1, 1)


class FilterDateEdit(QDateEdit):
    """QDateEdit with an empty state: its minimum date reads "Any" and means no limit.

    From "Any", the arrow keys and the calendar start at today rather than at the
    sentinel year 2000.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("d MMM yyyy")
        self.setMinimumDate(NO_DATE)
        self.setSpecialValueText("Any")
        self.setDate(NO_DATE)
        self.setMinimumWidth(150)
        self.calendarWidget().installEventFilter(self)

    def value(self) -> date | None:
        chosen = self.date()
        if chosen == NO_DATE:
            return None
        return date(chosen.year(), chosen.month(), chosen.day())

    def clear_value(self) -> None:
        self.setDate(NO_DATE)

    def stepBy(self, steps: int) -> None:
        if self.date() == NO_DATE and steps > 0:
            self.setDate(QDate.currentDate())
        else:
            super().stepBy(steps)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and self.date() == NO_DATE:
            today = QDate.currentDate()
            self.calendarWidget().setCurrentPage(today.year(), today.month())
        return super().eventFilter(watched, event)
