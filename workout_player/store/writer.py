"""The history writer: session writes on their own thread, so no caller waits for a lock.

    writer = Writer(store, listener=...)          # one per open store, for the app's run
    handle = writer.start_session(workout=..., workout_file=..., content_hash=...)
    writer.record_set(handle, SetRecord(...))     # returns at once
    writer.finish_session(handle, status="completed", active_seconds=812.0)
    writer.close()

Every call puts a record (`store/records.py`) on a queue and returns. The writer thread
has its own connection and a short busy timeout: when another program holds the
database locked (or the disk is full, or read-only) it appends what is waiting to the
journal (`store/journal.py`) and keeps it in memory, tells the listener, and tries
again with a growing pause (`RetryClock`, injectable so tests need not wait). Once a
write goes through it replays the journal, writes the queue, deletes the journal and
says it caught up. Records not written when the app closes stay in the journal, which
the next `open_store` replays.

A store without a file (":memory:", tests) cannot be locked by anyone else: its records
are written at once on the caller's thread, with the same listener calls.
The listener is called on the writer thread; the Qt adapter (ui/history_writer.py)
turns its calls into queued signals.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections import deque
from pathlib import Path
from queue import Empty, SimpleQueue
from typing import Protocol

from workout_player.domain.check_diary import CheckRecord
from workout_player.domain.diary import SetRecord
from workout_player.store import programmes, records
from workout_player.store.drafts import SessionDraft
from workout_player.store.errors import StoreError, error_name, translate
from workout_player.store.journal import Record, append, journal_path
from workout_player.store.records import SessionHandle, replay_journal
from workout_player.store.sessions import Store, check_fields

log = logging.getLogger(__name__)

FIRST_RETRY_SECONDS = 0.1
LAST_RETRY_SECONDS = 5.0
WRITER_BUSY_TIMEOUT_MS = 250
"""How long one write waits for another program's lock before the writer journals it."""

KEPT = "Your sets are kept and will be saved when it works again."
WAITING_FOR_LOCK = (
    "Saving is waiting: another program is using your history file. Your sets are kept "
    "and will be saved when it is free."
)


class WriterListener(Protocol):
    """What the writer reports, from its own thread."""

    def waiting(self, problem: str | None, pending: int) -> None:
        """Writes are held back (`problem` says why), or are flowing again (None)."""

    def session_saved(self, handle: SessionHandle) -> None:
        """The session's row is stored: `handle.id` is its id."""

    def caught_up(self) -> None:
        """Everything asked for so far is in the database (after a start, an end, an edit,
        or once writes that waited went through; not after each set of a session)."""

    def dropped(self, message: str) -> None:
        """A record could never be written (a bug, or a damaged journal line); it was logged."""


class Wake(Protocol):
    def wait(self, timeout: float) -> None:
        """Return after `timeout` seconds, or earlier when a record (or close) arrives."""


class RetryClock(Protocol):
    def wait(self, seconds: float, wake: Wake) -> None:
        """Pause the writer `seconds` between attempts (the system clock: `wake.wait`)."""


class SystemRetryClock:
    def wait(self, seconds: float, wake: Wake) -> None:
        wake.wait(seconds)


class _NoListener:
    def waiting(self, problem: str | None, pending: int) -> None:
        pass

    def session_saved(self, handle: SessionHandle) -> None:
        pass

    def caught_up(self) -> None:
        pass

    def dropped(self, message: str) -> None:
        pass


def connect_writer(path: Path, busy_timeout_ms: int) -> sqlite3.Connection:
    """The writer thread's own connection; `open_store` already made the file WAL."""
    try:
        conn = sqlite3.connect(str(path), isolation_level=None, timeout=busy_timeout_ms / 1000)
        conn.execute(f"PRAGMA busy_timeout = {busy_timeout_ms}")
        conn.execute("PRAGMA foreign_keys = ON")
        # FULL: a set is on the disk when its commit returns, even on power loss.
        conn.execute("PRAGMA synchronous = FULL")
    except sqlite3.Error as exc:
        raise translate(exc, path, "open the history database for writing") from exc
    return conn


def retry_delay(attempt: int) -> float:
    """0.1 s, 0.2 s, 0.4 s ... up to 5 s between attempts while the database refuses."""
    return float(min(LAST_RETRY_SECONDS, FIRST_RETRY_SECONDS * 2 ** min(attempt, 16)))


def waiting_text(exc: StoreError) -> str:
    """The words for the banner while writes wait: the lock in plain words, else the error."""
    cause = exc.__cause__
    if cause is not None and error_name(cause).startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return WAITING_FOR_LOCK
    return f"Saving is waiting: {exc} {KEPT}"


