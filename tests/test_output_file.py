"""Files written at a person's request: never onto the history, never half a file.

`export -o` (and the editor's save, through the same module) refuses every way of naming
the history database or its -wal/-shm/-journal (relative, `..`, a symlink, a hard link,
another case), another SQLite file and a folder; the database stays byte for byte as it
was. A failed export leaves the previous file as it was and no temporary file behind.
"""

from __future__ import annotations

import argparse
import errno
import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from workout_player.cli import main
from workout_player.cli.editor_cmd import check
from workout_player.editing import DocumentError, WorkoutDocument
from workout_player.output_file import OutputError, history_files, open_output, refusal
from workout_player.store import StoreError, open_store


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "h.sqlite3"
    with open_store(path) as store:
        session = store.start_session(workout="Back basics", workout_file=None, content_hash=None)
        store.finish_session(session, status="completed", active_seconds=60.0)
    return path


def export(capsys: pytest.CaptureFixture[str], db: Path, target: str | Path) -> tuple[int, str]:
    code = main(["export", "--format", "csv", "--db", str(db), "-o", str(target)])
    out, err = capsys.readouterr()
    assert out == ""
    return code, err


def names_of_the_history(db: Path) -> list[Callable[[], str]]:
    """Ways to name the database or a companion (each made when called)."""

    def symlink() -> str:
        (db.parent / "link.csv").symlink_to(db)
        return str(db.parent / "link.csv")

    def hard_link() -> str:
        os.link(db, db.parent / "hard.csv")
        return str(db.parent / "hard.csv")

    def link_to_the_wal() -> str:  # a dangling link: the -wal is not there yet
        (db.parent / "wal.csv").symlink_to(db.parent / "h.sqlite3-wal")
        return str(db.parent / "wal.csv")

    return [
        lambda: str(db),
        lambda: "h.sqlite3",  # relative, from the database's folder
        lambda: str(db.parent / "sub" / ".." / "h.sqlite3"),
        lambda: str(db) + "-wal",
        lambda: str(db) + "-shm",
        lambda: str(db) + "-journal",
        lambda: str(db.parent / "H.SQLITE3-WAL"),  # one file on macOS and Windows
        symlink,
        hard_link,
        link_to_the_wal,
    ]


NAMES = ["itself", "relative", "dot-dot", "wal", "shm", "journal", "case", "symlink",
         "hard-link", "link-to-wal"]  # fmt: skip


@pytest.mark.parametrize("way", range(len(NAMES)), ids=NAMES)
def test_export_onto_the_history_is_refused_and_the_history_kept(
    db: Path, way: int, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(db.parent)
    (db.parent / "sub").mkdir()
    target = names_of_the_history(db)[way]()
    before = db.read_bytes()
    code, err = export(capsys, db, target)
    assert code == 1
    assert err.count("\n") == 1
    assert "is the history database" in err and "Choose another file" in err
    assert db.read_bytes() == before
    assert main(["history", "--json", "--db", str(db)]) == 0
    assert '"workout": "Back basics"' in capsys.readouterr().out


def test_the_database_given_by_a_relative_path_is_recognised(
    db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(db.parent.parent)
    relative = Path(db.parent.name) / db.name
    before = db.read_bytes()
    code = main(["export", "--format", "json", "--db", str(relative), "-o", str(db)])
    assert code == 1 and "is the history database" in capsys.readouterr().err
    assert db.read_bytes() == before


def test_another_sqlite_file_is_not_overwritten(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.sqlite3"
    open_store(other).close()
    before = other.read_bytes()
    code, err = export(capsys, db, other)
    assert code == 1 and "is an SQLite database" in err
    assert other.read_bytes() == before


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda t: (t / "out").mkdir() or t / "out", "it is a folder"),
        (lambda t: t / "no-such-folder" / "out.csv", "does not exist"),
        (lambda t: t / ("x" * 300 + ".csv"), "the path is too long"),
        (lambda t: (t / "f").write_text("x") and t / "f" / "out.csv", "is a file, not a folder"),
    ],
    ids=["folder", "missing-folder", "name-too-long", "file-on-the-way"],
)
def test_an_output_that_cannot_be_a_file_is_one_clear_line(
    db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    make: Callable[[Path], Path],
    words: str,
) -> None:
    target = make(tmp_path)
    code, err = export(capsys, db, target)
    assert code == 1
    assert err.startswith(f"workout-player: cannot write {target}") and words in err
    assert err.count("\n") == 1


def files_in(folder: Path) -> set[str]:
    return {path.name for path in folder.iterdir()}


