"""A workout file opened for editing, saved back with its comments and key order.

The document holds ruamel.yaml's round-trip tree (CommentedMap/CommentedSeq)
and only ever changes the keys an edit names, so a re-save keeps comments,
key order and keys the editor does not know. Validation is the loader's own:
the produced text goes through `parse_workout`, so the editor shows exactly the
problems `workout-player validate` would print for the saved file.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import DoubleQuotedScalarString
from ruamel.yaml.util import load_yaml_guess_indent

from workout_player.domain.filecheck import describe, file_problem
from workout_player.domain.loader import LoadResult, parse_workout
from workout_player.domain.workout_reader import EXERCISE_KEYS, TOP_KEYS
from workout_player.editing.names import is_placeholder_name, next_exercise_name
from workout_player.editing.saving import video_reference, write_atomically
from workout_player.editing.timestamps import format_timestamp, parse_timestamp, round_tenth
from workout_player.output_file import OutputError

# Where a key goes when an edit adds it, so new keys read in the usual order: the
# loader's order, with `at` first in a step (a cue sheet reads by time).
_KEY_ORDER = ("at", *(key for key in EXERCISE_KEYS if key != "at"))
_TOP_ORDER = TOP_KEYS
MAX_BYTES = 1024 * 1024
# Length given to the last marked step while the video's length is unknown.
DEFAULT_MARK_SECONDS = 30.0
# A duration within this of the gap to the next mark counts as "until the next mark".
_TOLERANCE = 0.051


class DocumentError(Exception):
    """The file cannot be opened for editing; the message says why and what to do."""


_LARGEST = 10**9
"""Larger than any value of the format (24 h, 10,000 reps) and within the int of a Qt spin box."""


def _unusable_number(data: object) -> str | None:
    """What the editor cannot work with (a number too large or not finite, broken text).

    The loader reports such values at their position; the editor's spin boxes and time
    fields would raise on them, so it does not open the file. Aliases are walked once.
    """
    seen: set[int] = set()
    todo = [data]
    while todo:
        value = todo.pop()
        if id(value) in seen:
            continue
        seen.add(id(value))
        if isinstance(value, dict):
            todo.extend(value.keys())
            todo.extend(value.values())
        elif isinstance(value, list):
            todo.extend(value)
        elif isinstance(value, bool):
            continue
        elif isinstance(value, int) and abs(value) > _LARGEST:
            return "a whole number of more than 9 digits"
        elif isinstance(value, float) and not abs(value) <= _LARGEST:
            return repr(value)
        elif isinstance(value, str) and _SURROGATE.search(value):
            return "half of a character pair (broken text that cannot be saved)"
    return None


_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class StepView:
    """One step's values as written (numbers, text, or whatever the file holds)."""

    index: int
    kind: Literal["exercise", "rest"]
    name: str
    """The exercise's name, or "Rest" for a rest step."""
    at: float | None
    reps: Any = None
    duration: Any = None
    sets: Any = None
    tempo: Any = None
    hold: Any = None
    sides: Any = None
    rest: Any = None
    cue: Any = None
    auto_duration: bool = False
    """True while the duration follows the next mark (or the video's end)."""


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    # Long cues stay on one line instead of being folded at 80 columns.
    yaml.width = 4096
    return yaml


def _number(value: float) -> int | float:
    """A clean YAML number: `12` rather than `12.0`, tenths without float noise."""
    value = round(value, 3)
    return int(value) if value.is_integer() else value


def _insert_ordered(mapping: CommentedMap, key: str, value: Any, order: tuple[str, ...]) -> None:
    if key in mapping:
        mapping[key] = value
        return
    rank = order.index(key) if key in order else len(order)
    for position, existing in enumerate(mapping):
        existing_rank = order.index(existing) if existing in order else len(order)
        if existing_rank > rank:
            mapping.insert(position, key, value)
            return
    mapping[key] = value


