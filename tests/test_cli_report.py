"""`workout-player report`: the date range, the output path (never the history, never half
a file), read-only media and usage errors, each a clear line and never a traceback."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests import report_history as known
from tests import test_store_read_only as read_only
from tests.conftest import REPO
from tests.test_store_read_only import Mount, remount_read_only
from workout_player.cli import main

mount = read_only.mount  # the fixture: a tmpfs made for the test (skips where not allowed)
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils")


@pytest.fixture
def history(tmp_path: Path) -> Path:
    return known.database(tmp_path / "history.sqlite3")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def text_of(pdf: Path) -> str:
    done = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    return " ".join(done.stdout.split())


@pytest.mark.slow
@needs_poppler
def test_the_date_range_picks_the_sessions(
    qtbot: QtBot, history: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "two-weeks.pdf"
    code, said, err = run(
        capsys, "report", "--from", "2026-10-05", "--to", "2026-10-18", "-o", str(out),
        "--db", str(history),
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert said == f"Report for 2026-10-05 to 2026-10-18 written to {out}\n"
    text = text_of(out)
    assert "Period: 5 Oct 2026 to 18 Oct 2026 (14 days)" in text
    assert "Sessions Completed Ended early" in text
    assert " 7 5 2 3.5 1 h 45 min 35 " in text  # 7 sessions on days 0, 2 ... 12
    assert "RED FLAG" not in text  # the leg symptoms were on 12 November


@pytest.mark.slow
@needs_poppler
def test_without_options_the_file_is_named_after_the_period(
    qtbot: QtBot,
    history: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    code, _said, err = run(capsys, "report", "--to", "2026-11-29", "--db", str(history))
    assert (code, err) == (0, "")
    # Twelve weeks back would be 7 September; the history begins on 5 October.
    made = tmp_path / "report-2026-10-05-to-2026-11-29.pdf"
    assert "Period: 5 Oct 2026 to 29 Nov 2026" in text_of(made)


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm", "-journal"])
def test_the_history_and_its_companions_are_refused(
    history: Path, capsys: pytest.CaptureFixture[str], suffix: str
) -> None:
    target = Path(f"{history}{suffix}")
    before = target.read_bytes() if target.exists() else None
    code, _said, err = run(capsys, "report", "-o", str(target), "--db", str(history))
    assert code == 1
    assert "would destroy your history" in err
    assert "Traceback" not in err
    assert (target.read_bytes() if target.exists() else None) == before


def test_a_folder_that_does_not_exist_is_named(
    history: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _said, err = run(
        capsys, "report", "-o", str(tmp_path / "no" / "r.pdf"), "--db", str(history)
    )
    assert code == 1
    assert "does not exist. Create it first." in err


@pytest.mark.slow  # mounts a tmpfs
def test_a_full_disk_leaves_the_old_file_whole(
    qtbot: QtBot, history: Path, mount: Mount, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = mount("full", "16k")  # the report is ~35 KB
    target = folder / "report.pdf"
    target.write_bytes(b"%PDF-1.4 the old report")
    code, _said, err = run(capsys, "report", "-o", str(target), "--db", str(history))
    assert code == 1
    assert "the disk is full" in err
    assert target.read_bytes() == b"%PDF-1.4 the old report"
    assert sorted(p.name for p in folder.iterdir()) == ["report.pdf"]  # no temporary left


@pytest.mark.slow  # mounts a tmpfs
@needs_poppler
def test_a_history_on_read_only_media(
    qtbot: QtBot, history: Path, tmp_path: Path, mount: Mount, capsys: pytest.CaptureFixture[str]
) -> None:
    media = mount("media", "4m")
    shutil.copy(history, media / "history.sqlite3")
    remount_read_only(media)
    out = tmp_path / "report.pdf"
    code, _said, err = run(
        capsys, "report", "--from", "2026-10-05", "--to", "2026-11-29", "-o", str(out),
        "--db", str(media / "history.sqlite3"),
    )  # fmt: skip
    assert code == 0, err
    assert "Bird dog 28 84 672" in text_of(out)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--from", "2026-02-30"], "'2026-02-30' is not a date; write it as YYYY-MM-DD"),
        (["--to", "yesterday"], "'yesterday' is not a date; write it as YYYY-MM-DD"),
    ],
)
def test_a_date_that_is_not_one_is_a_usage_error(
    history: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["report", *argv, "--db", str(history)])
    assert stop.value.code == 2
    assert message in capsys.readouterr().err


def test_from_after_to_says_to_swap_them(
    history: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _said, err = run(
        capsys, "report", "--from", "2026-11-02", "--to", "2026-11-01",
        "-o", str(tmp_path / "r.pdf"), "--db", str(history),
    )  # fmt: skip
    assert code == 2
    assert err == "workout-player: --from 2026-11-02 is after --to 2026-11-01; swap them.\n"
    assert not (tmp_path / "r.pdf").exists()


@pytest.mark.slow
@needs_poppler
def test_the_command_needs_no_display(history: Path, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = str(REPO)
    out = tmp_path / "r.pdf"
    done = subprocess.run(
        [sys.executable, "-m", "workout_player", "report", "--to", "2026-11-29", "-o", str(out),
         "--db", str(history)],
        capture_output=True, text=True, env=env, timeout=60,
    )  # fmt: skip
    assert (done.returncode, done.stderr) == (0, "")
    assert "Home exercise report" in text_of(out)
