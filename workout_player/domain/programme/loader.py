"""Load a programme file: YAML text -> `Programme`, every problem as FILE:LINE:COL: message.

The same promise as the workout loader (never raises; all problems at once; a missing
workout file is a warning), with the same `Problem`. With `check_workouts`, each workout
the programme names is loaded too: one with errors is an error at the line naming it,
and a video-led workout given levels is a warning (a video cannot be dosed).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from workout_player.domain.fields import Issues, TooManyValuesError
from workout_player.domain.loader import LoadResult, Problem, file_text, load_workout
from workout_player.domain.model import Workout
from workout_player.domain.programme.model import Programme
from workout_player.domain.programme.reader import DETECTING_KEY, read_programme
from workout_player.domain.yamlnodes import Mapping, Scalar, compose


@dataclass(frozen=True)
class ProgrammeResult:
    programme: Programme | None
    problems: tuple[Problem, ...]
    workouts: dict[Path, Workout] = field(default_factory=dict)
    """The workouts it names that loaded, by path (with check_workouts)."""

    @property
    def ok(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "warning")


def is_programme_text(text: str) -> bool:
    """Whether the text's top level has `programme:` (cheap enough for validate's dispatch)."""
    root, _ = compose(text)
    return isinstance(root, Mapping) and any(
        isinstance(key, Scalar) and key.value == DETECTING_KEY for key, _ in root.pairs
    )


def is_programme_file(path: str | Path) -> bool:
    text = file_text(Path(path), str(path))
    return isinstance(text, str) and is_programme_text(text.removeprefix("\ufeff"))


def load_programme(path: str | Path, *, check_workouts: bool = True) -> ProgrammeResult:
    display = str(path)
    text = file_text(Path(path), display)
    if isinstance(text, LoadResult):
        return ProgrammeResult(None, text.problems)
    return parse_programme(text, path, check_workouts=check_workouts)


def parse_programme(
    text: str, path: str | Path = "<string>", *, check_workouts: bool = True
) -> ProgrammeResult:
    display = str(path)
    text = text.removeprefix("\ufeff")
    root, yaml_problems = compose(text)
    problems = [Problem(display, p.line, p.column, p.message) for p in yaml_problems]
    if root is None:
        if not problems:
            empty = "the file is empty; a programme needs programme: and phases:"
            problems.append(Problem(display, 1, 1, empty))
        return ProgrammeResult(None, tuple(problems))
    issues = Issues()
    source = None if display == "<string>" else Path(path)
    programme = None
    try:
        programme = read_programme(root, issues, Path(path).parent, source)
    except TooManyValuesError:
        repeats = "the file repeats values through aliases (*name) too many times to check"
        problems.append(Problem(display, root.line, root.column, repeats))
    problems.extend(Problem(display, n.line, n.column, n.message, n.severity) for n in issues.notes)
    workouts: dict[Path, Workout] = {}
    if programme is not None and check_workouts:
        problems.extend(_workout_problems(programme, display, workouts))
    if any(p.severity == "error" for p in problems):
        programme = None
    problems.sort(key=lambda p: (p.line, p.column))
    return ProgrammeResult(programme, tuple(problems), workouts)


def _workout_problems(
    programme: Programme, display: str, workouts: dict[Path, Workout]
) -> list[Problem]:
    problems: list[Problem] = []
    for phase in programme.phases:
        for slot in phase.workouts:
            where = slot.location
            line, column = (where.line, where.column) if where else (1, 1)
            if not slot.file.is_file() or slot.file in workouts:
                continue  # missing: the reader warned already
            result = load_workout(slot.file)
            if result.workout is None:
                errors = sum(p.severity == "error" for p in result.problems)
                message = (
                    f"the workout {slot.file.name} has {errors} error{'s' if errors != 1 else ''};"
                    f" run workout-player validate {slot.file.name} to see them"
                )
                problems.append(Problem(display, line, column, message))
                continue
            workouts[slot.file] = result.workout
            if result.workout.video_led and slot.levels > 1:
                message = (
                    f"{slot.file.name} follows a video, whose dose cannot change: its levels "
                    "are all the same"
                )
                problems.append(Problem(display, line, column, message, "warning"))
    return problems
