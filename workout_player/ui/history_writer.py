"""The Qt face of the history writer (store/writer.py): its reports as signals on the GUI thread.

The writer calls its listener on its own thread; each call here only emits a private
signal, which a queued connection delivers to this object in the GUI thread, where
the public signal is emitted. Nothing here waits for the database.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QObject, Qt, Signal, SignalInstance, Slot

from workout_player.store import CheckRecord, SetRecord, Store
from workout_player.store.drafts import SessionDraft
from workout_player.store.records import SessionHandle
from workout_player.store.writer import RetryClock, Writer


class HistoryWriter(QObject):
    """Session writes for the GUI: they return at once; results come back as signals.

    `waiting_changed(text)`: writes are held back and why ("" once they flow again);
    `session_saved(handle)`: a session's row is stored (`handle.id` is set);
    `caught_up()`: everything asked for so far is stored (reads may reload);
    `dropped(text)`: a record could never be written (logged).
    """

    waiting_changed = Signal(str)
    session_saved = Signal(object)
    caught_up = Signal()
    dropped = Signal(str)

    _waiting_from_writer = Signal(str)
    _saved_from_writer = Signal(object)
    _caught_up_from_writer = Signal()
    _dropped_from_writer = Signal(str)

    def __init__(
        self,
        store: Store,
        *,
        retry_clock: RetryClock | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        queued = Qt.ConnectionType.QueuedConnection
        self._waiting_from_writer.connect(self._on_waiting, queued)
        self._saved_from_writer.connect(self._on_saved, queued)
        self._caught_up_from_writer.connect(self._on_caught_up, queued)
        self._dropped_from_writer.connect(self._on_dropped, queued)
        self._waiting_text = ""
        self.writer = Writer(store, listener=_Relay(self), retry_clock=retry_clock)

    # -- the GUI thread --------------------------------------------------------------------

    @Slot(str)
    def _on_waiting(self, text: str) -> None:
        if text != self._waiting_text:
            self._waiting_text = text
            self.waiting_changed.emit(text)

    @Slot(object)
    def _on_saved(self, handle: object) -> None:
        self.session_saved.emit(handle)

    @Slot()
    def _on_caught_up(self) -> None:
        self.caught_up.emit()

    @Slot(str)
    def _on_dropped(self, text: str) -> None:
        self.dropped.emit(text)

    @property
    def waiting_text(self) -> str:
        """The banner text while writes wait ("" when they flow), as last delivered here."""
        return self._waiting_text

    def has_pending(self) -> bool:
        """Whether some write asked for is not in the database yet."""
        return self.writer.pending > 0

    def start_session(
        self, *, workout: str, workout_file: str | None, content_hash: str | None
    ) -> SessionHandle:
        return self.writer.start_session(
            workout=workout, workout_file=workout_file, content_hash=content_hash
        )

    def record_set(self, handle: SessionHandle, record: SetRecord) -> None:
        self.writer.record_set(handle, record)

    def record_check(self, handle: SessionHandle, record: CheckRecord) -> None:
        self.writer.record_check(handle, record)

    def finish_session(self, handle: SessionHandle, *, status: str, active_seconds: float) -> None:
        self.writer.finish_session(handle, status=status, active_seconds=active_seconds)

    def update_session(self, handle: SessionHandle, **fields: int | str | None) -> None:
        self.writer.update_session(handle, **fields)

    def delete_session(self, session_id: int) -> None:
        """Delete a stored session and its sets; `caught_up` follows once it is gone."""
        self.writer.delete_session(session_id, self.store.session_stamp(session_id))

    def write_record(self, record: dict[str, object]) -> None:
        """A programme record (store/programmes.py) or the profile (store.records.
        profile_record), through the same writer."""
        self.writer.write_record(record)

    def draft(self, handle: SessionHandle) -> SessionDraft | None:
        return self.writer.draft(handle)

    def flush(self, timeout: float | None = None) -> bool:
        """Wait for the writer (tests and shutdown only: the GUI listens for `caught_up`)."""
        return self.writer.flush(timeout)

    def close(self, timeout: float = 2.0) -> None:
        """Stop the writer after a last try; what still waits stays in the journal."""
        self.writer.close(timeout)


class _Relay:
    """The writer's listener: called on the writer thread, it only emits queued signals."""

    def __init__(self, owner: HistoryWriter) -> None:
        self._owner = owner

    def waiting(self, problem: str | None, pending: int) -> None:
        self._emit(self._owner._waiting_from_writer, problem or "")

    def session_saved(self, handle: SessionHandle) -> None:
        self._emit(self._owner._saved_from_writer, handle)

    def caught_up(self) -> None:
        self._emit(self._owner._caught_up_from_writer)

    def dropped(self, message: str) -> None:
        self._emit(self._owner._dropped_from_writer, message)

    @staticmethod
    def _emit(signal: SignalInstance, *args: object) -> None:
        # RuntimeError: the HistoryWriter was deleted while the writer finished; nobody listens.
        with contextlib.suppress(RuntimeError):
            signal.emit(*args)
