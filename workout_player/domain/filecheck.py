"""Probing a path the person gave (a video, a clip, a workout) without ever raising.

`file_problem(path)` answers None for a regular file that can be opened for reading,
and otherwise says what is wrong in plain words: "not found", "is a folder, not a
file", "cannot be read: permission denied", "the path is too long"... Python's own
`Path.is_file()` raises for some of these (ENAMETOOLONG, EACCES on a folder on the
way) and says only False for the others, which read as "not found".
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path

MISSING = "missing"


@dataclass(frozen=True)
class FileProblem:
    """Why a path cannot be read as a file: a `kind` for code, a `reason` for the person."""

    kind: str
    """missing, folder, special, denied, too_long, nul, loop, unreadable"""
    reason: str
    """Words that follow the path: "is a folder, not a file"."""

    @property
    def missing(self) -> bool:
        return self.kind == MISSING


_BY_ERRNO = {
    errno.ENOENT: (MISSING, "not found"),
    errno.ENOTDIR: (MISSING, "not found (a part of the path is a file, not a folder)"),
    errno.ENAMETOOLONG: ("too_long", "cannot be opened: the path is too long"),
    errno.EACCES: ("denied", "cannot be read: permission denied"),
    errno.EPERM: ("denied", "cannot be read: permission denied"),
    errno.ELOOP: ("loop", "cannot be opened: it is a link that leads back to itself"),
}


def _from_error(exc: OSError, path: str | os.PathLike[str]) -> FileProblem:
    if exc.errno == errno.ENOENT and os.path.lexists(path):
        return FileProblem(MISSING, "not found (it is a link to a file that does not exist)")
    if exc.errno in _BY_ERRNO:
        return FileProblem(*_BY_ERRNO[exc.errno])
    return FileProblem("unreadable", f"cannot be read: {(exc.strerror or str(exc)).lower()}")


def file_problem(path: str | os.PathLike[str]) -> FileProblem | None:
    """None when `path` is a regular file that can be opened for reading, else what is wrong."""
    try:
        info = Path(path).stat()  # follows symlinks: a link to a video is fine
    except ValueError:  # a NUL character, which no system call accepts
        return FileProblem("nul", "cannot be opened: the path holds a NUL character")
    except OSError as exc:
        return _from_error(exc, path)
    if stat.S_ISDIR(info.st_mode):
        return FileProblem("folder", "is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        return FileProblem("special", "is not a regular file (a device, a pipe or a socket)")
    # Opening is the only honest test of "can be read" (os.access ignores ACLs and is
    # always yes for root). O_NONBLOCK: should the file become a FIFO meanwhile, the
    # open must not wait for a writer.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except ValueError:
        return FileProblem("nul", "cannot be opened: the path holds a NUL character")
    except OSError as exc:
        return _from_error(exc, path)
    os.close(fd)
    return None


def shown_path(path: str | os.PathLike[str], limit: int = 160) -> str:
    """The path for a message; a very long one keeps its start and its end."""
    text = os.fspath(path)
    if len(text) <= limit:
        return text
    keep = (limit - 3) // 2
    return f"{text[:keep]}...{text[-keep:]}"


def describe(what: str, path: str | os.PathLike[str], problem: FileProblem) -> str:
    """One sentence: "Video file not found: PATH", "Video file PATH is a folder, not a file"."""
    shown = shown_path(Path(path))
    if problem.missing:
        return f"{what} file {problem.reason}: {shown}"
    return f"{what} file {shown} {problem.reason}"