class Writer:
    """Writes sessions and sets for the GUI without blocking it; see the module's text."""

    def __init__(
        self,
        store: Store,
        *,
        listener: WriterListener | None = None,
        retry_clock: RetryClock | None = None,
        busy_timeout_ms: int = WRITER_BUSY_TIMEOUT_MS,
    ) -> None:
        self.path = store.path
        self.journal: Path | None = journal_path(store.path) if store.path else None
        self._inline = store if store.path is None else None
        self._listener: WriterListener = listener or _NoListener()
        self._clock = retry_clock or SystemRetryClock()
        self._busy_timeout_ms = busy_timeout_ms
        # Callers only put into the inbox (a C queue: no lock a caller could wait on while
        # the writer holds it); everything else below is the writer thread's own.
        self._inbox: SimpleQueue[tuple[Record, SessionHandle | None] | None] = SimpleQueue()
        self._asked = 0  # records put in the inbox (callers' side)
        self._done = 0  # records written or dropped (writer's side)
        self._cond = threading.Condition()  # `flush` waits on it; the writer notifies
        self._queue: deque[tuple[Record, SessionHandle | None]] = deque()
        self._journaled = 0  # how many records at the head of the queue are in the journal
        self._problem: str | None = None
        self._closing = False
        # A journal left by an earlier run that open_store could not replay (still locked).
        self._journal_left = self.journal is not None and self.journal.exists()
        self._drafts: dict[SessionHandle, SessionDraft] = {}
        self._thread: threading.Thread | None = None
        if self._inline is None:
            self._thread = threading.Thread(target=self._run, name="history-writer", daemon=True)
            self._thread.start()

    def set_listener(self, listener: WriterListener) -> None:
        self._listener = listener

    # -- what callers ask for (any thread; never waits for the database) -----------------------

    def start_session(
        self, *, workout: str, workout_file: str | None, content_hash: str | None
    ) -> SessionHandle:
        record = records.start_record(
            workout=workout, workout_file=workout_file, content_hash=content_hash
        )
        handle = SessionHandle(key=record["key"])
        self._drafts[handle] = SessionDraft.started(record)
        self._put(record, handle)
        return handle

    def record_set(self, handle: SessionHandle, record: SetRecord) -> None:
        if draft := self._drafts.get(handle):
            draft.add_set(record)
        self._put(records.set_record(handle.target(), record), handle)

    def record_check(self, handle: SessionHandle, record: CheckRecord) -> None:
        """One trial of a self-check (a later revision of the same trial replaces it)."""
        if draft := self._drafts.get(handle):
            draft.add_check(record)
        self._put(records.check_record(handle.target(), record), handle)

    def finish_session(self, handle: SessionHandle, *, status: str, active_seconds: float) -> None:
        record = records.finish_record(
            handle.target(), status=status, active_seconds=active_seconds
        )
        if draft := self._drafts.get(handle):
            draft.finish(status, record["active_seconds"], record["ended_at"])
        self._put(record, handle)

    def update_session(self, handle: SessionHandle, **fields: int | str | None) -> None:
        """Pain, effort, notes; raises ValueError at once for a value out of range."""
        check_fields(fields)
        if fields:
            if draft := self._drafts.get(handle):
                draft.update(fields)
            self._put(records.update_record(handle.target(), fields), handle)

    def delete_session(self, session_id: int, stamp: str | None) -> None:
        """Delete a stored session with its sets (see `Store.delete_session` for `stamp`)."""
        self._put(records.delete_record(session_id, stamp), None)

    def write_record(self, record: Record) -> None:
        """Queue a programme record (store/programmes.py: enrol, enrolment_event, response,
        choice) or the profile (records.profile_record); written, journaled and replayed
        like a session's records."""
        if record.get("op") not in ("enrol", "enrolment_event", "response", "choice", "profile"):
            raise ValueError(f"not a programme record: {record.get('op')!r}")
        self._put(record, None)

    def draft(self, handle: SessionHandle) -> SessionDraft | None:
        """What is known of a session started here, written or not (for the summary)."""
        return self._drafts.get(handle)

    @property
    def pending(self) -> int:
        """Records not in the database yet (a journal left by an earlier run counts as one)."""
        return self._asked - self._done + self._journal_left

    @property
    def problem(self) -> str | None:
        """Why writes are waiting, or None while they flow."""
        return self._problem

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until every record so far is written; False if that took longer than timeout.

        For tests and the command line: the GUI listens for `caught_up` instead.
        """
        with self._cond:
            return self._cond.wait_for(lambda: self.pending == 0, timeout)

    def close(self, timeout: float = 2.0) -> None:
        """Stop the thread after one last try; what is still waiting stays in the journal."""
        if self._thread is None:
            return
        self._inbox.put(None)
        self._thread.join(timeout)
        if self._thread.is_alive():
            log.warning(
                "the history writer did not stop in %.1f s; unsaved sets may be lost", timeout
            )

    # -- the writer's side ---------------------------------------------------------------------

    def _put(self, record: Record, handle: SessionHandle | None) -> None:
        if self._inline is not None:
            try:
                self._write(self._inline, record, handle)
            except StoreError as exc:  # an in-memory database: nothing to wait for
                self._listener.dropped(str(exc))
            self._listener.caught_up()
            return
        self._asked += 1
        self._inbox.put((record, handle))

    def _take(self, timeout: float | None) -> None:
        """Move what callers put in the inbox to the queue, waiting up to `timeout` for it."""
        try:
            item = self._inbox.get(timeout=timeout) if timeout != 0 else self._inbox.get_nowait()
            while True:
                if item is None:
                    self._closing = True
                else:
                    self._queue.append(item)
                item = self._inbox.get_nowait()
        except Empty:
            return

    def _run(self) -> None:
        assert self.path is not None
        store: Store | None = None
        attempt = 0
        wake = _InboxWake(self)
        while True:
            if not self._queue and not self._journal_left:
                if self._closing:
                    break
                self._take(None)  # sleep until a record (or close) arrives
                continue
            self._take(0)
            try:
                if store is None:
                    store = Store(connect_writer(self.path, self._busy_timeout_ms), self.path, None)
                self._write_all(store)
            except StoreError as exc:
                self._hold(waiting_text(exc))
            except Exception as exc:
                # The thread's boundary: anything else would end the thread unseen and every
                # later set would be lost. Logged as the bug it is; the records stay journaled.
                log.exception("the history writer failed")
                self._hold(f"Saving is waiting: an unexpected error ({exc}). {KEPT}")
            else:
                attempt = 0
                continue
            if self._closing:
                break
            self._clock.wait(retry_delay(attempt), wake)
            attempt += 1
        if store is not None:
            store.close()

    def _write_all(self, store: Store) -> None:
        assert self.journal is not None
        was_waiting = self._problem is not None
        if self.journal.exists():
            replay_journal(store, self.journal)
        # Someone may wait for these (the summary, the History screen); a set in the middle
        # of a session is nobody's to wait for, and a signal per set costs the GUI thread.
        notable = was_waiting or self._journal_left
        self._journal_left = False
        self._notify()
        while True:
            self._take(0)
            if not self._queue:
                break
            record, handle = self._queue[0]
            notable = notable or record["op"] != "set"
            self._write(store, record, handle)
            self._queue.popleft()
            self._journaled = max(0, self._journaled - 1)
            self._done += 1
            self._notify()
        self._problem = None
        if was_waiting:
            self._listener.waiting(None, 0)
        if notable:
            self._listener.caught_up()

    def _write(self, store: Store, record: Record, handle: SessionHandle | None) -> None:
        """Write one record; a record that can never be written is dropped and reported."""
        try:
            row_id = records.apply(store, record)
        except (
            records.UnknownSessionError,
            programmes.UnknownEnrolmentError,
            sqlite3.IntegrityError,
            ValueError,
        ) as exc:
            log.error("history record dropped (%s): %r", exc, record)
            self._listener.dropped(f"A part of the session could not be saved ({exc}).")
            return
        if record["op"] == "start" and handle is not None and row_id is not None:
            handle.id = row_id
            self._listener.session_saved(handle)

    def _hold(self, problem: str) -> None:
        """The database refuses: put what is waiting into the journal, and say so."""
        self._problem = problem
        self._journal_fresh()
        self._listener.waiting(problem, len(self._queue))

    def _notify(self) -> None:
        with self._cond:
            self._cond.notify_all()

    def _journal_fresh(self) -> None:
        """Append the queued records not in the journal yet."""
        fresh = [record for record, _ in list(self._queue)[self._journaled :]]
        self._journaled += len(fresh)
        if fresh and self.journal is not None:
            try:
                append(self.journal, fresh)
            except OSError as error:  # a full or read-only disk: the records stay in memory
                log.warning("could not write the pending journal %s: %s", self.journal, error)


class _InboxWake:
    """The writer's Wake: a pause ends early when a record (or close) arrives."""

    def __init__(self, writer: Writer) -> None:
        self._writer = writer

    def wait(self, timeout: float) -> None:
        self._writer._take(timeout)
