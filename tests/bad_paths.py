"""One path of each kind that cannot be read as a file, with the words the app must use.

Shared by the path-probe tests of the loader, `plan`, the video probe and the player.
Permission denied is not here: the tests run as root, for whom permission bits do not
apply, so those tests inject EACCES at the system call (see `deny_reading`) or run a
child process as an unprivileged user.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path

import pytest

KINDS = ("missing", "broken_link", "not_a_folder", "folder", "fifo", "device", "too_long",
         "path_too_long", "loop")  # fmt: skip

REASONS = {
    "missing": "not found",
    "broken_link": "not found (it is a link to a file that does not exist)",
    "not_a_folder": "not found (a part of the path is a file, not a folder)",
    "folder": "is a folder, not a file",
    "fifo": "is not a regular file (a device, a pipe or a socket)",
    "device": "is not a regular file (a device, a pipe or a socket)",
    "too_long": "cannot be opened: the path is too long",
    "path_too_long": "cannot be opened: the path is too long",
    "loop": "cannot be opened: it is a link that leads back to itself",
    "denied": "cannot be read: permission denied",
}


def make_bad_path(tmp_path: Path, kind: str) -> Path:
    """A path of the given kind under tmp_path (or /dev/null for the device)."""
    if kind == "missing":
        return tmp_path / "gone.mp4"
    if kind == "broken_link":
        link = tmp_path / "link.mp4"
        link.symlink_to(tmp_path / "nowhere.mp4")
        return link
    if kind == "not_a_folder":
        (tmp_path / "file.txt").write_text("x", encoding="utf-8")
        return tmp_path / "file.txt" / "video.mp4"
    if kind == "folder":
        (tmp_path / "videos.mp4").mkdir()
        return tmp_path / "videos.mp4"
    if kind == "fifo":
        os.mkfifo(tmp_path / "pipe.mp4")
        return tmp_path / "pipe.mp4"
    if kind == "device":
        return Path("/dev/null")
    if kind == "too_long":  # one name longer than any file system allows (255 bytes)
        return tmp_path / ("a" * 300 + ".mp4")
    if kind == "path_too_long":  # short names, but longer than PATH_MAX (4096) in all
        return tmp_path.joinpath(*["d" * 200] * 25, "video.mp4")
    if kind == "loop":
        (tmp_path / "a.mp4").symlink_to(tmp_path / "b.mp4")
        (tmp_path / "b.mp4").symlink_to(tmp_path / "a.mp4")
        return tmp_path / "a.mp4"
    raise ValueError(kind)


def deny_reading(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """Make opening `path` fail with EACCES, as it does for a non-root user on a 000 file.

    The file exists and is a regular file; os.open, the probe's test of readability, is
    refused for it with the error the kernel gives.
    """
    real_open: Callable[..., int] = os.open
    target = Path(path).absolute()

    def refusing_open(file: str | os.PathLike[str], flags: int, *args: object, **kw: object) -> int:
        if Path(file).absolute() == target:
            raise PermissionError(errno.EACCES, "Permission denied", str(file))
        return real_open(file, flags, *args, **kw)

    monkeypatch.setattr(os, "open", refusing_open)
