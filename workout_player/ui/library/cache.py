"""The library's read entries, kept between runs, so a start after the first lists at once.

Reading a workout costs ~1 ms with libyaml and ~9 ms in pure Python (domain/yamlnodes.py),
and taking a kept entry ~0.1 ms: 1,000 of a person's own files take ~1.2 s on one core
the first time. The scan keeps each file's `WorkoutEntry` in one file in the
cache folder, keyed by the file's resolved path, size and mtime_ns, and the whole cache by
the app's version and the loader's own source files (a changed loader reads every file
again). A file whose key changed is read again; a file touched in the last
`RACY_SECONDS` is read but not kept (an editor saving twice within one timestamp tick
with the same size would otherwise look unchanged: git's "racy clean" rule). An entry
whose loading raised (an I/O error) is never kept.

The file starts with a magic line; anything else (damaged, foreign, an older format)
is ignored and replaced at the end of the next full scan, through a temporary file and a
rename, so a reader never sees half a file. The entries are pickled, and read back by an
unpickler that builds nothing but the app's own data classes and paths (`_EntryUnpickler`,
the pickle documentation's "restricting globals"): a cache file written by someone else can
make the library list wrong entries, never run code. The cache folder is the person's own.
"""

from __future__ import annotations

import functools
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from workout_player import __version__, paths

MAGIC = b"workout-player library cache 1\n"
RACY_SECONDS = 2.0
"""Files modified this recently are read each time, not kept (see the module doc)."""

Key = tuple[int, int, str]
"""(size, mtime_ns, origin) of a file when it was read."""
Kept = dict[str, tuple[Key, bytes]]
"""Resolved path -> (key, the pickled entry). Each entry is unpickled alone, when its file
is listed: one loads() of the whole cache (~3.5 MB for 1,000 files) would hold the GIL, and
so the GUI thread, for ~0.2 s at once."""
# pickle and hashlib are imported where used, on the library's worker: with `secrets` they
# cost ~15-60 ms of imports the first paint does not need.


def _unpickling_errors() -> tuple[type[BaseException], ...]:
    """What unpickling damaged bytes raises (truncation, a class gone or renamed)."""
    import pickle

    return (pickle.UnpicklingError, EOFError, AttributeError, ImportError, IndexError,
            KeyError, TypeError, ValueError, MemoryError)  # fmt: skip


Load = Callable[[Path, str], Any]

_PATH_CLASSES = frozenset({"PosixPath", "WindowsPath", "PurePosixPath", "PureWindowsPath"})
_DATA_MODULES = ("workout_player.domain.", "workout_player.ui.library.model")


@functools.cache
def _allowed(module: str, name: str) -> type | None:
    """The class a kept entry may name: the app's data classes and pathlib's paths only."""
    import dataclasses
    import importlib

    if module == "pathlib" and name in _PATH_CLASSES:
        return getattr(importlib.import_module(module), name)  # type: ignore[no-any-return]
    if not module.startswith(_DATA_MODULES) or "." in name:
        return None
    try:
        found = getattr(importlib.import_module(module), name, None)
    except ImportError:
        return None
    # Defined there (not imported into it) and a plain data class: nothing that runs code.
    if isinstance(found, type) and found.__module__ == module and dataclasses.is_dataclass(found):
        return found
    return None


def _safe_loads(data: bytes) -> Any:
    """pickle.loads that refuses every global but those `_allowed` names."""
    import io

    return _unpickler()(io.BytesIO(data)).load()


@functools.cache
def _unpickler() -> type:
    """The restricted Unpickler class, made once (`_allowed` remembers its answers: 1,000
    entries name the same four classes)."""
    import pickle

    class _EntryUnpickler(pickle.Unpickler):
        def find_class(self, module: str, name: str) -> Any:
            found = _allowed(module, name)
            if found is None:
                raise pickle.UnpicklingError(f"{module}.{name} is not kept in a library cache")
            return found

    return _EntryUnpickler


