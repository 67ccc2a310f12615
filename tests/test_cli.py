"""The command line as a whole: --help everywhere, --db wherever it is given, docs in sync."""

from __future__ import annotations

import argparse
import subprocess
import sys

import pytest

from tests.conftest import REPO
from workout_player.cli import build_parser, main


def _commands() -> list[str]:
    parser = build_parser()
    (sub,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return sorted(sub.choices)


COMMANDS = _commands()


def test_every_expected_command_exists() -> None:
    expected = {"validate", "plan", "schema", "play", "history", "export", "new", "edit"}
    assert expected <= set(COMMANDS)


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help_everywhere(command: str | None, capsys: pytest.CaptureFixture[str]) -> None:
    args = [command, "--help"] if command else ["--help"]
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: workout-player")
    if command:
        assert command in out.splitlines()[0]


@pytest.mark.parametrize(
    ("argv", "db"),
    [
        (["--db", "a.db", "history"], "a.db"),
        (["history", "--db", "b.db"], "b.db"),
        (["--db", "a.db", "play", "w.yaml"], "a.db"),
        (["play", "w.yaml"], None),
        ([], None),
    ],
)
def test_db_option_before_or_after_the_command(argv: list[str], db: str | None) -> None:
    assert build_parser().parse_args(argv).db == db


@pytest.mark.slow
def test_python_dash_m_runs_the_same_command_line() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "workout_player", "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.startswith("workout-player ")


@pytest.mark.parametrize("command", COMMANDS)
def test_readme_documents_every_command(command: str) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert f"workout-player {command}" in readme
