"""The history writer and its journal on real SQLite files, without Qt.

A lock is another process holding BEGIN EXCLUSIVE (tests/writer_support.py); the
writer's pauses between attempts are stepped by the test (StepRetryClock), so nothing
here waits for real backoff or sleeps: it waits on the writer's conditions.
"""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import IO

import pytest

from tests.conftest import REPO
from tests.writer_support import LockHolder, StepRetryClock
from workout_player.store import SetRecord, Store, open_store
from workout_player.store import journal as journal_module
from workout_player.store.journal import append, journal_path
from workout_player.store.records import SessionHandle
from workout_player.store.writer import WAITING_FOR_LOCK, Writer, retry_delay

START = datetime(2026, 11, 23, 18, 0, 0).astimezone()


def a_set(number: int, side: str | None = None) -> SetRecord:
    started = START + timedelta(minutes=number)
    return SetRecord(
        step=0,
        exercise="Side plank",
        set=number,
        side=side,
        reps_target=None,
        reps_done=None,
        seconds=20.0,
        started_at=started,
        ended_at=started + timedelta(seconds=20),
    )


class Reports:
    """A WriterListener that keeps what it was told (called on the writer thread)."""

    def __init__(self) -> None:
        self.waiting: list[tuple[str | None, int]] = []
        self.saved: list[SessionHandle] = []
        self.caught_up = 0
        self.dropped: list[str] = []

    def waiting_(self, problem: str | None, pending: int) -> None:
        self.waiting.append((problem, pending))

    def session_saved(self, handle: SessionHandle) -> None:
        self.saved.append(handle)

    def dropped_(self, message: str) -> None:
        self.dropped.append(message)


class Listener:
    def __init__(self, reports: Reports) -> None:
        self.r = reports

    def waiting(self, problem: str | None, pending: int) -> None:
        self.r.waiting_(problem, pending)

    def session_saved(self, handle: SessionHandle) -> None:
        self.r.session_saved(handle)

    def caught_up(self) -> None:
        self.r.caught_up += 1

    def dropped(self, message: str) -> None:
        self.r.dropped_(message)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "history.sqlite3"
    open_store(path).close()
    return path


@pytest.fixture
def holders() -> Iterator[list[LockHolder]]:
    started: list[LockHolder] = []
    yield started
    for holder in started:  # never leave a process behind, whatever the test did
        holder.stop()


def run_session(writer: Writer, sets: int) -> SessionHandle:
    handle = writer.start_session(workout="Back basics", workout_file=None, content_hash=None)
    for number in range(1, sets + 1):
        writer.record_set(handle, a_set(number))
    writer.update_session(handle, pain_before=4, pain_after=2, rpe=6, notes="Easier today")
    writer.finish_session(handle, status="completed", active_seconds=321.5)
    return handle


def assert_complete(store: Store, sets: int) -> None:
    """One session, complete: every set once, the end, the notes."""
    assert store.count_sessions() == 1
    (row,) = store.sessions()
    assert (row.status, row.active_seconds, row.sets) == ("completed", 321.5, sets)
    assert (row.pain_before, row.pain_after, row.rpe, row.notes) == (4, 2, 6, "Easier today")
    assert [s.set for s in store.sets(row.id)] == list(range(1, sets + 1))