def test_a_failed_export_leaves_the_previous_file_and_no_temporary(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.csv"
    target.write_text("the good export\n", encoding="utf-8")
    present = files_in(tmp_path)

    def failing_rows(*_args: object) -> list[dict[str, object]]:
        raise StoreError("The history database could not be read (disk I/O error).")

    monkeypatch.setattr("workout_player.cli.export_cmd.hevy_rows", failing_rows)
    code, err = export(capsys, db, target)
    assert code == 1 and "disk I/O error" in err
    assert target.read_text(encoding="utf-8") == "the good export\n"
    assert files_in(tmp_path) == present


def test_a_disk_full_while_writing_keeps_the_previous_file(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old\n", encoding="utf-8")
    with pytest.raises(OutputError, match="the disk is full"), open_output(target) as out:
        out.write("half a fi")
        raise OSError(errno.ENOSPC, "No space left on device")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert files_in(tmp_path) == {"out.csv"}


def test_a_folder_that_cannot_be_written_is_said(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # As root a read-only folder is still writable, so the kernel's EACCES is injected
    # where the temporary file is created.
    folder = tmp_path / "read-only"
    folder.mkdir()
    real_open = os.open

    def refusing(path: str | os.PathLike[str], flags: int, *args: int) -> int:
        if Path(path).parent == folder and flags & os.O_CREAT:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", refusing)
    code, err = export(capsys, db, folder / "out.csv")
    assert code == 1
    assert f"the folder {folder} cannot be written (permission denied)" in err
    assert files_in(folder) == set()


def test_export_writes_through_a_symlink_and_keeps_the_mode(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    real = tmp_path / "exports" / "history.csv"
    real.parent.mkdir()
    real.write_text("old\n", encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / "latest.csv"
    link.symlink_to(real)
    assert export(capsys, db, link) == (0, "")
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8").startswith("title,start_time")
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert files_in(real.parent) == {"history.csv"}


def test_a_new_export_gets_the_usual_permissions(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    umask = os.umask(0o022)
    try:
        assert export(capsys, db, tmp_path / "new.csv") == (0, "")
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "new.csv").stat().st_mode) == 0o644


def test_export_to_a_device_writes_into_it_and_leaves_it_a_device(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert export(capsys, db, "/dev/null") == (0, "")
    assert stat.S_ISCHR(Path("/dev/null").stat().st_mode)


def test_the_copies_the_app_keeps_of_the_history_are_refused_too(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # store/db.py keeps a damaged file as .corrupt-… and a pre-migration copy as .backup-….
    for name in ("h.sqlite3.corrupt-20261201-080449", "h.sqlite3.backup-1-20261201"):
        kept = db.parent / name
        kept.write_bytes(b"not even SQLite any more")
        code, err = export(capsys, db, kept)
        assert code == 1 and "is a copy of the history database" in err
        assert kept.read_bytes() == b"not even SQLite any more"


def test_refusal_accepts_an_ordinary_new_file(tmp_path: Path) -> None:
    db = tmp_path / "h.sqlite3"
    assert refusal(tmp_path / "out.csv", history_files(db)) is None
    assert refusal(tmp_path / "h.sqlite3.csv", history_files(db)) is None


def new_args(video: Path, output: Path, db: Path) -> argparse.Namespace:
    return argparse.Namespace(video=str(video), output=str(output), db=str(db), file=None)


def test_new_refuses_an_output_that_is_the_video_the_history_or_a_folder(
    db: Path, tmp_path: Path
) -> None:
    video = tmp_path / "class.mp4"
    video.write_bytes(b"\x00" * 64)
    assert "is the video itself" in str(check(new_args(video, video, db)))
    assert "is the history database" in str(check(new_args(video, db, db)))
    assert "is a folder" in str(check(new_args(video, tmp_path, db)))
    assert check(new_args(video, tmp_path / "new" / "class.yaml", db)) is None


def test_the_editor_never_saves_onto_the_history(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "h.sqlite3"
    open_store(db).close()
    monkeypatch.setenv("WORKOUT_PLAYER_DB", str(db))
    before = db.read_bytes()
    video = tmp_path / "class.mp4"
    video.write_bytes(b"\x00" * 64)
    document = WorkoutDocument.new_from_video(video, tmp_path / "class.yaml")
    with pytest.raises(DocumentError, match="is the history database"):
        document.save(db)
    assert db.read_bytes() == before
    assert document.save() == tmp_path / "class.yaml"
    assert files_in(tmp_path) == {"h.sqlite3", "class.mp4", "class.yaml"}


def test_a_read_only_file_is_not_replaced(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Root may write anything, so the answer of access(2) for the file is what a person
    # who made the file read-only gets.
    target = tmp_path / "kept.csv"
    target.write_text("keep me\n", encoding="utf-8")
    target.chmod(0o444)
    real_access = os.access

    def access(path: str | os.PathLike[str], mode: int, **kwargs: bool) -> bool:
        if Path(path) == target and mode & os.W_OK:
            return False
        return real_access(path, mode, **kwargs)

    monkeypatch.setattr(os, "access", access)
    code, err = export(capsys, db, target)
    assert code == 1
    assert err == f"workout-player: cannot write {target}: the file is read-only. " + (
        "Choose another file.\n"
    )
    assert target.read_text(encoding="utf-8") == "keep me\n"
