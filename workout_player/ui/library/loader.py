"""Read the library's workout files on a worker thread, handing each entry over as it is read.

A person's workouts folder may hold anything (a 1 MiB file, hundreds of files, a file on a
slow disk), so reading happens on Qt's global thread pool and the window stays live.
Entries are handed over in batches: the worker adds each one to a list under a lock and
signals only when the list was empty, so while the GUI thread is busy entries pile up and
arrive together (1,000 cached files: one signal, one row insert). The first FIRST_ENTRIES show
the moment they are read; after that each handover waits HANDOVER_MS after the one before, as
each makes the list measure every row again. A new scan makes the old one stop between two files,
and its late entries are ignored. A `load` with a `scan()` context (ui/library/cache.py)
is entered once per scan on the worker, and told `complete()` when the scan went through.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from PySide6.QtCore import QObject, Qt, QThreadPool, QTimer, Signal

Load = Callable[[Path, str], Any]
"""Reads one file (path, origin) into an entry; must not raise (load_entry does not)."""

HANDOVER_MS = 100
"""Least time between two handovers of one scan. Each handover lays the whole list out
again (a broken file's card is taller, so the view measures every row): 1,000 files read
while the GUI thread is idle, handed over as they come, were ~100 layouts and ~56,000 row
measurements, more GUI time than reading the files took."""
FIRST_ENTRIES = 20
"""Entries of a scan handed over as they come, without a pause: more than a window shows
(cards are 84 px high), and a list this short costs nothing to lay out again."""


@runtime_checkable
class ScanLoad(Protocol):
    """A Load that prepares for a whole scan (reads a cache) and hears when it went through."""

    def __call__(self, path: Path, origin: str) -> Any: ...

    def scan(self) -> AbstractContextManager[Any]: ...


class _Relay(QObject):
    """Carries results from the worker to the GUI thread (queued: it lives in the GUI thread)."""

    ready = Signal(int)  # scan number: entries wait in its batch
    done = Signal(int)


class _Batch:
    """Entries read and not yet taken by the GUI thread (shared with the worker, locked)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._entries: list[Any] = []

    def add(self, entry: Any) -> bool:
        """Add one; True when the batch was empty (then the GUI thread must be told)."""
        with self._lock:
            self._entries.append(entry)
            return len(self._entries) == 1

    def take(self) -> list[Any]:
        with self._lock:
            entries, self._entries = self._entries, []
            return entries


def _scan(
    number: int,
    files: list[tuple[Path, str]],
    load: Load,
    relay: _Relay,
    batch: _Batch,
    stop: threading.Event,
) -> None:
    """The worker: every file's entry into the batch, stopping between files when told to."""
    context: AbstractContextManager[Any] = (
        load.scan() if isinstance(load, ScanLoad) else nullcontext(load)
    )
    with context as read:
        for path, origin in files:
            if stop.is_set():
                return
            if batch.add(read(path, origin)):
                relay.ready.emit(number)
        complete = getattr(read, "complete", None)
        if complete is not None:
            complete()
    relay.done.emit(number)


class LibraryLoader(QObject):
    """Scans a list of files off the GUI thread; `entry_loaded` then `finished`, in order."""

    entries_loaded = Signal(list)  # what `load` returned, for one or more files in order
    finished = Signal(list)  # the paths of this scan

    def __init__(self, load: Load, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._load = load
        self._number = 0
        self._files: list[tuple[Path, str]] = []
        self._stop = threading.Event()
        self._busy = False
        self._batch = _Batch()
        self._handed = 0  # entries of this scan handed over
        # Running between a handover and the next moment one may follow (HANDOVER_MS).
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(HANDOVER_MS)
        self._pause.timeout.connect(self._paused)
        # No parent: a worker may still hold it after the window is gone; it is only a sender.
        self._relay = _Relay()
        queued = Qt.ConnectionType.QueuedConnection
        self._relay.ready.connect(self._on_ready, queued)
        self._relay.done.connect(self._on_done, queued)
        stop_holder = [self._stop]
        # When the window goes, a scan still running stops after the file it is reading.
        self.destroyed.connect(lambda: stop_holder[0].set())
        self._stop_holder = stop_holder

    @property
    def busy(self) -> bool:
        return self._busy

    def start(self, files: list[tuple[Path, str]]) -> None:
        """Read `files` (path, origin) in order; a scan still running is dropped."""
        self._stop.set()
        self._stop = threading.Event()
        self._stop_holder[0] = self._stop
        self._number += 1
        self._files = list(files)
        self._busy = True
        self._batch = _Batch()  # the old scan's worker keeps filling its own, never read
        self._pause.stop()  # the new scan's first entries show at once
        self._handed = 0
        number, relay, batch, stop, todo, load = (
            self._number,
            self._relay,
            self._batch,
            self._stop,
            list(files),
            self._load,
        )
        # A plain callable: PySide wraps it in a runnable whose lifetime Qt manages.
        QThreadPool.globalInstance().start(lambda: _scan(number, todo, load, relay, batch, stop))

    def _on_ready(self, number: int) -> None:
        # During a pause the batch waits: the worker signals again only once it is taken,
        # and the end of the pause takes it.
        if number == self._number and not self._pause.isActive():
            self._hand_over()

    def _paused(self) -> None:
        if self._busy:
            self._hand_over()

    def _hand_over(self) -> None:
        entries = self._batch.take()
        if entries:
            self._handed += len(entries)
            if self._handed >= FIRST_ENTRIES:
                self._pause.start()
            self.entries_loaded.emit(entries)

    def _on_done(self, number: int) -> None:
        if number == self._number:
            self._hand_over()  # now, even during a pause: what the last signal did not bring
            self._pause.stop()  # the scan is over: nothing to pause for
            self._busy = False
            self.finished.emit([path for path, _origin in self._files])
