"""Load a workout file: YAML text -> `Workout`, with every problem as FILE:LINE:COL: message.

Loading never raises for anything a file can hold (too big, not UTF-8, bad YAML, tags,
deep nesting, alias bombs, wrong values): each problem becomes a `Problem`, all of a
file's problems are reported at once, and the workout is None when any is an error.
Missing media files and overlapping video-led steps are warnings: the workout still loads.

The reading is in layers: `yamlnodes` (text -> marked nodes, safely), `fields` (one
value), `workout_reader` (keys, steps and the rules between them), this module (files).
"""

from __future__ import annotations

import math
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from workout_player.domain.fields import MAX_SECONDS, Issues, TooManyValuesError
from workout_player.domain.model import ExerciseStep, Workout
from workout_player.domain.text_rules import printable
from workout_player.domain.timeline import Plan, build_plan
from workout_player.domain.timestamps import format_timestamp
from workout_player.domain.workout_reader import read_workout
from workout_player.domain.yamlnodes import compose

MAX_FILE_BYTES = 1024 * 1024
"""Workouts are a few kilobytes; anything over 1 MiB is not one."""
MAX_LINE_CHARS = 10_000
"""Longest line read; checked before parsing, because the YAML parser is slowest on them."""

VideoLength = Callable[[Path], float | None]
"""Gives a video's length in seconds (None when unknown); the loader itself never probes."""

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or worth a look) in a workout file, with its 1-based position."""

    path: str
    line: int
    column: int
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        label = "warning: " if self.severity == "warning" else ""
        # A file name may hold anything (a newline, an escape sequence): never print it raw.
        return f"{printable(self.path)}:{self.line}:{self.column}: {label}{self.message}"


@dataclass(frozen=True)
class LoadResult:
    """The workout (None when there is any error) and every problem, in file order."""

    workout: Workout | None
    problems: tuple[Problem, ...]
    plan: Plan | None = None
    """The workout's plan as checked (with the video's length when it was asked for)."""

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "warning")


class WorkoutError(Exception):
    """Raised by `load_workout_or_raise`; `problems` holds every problem of the file."""

    def __init__(self, problems: tuple[Problem, ...]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems if p.severity == "error"))


def _failed(display: str, message: str, line: int = 1, column: int = 1) -> LoadResult:
    return LoadResult(None, (Problem(display, line, column, message),))


def _read_bytes(path: Path, display: str) -> bytes | LoadResult:
    """The file's bytes, or a LoadResult saying why they cannot be read."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            return _failed(display, "is a folder, not a workout file")
        if not stat.S_ISREG(info.st_mode):
            return _failed(display, "is not a regular file (a device or a pipe?)")
        if info.st_size > MAX_FILE_BYTES:
            return _too_big(display, info.st_size)
        with path.open("rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        return _failed(display, "no such file; check the name and the folder")
    except PermissionError:
        return _failed(display, "cannot be read: permission denied")
    except (OSError, ValueError) as error:
        return _failed(display, f"cannot be read: {getattr(error, 'strerror', None) or error}")
    if len(data) > MAX_FILE_BYTES:  # it grew while we read it
        return _too_big(display, len(data))
    return data


def _too_big(display: str, size: int) -> LoadResult:
    return _failed(
        display,
        f"the file is {size / 1024 / 1024:.1f} MiB; a workout file may be at most 1 MiB "
        "(is this really a workout?)",
    )


def _decode(data: bytes, display: str) -> str | LoadResult:
    """UTF-8 text (a leading byte order mark is allowed), or where it is not UTF-8."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.count(b"\x00") > len(data) // 4:
        # UTF-16 or UTF-32 without a byte order mark: plain ASCII in it is valid UTF-8 full
        # of NUL characters, so say what the file is rather than "U+0000 is not allowed".
        return _failed(
            display,
            "the file is not UTF-8 text (it looks like UTF-16 or UTF-32): save it as UTF-8",
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        line_start = before.rfind(b"\n") + 1
        column = len(before[line_start:].decode("utf-8", errors="replace")) + 1
        hint = ""
        if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
            hint = " (it looks like UTF-16 or UTF-32)"
        return _failed(
            display,
            f"the file is not UTF-8 text{hint}: byte 0x{data[error.start]:02x} cannot be read; "
            "save it as UTF-8",
            line,
            column,
        )


def file_text(path: Path, display: str) -> str | LoadResult:
    """A file's text (UTF-8, at most MAX_FILE_BYTES), or a LoadResult saying why it cannot be
    read; shared with the programme loader, whose files follow the same rules."""
    data = _read_bytes(path, display)
    if isinstance(data, LoadResult):
        return data
    return _decode(data, display)


def load_workout(path: str | Path, *, video_length: VideoLength | None = None) -> LoadResult:
    """Read and check a workout file; never raises.

    `video_length`, when given, is asked for the follow-along video's length, so steps
    whose `at` lies past its end are warned about.
    """
    display = str(path)
    try:
        data = _read_bytes(Path(path), display)
        if isinstance(data, LoadResult):
            return data
        decoded = _decode(data, display)
        if isinstance(decoded, LoadResult):
            return decoded
        return _parse(decoded, display, Path(path), source=Path(path), video_length=video_length)
    except Exception as error:  # the last guard of "never raises": see _bug
        return _bug(display, error)


def parse_workout(
    text: str, path: str | Path = "<string>", *, video_length: VideoLength | None = None
) -> LoadResult:
    """Check workout text; relative paths in it resolve against `path`'s folder."""
    source = None if str(path) == "<string>" else Path(path)
    try:
        return _parse(text, str(path), Path(path), source=source, video_length=video_length)
    except Exception as error:  # the last guard of "never raises": see _bug
        return _bug(str(path), error)


def _bug(display: str, error: Exception) -> LoadResult:
    """Every input should get a proper message; one that does not is a bug in the loader.

    The promise is still kept (a problem, never a traceback), and the message says it is
    a bug so that it gets reported instead of taken for a rule of the format.
    """
    return _failed(
        display,
        f"this file could not be checked because of a bug in Workout Player "
        f"({type(error).__name__}: {str(error)[:200]}); please report it with the file",
    )


def load_workout_or_raise(path: str | Path) -> Workout:
    """The workout, or WorkoutError with every problem."""
    result = load_workout(path)
    if result.workout is None:
        raise WorkoutError(result.problems)
    return result.workout


def _long_line(text: str, display: str) -> LoadResult | None:
    """A problem at the first line longer than MAX_LINE_CHARS, else None."""
    for number, line in enumerate(text.split("\n"), start=1):
        if len(line) > MAX_LINE_CHARS:
            return _failed(
                display,
                f"line {number} is {len(line):,} characters long; a line may be at most "
                f"{MAX_LINE_CHARS:,} (write long text over several lines, after | )",
                number,
                MAX_LINE_CHARS + 1,
            )
    return None


def _parse(
    text: str,
    display: str,
    path: Path,
    *,
    source: Path | None,
    video_length: VideoLength | None = None,
) -> LoadResult:
    size = len(text.encode("utf-8", errors="surrogatepass"))
    if size > MAX_FILE_BYTES:
        return _too_big(display, size)
    if text.startswith("\ufeff"):
        text = text[1:]
    if long_line := _long_line(text, display):
        return long_line
    root, yaml_problems = compose(text)
    problems = [Problem(display, p.line, p.column, p.message) for p in yaml_problems]
    if root is None:
        if not problems:
            problems.append(
                Problem(
                    display, 1, 1, "the file is empty; a workout needs at least title: and steps:"
                )
            )
        return LoadResult(None, tuple(problems))
    issues = Issues()
    workout: Workout | None = None
    plan: Plan | None = None
    try:
        workout = read_workout(root, issues, path.parent, source)
    except TooManyValuesError:
        problems.append(
            Problem(
                display,
                root.line,
                root.column,
                "the file repeats values through aliases (*name) too many times to check; "
                "write the values out instead",
            )
        )
    problems.extend(Problem(display, n.line, n.column, n.message, n.severity) for n in issues.notes)
    if workout is not None:
        length = None
        if workout.video_led and workout.video is not None and video_length is not None:
            length = _length_or_none(video_length, workout.video)
        plan = build_plan(workout, video_length=length)
        problems.extend(_plan_problems(plan, display, length))
    if any(p.severity == "error" for p in problems):
        workout = plan = None
    problems.sort(key=lambda p: (p.line, p.column))
    if issues.dropped:
        problems.append(
            Problem(
                display,
                problems[-1].line,
                problems[-1].column,
                f"... and {issues.dropped} more problems, not shown; fix these first",
                # many warnings alone leave the workout valid
                "error" if issues.dropped_errors else "warning",
            )
        )
    return LoadResult(workout, tuple(problems), plan)


def _length_or_none(video_length: VideoLength, video: Path) -> float | None:
    """Ask the caller's probe; one that fails (any exception: it is the caller's code, a
    media library, a disk) leaves the length unknown instead of failing the workout."""
    try:
        length = video_length(video)
    except Exception:  # a boundary into the caller's probe: see the docstring
        return None
    return length if length is not None and math.isfinite(length) and length > 0 else None


def _plan_problems(plan: Plan, display: str, video_length: float | None) -> list[Problem]:
    """What only the expanded plan shows: sets or a whole workout over the 24 h limit,
    overlapping video-led steps, steps past the end of the video (when its length is known)."""
    problems: list[Problem] = []
    steps = plan.workout.steps

    def at_step(index: int, message: str, severity: Severity = "error") -> None:
        where = steps[index].location
        line, column = (where.line, where.column) if where else (1, 1)
        problems.append(Problem(display, line, column, message, severity))

    set_seconds: dict[tuple[int, int], float] = {}
    passed_limit = False
    for segment in plan.segments:
        if segment.kind in ("work", "switch") and segment.set is not None:
            key = (segment.step, segment.set)
            set_seconds[key] = set_seconds.get(key, 0.0) + (segment.duration or 0.0)
        if not passed_limit and segment.end > MAX_SECONDS:
            passed_limit = True
            at_step(
                segment.step,
                f"the workout passes the format's limit of 24 hours here "
                f"(at {format_timestamp(segment.end)}); fewer sets or shorter times, please",
            )
    for (index, set_number), seconds in set_seconds.items():
        step = steps[index]
        if seconds > MAX_SECONDS and set_number == 1 and isinstance(step, ExerciseStep):
            at_step(
                index,
                f"one set of {step.exercise} lasts {format_timestamp(seconds)}, more than the "
                "format's 24 hours; fewer reps or a shorter tempo or hold, please",
            )
    for warning in plan.warnings:
        where = warning.location
        problems.append(
            Problem(
                display,
                where.line if where else 1,
                where.column if where else 1,
                warning.message,
                "warning",
            )
        )
    if video_length is not None:
        for index, step in enumerate(steps):
            if step.at is not None and step.at >= video_length:
                at_step(
                    index,
                    f"this step starts at {format_timestamp(step.at)}, but the video is only "
                    f"{format_timestamp(video_length)} long, so it never plays; check at:",
                    "warning",
                )
    return problems
