"""Every command on a terminal that is not UTF-8, and on a full or closed standard output.

Real child processes, because the point is what Python does with its own streams at
start and at exit: `PYTHONIOENCODING=cp1252` or `ascii` gives replacement escapes (and
exact JSON, written with ASCII escapes); `> /dev/full` is one line on stderr and exit 1;
a reader that has gone (`| head -1`; here a pipe whose reading end is closed before the
command starts, so the first write fails every time) is a quiet exit 141. Never a
traceback, never Python's "Exception ignored" at exit.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO
from workout_player.store import open_store

pytestmark = pytest.mark.slow

TITLE = "Rücken → Übung ✓"  # ü is not ASCII; → and ✓ are not in cp1252 either


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("streams")
    db = folder / "history.sqlite3"
    with open_store(db) as store:
        for _ in range(3):
            session = store.start_session(workout=TITLE, workout_file=None, content_hash=None)
            store.finish_session(session, status="completed", active_seconds=60.0)
    workout = folder / "rücken.yaml"
    workout.write_text(
        f"title: {TITLE}\nsteps:\n  - exercise: Vogel-Hund ✓\n    duration: 30\n",
        encoding="utf-8",
    )
    return {"db": db, "workout": workout}


def commands(files: dict[str, Path]) -> dict[str, list[str]]:
    db, workout = str(files["db"]), str(files["workout"])
    return {
        "history": ["history", "--db", db],
        "history-json": ["history", "--json", "--db", db],
        "export-csv": ["export", "--format", "csv", "--db", db],
        "export-json": ["export", "--format", "json", "--db", db],
        "validate": ["validate", workout],
        "plan": ["plan", workout],
        "plan-json": ["plan", "--json", workout],
        "schema": ["schema"],
        "help": ["--help"],
        "version": ["--version"],
    }


NAMES = list(commands({"db": Path(), "workout": Path()}))


def run(
    argv: list[str], *, encoding: str = "utf-8", stdout: int | None = subprocess.PIPE, **kw: object
) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONIOENCODING": encoding}
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "workout_player", *argv],
        stdout=stdout,
        stderr=subprocess.PIPE,
        env=env,
        check=False,
        timeout=60,
        **kw,
    )


def assert_clean(stderr: bytes) -> None:
    assert b"Traceback" not in stderr
    assert b"Exception ignored" not in stderr


@pytest.mark.parametrize("encoding", ["cp1252", "ascii"])
@pytest.mark.parametrize("name", NAMES)
def test_a_terminal_that_is_not_utf8_gets_escapes_not_a_traceback(
    files: dict[str, Path], name: str, encoding: str
) -> None:
    argv = commands(files)[name]
    done = run(argv, encoding=encoding)
    assert_clean(done.stderr)
    assert done.returncode == 0, done.stderr
    text = done.stdout.decode(encoding)  # every byte is valid in the terminal's encoding
    reference = run(argv).stdout.decode("utf-8")
    if name.endswith("json") or name == "schema":
        assert json.loads(text) == json.loads(reference)  # escapes keep JSON exact
    elif TITLE in reference:
        assert TITLE not in text
        assert "\\u2192" in text  # → shown as an escape


@pytest.mark.parametrize("name", NAMES)
def test_a_full_disk_is_one_line_and_exit_1(files: dict[str, Path], name: str) -> None:
    with Path("/dev/full").open("wb") as full:
        done = run(commands(files)[name], stdout=full.fileno())
    assert_clean(done.stderr)
    assert done.returncode == 1
    assert done.stderr.decode().endswith(
        "workout-player: cannot write the output: No space left on device.\n"
    )


@pytest.mark.parametrize("name", NAMES)
def test_a_reader_that_left_is_a_quiet_exit_141(files: dict[str, Path], name: str) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # like `| head -1` after its line: every write now fails with EPIPE
    try:
        done = run(commands(files)[name], stdout=write_end)
    finally:
        os.close(write_end)
    assert_clean(done.stderr)
    assert done.returncode == 141
    assert b"cannot write" not in done.stderr


def test_stdout_and_stderr_both_full_still_end_cleanly(files: dict[str, Path]) -> None:
    with Path("/dev/full").open("wb") as full:
        done = subprocess.run(
            [sys.executable, "-m", "workout_player", *commands(files)["history"]],
            stdout=full,
            stderr=full,
            env={**os.environ, "PYTHONPATH": str(REPO)},
            check=False,
            timeout=60,
        )
    assert done.returncode == 1


def test_export_appended_to_the_history_itself_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "history.sqlite3"
    with open_store(db) as store:
        store.start_session(workout="Back basics", workout_file=None, content_hash=None)
    before = db.read_bytes()
    with db.open("ab") as append:  # `workout-player export --format csv >> history.sqlite3`
        done = run(["export", "--format", "csv", "--db", str(db)], stdout=append.fileno())
    assert done.returncode == 1
    assert b"the output goes into the history database" in done.stderr
    assert db.read_bytes() == before