@pytest.mark.slow
def test_writes_locked_out_wait_in_memory_and_journal_then_all_land_once_released(
    db: Path, holders: list[LockHolder]
) -> None:
    holder = LockHolder(db)
    holders.append(holder)
    reports = Reports()
    retry = StepRetryClock()
    with open_store(db) as store:
        writer = Writer(store, listener=Listener(reports), retry_clock=retry)
        handle = run_session(writer, 5)  # returns at once: nothing waits for the lock
        retry.wait_for_pauses(1)
        assert handle.id is None and reports.waiting[0][0] == WAITING_FOR_LOCK
        retry.release()
        # Still locked: tried again (every record was queued by then), paused again, longer.
        retry.wait_for_pauses(2)
        assert retry.delays == [retry_delay(0), retry_delay(1)]
        assert retry_delay(1) > retry_delay(0)
        assert handle.id is None and writer.pending == 8
        assert reports.waiting[-1] == (WAITING_FOR_LOCK, 8)
        assert writer.journal is not None
        lines = writer.journal.read_text(encoding="utf-8").splitlines()
        ops = [json.loads(line)["op"] for line in lines]
        assert ops == ["start", *["set"] * 5, "update", "finish"]  # each once
        keys = [record["key"] for record in map(json.loads, lines) if record["op"] == "set"]
        assert len(set(keys)) == 5

        holder.release()
        retry.release()
        assert writer.flush(timeout=30)
        assert handle.id is not None and reports.saved == [handle]
        assert reports.waiting[-1] == (None, 0)
        assert not writer.journal.exists()
        assert_complete(store, 5)
        writer.close()


