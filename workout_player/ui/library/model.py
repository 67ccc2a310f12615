"""The workouts the library lists: scanning files, a list model and a filter proxy.

Broken files stay in the list with their first problem, so a typo in a
person's own workout shows up where they look for it instead of vanishing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)

from workout_player import paths
from workout_player.domain.durations import rough_length
from workout_player.ui.library.cache import EntryCache
from workout_player.ui.library.loader import LibraryLoader

if TYPE_CHECKING:
    from workout_player.domain.loader import LoadResult, Problem
    from workout_player.domain.model import Workout
    from workout_player.domain.timeline import Plan

AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Length:
    """How long a workout takes: what the library shows of its plan. (The plan itself, every
    segment of it, was four fifths of a kept entry and of the time to read one back.)"""

    total_seconds: float
    exact: bool
    """False when a self-paced set makes the total a minimum."""


@dataclass(frozen=True)
class Summary:
    """What the library shows and searches of a workout. Opening one reads its file again
    (WorkoutPage.show_file), so the list keeps only this: taking 1,000 whole workouts back
    from the cache was ~70 ms of Python while the window came up."""

    title: str
    level: str | None
    description: str | None
    tags: tuple[str, ...]
    exercises: tuple[str, ...]
    video_led: bool

    @classmethod
    def of(cls, workout: Workout) -> Summary:
        return cls(
            workout.title,
            workout.level,
            workout.description,
            tuple(workout.tags),
            tuple(workout.exercises),
            workout.video_led,
        )


@dataclass(frozen=True)
class WorkoutEntry:
    """One file in the library: what it holds and how long it takes, or why it cannot be read."""

    path: Path
    origin: str  # "bundled" or "mine"
    workout: Summary | None
    length: Length | None
    error: str | None  # "FILE:LINE:COL: message", as `validate` prints it (the tooltip)
    shown_error: str | None = None  # the card's words: the message first, the place after

    @property
    def title(self) -> str:
        return self.workout.title if self.workout else self.path.name

    @property
    def level(self) -> str:
        return (self.workout.level or "") if self.workout else ""

    @property
    def tags(self) -> tuple[str, ...]:
        return self.workout.tags if self.workout else ()

    @property
    def length_text(self) -> str:
        return length_text(self.length) if self.length else ""

    @property
    def search_text(self) -> str:
        """Everything a search may match: title, tags, level, description, exercises."""
        if self.workout is None:
            return f"{self.path.name} {self.error or ''}".casefold()
        w = self.workout
        parts = [w.title, w.level or "", w.description or "", *w.tags, *w.exercises]
        return " ".join(parts).casefold()


class UnreadEntry(WorkoutEntry):
    """A file whose reading raised (an I/O error...): shown as broken, never cached."""


def keep_in_cache(entry: WorkoutEntry) -> bool:
    return not isinstance(entry, UnreadEntry)


def length_text(length: Length | Plan) -> str:
    """'12 min', or 'at least 9 min' when a self-paced set makes the total a minimum."""
    text = rough_length(length.total_seconds)
    return text if length.exact else f"at least {text}"


def load_workout(path: Path) -> LoadResult:
    """domain.loader.load_workout, imported on the first call: the YAML loader (ruamel,
    ~26 ms of imports) is needed only once a file is read, which the library's worker does
    after the window is on screen."""
    from workout_player.domain.loader import load_workout as load

    return load(path)


def load_entry(path: Path, origin: str) -> WorkoutEntry:
    """Read one file; never raises: a file that cannot be read is a broken entry."""
    try:
        # Imported here, as the loader is: the library's worker reads files, not the first paint.
        from workout_player.domain.timeline import build_plan

        result = load_workout(path)
        if result.workout is None:
            errors = [p for p in result.problems if p.severity == "error"]
            first = str(errors[0]) if errors else "cannot be read"
            more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
            shown = card_text(errors[0]) if errors else "It cannot be read."
            more_shown = (
                f" {len(errors) - 1} more problem{'s' if len(errors) > 2 else ''} after it."
                if len(errors) > 1
                else ""
            )
            return WorkoutEntry(path, origin, None, None, first + more, shown + more_shown)
        # Loaded without the video's length, so the checked plan is the plan to show.
        plan = result.plan or build_plan(result.workout)
        length = Length(plan.total_seconds, plan.exact)
        return WorkoutEntry(path, origin, Summary.of(result.workout), length, None)
    except Exception as error:  # a true boundary: one file must never stop the library opening
        return UnreadEntry(
            path, origin, None, None, f"{path}: cannot be read ({type(error).__name__}: {error})"
        )


def card_text(problem: Problem) -> str:
    """ "Steps 1: 'rets' is not a field ...; did you mean 'reps'? (line 4, column 5)." """
    message = problem.message[:1].upper() + problem.message[1:]
    return f"{message} (line {problem.line}, column {problem.column})."


def workout_files() -> list[tuple[Path, str]]:
    """Bundled workouts first, then the person's own (if their folder exists)."""
    files = [(p, "bundled") for p in paths.bundled_workout_files()]
    folder = paths.user_workouts_dir()
    try:
        if folder.is_dir():
            mine = sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")])
            files.extend((p, "mine") for p in mine)
    except (OSError, ValueError):  # a folder that cannot be listed: the bundled ones still show
        pass
    return files


