"""The one exception the store raises for problems a person can fix."""

from __future__ import annotations

import errno
from pathlib import Path


class StoreError(Exception):
    """A clear, actionable message: what went wrong with the history database and what to do."""

    def __init__(self, message: str, *, cannot_write: str | None = None) -> None:
        super().__init__(message)
        self.cannot_write = cannot_write
        """Why the file cannot be written (full disk, read-only media), when that is the cause;
        a command that only reads may then open it read-only instead."""


_FULL = {"SQLITE_FULL"}
_READ_ONLY_PREFIXES = ("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_AUTH")
_BUSY_PREFIXES = ("SQLITE_BUSY", "SQLITE_LOCKED")


def error_name(exc: BaseException) -> str:
    """SQLite's name for the error (e.g. "SQLITE_FULL"), or "" when there is none."""
    name = getattr(exc, "sqlite_errorname", "")
    return name if isinstance(name, str) else ""


def is_corruption(exc: BaseException) -> bool:
    """True when SQLite says the file is damaged or is not a database at all."""
    return error_name(exc).startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB"))


def translate(exc: Exception, path: Path | None, action: str) -> StoreError:
    """Turn a low-level error into a message that says what happened and what to do.

    `action` completes "Could not ...", e.g. "save the set".
    """
    where = str(path) if path is not None else "the in-memory database"
    name = error_name(exc)
    code = getattr(exc, "errno", None)
    if name in _FULL or code == errno.ENOSPC:
        return StoreError(
            f"Could not {action}: the disk that holds {where} is full. "
            "Free some space and try again.",
            cannot_write="the disk is full",
        )
    if (
        name.startswith(_READ_ONLY_PREFIXES)
        or isinstance(exc, PermissionError)
        or code == errno.EROFS
    ):
        return StoreError(
            f"Could not {action}: {where} cannot be written (the file or its folder is "
            "read-only). Make it writable, or use --db PATH (or WORKOUT_PLAYER_DB) to choose "
            "another file.",
            cannot_write="the file or its folder cannot be written",
        )
    if name.startswith(_BUSY_PREFIXES):
        return StoreError(
            f"Could not {action}: another program kept {where} locked for too long. "
            "Close other programs that use it (another Workout Player, a database browser) "
            "and try again."
        )
    # An I/O error while opening is how a full disk shows when SQLite makes the -shm file.
    failed = "writing to the disk failed" if name.startswith("SQLITE_IOERR") else None
    return StoreError(
        f"Could not {action} ({where}): {exc}. Check the disk and try again.",
        cannot_write=failed,
    )
