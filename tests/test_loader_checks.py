"""Format 1.1's check step: every key read, every rule refused at FILE:LINE:COL, v1 files
unchanged, and the JSON Schema agreeing with the loader on each case."""

from __future__ import annotations

import json

import pytest

from tests.test_loader_schema_agreement import schema_accepts
from workout_player.domain.loader import parse_workout
from workout_player.domain.model import CheckStep
from workout_player.domain.timeline import build_plan

HEAD = "title: T\nsteps:\n"
HOLD = HEAD + "  - check: mcgill_flexor\n    name: Flexor\n    measure: hold\n    cap: 300\n"
COUNT = HEAD + "  - check: chair_stand_30s\n    name: Chair\n    measure: count\n    time: 30\n"


def check_of(text: str) -> CheckStep:
    result = parse_workout(text, "w.yaml")
    assert result.ok, [str(p) for p in result.problems]
    assert result.workout is not None
    (step,) = result.workout.steps
    assert isinstance(step, CheckStep)
    return step


def problems(text: str) -> list[str]:
    return [str(p) for p in parse_workout(text, "w.yaml").problems]


def test_a_hold_reads_every_key() -> None:
    step = check_of(
        HEAD + "  - check: single_leg_stance_eyes_open\n    name: Stance\n    measure: hold\n"
        "    cap: 45\n    trials: 3\n    sides: both\n    rest: 15\n    countdown: 10\n"
        "    cue: Lift one foot\n    instructions: |\n      Stand tall.\n      Arms crossed.\n"
        "    safety: Stop at any pain\n    clip: ../media/x.mp4\n"
    )
    assert (step.check, step.name, step.measure, step.cap, step.unit) == (
        "single_leg_stance_eyes_open",
        "Stance",
        "hold",
        45.0,
        "s",
    )
    assert (step.trials, step.sides, step.rest, step.countdown) == (3, "both", 15.0, 10.0)
    assert (step.cue, step.instructions, step.safety) == (
        "Lift one foot",
        "Stand tall.\nArms crossed.\n",
        "Stop at any pain",
    )
    assert step.clip is not None and step.clip.parts[-2:] == ("media", "x.mp4")
    assert (step.time, step.entry, step.location and step.location.line) == (None, "tap", 3)


def test_a_count_reads_time_unit_and_entry_and_defaults() -> None:
    step = check_of(COUNT + "    unit: reps\n    entry: type\n")
    assert (step.measure, step.time, step.unit, step.entry, step.cap) == (
        "count",
        30.0,
        "reps",
        "type",
        None,
    )
    walk = check_of(
        HEAD + "  - check: tandem_walk\n    name: W\n    measure: count\n    unit: steps\n"
    )
    assert (walk.time, walk.unit, walk.trials, walk.sides, walk.rest) == (
        None,
        "steps",
        1,
        "none",
        0.0,
    )
    own = check_of(HEAD + "  - check: my_plank\n    name: Plank\n    measure: hold\n    cap: 60\n")
    assert own.check == "my_plank"  # an id of the person's own: no norms, own trend


