"""The round-trip document behind both editors: no Qt, real files, the real loader."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import WORKOUTS
from workout_player.domain.loader import load_workout, parse_workout
from workout_player.editing import (
    DocumentError,
    WorkoutDocument,
    default_save_path,
    format_timestamp,
    next_exercise_name,
    parse_timestamp,
    video_reference,
)

COMMENTED = """\
# Physio's plan, week 3 -- keep this comment
title: Week 3   # after the title
tags: [low-back]
video: class.mp4
safety: Stop if pain spreads into a leg.  # never touched by the editor
steps:
  # the warm-up
  - at: "0:05"
    exercise: Cat-camel
    reps: 6
    tempo: [3, 3]   # slow
  - at: 45
    exercise: Bird dog
    duration: 30
    sides: both
"""


@pytest.fixture
def commented(tmp_path: Path) -> Path:
    (tmp_path / "class.mp4").write_bytes(b"")
    path = tmp_path / "week3.yaml"
    path.write_text(COMMENTED, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", sorted(p.name for p in WORKOUTS.glob("*.yaml")))
def test_bundled_workouts_round_trip_unchanged(name: str) -> None:
    source = WORKOUTS / name
    document = WorkoutDocument.load(source)
    assert document.text() == source.read_text(encoding="utf-8")
    again = parse_workout(document.text(), source).workout
    assert again is not None and again == load_workout(source).workout


def test_load_save_load_gives_the_same_workout(commented: Path) -> None:
    before = load_workout(commented).workout
    assert before is not None
    WorkoutDocument.load(commented).save()
    assert load_workout(commented).workout == before


def test_an_edit_keeps_comments_key_order_and_unknown_keys(commented: Path) -> None:
    document = WorkoutDocument.load(commented)
    document.set_name(1, "Bird dog (slow)")
    document.nudge(0, 0.5)
    document.save()
    text = commented.read_text(encoding="utf-8")
    for kept in (
        "# Physio's plan, week 3 -- keep this comment",
        "title: Week 3   # after the title",
        "safety: Stop if pain spreads into a leg.  # never touched by the editor",
        "# the warm-up",
        "tempo: [3, 3]   # slow",
    ):
        assert kept in text
    assert text.index("title:") < text.index("tags:") < text.index("video:") < text.index("steps:")
    assert '  - at: "0:05.5"\n    exercise: Cat-camel' in text
    assert "exercise: Bird dog (slow)\n    duration: 30\n    sides: both" in text


def test_new_keys_go_in_the_usual_order(commented: Path) -> None:
    document = WorkoutDocument.load(commented)
    document.set_field(1, "rest", 15.0)
    document.set_field(1, "sets", 2)
    step = list(document.steps_seq[1])
    assert step == ["at", "exercise", "sets", "duration", "sides", "rest"]
    assert "rest: 15\n" in document.text()


def test_reps_and_duration_replace_each_other(commented: Path) -> None:
    document = WorkoutDocument.load(commented)
    document.set_reps(1, 8)
    assert "duration" not in document.steps_seq[1]
    document.set_field(1, "hold", 5)
    document.set_duration(1, 20)
    assert {"reps", "hold"}.isdisjoint(document.steps_seq[1])
    assert document.validate().ok


def test_marks_name_steps_in_order_and_last_until_the_next_mark(tmp_path: Path) -> None:
    video = tmp_path / "class.mp4"
    video.write_bytes(b"")
    document = WorkoutDocument.new_from_video(video, tmp_path / "class.yaml")
    document.set_video_length(60.0)
    document.mark(10.04)
    document.mark(30.0)
    document.mark(5.0)
    views = document.steps()
    assert [v.name for v in views] == ["Exercise 1", "Exercise 2", "Exercise 3"]
    assert [v.at for v in views] == [5.0, 10.0, 30.0]
    assert [v.duration for v in views] == [5, 20, 30]
    assert document.mark(10.0) == 1 and len(document) == 3  # same time: no twin
    document.remove_step(0)
    assert [v.name for v in document.steps()] == ["Exercise 1", "Exercise 2"]
    result = document.validate()
    assert result.ok, [str(p) for p in result.problems]
    assert result.workout is not None and result.workout.video == video


def test_a_length_set_by_hand_stops_following_the_marks(tmp_path: Path) -> None:
    document = WorkoutDocument.new_from_video(tmp_path / "v.mp4", tmp_path / "v.yaml")
    document.set_video_length(100.0)
    document.mark(0.0)
    document.set_duration(0, 12)
    document.mark(50.0)
    assert document.step(0).duration == 12
    document.set_reps(1, 10)
    document.mark(80.0)
    assert document.step(1).duration is None and document.step(1).reps == 10


def test_nudge_stays_between_the_neighbours(tmp_path: Path) -> None:
    document = WorkoutDocument.new_from_video(tmp_path / "v.mp4", tmp_path / "v.yaml")
    document.set_video_length(20.0)
    for at in (2.0, 4.0, 6.0):
        document.mark(at)
    assert document.nudge(1, 0.1) == 4.1
    assert document.nudge(1, 5.0) == 5.9
    assert document.nudge(1, -10.0) == 2.1
    assert document.nudge(0, -5.0) == 0.0
    assert document.nudge(2, 60.0) == 20.0
    assert document.step(0).duration == 2.1


def test_loaded_durations_that_end_at_the_next_mark_keep_following_it(commented: Path) -> None:
    text = COMMENTED.replace("reps: 6\n    tempo: [3, 3]   # slow", "duration: 40")
    document = WorkoutDocument.from_text(text, commented)
    document.nudge(1, 1.0)
    assert document.step(0).duration == 41


def test_move_add_remove_for_timer_led_workouts() -> None:
    document = WorkoutDocument.new_timer_led("Mine")
    first = document.add_step()
    document.add_step(first, "rest")
    document.add_step()
    assert [v.name for v in document.steps()] == ["Exercise 1", "Rest", "Exercise 2"]
    document.set_name(0, "Bird dog")
    assert document.move_step(0, 5) == 2
    assert [v.name for v in document.steps()] == ["Rest", "Exercise 1", "Bird dog"]
    assert document.validate().ok


def test_validation_is_the_loaders_and_maps_to_steps(commented: Path) -> None:
    document = WorkoutDocument.load(commented)
    document.set_field(1, "sets", "two")
    result = document.validate()
    assert not result.ok
    problem = result.errors[0]
    assert "sets" in problem.message
    assert document.step_for_line(problem.line) == 1
    expected = parse_workout(document.text(), commented).problems
    assert result.problems == expected


def test_saving_elsewhere_keeps_the_video_reachable(commented: Path, tmp_path: Path) -> None:
    document = WorkoutDocument.load(commented)
    target = tmp_path / "deeper" / "copy.yaml"
    document.save(target)
    result = load_workout(target)
    assert result.workout is not None
    assert result.workout.video == (commented.parent / "class.mp4").absolute()
    # ...through a path relative to the new file, never an absolute one.
    assert WorkoutDocument.load(target).data["video"] == "../class.mp4"


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("title: [unclosed\n", "not readable YAML"),
        ("- just\n- a list\n", "does not hold a workout"),
        ("title: x\nsteps: 3\n", "`steps` is not a list"),
        ("title: x\nsteps:\n  - rest: " + "9" * 5000 + "\n", "a number with thousands of digits"),
        ("title: x\nsteps:\n  - rest: 0x" + "f" * 5000 + "\n", "a whole number of more than 9"),
        ("title: x\nsteps:\n  - exercise: A\n    sets: .inf\n", "holds inf, which the editor"),
        ("title: x\nsteps:\n  - exercise: A\n    sets: 99999999999\n", "more than 9 digits"),
        ("title: x\nsteps:\n  - exercise: A\n    tempo: [1, .nan]\n", "holds nan"),
        ("a: &a [1e999]\nb: [*a, *a]\ntitle: x\nsteps: []\n", "holds inf"),
        ('title: "a\\ud800"\nsteps: []\n', "half of a character pair"),
        ('"\\udc00": 1\ntitle: x\nsteps: []\n', "half of a character pair"),
    ],
)
def test_files_the_editor_cannot_keep_say_what_to_do(text: str, says: str) -> None:
    with pytest.raises(DocumentError, match=says):
        WorkoutDocument.from_text(text, Path("bad.yaml"))


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="no such file"):
        WorkoutDocument.load(tmp_path / "nope.yaml")


def test_save_paths(tmp_path: Path) -> None:
    video = tmp_path / "videos" / "Back class.mp4"
    video.parent.mkdir()
    assert default_save_path(video) == video.with_suffix(".yaml")
    video.with_suffix(".yaml").write_text("taken")
    assert default_save_path(video).name == "Back class-2.yaml"
    fallback = default_save_path(video, writable=lambda _: False, workouts_dir=tmp_path / "w")
    assert fallback == tmp_path / "w" / "Back class.yaml"
    assert video_reference(video, video.with_suffix(".yaml")) == "Back class.mp4"
    # Elsewhere: still relative to the workout file, as the format says.
    assert video_reference(video, tmp_path / "w" / "x.yaml") == "../videos/Back class.mp4"
    assert video_reference(video, tmp_path / "videos" / "a" / "b" / "x.yaml") == (
        "../../Back class.mp4"
    )


def test_a_video_in_another_folder_is_written_relative_and_found_again(tmp_path: Path) -> None:
    video = tmp_path / "media" / "class.mp4"
    video.parent.mkdir()
    video.write_bytes(b"")
    target = tmp_path / "workouts" / "mine" / "class.yaml"
    document = WorkoutDocument.new_from_video(video, target)
    document.save()
    text = target.read_text(encoding="utf-8")
    assert "video: ../../media/class.mp4\n" in text
    found = WorkoutDocument.load(target).video_path()
    assert found is not None and found.samefile(video)


def test_timestamps() -> None:
    assert format_timestamp(0) == "0:00.0"
    assert format_timestamp(75.55) == "1:15.6"
    assert format_timestamp(3723.4) == "1:02:03.4"
    assert parse_timestamp("1:15.5") == 75.5
    assert parse_timestamp("1:02:03") == 3723
    assert parse_timestamp(12) == 12.0
    assert parse_timestamp("1:75") is None
    assert parse_timestamp(True) is None
    assert next_exercise_name(["Exercise 2"]) == "Exercise 3"