def _length_key(step: CommentedMap) -> str:
    """The key that holds how long a marked step lasts: `duration`, or `rest` for a rest."""
    return "rest" if "rest" in step and "exercise" not in step else "duration"


class WorkoutDocument:
    """An editable workout: steps to add, remove, reorder and change, and YAML text out."""

    def __init__(
        self,
        data: CommentedMap,
        *,
        path: Path | None = None,
        indent: tuple[int, int, int] = (2, 4, 2),
    ) -> None:
        self.data = data
        self.path = path
        self._indent = indent
        self._auto: set[int] = set()
        self._video_length: float | None = None
        self._length_checked = False
        self.modified = False
        self._cached: tuple[str, LoadResult] | None = None
        self._adopt_auto_durations()

    # -- opening -----------------------------------------------------------------------------

    @classmethod
    def from_text(cls, text: str, path: Path | None = None) -> WorkoutDocument:
        try:
            data, indent, offset = load_yaml_guess_indent(text, yaml=_yaml())
        except (YAMLError, RecursionError) as error:
            where = path or "the file"
            raise DocumentError(
                f"{where} is not readable YAML, so the editor cannot keep its layout "
                f"({str(error).splitlines()[0]}). Fix it in a text editor first; "
                f"`workout-player validate` shows where."
            ) from None
        except ValueError:
            # ruamel's round-trip reader turns digits into an int itself, and int() refuses
            # more than 4300 of them; that is the only ValueError a text can cause there.
            raise DocumentError(
                f"{path or 'the file'} holds a number with thousands of digits, which the editor "
                "cannot read. Fix it in a text editor first; `workout-player validate` shows "
                "where."
            ) from None
        if data is None:
            data = CommentedMap()
        if (number := _unusable_number(data)) is not None:
            raise DocumentError(
                f"{path or 'the file'} holds {number}, which the editor cannot work with "
                "(a number too large, .inf/.nan, broken text). Fix it in a text editor first; "
                "`workout-player validate` shows where."
            )
        if not isinstance(data, CommentedMap):
            raise DocumentError(
                f"{path or 'the file'} does not hold a workout (a mapping with `title` and "
                f"`steps`). Start a new workout instead."
            )
        if "steps" in data and not isinstance(data["steps"], CommentedSeq):
            raise DocumentError(
                f"{path or 'the file'}: `steps` is not a list. Fix it in a text editor first; "
                f"`workout-player validate` shows where."
            )
        if "steps" not in data:
            data["steps"] = CommentedSeq()
        # The guess gives the dash's offset and the sequence item's indent; mappings use
        # the item indent minus the dash offset (2 for both common styles).
        offset = offset if offset is not None else 2
        sequence = indent if indent is not None and indent >= offset + 2 else offset + 2
        mapping = max(2, sequence - offset)
        return cls(data, path=path, indent=(mapping, sequence, offset))

    @classmethod
    def load(cls, path: str | Path) -> WorkoutDocument:
        path = Path(path)
        problem = file_problem(path)  # a FIFO would block the read below for ever
        if problem is not None and not problem.missing:
            raise DocumentError(f"{describe('Workout', path, problem)}.")
        try:
            if path.stat().st_size > MAX_BYTES:
                raise DocumentError(f"{path} is too big to be a workout (over 1 MiB).")
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise DocumentError(f"{path}: no such file. Check the name or the folder.") from None
        except UnicodeDecodeError:
            raise DocumentError(f"{path} is not a UTF-8 text file, so not a workout.") from None
        except OSError as error:
            raise DocumentError(f"{path} cannot be read: {error.strerror}.") from None
        return cls.from_text(text, path)

    @classmethod
    def new_from_video(cls, video: Path, save_path: Path) -> WorkoutDocument:
        """A video-led workout with no steps yet, titled after the video."""
        title = video.stem.replace("_", " ").replace("-", " ").strip() or "My workout"
        data = CommentedMap()
        data["title"] = title[:1].upper() + title[1:120]
        data["video"] = video_reference(video, save_path)
        data["steps"] = CommentedSeq()
        data.yaml_set_start_comment(f"Cues for {video.name}, made in Workout Player's cue editor.")
        document = cls(data, path=save_path)
        document.modified = True
        return document

    @classmethod
    def new_timer_led(cls, title: str, save_path: Path | None = None) -> WorkoutDocument:
        data = CommentedMap()
        data["title"] = title
        data["steps"] = CommentedSeq()
        document = cls(data, path=save_path)
        document.modified = True
        return document

    # -- reading -----------------------------------------------------------------------------

    @property
    def steps_seq(self) -> CommentedSeq:
        steps = self.data["steps"]
        assert isinstance(steps, CommentedSeq)
        return steps

    @property
    def video_led(self) -> bool:
        return self.data.get("video") is not None

    @property
    def title(self) -> str:
        return str(self.data.get("title") or "")

    def video_path(self) -> Path | None:
        """The video as a path, resolved against the workout's folder."""
        value = self.data.get("video")
        if not isinstance(value, str) or not value.strip():
            return None
        video = Path(value).expanduser()
        if not video.is_absolute() and self.path is not None:
            video = self.path.absolute().parent / video
        return video

    def __len__(self) -> int:
        return len(self.steps_seq)

    def _mapping(self, index: int) -> CommentedMap:
        step = self.steps_seq[index]
        if not isinstance(step, CommentedMap):
            raise DocumentError(f"step {index + 1} is not a mapping; fix it in a text editor")
        return step

    def step(self, index: int) -> StepView:
        raw = self.steps_seq[index]
        step = raw if isinstance(raw, CommentedMap) else CommentedMap()
        exercise = "exercise" in step or "rest" not in step
        name = str(step.get("exercise") or "") if exercise else "Rest"
        return StepView(
            index=index,
            kind="exercise" if exercise else "rest",
            name=name,
            at=parse_timestamp(step.get("at")),
            reps=step.get("reps"),
            duration=step.get("duration"),
            sets=step.get("sets"),
            tempo=step.get("tempo"),
            hold=step.get("hold"),
            sides=step.get("sides"),
            rest=step.get("rest"),
            cue=step.get("cue"),
            auto_duration=id(raw) in self._auto,
        )

    def steps(self) -> list[StepView]:
        return [self.step(index) for index in range(len(self))]

    def exercise_names(self) -> list[str]:
        return [view.name for view in self.steps() if view.kind == "exercise"]

    # -- changing ----------------------------------------------------------------------------

    def _changed(self) -> None:
        self.modified = True
        self._refresh_auto_durations()

    def _renumber_placeholders(self) -> None:
        """Keep "Exercise N" meaning the N-th exercise after steps are added, moved or removed."""
        number = 0
        for step in self.steps_seq:
            if not isinstance(step, CommentedMap) or "exercise" not in step:
                continue
            number += 1
            name = step["exercise"]
            if isinstance(name, str) and is_placeholder_name(name):
                step["exercise"] = f"Exercise {number}"

    def set_top(self, key: str, value: Any) -> None:
        """Set (or, with None, remove) a top-level key such as `title`."""
        if value is None:
            self.data.pop(key, None)
        else:
            _insert_ordered(self.data, key, value, _TOP_ORDER)
        self.modified = True

    def set_field(self, index: int, key: str, value: Any) -> None:
        """Set (or, with None, remove) one key of a step; a value the loader rejects is kept
        as typed so that the problem shows up, with its line, in the problems list."""
        step = self._mapping(index)
        if key == _length_key(step):
            self._auto.discard(id(step))
        if value is None:
            step.pop(key, None)
        else:
            if isinstance(value, float):
                value = _number(value)
            _insert_ordered(step, key, value, _KEY_ORDER)
        self._changed()

    def set_name(self, index: int, name: str) -> None:
        self.set_field(index, "exercise", name.strip())

    def set_reps(self, index: int, reps: Any) -> None:
        """Make the step a rep set: `reps` replaces `duration` (exactly one of them is allowed)."""
        step = self._mapping(index)
        self._auto.discard(id(step))
        step.pop("duration", None)
        self.set_field(index, "reps", reps)

    def set_duration(self, index: int, seconds: Any) -> None:
        """Make the step a timed set: `duration` replaces `reps`, `tempo` and `hold`."""
        step = self._mapping(index)
        for key in ("reps", "tempo", "hold"):
            step.pop(key, None)
        self.set_field(index, "duration", seconds)

    def set_at(self, index: int, seconds: float) -> None:
        """Move a step's start; the style already in the file (number or text) is kept."""
        step = self._mapping(index)
        seconds = round_tenth(max(0.0, seconds))
        existing = step.get("at")
        value: Any
        if isinstance(existing, int | float) and not isinstance(existing, bool):
            value = _number(seconds)
        elif isinstance(existing, str):
            # Same class keeps the quoting: plain `0:08`, "0:08" or '0:08' as written.
            value = type(existing)(format_timestamp(seconds))
        else:
            value = DoubleQuotedScalarString(format_timestamp(seconds))
        _insert_ordered(step, "at", value, _KEY_ORDER)
        self._changed()

    def nudge(self, index: int, delta: float) -> float | None:
        """Move a step's start by `delta` seconds, staying between its neighbours.

        Returns the new start, or None when the step has no readable `at`.
        """
        current = self.step(index).at
        if current is None:
            return None
        low = 0.0
        high = self._video_length if self._video_length else float("inf")
        if index > 0 and (previous := self.step(index - 1).at) is not None:
            low = previous + 0.1
        if index + 1 < len(self) and (following := self.step(index + 1).at) is not None:
            high = following - 0.1
        target = round_tenth(min(max(current + delta, low), high))
        if abs(target - current) > 1e-9:
            self.set_at(index, target)
        return target

    def mark(self, at: float, kind: Literal["exercise", "rest"] = "exercise") -> int:
        """Add a timed step "Exercise N" (or a rest) starting at `at`; return its index.

        It lasts until the next mark or the video's end, and keeps following them
        until someone sets its length by hand. Marking where a step already starts
        selects that step instead of adding a twin.
        """
        at = round_tenth(max(0.0, at))
        position = 0
        for view in self.steps():
            if view.at is not None and abs(view.at - at) < 0.05:
                return view.index
            if view.at is not None and view.at < at:
                position = view.index + 1
        step = CommentedMap()
        step["at"] = DoubleQuotedScalarString(format_timestamp(at))
        if kind == "rest":
            step["rest"] = _number(DEFAULT_MARK_SECONDS)
        else:
            step["exercise"] = next_exercise_name(self.exercise_names())
            step["duration"] = _number(DEFAULT_MARK_SECONDS)
        self.steps_seq.insert(position, step)
        self._auto.add(id(step))
        self._renumber_placeholders()
        self._changed()
        return position

    def add_step(
        self, index: int | None = None, kind: Literal["exercise", "rest"] = "exercise"
    ) -> int:
        """Insert a new step after `index` (at the end by default); return its index."""
        position = len(self) if index is None else min(index + 1, len(self))
        step = CommentedMap()
        if kind == "rest":
            step["rest"] = 30
        else:
            step["exercise"] = next_exercise_name(self.exercise_names())
            step["reps"] = 10
        self.steps_seq.insert(position, step)
        self._renumber_placeholders()
        self._changed()
        return position

    def remove_step(self, index: int) -> None:
        step = self.steps_seq[index]
        self._auto.discard(id(step))
        del self.steps_seq[index]
        self._renumber_placeholders()
        self._changed()

    def move_step(self, index: int, to: int) -> int:
        """Move a step to position `to` (clamped); return where it ended up."""
        to = max(0, min(to, len(self) - 1))
        if to != index:
            step = self.steps_seq.pop(index)
            self.steps_seq.insert(to, step)
            self._renumber_placeholders()
            self._changed()
        return to

    # -- durations that follow the marks ------------------------------------------------------

    @property
    def video_length(self) -> float | None:
        return self._video_length

    def set_video_length(self, seconds: float | None) -> None:
        """The video's length, once known: the last marked step runs until it."""
        self._video_length = seconds if seconds and seconds > 0 else None
        if self._video_length and not self._length_checked and len(self):
            self._length_checked = True
            last = self.steps_seq[-1]
            view = self.step(len(self) - 1)
            if self._is_gap(view, self._video_length) and isinstance(last, CommentedMap):
                self._auto.add(id(last))
        if self._refresh_auto_durations():
            self.modified = True

    def _gap_after(self, index: int) -> float | None:
        at = self.step(index).at
        if at is None:
            return None
        end = self._video_length
        if index + 1 < len(self):
            end = self.step(index + 1).at
        if end is None or end - at < 0.1 - 1e-9:
            return None
        return round_tenth(end - at)

    @staticmethod
    def _is_gap(view: StepView, end: float | None) -> bool:
        if view.at is None or end is None:
            return False
        length = view.duration if view.kind == "exercise" else view.rest
        if view.reps is not None or isinstance(length, bool) or not isinstance(length, int | float):
            return False
        return abs(view.at + float(length) - end) < _TOLERANCE

    def _adopt_auto_durations(self) -> None:
        """A loaded timed step that ends exactly at the next mark keeps following it."""
        if not self.video_led:
            return
        for index in range(len(self) - 1):
            step = self.steps_seq[index]
            if self._is_gap(self.step(index), self.step(index + 1).at):
                self._auto.add(id(step))

    def _refresh_auto_durations(self) -> bool:
        changed = False
        for index, step in enumerate(self.steps_seq):
            if id(step) not in self._auto or not isinstance(step, CommentedMap):
                continue
            gap = self._gap_after(index)
            key = _length_key(step)
            if gap is not None and step.get(key) != _number(gap):
                step[key] = _number(gap)
                changed = True
        return changed

    # -- text, validation, saving -------------------------------------------------------------

    def text(self) -> str:
        yaml = _yaml()
        mapping, sequence, offset = self._indent
        yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
        buffer = io.StringIO()
        yaml.dump(self.data, buffer)
        return buffer.getvalue()

    def validate(self) -> LoadResult:
        """The loader's verdict on the text a save would write (cached per text)."""
        text = self.text()
        if self._cached is None or self._cached[0] != text:
            self._cached = (text, parse_workout(text, self.path or "<new workout>"))
        return self._cached[1]

    def step_for_line(self, line: int) -> int | None:
        """The step whose lines include `line` (1-based, in `text()`), None for top-level keys."""
        try:
            data = _yaml().load(self.text())
        except YAMLError:
            return None
        steps = data.get("steps") if isinstance(data, CommentedMap) else None
        if not isinstance(steps, CommentedSeq):
            return None
        found = None
        for index in range(len(steps)):
            start_line, _column = steps.lc.item(index)
            if start_line + 1 <= line:
                found = index
        steps_line = data.lc.key("steps")[0] + 1
        return found if line > steps_line else None

    def save(self, path: Path | None = None) -> Path:
        """Write the workout (to `path`, else where it came from); return where it went.

        Saving somewhere else rewrites a relative `video:` so it still finds the video
        (still relative, from the new folder). A path the person wrote in full stays so.
        """
        target = (path or self.path or Path()).expanduser()
        if target == Path():
            raise DocumentError("no file name to save to; choose one")
        video = self.video_path()
        if video is not None and self.path is not None and target != self.path:
            value = self.data.get("video")
            if isinstance(value, str) and not Path(value).expanduser().is_absolute():
                self.data["video"] = video_reference(video, target)
        try:
            write_atomically(target, self.text())
        except OutputError as error:
            raise DocumentError(str(error)) from None
        except OSError as error:
            raise DocumentError(
                f"could not save to {target}: {error.strerror or error}. "
                f"Choose another folder (or free some space) and save again."
            ) from None
        self.path = target
        self.modified = False
        return target
