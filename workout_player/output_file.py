"""Writing a file the person named: never onto the history, never half a file.

Every file the app writes at a person's request (`export -o`, a workout the editor
saves, `report -o`) goes through `write_output`/`open_output` (`write_bytes_output` for
the PDF report):

- `refusal(target, protected)` says why a path must not be written: it is the history
  database, one of its companions (-wal, -shm, -journal) or a copy the app keeps of it
  (.corrupt-…, .backup-…), compared by inode when the file exists (hard links, symlinks,
  `./x/../h.sqlite3`) and by resolved path otherwise; it is another SQLite database, a
  read-only file or a folder; its folder is missing.
- The text goes to a temporary file in the target's folder, is flushed to disk
  (fsync) and renamed over the target (os.replace), so a failed or interrupted write
  leaves the old file as it was. A symlink is written through (its target is replaced,
  the link stays); a device or a pipe (`-o /dev/stdout`) is written to directly, since
  it cannot be renamed over and holds no file to lose.
"""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import secrets
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

SQLITE_HEADER = b"SQLite format 3\x00"
COMPANION_SUFFIXES = ("", "-wal", "-shm", "-journal")
"""SQLite keeps a database's state in these files beside it; writing any of them loses data."""


class OutputError(Exception):
    """The file cannot (or must not) be written; the message says why and what to do."""


KEPT_COPIES = (".corrupt-", ".backup-")
"""The app keeps a damaged history as `<name>.corrupt-…` and one before a migration as
`<name>.backup-…` (store/db.py): those are the person's data too."""


def history_files(database: str | os.PathLike[str]) -> list[Path]:
    """The database, the companion files SQLite may keep next to it, and the kept copies."""
    files = [Path(f"{os.fspath(database)}{suffix}") for suffix in COMPANION_SUFFIXES]
    folder, name = files[0].parent, files[0].name
    with contextlib.suppress(OSError, ValueError):
        for kept in KEPT_COPIES:
            files.extend(sorted(folder.glob(f"{glob.escape(name)}{kept}*")))
    return files


def same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file: by device and inode when both exist, else by resolving.

    The resolved comparison also ignores case, because on case-insensitive disks (macOS,
    Windows) `History.sqlite3-WAL` is the same file as `history.sqlite3-wal`; refusing
    that name on Linux costs nothing.
    """
    try:
        return a.samefile(b)
    except (OSError, ValueError):
        pass
    real_a, real_b = Path(os.path.realpath(a)), Path(os.path.realpath(b))
    if real_a == real_b:
        return True
    if real_a.name.casefold() != real_b.name.casefold():
        return False
    try:
        return real_a.parent.samefile(real_b.parent)
    except (OSError, ValueError):
        return real_a.parent == real_b.parent


def _kept_copy(path: Path) -> bool:
    return any(kept in path.name for kept in KEPT_COPIES)


def _is_folder(path: Path) -> bool:
    try:
        return path.is_dir()
    except (OSError, ValueError):
        return False


def _is_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except (OSError, ValueError):
        return False


def _reason(exc: OSError) -> str:
    if exc.errno == errno.ENAMETOOLONG:
        return "the path is too long"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.EROFS:
        return "the disk is read-only"
    if exc.errno == errno.ENOSPC:
        return "the disk is full"
    return exc.strerror or str(exc)


def refusal(
    target: Path, protected: Iterable[Path] = (), *, folder_may_be_missing: bool = False
) -> str | None:
    """Why `target` must not be written (a sentence), or None when it may be."""
    for path in protected:
        if same_file(target, path):
            what = "a copy of the history database" if _kept_copy(path) else "the history database"
            return (
                f"{target} is {what} ({path}); writing there would destroy your history. "
                "Choose another file."
            )
    try:
        info = target.stat()
    except FileNotFoundError:
        info = None
    except ValueError:
        return f"cannot write {target}: the path holds a NUL character."
    except OSError as exc:
        if exc.errno == errno.ENOTDIR:
            return f"cannot write {target}: a part of the path is a file, not a folder."
        return f"cannot write {target}: {_reason(exc)}. Choose another file."
    if info is None:
        folder = Path(os.path.realpath(target)).parent
        if not folder_may_be_missing and not _is_folder(folder):
            return f"cannot write {target}: the folder {folder} does not exist. Create it first."
        return None
    if stat.S_ISDIR(info.st_mode):
        return f"cannot write {target}: it is a folder. Give the name of a file in it."
    if stat.S_ISREG(info.st_mode) and not os.access(target, os.W_OK):
        # The rename would replace it anyway (the folder is writable); the person made it
        # read-only for a reason, as `>` in a shell would respect.
        return f"cannot write {target}: the file is read-only. Choose another file."
    if stat.S_ISREG(info.st_mode) and _is_sqlite(target):
        return (
            f"{target} is an SQLite database (another history?); it is not overwritten. "
            "Choose another file."
        )
    return None


@contextlib.contextmanager
def open_output(
    target: str | os.PathLike[str], protected: Iterable[Path] = (), *, newline: str | None = None
) -> Iterator[TextIO]:
    """A UTF-8 text stream that becomes `target` only when the block ends without an error.

    Raises OutputError (with a message for the person) when the target is refused or
    cannot be written; on any exception inside the block the target is left untouched.
    """
    with _atomic(target, protected, {"mode": "w", "encoding": "utf-8", "newline": newline}) as out:
        yield out


def write_output(target: str | os.PathLike[str], text: str, protected: Iterable[Path] = ()) -> None:
    """Write `text` to `target` atomically (see open_output)."""
    with open_output(target, protected) as stream:
        stream.write(text)


def write_bytes_output(
    target: str | os.PathLike[str], data: bytes, protected: Iterable[Path] = ()
) -> None:
    """Write `data` (a PDF, say) to `target` atomically, with open_output's refusals."""
    with _atomic(target, protected, {"mode": "wb"}) as stream:
        stream.write(data)