@pytest.mark.slow
def test_a_kill_while_writes_wait_loses_nothing_the_next_open_replays_the_journal(
    db: Path, holders: list[LockHolder]
) -> None:
    holder = LockHolder(db)
    holders.append(holder)
    proc = subprocess.Popen(
        [sys.executable, "-c", JOURNAL_AND_WAIT, str(db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline() == "journaled 8\n", proc.stderr
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.communicate(timeout=60)
    journal = journal_path(db)
    copy = db.with_name("journal-copy.jsonl")
    shutil.copyfile(journal, copy)
    holder.release()

    with open_store(db) as store:
        assert_complete(store, 5)  # finished while locked, complete once it was free
    assert not journal.exists()

    shutil.copyfile(copy, journal)  # a crash between the commit and the journal's deletion
    with open_store(db) as store:
        assert_complete(store, 5)  # replayed twice: nothing twice
    assert not journal.exists()


JOURNAL_AND_WAIT = """
import sys, threading
from datetime import datetime, timedelta
from tests.test_store_writer import run_session
from workout_player.store import open_store
from workout_player.store.writer import Writer

journaled = threading.Event()

class Listener:
    def waiting(self, problem, pending):
        if problem and pending == 8:
            journaled.set()
    def session_saved(self, handle): pass
    def caught_up(self): pass
    def dropped(self, message): pass

store = open_store(sys.argv[1])
writer = Writer(store, listener=Listener())
run_session(writer, 5)
journaled.wait()
print("journaled 8", flush=True)
threading.Event().wait()  # until killed
"""


@pytest.mark.slow
def test_a_torn_last_line_is_skipped_and_the_next_record_stays_whole(db: Path) -> None:
    journal = journal_path(db)
    with open_store(db) as store:
        writer = Writer(store)
        run_session(writer, 2)
        assert writer.flush(timeout=30)
        writer.close()
    gone = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    lines = [
        {"op": "start", "key": "k1", "workout": "Power cut", "workout_file": None,
         "content_hash": None, "started_at": "2026-11-24T07:00:00+01:00",
         "pid": int(gone.stdout)},
        {"op": "set", "key": "k1-1", "session": "k1", "record": {
            "step": 0, "exercise": "Bird dog", "set": 1, "side": "left", "reps_target": 8,
            "reps_done": 8, "seconds": 30.0, "started_at": "2026-11-24T07:01:00+01:00",
            "ended_at": "2026-11-24T07:01:30+01:00"}},
    ]  # fmt: skip
    text = "".join(json.dumps(line) + "\n" for line in lines)
    journal.write_text(text + '{"op": "set", "key": "k1-2", "sess', encoding="utf-8")
    with open_store(db) as store:
        rows = {row.workout: row for row in store.sessions()}
        assert set(rows) == {"Back basics", "Power cut"}
        assert [(s.exercise, s.reps_done) for s in store.sets(rows["Power cut"].id)] == [
            ("Bird dog", 8)
        ]
        assert rows["Power cut"].status == "interrupted"  # its process is gone: not finished
    assert not journal.exists()

    # A record appended after a torn line starts on a line of its own.
    journal.write_text('{"op": "upd', encoding="utf-8")
    append(journal, [{"op": "update", "session": "k1", "fields": {"notes": "Whole"}}])
    with open_store(db) as store:
        (row,) = [row for row in store.sessions() if row.workout == "Power cut"]
        assert row.notes == "Whole"


def test_a_record_whose_session_is_lost_is_dropped_and_the_rest_are_written(db: Path) -> None:
    reports = Reports()
    with open_store(db) as store:
        writer = Writer(store, listener=Listener(reports))
        orphan = SessionHandle(key="never-started")
        writer.record_set(orphan, a_set(1))
        handle = run_session(writer, 1)
        assert writer.flush(timeout=30)
        writer.close()
        assert len(reports.dropped) == 1 and "could not be saved" in reports.dropped[0]
        assert store.count_sessions() == 1 and len(store.sets(handle.id or 0)) == 1


def test_values_out_of_range_are_refused_at_once_not_on_the_writer_thread(db: Path) -> None:
    with open_store(db) as store:
        writer = Writer(store)
        handle = writer.start_session(workout="W", workout_file=None, content_hash=None)
        with pytest.raises(ValueError, match="pain_after must be a whole number from 0 to 10"):
            writer.update_session(handle, pain_after=11)
        writer.close()


def test_an_in_memory_store_is_written_at_once_with_the_same_reports() -> None:
    reports = Reports()
    with open_store(":memory:") as store:
        writer = Writer(store, listener=Listener(reports))
        handle = run_session(writer, 3)
        assert handle.id is not None and writer.pending == 0
        assert reports.saved == [handle] and reports.caught_up == 6
        assert_complete(store, 3)


@pytest.mark.slow
def test_a_journal_left_while_still_locked_is_written_by_the_next_runs_writer(
    db: Path, holders: list[LockHolder]
) -> None:
    holder = LockHolder(db)
    holders.append(holder)
    retry = StepRetryClock()
    with open_store(db) as store:
        writer = Writer(store, retry_clock=retry)
        run_session(writer, 4)
        retry.wait_for_pauses(1)
        retry.open()
        writer.close(timeout=30)  # the app closes while the lock is held: the journal keeps it
    journal = journal_path(db)
    assert len(journal.read_text(encoding="utf-8").splitlines()) == 7

    reports = Reports()
    retry = StepRetryClock()
    with open_store(db) as store:  # still locked: opening goes on, the journal stays
        assert journal.exists() and store.count_sessions() == 0
        writer = Writer(store, listener=Listener(reports), retry_clock=retry)
        assert writer.pending == 1  # nothing asked for yet, but the journal waits
        retry.wait_for_pauses(1)
        assert reports.waiting[-1][0] == WAITING_FOR_LOCK
        holder.release()
        retry.release()
        assert writer.flush(timeout=30)
        assert not journal.exists()
        assert_complete(store, 4)
        writer.close()


@pytest.mark.skipif(sys.platform == "win32", reason="flock is POSIX")
def test_an_append_that_waited_for_a_replay_lands_in_a_new_journal_not_the_deleted_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal = tmp_path / "history.sqlite3.pending.jsonl"
    journal.write_text('{"op": "update", "session": "a", "fields": {"rpe": 5}}\n')
    about_to_lock = threading.Event()
    lock = journal_module._lock

    def signalling_lock(handle: IO[bytes]) -> None:
        if threading.current_thread() is not threading.main_thread():
            about_to_lock.set()  # the appender has opened the file: it waits for the lock now
        lock(handle)

    monkeypatch.setattr(journal_module, "_lock", signalling_lock)
    record = {"op": "update", "session": "b", "fields": {"rpe": 7}}
    with journal_module.locked(journal) as handle:  # a replay holds the journal
        appender = threading.Thread(target=append, args=(journal, [record]))
        appender.start()
        assert about_to_lock.wait(30)
        assert [r["session"] for r in journal_module.read(handle, journal)] == ["a"]
        journal.unlink()  # the replay wrote it and deletes it, still under the lock
    appender.join(30)
    assert not appender.is_alive()
    assert [json.loads(line) for line in journal.read_text().splitlines()] == [record]
