"""Table models of the history screen: sessions (lazy, paged from SQL) and one session's sets.

The sessions model never holds more than the rows the view has scrolled to: Qt asks
`canFetchMore()`/`fetchMore()` as the list scrolls, and each call reads one page with
LIMIT/OFFSET through the store. The total comes from one COUNT, so the scroll bar is
honest from the start while 100,000 sessions stay on disk.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from workout_player.domain.durations import format_clock
from workout_player.domain.step_summary import sets_done
from workout_player.store import HistoryFilter, SessionRow, Store

PAGE_SIZE = 200

_Index = QModelIndex | QPersistentModelIndex

STATUS_TEXT = {
    "completed": "Completed",
    "stopped": "Stopped early",
    "interrupted": "Interrupted",
    "in_progress": "In progress",
}


def as_datetime(value: object) -> datetime | None:
    """Stored times arrive as ISO 8601 strings (or datetimes); show them in local time."""
    if value is None or value == "":
        return None
    when = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return when.astimezone() if when.tzinfo else when


def format_day(value: object) -> str:
    """With the weekday, for headings: "Mon 23 Nov 2026 18:04"."""
    when = as_datetime(value)
    return when.strftime("%a %d %b %Y %H:%M") if when else ""


def format_when(value: object) -> str:
    """Compact, for the list: "23 Nov 2026 18:04"."""
    when = as_datetime(value)
    return when.strftime("%d %b %Y %H:%M") if when else ""


def format_pain(before: object, after: object) -> str:
    if before is None and after is None:
        return ""
    left = "-" if before is None else str(before)
    right = "-" if after is None else str(after)
    return f"{left} \u2192 {right}"


def format_reps(done: object, target: object) -> str:
    if done is None and target is None:
        return ""
    if target is None:
        return str(done)
    return f"{'-' if done is None else done} / {target}"


def _alignment(centred: bool) -> int:
    """Numbers centred, words from the left; headers aligned like their column."""
    flag = Qt.AlignmentFlag.AlignCenter if centred else Qt.AlignmentFlag.AlignLeft
    return int(flag | Qt.AlignmentFlag.AlignVCenter)


class SessionsModel(QAbstractTableModel):
    """Sessions newest first, filtered by workout and date range, loaded a page at a time."""

    HEADERS = ("Date", "Workout", "Duration", "Status", "Pain")

    def __init__(self, store: Store, *, page_size: int = PAGE_SIZE, parent: Any = None) -> None:
        super().__init__(parent)
        self._store = store
        self._page_size = page_size
        self._rows: list[SessionRow] = []
        self._total = 0
        self._filter = HistoryFilter()
        self.refresh()

    # -- filters and loading -------------------------------------------------------------
    def set_filter(self, flt: HistoryFilter) -> None:
        self._filter = flt
        self.refresh()

    def history_filter(self) -> HistoryFilter:
        return self._filter

    def refresh(self) -> None:
        """Drop the loaded rows and count again (after filters change or new sessions)."""
        self.beginResetModel()
        self._rows = []
        self._total = self._store.count_sessions(self._filter)
        self.endResetModel()
        if self._total:
            self.fetchMore(QModelIndex())

    def total(self) -> int:
        return self._total

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        page = self._store.sessions(self._filter, limit=self._page_size, offset=len(self._rows))
        if not page:  # rows were deleted meanwhile: stop asking
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    # -- access --------------------------------------------------------------------------
    def session(self, row: int) -> SessionRow:
        return self._rows[row]

    def row_of(self, session_id: int) -> int | None:
        for row, session in enumerate(self._rows):
            if session.id == session_id:
                return row
        return None

    def update_session(self, session_id: int, fields: Mapping[str, Any]) -> None:
        """Reflect an edit made elsewhere (the feedback editor) without reloading."""
        row = self.row_of(session_id)
        if row is None:
            return
        self._rows[row] = replace(self._rows[row], **fields)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.HEADERS) - 1))

    def remove_session(self, session_id: int) -> None:
        """Drop a deleted session from the list without reading the page again."""
        row = self.row_of(session_id)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self._total = max(0, self._total - 1)
        self.endRemoveRows()

    # -- Qt model API --------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _alignment(section in (2, 4))
        if role == Qt.ItemDataRole.ToolTipRole and section == 4:
            return "Pain before \u2192 after (0 none, 10 worst)"
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        session = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(session, column)
        if role == Qt.ItemDataRole.UserRole:
            return session.id
        if role == Qt.ItemDataRole.ToolTipRole and column == 1:
            return session.workout  # the full title when the column is too narrow
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _alignment(column in (2, 4))
        return None

    @staticmethod
    def _text(session: SessionRow, column: int) -> str:
        if column == 0:
            return format_when(session.started_at)
        if column == 1:
            return session.workout
        if column == 2:
            seconds = session.duration_seconds
            return format_clock(seconds) if seconds is not None else ""
        if column == 3:
            return STATUS_TEXT.get(session.status, session.status)
        return format_pain(session.pain_before, session.pain_after)


class RowsModel(QAbstractTableModel):
    """A small read-only table of dict rows with a formatter per column."""

    def __init__(self, columns: Sequence[tuple[str, Any]], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)  # (header, row -> str)
        self._rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section][0]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _alignment(section > 0)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[index.column()][1](self._rows[index.row()])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _alignment(index.column() > 0)
        return None


def sets_model(parent: Any = None) -> RowsModel:
    """One row per finished set of a session."""
    return RowsModel(
        [
            ("Exercise", lambda r: r.exercise),
            ("Set", lambda r: str(r.set)),
            ("Side", lambda r: r.side or ""),
            ("Reps", lambda r: format_reps(r.reps_done, r.reps_target)),
            ("Time", lambda r: format_clock(r.seconds)),
        ],
        parent,
    )


def exercise_summary_model(parent: Any = None) -> RowsModel:
    """One row per exercise of a session: sets, reps and time under work or hold."""
    return RowsModel(
        [
            ("Exercise", lambda r: r.exercise),
            ("Sets", lambda r: sets_done(r.sets, r.each_side)),
            ("Reps", lambda r: str(r.reps) if r.reps else ""),
            ("Time", lambda r: format_clock(r.seconds)),
        ],
        parent,
    )