class Role(IntEnum):
    ENTRY = Qt.ItemDataRole.UserRole + 1
    LEVEL = Qt.ItemDataRole.UserRole + 2
    TAGS = Qt.ItemDataRole.UserRole + 3
    LENGTH = Qt.ItemDataRole.UserRole + 4
    ERROR = Qt.ItemDataRole.UserRole + 5
    PATH = Qt.ItemDataRole.UserRole + 6
    ORIGIN = Qt.ItemDataRole.UserRole + 7


_ROLE_VALUES: dict[int, Callable[[WorkoutEntry], object]] = {
    Role.LEVEL: lambda entry: entry.level,
    Role.TAGS: lambda entry: entry.tags,
    Role.LENGTH: lambda entry: entry.length_text,
    Role.ERROR: lambda entry: entry.error,
    Role.PATH: lambda entry: str(entry.path),
    Role.ORIGIN: lambda entry: entry.origin,
}
"""The other roles, each worked out only when asked for (the view asks for many)."""


class WorkoutListModel(QAbstractListModel):
    """The library's rows: one per workout file."""

    loaded = Signal()
    """A scan started by reload() has listed every file."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: list[WorkoutEntry] = []
        self._shown: set[Path] = set()
        """The paths of `_entries`, to know at once whether a file has a row."""
        self._opened: set[Path] = set()
        """Files shown by add_or_replace (opened from elsewhere): a scan keeps them."""
        self._next_row = 0
        # Through the cache: a start after the first lists unchanged files without reading them.
        self._loader = LibraryLoader(EntryCache(load_entry, keep_in_cache), self)
        self._loader.entries_loaded.connect(self._scanned)
        self._loader.finished.connect(self._scan_done)

    @property
    def loading(self) -> bool:
        return self._loader.busy

    def reload(self) -> None:
        """Read every workout file again, off the GUI thread; rows appear as files are read.

        Rows already shown stay (and keep the selection) until their file is read again;
        `loaded` is emitted when the scan is through.
        """
        self._next_row = 0
        self._loader.start(workout_files())

    def _scanned(self, entries: list[WorkoutEntry]) -> None:
        """Show entries of the running scan in file order, replacing their old rows; new
        files next to each other go in with one insert (1,000 cached files: one insert)."""
        new: list[WorkoutEntry] = []
        for entry in entries:
            if self._row_of(entry.path, hint=self._next_row) is None:
                new.append(entry)
                continue
            self._insert(new)  # before it: the rows after shift, so look the row up again
            new = []
            row = self._row_of(entry.path, hint=self._next_row)
            assert row is not None
            self._entries[row] = entry
            index = self.index(row)
            self.dataChanged.emit(index, index)
            self._next_row = max(self._next_row, row + 1)
        self._insert(new)

    def _insert(self, new: list[WorkoutEntry]) -> None:
        if not new:
            return
        row = self._next_row
        self.beginInsertRows(QModelIndex(), row, row + len(new) - 1)
        self._entries[row:row] = new
        self._shown.update(entry.path for entry in new)
        self.endInsertRows()
        self._next_row = row + len(new)

    def _scan_done(self, scanned: list[Path]) -> None:
        """Drop the rows of files that are gone (kept: those opened from elsewhere)."""
        keep = set(scanned) | self._opened
        for row in reversed(range(len(self._entries))):
            if self._entries[row].path not in keep:
                self.beginRemoveRows(QModelIndex(), row, row)
                self._shown.discard(self._entries[row].path)
                del self._entries[row]
                self.endRemoveRows()
        self.loaded.emit()

    def _row_of(self, path: Path, hint: int | None = None) -> int | None:
        # A scan reads the files in the order they are listed, so the row is nearly always
        # the hinted one (or new, at the end): a search of every row only when it is not.
        if hint is not None and hint < len(self._entries) and self._entries[hint].path == path:
            return hint
        if path not in self._shown:
            return None
        return next((row for row, e in enumerate(self._entries) if e.path == path), None)

    def add_or_replace(self, entry: WorkoutEntry) -> int:
        """Show a file opened from elsewhere (Ctrl+O, drop); returns its row."""
        self._opened.add(entry.path)
        found = self._row_of(entry.path)
        if found is not None:
            self._entries[found] = entry
            index = self.index(found)
            self.dataChanged.emit(index, index)
            return found
        row = len(self._entries)
        self.beginInsertRows(QModelIndex(), row, row)
        self._entries.append(entry)
        self._shown.add(entry.path)
        self.endInsertRows()
        return row

    def entries(self) -> list[WorkoutEntry]:
        return list(self._entries)

    def entry(self, row: int) -> WorkoutEntry:
        return self._entries[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        if role == Role.ENTRY:  # first: the delegate asks for it to measure and paint each row
            return entry
        if role == Qt.ItemDataRole.DisplayRole:
            return entry.title
        if role == Qt.ItemDataRole.AccessibleTextRole:
            details = entry.error or ", ".join(
                x for x in (entry.level, entry.length_text, ", ".join(entry.tags)) if x
            )
            return f"{entry.title}: {details}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return entry.error or (entry.workout.description if entry.workout else None)
        value = _ROLE_VALUES.get(role)
        return value(entry) if value is not None else None


class WorkoutFilter(QSortFilterProxyModel):
    """Search text (title, tags, exercises, description) plus level and tag filters."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._level = ""
        self._tag = ""

    def set_search(self, text: str) -> None:
        self._begin()
        self._words = text.casefold().split()
        self._end()

    def set_level(self, level: str) -> None:
        self._begin()
        self._level = level
        self._end()

    def set_tag(self, tag: str) -> None:
        self._begin()
        self._tag = tag
        self._end()

    def _begin(self) -> None:
        # beginFilterChange/endFilterChange exist from Qt 6.10; older Qt only has invalidateFilter.
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()

    def _end(self) -> None:
        if hasattr(self, "endFilterChange"):
            self.endFilterChange()
        else:
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        assert isinstance(model, WorkoutListModel)
        entry = model.entry(source_row)
        if self._level and entry.level != self._level and entry.error is None:
            return False
        if self._tag and self._tag not in entry.tags and entry.error is None:
            return False
        haystack = entry.search_text
        return all(word in haystack for word in self._words)
