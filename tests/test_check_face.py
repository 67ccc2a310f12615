"""The player's face during a check, without Qt: the count-up ring, the cap, the count,
the prompt and which buttons act (from a real session on the fake clock)."""

from __future__ import annotations

from workout_player.domain.check_face import held_text, result_text
from workout_player.domain.clock import FakeClock
from workout_player.domain.loader import parse_workout
from workout_player.domain.player_face import PlayerFace, player_face
from workout_player.domain.session import Session
from workout_player.domain.timeline import Plan, build_plan

TEXT = (
    "title: T\ncountdown: 3\nsteps:\n"
    "  - check: single_leg_stance_eyes_open\n    name: Stance\n    measure: hold\n"
    "    cap: 45\n    trials: 3\n    sides: left\n    rest: 10\n"
    "    instructions: Arms crossed, one foot up.\n"
    "  - check: chair_stand_30s\n    name: Chair\n    measure: count\n    time: 30\n"
    "    entry: type\n"
)


def run() -> tuple[Session, FakeClock, Plan]:
    result = parse_workout(TEXT)
    assert result.workout is not None
    plan = build_plan(result.workout)
    clock = FakeClock()
    return Session(plan, clock), clock, plan


def face(s: Session, plan: Plan) -> PlayerFace:
    return player_face(s.view(), plan, phase_seconds=None)


def test_a_hold_counts_up_towards_its_cap() -> None:
    s, clock, plan = run()
    s.start()
    ready = face(s, plan)
    assert ready.check is None and ready.cue == "Get ready: Check: hold, up to 45 s, best of 3"
    assert ready.stage_text.endswith("Arms crossed, one foot up.")
    clock.advance(3 + 9)
    s.tick()
    f = face(s, plan)
    assert f.check is not None
    assert (f.ring.text, f.ring.caption, f.ring.fraction) == ("9", "HELD", 0.2)
    assert (f.check.time_text, f.check.cap_text, f.check.trial_text) == (
        "9",
        "Stops by itself at 45 s",
        "Trial 1 of 3, left side",
    )
    assert f.cue == "Press Enter when you lose the position" == f.check.prompt
    assert (f.done_button, f.done_primary, f.rep_button, f.rep_text) == (True, True, False, None)
    s.pause()
    paused = face(s, plan)
    assert (paused.ring.caption, paused.ring.text) == ("PAUSED", "9")


def test_a_timed_count_shows_the_seconds_left_then_asks_for_the_number() -> None:
    s, clock, plan = run()
    s.start()
    s.next()  # N in the countdown skips the whole stance check
    clock.advance(3 + 10.5)
    s.tick()
    f = face(s, plan)
    assert f.check is not None
    assert (f.check.time_text, f.check.time_caption, f.check.count_text) == ("20", "LEFT", "0 reps")
    assert f.check.cap_text == "30 s" and f.rep_button and not f.done_primary
    assert f.cue == "Count them; type the number at the end"
    clock.advance(20)
    s.tick()
    after = face(s, plan)
    assert after.check is not None and after.check.awaiting_count
    assert after.cue == "Type how many you did, then press Enter"
    assert after.check.keys_text == "Digits, then Enter: the count"


def test_texts_for_times_and_results() -> None:
    assert [held_text(t) for t in (0.0, 9.999, 12.0, 99.9, 100.0, 125.4)] == [
        "0",
        "9",
        "12",
        "99",
        "1:40",
        "2:05",
    ]
    assert [
        result_text(v, u) for v, u in ((12.34, "s"), (1, "reps"), (14, "reps"), (9, "steps"))
    ] == [
        "12.3 s",
        "1 rep",
        "14 reps",
        "9 steps",
    ]