@contextlib.contextmanager
def _atomic(
    target: str | os.PathLike[str], protected: Iterable[Path], how: dict[str, Any]
) -> Iterator[Any]:
    """open_output and write_bytes_output: refuse, write a temporary file beside the target
    (`how`: the open() arguments), fsync, look again, rename; a device is written in place."""
    target = Path(target)
    protected = list(protected)
    problem = refusal(target, protected)
    if problem:
        raise OutputError(problem)
    final = Path(os.path.realpath(target))  # write through a symlink, keep the link
    if final.exists() and not final.is_file():  # a device or a pipe: nothing to replace
        try:
            stream = final.open(**how)
            with stream:
                yield stream
        except OSError as exc:  # /dev/full: the write itself fails
            raise OutputError(f"cannot write {target}: {_reason(exc)}.") from exc
        return
    fd, temporary = _temporary(final, target)
    try:
        with os.fdopen(fd, **how) as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        _keep_mode(final, temporary)
        # A last look: the database may have gained its -wal since the first check.
        problem = refusal(target, protected)
        if problem:
            raise OutputError(problem)
        temporary.replace(final)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            temporary.unlink()
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write {target}: {_reason(exc)}.") from exc
        raise
    _sync_folder(final.parent)


def _temporary(final: Path, shown: Path) -> tuple[int, Path]:
    """A new file beside `final`, created with the person's umask (0666 before it)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    while True:
        # A random name, not a fixed one: two exports at once must not share a file.
        temporary = final.with_name(f".{final.name}.{secrets.token_hex(4)}.tmp")
        try:
            return os.open(temporary, flags, 0o666), temporary
        except FileExistsError:
            continue
        except OSError as exc:
            if exc.errno == errno.ENAMETOOLONG and len(final.name) > 200:
                temporary = final.with_name(f".{secrets.token_hex(8)}.tmp")
                with contextlib.suppress(FileExistsError):
                    return os.open(temporary, flags, 0o666), temporary
            raise OutputError(
                f"cannot write {shown}: the folder {final.parent} cannot be written "
                f"({_reason(exc)}); a safe write needs a temporary file beside the target. "
                "Choose another folder."
            ) from exc


def _keep_mode(final: Path, temporary: Path) -> None:
    """A replaced file keeps its permission bits (a file shared read-only stays so)."""
    try:
        mode = stat.S_IMODE(final.stat().st_mode)
    except OSError:
        return
    with contextlib.suppress(OSError):
        temporary.chmod(mode)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; not possible (nor needed) on every system."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def stream_refusal(stream: TextIO, protected: Iterable[Path]) -> str | None:
    """Why writing to an open stream would hit the history (`export >> history.sqlite3`)."""
    try:
        info = os.fstat(stream.fileno())
    except (OSError, ValueError, AttributeError):
        return None  # not a file (captured in tests, or closed): nothing to compare
    for path in protected:
        try:
            other = path.stat()
        except (OSError, ValueError):
            continue
        if (info.st_dev, info.st_ino) == (other.st_dev, other.st_ino):
            return (
                f"the output goes into the history database ({path}); that would destroy "
                "your history. Send it to another file."
            )
    return None
