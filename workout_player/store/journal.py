"""The pending journal: writes the database could not take yet, kept on disk beside it.

`<db>.pending.jsonl` holds one JSON object per line (a record of `store/records.py`),
each line fsync'ed before the next, so a pulled plug loses at most the line being
written; a torn or unreadable line is skipped when the file is read. Records carry
unique keys and are written idempotently, so the journal can be replayed any number
of times; whoever can write the database replays the whole file (its own records and
those of another instance) and then deletes it.

Appending and replaying take an exclusive `flock` on the file (POSIX; elsewhere the
keys alone keep a replay safe). An appender that waited for the lock while the file was
replayed and deleted sees that its handle no longer names the file and opens it again,
so no record lands in a deleted file.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any

log = logging.getLogger(__name__)

SUFFIX = ".pending.jsonl"

Record = dict[str, Any]


def journal_path(database: Path) -> Path:
    """Where the pending journal of `database` lives: beside it, `<name>.pending.jsonl`."""
    return database.with_name(database.name + SUFFIX)


@contextlib.contextmanager
def locked(path: Path) -> Iterator[IO[bytes]]:
    """The journal opened for appending (created if missing) under its exclusive lock."""
    while True:
        handle = path.open("ab+")  # closed below: closing lets go of the lock
        try:
            _lock(handle)
            try:
                same = os.fstat(handle.fileno()).st_ino == path.stat().st_ino
            except FileNotFoundError:
                same = False
            if same:
                yield handle
                return
        finally:
            handle.close()  # closing the file lets go of its lock


def append(path: Path, records: Sequence[Record]) -> None:
    """Add `records` to the journal, each line on the disk before the next is written.

    Raises OSError (disk full, read-only folder): the caller still holds the records.
    """
    with locked(path) as handle:
        handle.seek(0, os.SEEK_END)
        if handle.tell() > 0:
            handle.seek(-1, os.SEEK_END)
            if handle.read(1) != b"\n":
                handle.write(b"\n")  # end a torn line, so the next record is whole
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n")
            handle.flush()
            os.fsync(handle.fileno())


def read(handle: IO[bytes], path: Path) -> list[Record]:
    """Every whole record in the open journal, in order; torn or damaged lines are skipped."""
    handle.seek(0)
    records: list[Record] = []
    for number, line in enumerate(handle.read().split(b"\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            log.warning("%s line %d is not a whole record (a torn write?); skipped", path, number)
            continue
        if isinstance(record, dict) and isinstance(record.get("op"), str):
            records.append(record)
        else:
            log.warning("%s line %d is not a pending write; skipped", path, number)
    return records


if sys.platform == "win32":

    def _lock(handle: IO[bytes]) -> None:
        return  # no flock: a replay racing an append is made safe by the records' keys

else:
    import fcntl

    def _lock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
