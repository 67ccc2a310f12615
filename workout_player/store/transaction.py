"""Write transactions: `BEGIN IMMEDIATE`, with errors turned into StoreError messages.

A deferred `BEGIN` that later upgrades to a write does not wait in the busy
handler when another connection holds the lock; it fails at once with
"database is locked". Taking the write lock up front makes a second app
instance wait its turn (up to the busy timeout) instead of losing a set.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from workout_player.store.errors import translate


@contextlib.contextmanager
def immediate(conn: sqlite3.Connection) -> Iterator[None]:
    """Run the block in one write transaction; roll back if it raises."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


@contextlib.contextmanager
def writing(conn: sqlite3.Connection, path: Path | None, action: str) -> Iterator[None]:
    """`immediate`, with SQLite and OS errors reported as StoreError("Could not <action>: ...")."""
    try:
        with immediate(conn):
            yield
    except sqlite3.IntegrityError:
        raise  # a programming error (bad value, unknown session): not the person's to fix
    except (sqlite3.DatabaseError, OSError) as exc:
        raise translate(exc, path, action) from exc
