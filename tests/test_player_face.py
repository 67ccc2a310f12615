"""The player face: what the player screen shows, from the session view and the plan (no Qt)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.session_helpers import plan_of, run
from workout_player.domain.clock import FakeClock
from workout_player.domain.model import ExerciseStep, RestStep
from workout_player.domain.player_face import (
    EXTRA_REST_CUE,
    PAUSED_CUE,
    REST_CUE,
    SELF_PACED_HINT,
    PlayerFace,
    Ring,
    player_face,
)
from workout_player.domain.session import PhaseChanged, Session
from workout_player.domain.timeline import Plan

# countdown 0-5; Bridge set 1 5-15, set 2 15-25; rest 25-55; countdown 55-60;
# Side plank left 60-70, switch 70-75, right 75-85.
PLAN = plan_of(
    ExerciseStep("Bridge", reps=2, tempo=(2, 1, 2), sets=2, cue="Squeeze"),
    RestStep(30),
    ExerciseStep("Side plank", reps=1, hold=10, sides="both"),
    countdown=5,
)


def face_at(plan: Plan, seconds: float, phase_seconds: float | None = None) -> PlayerFace:
    clock = FakeClock(100.0)
    session = Session(plan, clock)
    session.start()
    run(session, clock, seconds)
    return player_face(session.view(), plan, phase_seconds=phase_seconds)


def test_before_the_start_the_title_and_what_comes_first() -> None:
    session = Session(PLAN, FakeClock())
    assert player_face(session.view(), PLAN, phase_seconds=None) == PlayerFace(
        title="Test",
        side=None,
        set_text="",
        rep_text=None,
        phase_text=None,
        phase_fraction=0.0,
        ring=Ring(0.0, "", ""),
        cue="",
        next_up="Next up: Bridge - set 1 / 2",
        stage_text="",
        progress=0.0,
        elapsed_text="0:00",
        remaining_text="1:25 left",
        paused=False,
        rest_buttons=False,
        rep_button=False,
        done_button=False,
        done_primary=False,
        before_first=False,
    )


def test_the_first_countdown_says_what_is_coming_and_asks_about_pain() -> None:
    face = face_at(PLAN, 1.5)
    assert face == PlayerFace(
        title="Bridge",
        side=None,
        set_text="",
        rep_text=None,
        phase_text=None,
        phase_fraction=0.0,
        ring=Ring(pytest.approx(0.7), "4", "GET READY"),
        cue="Get ready: 2 x 2 reps, tempo 2-1-2 s",
        next_up="Next up: Bridge - set 2 / 2",  # not the set this countdown leads into
        stage_text="Bridge\n\n2 x 2 reps, tempo 2-1-2 s",
        progress=pytest.approx(1.5 / 85),
        elapsed_text="0:01",
        remaining_text="1:24 left",  # 83.5 s
        paused=False,
        rest_buttons=False,
        rep_button=False,
        done_button=False,
        done_primary=False,
        before_first=True,
    )


@pytest.mark.parametrize(
    ("workout", "seconds", "next_up"),
    [
        ((ExerciseStep("Bridge", reps=2, sets=1), RestStep(30)), 1.0, "Rest 0:30"),
        ((ExerciseStep("Bridge", reps=2, sets=1),), 1.0, "Finish"),
        ((ExerciseStep("Dead bug", reps=1, hold=5, sides="both"),), 1.0, "Dead bug - right"),
        # The countdown before the second step (after the rest) names the step after it.
        ((ExerciseStep("A", reps=1), RestStep(10), ExerciseStep("B", reps=1)), 1.0, "Rest 0:10"),
    ],
)
def test_a_countdown_never_names_its_own_exercise_as_next(
    workout: tuple[ExerciseStep | RestStep, ...], seconds: float, next_up: str
) -> None:
    plan = plan_of(*workout, countdown=5)
    face = face_at(plan, seconds)
    assert face.ring.caption == "GET READY"
    assert face.next_up.removeprefix("Next up: ") == next_up


def test_a_later_countdown_names_what_follows_its_exercise() -> None:
    plan = plan_of(
        ExerciseStep("A", reps=1, hold=5), ExerciseStep("B", reps=1, hold=5), countdown=5
    )
    first_end = next(s.end for s in plan.segments if s.exercise == "A" and s.kind == "work")
    face = face_at(plan, first_end + 1.0)
    assert (face.title, face.ring.caption, face.next_up) == ("B", "GET READY", "Next up: Finish")


def test_a_tempo_set_shows_rep_phase_and_the_set_left() -> None:
    face = face_at(PLAN, 5.5, phase_seconds=2.0)  # 0.5 s into "lower" of rep 1
    assert (face.title, face.set_text, face.rep_text, face.phase_text) == (
        "Bridge",
        "SET 1 / 2",
        "1 / 2",
        "LOWER",
    )
    assert face.phase_fraction == pytest.approx(0.25)
    assert face.ring == Ring(pytest.approx(0.95), "10", "SET LEFT")
    assert (face.cue, face.next_up) == ("Squeeze", "Next up: Bridge - set 2 / 2")
    assert (face.done_button, face.done_primary, face.rep_button, face.rest_buttons) == (
        True,
        False,
        False,
        False,
    )
    assert not face.before_first


def test_a_one_set_step_shows_no_set_count() -> None:
    """ "SET 1 / 1" says nothing to the person on the mat; the side and reps still show."""
    plan = plan_of(ExerciseStep("Side plank", reps=1, hold=20, sides="both"))
    work = next(s for s in plan.segments if s.kind == "work")
    face = face_at(plan, work.start + 1.0)
    assert (face.title, face.side, face.set_text) == ("Side plank", "left", "")
    two = plan_of(ExerciseStep("Side plank", sets=2, reps=1, hold=20, sides="both"))
    work = next(s for s in two.segments if s.kind == "work")
    assert face_at(two, work.start + 1.0).set_text == "SET 1 / 2"


def test_without_a_phase_length_the_phase_bar_is_empty() -> None:
    assert face_at(PLAN, 5.5, phase_seconds=None).phase_fraction == 0.0


def test_a_rest_counts_down_says_what_follows_and_offers_more_or_less() -> None:
    face = face_at(PLAN, 30.0)
    assert (face.title, face.side, face.set_text, face.rep_text) == ("Rest", None, "", None)
    assert face.ring == Ring(pytest.approx(25 / 30), "25", "REST", "rest")
    assert face.cue == REST_CUE
    # The countdown before the side plank is passed over: the person hears about the work.
    assert face.next_up == "Next up: Side plank - left"
    assert face.stage_text == "Rest\n\nthen Side plank - left"
    assert (face.rest_buttons, face.done_button) == (True, False)


def test_a_hold_counts_the_hold_down() -> None:
    face = face_at(PLAN, 62.0)
    assert face.ring == Ring(pytest.approx(0.8), "8", "HOLD")
    assert (face.side, face.rep_text, face.phase_text) == ("left", "1 / 1", None)
    assert face.stage_text == "Side plank\n\n1 x 10 s hold\neach side"


def test_a_one_sided_step_reads_as_on_the_workout_page() -> None:
    # The player once said "left side" where the workout page and the editor say "left only".
    plan = plan_of(ExerciseStep("Clam", duration=20, sides="left"), countdown=5)
    assert face_at(plan, 7.0).stage_text == "Clam\n\n20 s\nleft only"


def test_the_switch_names_the_side_to_turn_to() -> None:
    face = face_at(PLAN, 72.0)
    assert face.ring == Ring(pytest.approx(0.6), "3", "SWITCH SIDES", "warn")
    assert (face.cue, face.side, face.set_text) == (
        "Switch to the right side",
        "right",
        "",  # one set: no "SET 1 / 1"
    )
    assert face.next_up == "Next up: Side plank - right"


def test_a_pause_shows_on_the_ring_the_cue_and_the_pause_button() -> None:
    clock = FakeClock()
    session = Session(PLAN, clock)
    session.start()
    run(session, clock, 62.0)
    session.pause()
    face = player_face(session.view(), PLAN, phase_seconds=None)
    assert face.ring == Ring(pytest.approx(0.8), "8", "PAUSED", "warn")
    assert (face.cue, face.paused, face.side) == (PAUSED_CUE, True, "left")


def test_the_finished_face_is_full_and_names_nothing_next() -> None:
    face = face_at(PLAN, 90.0)
    assert (face.ring, face.next_up, face.cue, face.progress) == (Ring(0.0, "", ""), "", "", 1.0)
    assert face.remaining_text == "0:00 left"


def test_a_self_paced_set_counts_taps_and_makes_done_the_main_button() -> None:
    plan = plan_of(ExerciseStep("Squat", reps=10, cue="Knees out"))
    clock = FakeClock()
    session = Session(plan, clock)
    session.start()
    run(session, clock, 12.0)
    session.add_rep()
    session.add_rep()
    face = player_face(session.view(), plan, phase_seconds=None)
    assert face.ring == Ring(0.2, "0:12", "YOUR PACE")
    assert face.rep_text == "2 / 10"
    assert face.cue == f"Knees out — {SELF_PACED_HINT}"
    assert (face.rep_button, face.done_button, face.done_primary) == (True, True, True)
    # A self-paced set makes the total a minimum.
    assert face.remaining_text == "≥ 0:00 left"


def test_a_ring_of_a_hundred_seconds_or_more_shows_a_clock() -> None:
    plan = plan_of(RestStep(150))
    assert face_at(plan, 10.0).ring == Ring(
        pytest.approx(140 / 150),
        "2:20",
        "REST",
        "rest",
    )
    assert face_at(plan, 51.0).ring.text == "99"


VIDEO = plan_of(
    ExerciseStep("Cat cow", duration=30.0, at=10.0),
    RestStep(20.0, at=60.0),
    countdown=None,
    video=Path("class.mp4"),
    video_length=100.0,
)


def video_face(at: float) -> PlayerFace:
    media, wall = FakeClock(), FakeClock(500.0)
    session = Session(VIDEO, media, wall=wall)
    session.start()
    media.set(at)
    wall.advance(at)
    session.tick()
    return player_face(session.view(), VIDEO, phase_seconds=None)


def test_before_a_video_led_step_the_ring_counts_down_to_it() -> None:
    face = video_face(4.0)  # the first step is at 10 s: a gap from 0
    assert face.ring == Ring(pytest.approx(0.6), "6", "STARTS IN")
    assert (face.title, face.cue, face.next_up, face.before_first) == (
        "Follow the video",
        "",
        "Next up: Cat cow",
        True,
    )


def test_between_two_video_led_steps_the_gap_is_the_ring() -> None:
    face = video_face(50.0)  # Cat cow ends at 40 s, the rest starts at 60 s
    assert face.ring == Ring(pytest.approx(0.5), "10", "STARTS IN")
    assert not face.before_first


def test_a_video_led_rest_offers_more_rest_that_holds_the_video() -> None:
    face = video_face(65.0)
    # + holds the video for more rest; − only shortens that extra rest, none runs yet.
    assert (face.title, face.rest_buttons, face.less_rest_button) == ("Rest", True, False)
    assert face.ring == Ring(pytest.approx(0.75), "15", "REST", "rest")


def test_a_video_led_extra_rest_shows_its_own_countdown_and_says_the_video_waits() -> None:
    media, wall = FakeClock(), FakeClock(500.0)
    session = Session(VIDEO, media, wall=wall)
    session.start()
    media.set(65.0)
    wall.advance(65.0)
    session.tick()
    session.adjust_rest(15.0)
    wall.advance(5.0)
    session.tick()
    face = player_face(session.view(), VIDEO, phase_seconds=None)
    assert face.ring == Ring(pytest.approx(10 / 15), "10", "MORE REST", "rest")
    assert face.cue == EXTRA_REST_CUE
    assert (face.rest_buttons, face.less_rest_button) == (True, True)
    session.pause()
    paused = player_face(session.view(), VIDEO, phase_seconds=None)
    assert (paused.ring.caption, paused.ring.text) == ("PAUSED", "10")


def test_video_led_work_offers_no_more_rest() -> None:
    plan = VIDEO
    work = next(s for s in plan.segments if s.kind == "work" and s.duration)
    face = video_face(work.start + 1.0)
    assert (face.rest_buttons, face.less_rest_button) == (False, False)


@pytest.mark.parametrize("tempo", [(4.0,), (2.5,)])
def test_a_one_number_tempo_fills_the_bar_through_the_rep_and_says_slowly(
    tempo: tuple[float, ...],
) -> None:
    seconds = tempo[0]
    plan = plan_of(ExerciseStep("Slow bridge", reps=3, tempo=tempo), countdown=0)
    clock = FakeClock(100.0)
    session = Session(plan, clock)
    phase_seconds = None
    for event in session.start() + run(session, clock, seconds * 1.25, step=seconds / 8):
        if isinstance(event, PhaseChanged):
            phase_seconds = event.seconds  # as the controller keeps it for the screen
    face = player_face(session.view(), plan, phase_seconds=phase_seconds)
    assert face.rep_text == "2 / 3"
    assert face.phase_text == f"SLOWLY, {seconds:g} s"
    assert face.phase_fraction == pytest.approx(0.25)