def fingerprint() -> str:
    """The app's version and the sources of what is pickled (the loader, the domain's types,
    the entry) by name, size and mtime: a new loader, a new cache."""
    import hashlib

    package = Path(__file__).resolve().parents[2]
    parts = [__version__]
    try:
        sources = [
            *sorted((package / "domain").rglob("*.py")),
            Path(__file__).with_name("model.py"),
        ]
        for source in sources:
            info = source.stat()
            parts.append(f"{source.relative_to(package)}:{info.st_size}:{info.st_mtime_ns}")
    except OSError:  # an unreadable install: a fingerprint that matches nothing written
        parts.append(f"unreadable {time.time_ns()} {os.getpid()}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def read_cache(path: Path, stamp: str) -> Kept:
    """The kept entries, or {} when the file is missing, damaged, foreign or out of date."""
    try:
        data = path.read_bytes()
    except OSError:
        return {}
    if not data.startswith(MAGIC):
        return {}
    try:
        kept = _safe_loads(data[len(MAGIC) :])
    except _unpickling_errors():
        return {}
    if not (isinstance(kept, tuple) and len(kept) == 2 and kept[0] == stamp):
        return {}
    entries = kept[1]
    return entries if isinstance(entries, dict) else {}


def write_cache(path: Path, stamp: str, entries: Kept) -> None:
    """Replace the cache file whole (temporary file + rename); a failure leaves it as it was."""
    import pickle

    # Unique to this process and thread: two apps (or two scans) never share a temporary.
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with temporary.open("wb") as out:
            out.write(MAGIC)
            pickle.dump((stamp, entries), out, protocol=pickle.HIGHEST_PROTOCOL)
        temporary.replace(path)
    except (OSError, pickle.PicklingError):
        # A cache is a saving, never a requirement: a full disk or a read-only folder only
        # means the next start reads the files again.
        with suppress(OSError):  # the folder itself may be what failed
            temporary.unlink(missing_ok=True)


class EntryCache:
    """A `load` with a memory: `with cache.scan() as load:` reads through the kept entries.

    The scan writes the cache back at its end only when it ran through (`complete()`), so
    a scan stopped halfway does not forget the files it did not reach.
    """

    def __init__(
        self, load: Load, keep: Callable[[Any], bool] = bool, file: Path | None = None
    ) -> None:
        self._load = load
        self._keep = keep
        """Whether an entry may be kept (not one whose reading failed for a passing reason)."""
        self._file = file

    @property
    def file(self) -> Path:
        return self._file if self._file is not None else paths.library_cache_file()

    def __call__(self, path: Path, origin: str) -> Any:
        """One file without the cache (a file opened from elsewhere)."""
        return self._load(path, origin)

    @contextmanager
    def scan(self) -> Iterator[_Scan]:
        file, stamp = self.file, fingerprint()
        run = _Scan(self._load, self._keep, read_cache(file, stamp))
        yield run
        if run.finished and run.changed:
            write_cache(file, stamp, run.seen)


class _Scan:
    """One scan's reads: kept entries where the key still matches, the loader elsewhere."""

    def __init__(self, load: Load, keep: Callable[[Any], bool], kept: Kept) -> None:
        self._load = load
        self._keep = keep
        self._kept = kept
        self.seen: Kept = {}
        self.finished = False
        self.changed = False
        self.hits = 0

    def __call__(self, path: Path, origin: str) -> Any:
        try:
            name = str(path.resolve())
            info = path.stat()
        except (OSError, RuntimeError):  # gone, a loop of links: the loader says what it is
            return self._load(path, origin)
        key: Key = (info.st_size, info.st_mtime_ns, origin)
        kept = self._kept.get(name)
        if kept is not None and kept[0] == key:
            try:
                entry = _safe_loads(kept[1])
            except _unpickling_errors():
                pass  # one damaged entry: read its file again
            else:
                self.seen[name] = kept
                self.hits += 1
                return entry
        entry = self._load(path, origin)
        self.changed = True
        racy = time.time_ns() - info.st_mtime_ns < RACY_SECONDS * 1e9
        if not racy and self._keep(entry):
            import pickle

            # An entry that cannot be pickled is read each time, as without a cache.
            with suppress(pickle.PicklingError, TypeError, AttributeError):
                self.seen[name] = (key, pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL))
        return entry

    def complete(self) -> None:
        """The scan went through every file: the cache may be written (files gone drop out)."""
        self.finished = True
        if set(self._kept) != set(self.seen):
            self.changed = True