def test_a_check_expands_into_trials_and_sides_with_rests_between_trials() -> None:
    text = (
        HOLD.replace("mcgill_flexor", "x_hold") + "    trials: 2\n    sides: both\n    rest: 20\n"
    )
    result = parse_workout(text, "w.yaml")
    assert result.workout is not None
    plan = build_plan(result.workout)
    rows = [(s.kind, s.set, s.side, s.duration, s.check) for s in plan.segments]
    assert rows == [
        ("countdown", None, None, 5.0, None),
        ("work", 1, "left", 300.0, "x_hold"),
        ("switch", 1, "right", 5.0, None),
        ("work", 1, "right", 300.0, "x_hold"),
        ("rest", 1, None, 20.0, None),
        ("work", 2, "left", 300.0, "x_hold"),
        ("switch", 2, "right", 5.0, None),
        ("work", 2, "right", 300.0, "x_hold"),
    ]
    assert plan.segments[1].to_json()["check"] == "x_hold"
    assert "check" not in plan.segments[0].to_json()  # v1 segments print as before


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (HEAD + "  - check: Flexor\n    name: F\n    measure: hold\n    cap: 5\n",
         "w.yaml:3:12: check must be an id of lowercase letters, digits and _"),
        (HEAD + "  - check: 12\n    name: F\n    measure: hold\n    cap: 5\n",
         "w.yaml:3:12: check must be text, got 12"),
        (HEAD + "  - check: a\n    measure: hold\n    cap: 5\n",
         "w.yaml:3:5: check step needs name: (the name shown and spoken)"),
        (HEAD + "  - check: a\n    name: A\n    cap: 5\n",
         "w.yaml:3:5: check step needs measure: (hold or count)"),
        (HEAD + "  - check: a\n    name: A\n    measure: time\n",
         "w.yaml:5:14: measure must be one of hold, count, got \"time\""),
        (HEAD + "  - check: a\n    name: A\n    measure: hold\n",
         "w.yaml:5:14: a hold needs cap: (the seconds at which it stops by itself"),
        (HOLD + "    time: 30\n", "w.yaml:7:5: time goes only with measure: count; remove it"),
        (HOLD + "    unit: reps\n", "w.yaml:7:5: unit goes only with measure: count; remove it"),
        (HOLD + "    entry: type\n", "w.yaml:7:5: entry goes only with measure: count"),
        (COUNT + "    cap: 30\n", "w.yaml:7:5: cap goes only with measure: hold"),
        (HOLD + "    cap2: 3\n", "w.yaml:7:5: unknown key 'cap2' in check step; "
         "did you mean 'cap'?"),
        (HOLD.replace("cap: 300", "cap: 0"), "w.yaml:6:10: cap must be"),
        (COUNT.replace("time: 30", "time: -1"), "w.yaml:6:11: time must be"),
        (COUNT + "    unit: kg\n", "w.yaml:7:11: unit must be one of reps, steps, got \"kg\""),
        (COUNT + "    entry: typed\n", "w.yaml:7:12: entry must be one of tap, type, "
         "got \"typed\"; did you mean 'type'?"),
        (HOLD + "    trials: 11\n", "w.yaml:7:13: trials must be at most 10, got 11"),
        (HOLD + "    trials: 0\n", "w.yaml:7:13: trials must be a whole number >= 1, got 0"),
        (HOLD + "    sides: each\n", "w.yaml:7:12: sides must be one of none, both, left, right"),
        (HOLD + "    rest: -5\n", "w.yaml:7:11: rest must be"),
        (HOLD + "    name: Again\n", "w.yaml:7:5: 'name' is written twice here (first on line 4); "
         "keep one"),
        (HOLD + "    safety: \"\\e\"\n", "w.yaml:7:13: safety "),
        (HOLD + "    clip: https://x.org/a.mp4\n", "w.yaml:7:11: clip "),
        (HEAD + "  - check: sorensen_extensor\n    name: E\n    measure: count\n    time: 3\n",
         "w.yaml:5:14: check sorensen_extensor is a hold (measure: hold), so its results"),
        (HEAD + "  - check: chair_stand_30s\n    name: C\n    measure: count\n    unit: steps\n",
         "w.yaml:6:11: check chair_stand_30s is a count of reps"),
        ("title: T\nvideo: v.mp4\nsteps:\n"
         "  - check: a\n    name: A\n    measure: hold\n    cap: 5\n",
         "w.yaml:4:5: a check step cannot be part of a video-led workout"),
    ],
)  # fmt: skip
def test_every_check_rule_is_refused_where_it_is_broken(text: str, expected: str) -> None:
    found = problems(text)
    assert any(p.startswith(expected) for p in found), found
    assert parse_workout(text, "w.yaml").workout is None
    # What only the loader knows: the norms' units, duplicate keys (plain data has none).
    loader_only = any(mark in text for mark in ("check: sorensen", "unit: steps", "Again"))
    assert _schema_accepts(text) == loader_only


def test_a_cap_other_than_the_published_protocol_is_a_warning() -> None:
    text = (
        HEAD
        + "  - check: single_leg_stance_eyes_open\n    name: S\n    measure: hold\n    cap: 30\n"
    )
    result = parse_workout(text, "w.yaml")
    assert result.ok
    assert [str(p) for p in result.problems] == [
        "w.yaml:6:10: warning: the published protocol of single_leg_stance_eyes_open stops at "
        "45 s; with cap: 30 your results may not compare with its figures"
    ]


def test_a_missing_clip_is_only_a_warning() -> None:
    result = parse_workout(HOLD + "    clip: no-such.mp4\n", "w.yaml")
    assert result.ok and [p.severity for p in result.problems] == ["warning"]


@pytest.mark.parametrize(
    "text",
    [
        HOLD,
        COUNT,
        COUNT.replace("chair_stand_30s", "my_walk") + "    unit: steps\n    entry: type\n",
        HOLD + "    trials: 3\n    sides: left\n",
    ],
)
def test_the_schema_accepts_what_the_loader_accepts(text: str) -> None:
    assert parse_workout(text, "w.yaml").ok
    assert _schema_accepts(text)


def _schema_accepts(text: str) -> bool:
    return schema_accepts(text)


def test_plan_json_and_table_show_the_checks(capsys: pytest.CaptureFixture[str]) -> None:
    from tests.conftest import WORKOUTS
    from workout_player.cli import main

    assert main(["plan", "--json", str(WORKOUTS / "balance-check.yaml")]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [c["check"] for c in data["checks"]] == [
        "chair_stand_30s",
        "single_leg_stance_eyes_open",
        "single_leg_stance_eyes_closed",
        "tandem_walk",
    ]
    stance = data["checks"][1]
    assert (stance["measure"], stance["cap"], stance["trials"], stance["sides"]) == (
        "hold",
        45.0,
        3,
        "both",
    )
    works = [s for s in data["segments"] if s.get("check") == "single_leg_stance_eyes_open"]
    assert [(s["set"], s["side"], s["duration"]) for s in works] == [
        (1, "left", 45.0),
        (1, "right", 45.0),
        (2, "left", 45.0),
        (2, "right", 45.0),
        (3, "left", 45.0),
        (3, "right", 45.0),
    ]
    assert main(["plan", str(WORKOUTS / "daily-back-care.yaml")]) == 0
    assert "Checks end" not in capsys.readouterr().out
    assert main(["plan", str(WORKOUTS / "balance-check.yaml")]) == 0
    assert "Checks end when you press Enter" in capsys.readouterr().out
    assert main(["plan", "--json", str(WORKOUTS / "daily-back-care.yaml")]) == 0
    v1 = json.loads(capsys.readouterr().out)
    assert "checks" not in v1 and all("check" not in s for s in v1["segments"])
