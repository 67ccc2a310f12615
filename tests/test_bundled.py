"""The bundled programmes and their media: they load, they play, they fit their budgets.

Real files, real loader, real libvlc: what ships is what is tested.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.conftest import MEDIA, REPO, WORKOUTS
from workout_player.domain.loader import load_workout
from workout_player.domain.model import CheckStep, ExerciseStep, Workout
from workout_player.domain.timeline import build_plan
from workout_player.playback import probe_media

WORKOUT_FILES = sorted(WORKOUTS.glob("*.yaml"))
MEDIA_BUDGET = 20 * 1024 * 1024
DAILY = WORKOUTS / "daily-back-care.yaml"
DAILY_VIDEO = WORKOUTS / "daily-back-care-video.yaml"
FOLLOW_ALONG = WORKOUTS / "follow-along-30.yaml"


def _load(path: Path) -> Workout:
    result = load_workout(path)
    assert result.workout is not None, "\n".join(str(p) for p in result.problems)
    return result.workout


def _media_of(workout: Workout) -> list[Path]:
    paths = [
        step.clip
        for step in workout.steps
        if isinstance(step, ExerciseStep | CheckStep) and step.clip
    ]
    if workout.video is not None:
        paths.append(workout.video)
    return paths


def test_there_are_at_least_six_programmes() -> None:
    assert len(WORKOUT_FILES) >= 6


@pytest.mark.parametrize("path", WORKOUT_FILES, ids=lambda p: p.name)
def test_workout_loads_without_errors_or_warnings(path: Path) -> None:
    result = load_workout(path)
    assert result.ok
    assert [str(p) for p in result.problems] == []


@pytest.mark.parametrize("path", WORKOUT_FILES, ids=lambda p: p.name)
def test_workout_has_safety_note_level_and_tags(path: Path) -> None:
    workout = _load(path)
    assert workout.safety and "physiotherapist" in workout.safety
    assert workout.level in ("beginner", "intermediate", "advanced")
    assert "low-back" in workout.tags
    assert workout.description


@pytest.mark.parametrize("path", WORKOUT_FILES, ids=lambda p: p.name)
def test_follow_along_names_only_video_led_workouts(path: Path) -> None:
    # The app calls a video-led workout "follow-along" (library, cue editor): a timer-led
    # programme with that word in its title or tags promises a video it does not have.
    workout = _load(path)
    said = " ".join([workout.title, *workout.tags]).lower().replace(" ", "-")
    assert ("follow-along" in said) == workout.video_led, (workout.title, workout.tags)


@pytest.mark.parametrize("path", WORKOUT_FILES, ids=lambda p: p.name)
def test_every_timer_led_exercise_has_its_clip(path: Path) -> None:
    workout = _load(path)
    if workout.video_led:
        return
    missing = [
        s.exercise for s in workout.steps if isinstance(s, ExerciseStep | CheckStep) and not s.clip
    ]
    assert missing == []


@pytest.mark.slow
def test_every_referenced_media_file_exists_and_plays_in_libvlc() -> None:
    referenced = sorted({p for path in WORKOUT_FILES for p in _media_of(_load(path))})
    assert referenced
    for media in referenced:
        assert media.is_file(), f"{media} is referenced but missing"
        info = probe_media(media)
        assert info.error is None, info.error
        assert info.has_video, f"{media.name} has no video track"
        assert info.length is not None and info.length > 0, f"{media.name} has no length"


def test_every_media_file_is_used_by_a_workout() -> None:
    referenced = {p.resolve() for path in WORKOUT_FILES for p in _media_of(_load(path))}
    shipped = {p.resolve() for p in MEDIA.glob("*.mp4")}
    assert shipped - referenced == set()


def test_media_stays_under_its_size_budget() -> None:
    total = sum(p.stat().st_size for p in MEDIA.rglob("*") if p.is_file())
    assert total < MEDIA_BUDGET, f"media/ holds {total / 2**20:.1f} MiB, budget 20 MiB"


def test_media_licence_is_stated() -> None:
    text = (MEDIA / "LICENSE.md").read_text(encoding="utf-8")
    assert "MIT" in text and "own work" in text


def test_daily_routine_takes_8_to_12_minutes() -> None:
    plan = build_plan(_load(DAILY))
    assert plan.exact
    assert 8 * 60 <= plan.total_seconds <= 12 * 60


def test_follow_along_session_takes_25_to_35_minutes() -> None:
    plan = build_plan(_load(FOLLOW_ALONG))
    assert plan.exact
    assert 25 * 60 <= plan.total_seconds <= 35 * 60


def test_video_led_daily_routine_follows_the_timer_led_plan_inside_the_video() -> None:
    """Every cue of the video-led workout lands where the video draws it.

    The video is a title card, then the timer-led plan back to back, then an end card:
    so the video-led segments are the timer-led ones shifted by one constant.
    """
    timer = build_plan(_load(DAILY))
    video_workout = _load(DAILY_VIDEO)
    assert video_workout.video is not None
    length = probe_media(video_workout.video).length
    assert length is not None
    video = build_plan(video_workout, length)
    assert video.warnings == ()
    assert len(video.segments) == len(timer.segments)
    offset = video.segments[0].start - timer.segments[0].start
    assert 0 < offset < 15  # the title card
    for ours, theirs in zip(video.segments, timer.segments, strict=True):
        assert (ours.kind, ours.exercise, ours.set, ours.side, ours.reps) == (
            theirs.kind,
            theirs.exercise,
            theirs.set,
            theirs.side,
            theirs.reps,
        )
        assert ours.start == pytest.approx(theirs.start + offset)
        assert ours.duration == pytest.approx(theirs.duration)
    last_end = video.segments[-1].end
    assert last_end <= length  # every cue falls inside the video
    assert length - last_end < 15  # only the end card follows
    assert video.total_seconds == pytest.approx(length)


def test_video_led_workout_is_what_the_generator_writes() -> None:
    """The video-led file is generated from the timer-led one; nobody edited it by hand."""
    sys.path.insert(0, str(REPO / "scripts"))
    try:
        from figure.schedule import daily_video_yaml
    finally:
        sys.path.remove(str(REPO / "scripts"))
    assert DAILY_VIDEO.read_text(encoding="utf-8") == daily_video_yaml(_load(DAILY))
