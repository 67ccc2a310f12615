"""The history store, opened after the window's first paint, and what waits for it.

Importing `workout_player.store` and opening the database cost ~30-60 ms that the first
screen (the library) does not need, so the app opens it in the first warm-up step, after
the window is on screen: `begin()` imports the store's modules on a thread (most of the
cost, and imports let other threads run in between) and then opens the database on the GUI
thread (the connection belongs to it). Everything that needs the store asks the gate instead
of opening it itself: `when_ready(callback)` calls back at once when the store is settled
(opened, or known to be off) and otherwise once it is; nothing blocks, and a request before
the warm-up got there begins it. `ready` is emitted once, with the store or None (history
off; `problem` says why).
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal

if TYPE_CHECKING:
    from workout_player.store import Store

Opener = Callable[[], "tuple[Store | None, str | None]"]
"""Opens the store: (store, None), or (None, why history is off and what to do)."""

STORE_MODULES = (
    "workout_player.store",
    "workout_player.ui.history_writer",
    # What the library's Today panel reads and writes with once the store is open.
    "workout_player.store.today",
    "workout_player.domain.programme.loader",
    "workout_player.ui.library.today_face",
    "workout_player.ui.library.today_records",
)
"""Imported on the warm-up thread before the store opens (none is needed before it)."""


class _Relay(QObject):
    """Tells the GUI thread the imports are done (no parent: the thread may outlive the gate)."""

    imported = Signal()


def _import(relay: _Relay) -> None:
    try:
        for name in STORE_MODULES:
            importlib.import_module(name)
    finally:
        # Even when an import failed: opening on the GUI thread then raises it there.
        relay.imported.emit()


class StoreGate(QObject):
    """One store per app run, settled once: by `open()` (running the opener) or `settle()`."""

    ready = Signal(object)
    """The store is settled: the Store, or None when history is off."""

    def __init__(self, opener: Opener | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._opener = opener
        self._settled = False
        self.store: Store | None = None
        self.problem: str | None = None
        self._waiting: list[Callable[[Store | None], object]] = []
        self._begun = False
        self._relay = _Relay()
        self._relay.imported.connect(self.open, Qt.ConnectionType.QueuedConnection)

    @property
    def pending(self) -> bool:
        """The store is not settled yet (its opener has not run)."""
        return not self._settled

    def settle(self, store: Store | None, problem: str | None = None) -> None:
        """The store is known (opened elsewhere, or None); only the first settling counts."""
        if self._settled:
            return
        self._settled = True
        self._opener = None
        self.store, self.problem = store, problem
        waiting, self._waiting = self._waiting, []
        self.ready.emit(store)
        for callback in waiting:
            callback(store)

    def begin(self) -> None:
        """The warm-up's first step: import on a thread, then open in a later pass of the loop."""
        if self._settled or self._begun:
            return
        self._begun = True
        relay = self._relay
        threading.Thread(target=_import, args=(relay,), name="store-import", daemon=True).start()

    def open(self) -> None:
        """Run the opener now (on the GUI thread); nothing when already settled."""
        if self._settled or self._opener is None:
            return
        try:
            store, problem = self._opener()
        except BaseException as error:
            # A bug in opening (the opener turns what it can name into a problem): what
            # waits still goes on without history, and the error is raised, not hidden.
            self.settle(None, f"History is off: the database could not be opened ({error}).")
            raise
        self.settle(store, problem)

    def when_ready(self, callback: Callable[[Store | None], object]) -> None:
        """`callback(store)` now when settled, else once the store is (never blocking)."""
        if self._settled:
            callback(self.store)
            return
        self._waiting.append(callback)
        self.begin()  # asked before the warm-up got there
