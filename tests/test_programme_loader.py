"""Programme files: the bundled one, every rule's message at FILE:LINE:COL, validate's dispatch."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from ruamel.yaml import YAML

from tests.conftest import REPO
from tests.ui_support import SHORT_WORKOUT, TIMER_WORKOUT, write_workout
from workout_player.cli import main
from workout_player.domain.programme.loader import (
    is_programme_file,
    load_programme,
    parse_programme,
)
from workout_player.domain.schema import programme_schema_text

BUNDLED = REPO / "workouts" / "programmes" / "low-back-8-weeks.yaml"

GOOD = """\
programme: Two weeks
phases:
  - name: Start
    weeks: 2
    sessions: 3
    workouts:
      - file: a.yaml
        levels: 3
      - file: b.yaml
        name: Bees
checks:
  - week: 0
    file: a.yaml
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    write_workout(tmp_path, TIMER_WORKOUT, "a.yaml")
    write_workout(tmp_path, SHORT_WORKOUT, "b.yaml")
    return tmp_path


def test_the_bundled_programme_loads_with_its_eight_weeks() -> None:
    result = load_programme(BUNDLED)
    assert result.programme is not None, [str(p) for p in result.problems]
    programme = result.programme
    assert programme.weeks == 8
    assert [c.week for c in programme.checks] == [0, 4, 8]
    assert all(3 <= phase.sessions <= 4 for phase in programme.phases)
    assert programme.safety and "below the knee" in programme.safety
    # Only the self-check (written by another part of the app) may be missing.
    for problem in result.problems:
        assert problem.severity == "warning" and "stability-check.yaml" in problem.message
    for path in programme.files():
        assert path in result.workouts, path


def test_the_bundled_programme_matches_its_json_schema() -> None:
    schema = json.loads(programme_schema_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    data = YAML(typ="safe").load(BUNDLED.read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)


def test_a_good_programme(folder: Path) -> None:
    result = parse_programme(GOOD, folder / "p.yaml")
    assert result.problems == ()
    assert result.programme is not None
    phase = result.programme.phases[0]
    assert [s.levels for s in phase.workouts] == [3, 1]
    assert phase.workouts[1].label == "Bees"
    assert phase.workouts[0].file == folder / "a.yaml"


@pytest.mark.parametrize(
    ("old", "new", "where", "message"),
    [
        ("programme: Two weeks", "title: Two weeks", (1, 1), "unknown key 'title' in programme"),
        ("programme: Two weeks", "title: Two weeks", (1, 1), "programme is missing"),
        ("    weeks: 2", "    weeks: two", (4, 12), 'weeks must be a whole number >= 1, got "two"'),
        ("    sessions: 3", "    sessions: 8", (5, 15), "sessions must be at most 7, got 8"),
        ("        levels: 3", "        levels: 0", (8, 17), "levels must be a whole number >= 1"),
        ("        levels: 3", "        levels: 3\n        progression: [hold, jumps]", (9, 22),
         'each step of progression must be one of hold, reps, sets, got "jumps"'),
        ("  - week: 0", "  - week: 3", (12, 11), "a whole number of weeks from 0 to 2"),
        ("    sessions: 3", "    sessoins: 3", (5, 5), "did you mean 'sessions'?"),
        ("    workouts:\n      - file: a.yaml\n        levels: 3\n      - file: b.yaml\n"
         "        name: Bees\n", "    workouts: []\n", (6, 15), "workouts must be a list of"),
    ],
)  # fmt: skip
def test_each_problem_has_its_position_and_plain_words(
    folder: Path, old: str, new: str, where: tuple[int, int], message: str
) -> None:
    text = GOOD.replace(old, new)
    assert text != GOOD
    result = parse_programme(text, folder / "p.yaml")
    assert result.programme is None
    found = [p for p in result.problems if message in p.message]
    assert found, [str(p) for p in result.problems]
    assert (found[0].line, found[0].column) == where
    assert str(found[0]).startswith(f"{folder / 'p.yaml'}:{where[0]}:{where[1]}: ")


def test_a_missing_workout_file_is_a_warning(folder: Path) -> None:
    (folder / "b.yaml").unlink()
    result = parse_programme(GOOD, folder / "p.yaml")
    assert result.programme is not None
    (warning,) = result.problems
    assert (warning.severity, warning.line, warning.column) == ("warning", 9, 15)
    assert "not found" in warning.message and "the programme's folder" in warning.message


def test_a_broken_workout_is_an_error_at_the_line_naming_it(folder: Path) -> None:
    (folder / "b.yaml").write_text("title: B\nsteps: []\n", encoding="utf-8")
    result = parse_programme(GOOD, folder / "p.yaml")
    assert result.programme is None
    (error,) = result.problems
    assert (error.line, error.column) == (9, 9)
    assert "workout-player validate b.yaml" in error.message


@pytest.mark.parametrize("text", ["", "[1, 2]", "programme: [a]\n", "programme: A\nphases: {}\n",
                                  "programme: A\nphases:\n  - 3\n", ": :\n  - ]["])  # fmt: skip
def test_odd_files_get_messages_not_tracebacks(folder: Path, text: str) -> None:
    result = parse_programme(text, folder / "p.yaml")
    assert result.programme is None and result.problems


def test_validate_checks_programme_files_too(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = folder / "p.yaml"
    good.write_text(GOOD, encoding="utf-8")
    bad = folder / "q.yaml"
    bad.write_text(GOOD.replace("weeks: 2", "weeks: 0"), encoding="utf-8")
    assert is_programme_file(good) and not is_programme_file(folder / "a.yaml")
    assert main(["validate", str(good), str(folder / "a.yaml")]) == 0
    assert capsys.readouterr().out.splitlines() == [f"OK {good}", f"OK {folder / 'a.yaml'}"]
    assert main(["validate", str(bad)]) == 1
    assert f"{bad}:4:12: weeks must be a whole number >= 1, got 0" in capsys.readouterr().err


def test_the_library_does_not_list_the_programme() -> None:
    from workout_player import paths

    assert BUNDLED not in paths.bundled_workout_files()


def test_schema_programme_prints_the_shipped_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "--programme"]) == 0
    assert capsys.readouterr().out == programme_schema_text()
