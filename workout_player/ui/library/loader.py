"""Read the library's workout files on a worker thread, handing each entry over as it is read.

A person's workouts folder may hold anything (a 1 MiB file, hundreds of files, a file on a
slow disk), so reading happens on Qt's global thread pool and the window stays live: the
worker emits each `WorkoutEntry` through a queued signal, the list shows it at once.
A new scan makes the old one stop between two files, and its late entries are ignored.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal

Load = Callable[[Path, str], Any]
"""Reads one file (path, origin) into an entry; must not raise (load_entry does not)."""


class _Relay(QObject):
    """Carries results from the worker to the GUI thread (queued: it lives in the GUI thread)."""

    entry = Signal(int, object)  # scan number, WorkoutEntry
    done = Signal(int)


def _scan(
    number: int, files: list[tuple[Path, str]], load: Load, relay: _Relay, stop: threading.Event
) -> None:
    """The worker: one entry per file, stopping between files when told to."""
    for path, origin in files:
        if stop.is_set():
            return
        relay.entry.emit(number, load(path, origin))
    relay.done.emit(number)


class LibraryLoader(QObject):
    """Scans a list of files off the GUI thread; `entry_loaded` then `finished`, in order."""

    entry_loaded = Signal(object)  # what `load` returned
    finished = Signal(list)  # the paths of this scan

    def __init__(self, load: Load, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._load = load
        self._number = 0
        self._files: list[tuple[Path, str]] = []
        self._stop = threading.Event()
        self._busy = False
        # No parent: a worker may still hold it after the window is gone; it is only a sender.
        self._relay = _Relay()
        queued = Qt.ConnectionType.QueuedConnection
        self._relay.entry.connect(self._on_entry, queued)
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
        number, relay, stop, todo, load = (
            self._number,
            self._relay,
            self._stop,
            list(files),
            self._load,
        )
        # A plain callable: PySide wraps it in a runnable whose lifetime Qt manages.
        QThreadPool.globalInstance().start(lambda: _scan(number, todo, load, relay, stop))

    def _on_entry(self, number: int, entry: object) -> None:
        if number == self._number:
            self.entry_loaded.emit(entry)

    def _on_done(self, number: int) -> None:
        if number == self._number:
            self._busy = False
            self.finished.emit([path for path, _origin in self._files])
