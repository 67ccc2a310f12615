"""The suggestion rule: every row of its table (docs/programme-format.md), then properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workout_player.domain.programme.suggestion import KINDS, Kind, Outcome, level_for, suggest

GOOD = Outcome(pain_before=2, pain_after=2, morning=2, rpe=5, completion=1.0)


def o(**changes: object) -> Outcome:
    values = {**GOOD.__dict__, **changes}
    return Outcome(**values)  # type: ignore[arg-type]


# (name, earlier outcome or None, latest outcome, level, top, kind, row, level_to)
TABLE = [
    ("leg symptoms stop even with no pain", GOOD, o(leg_symptoms=True), 2, 4, "stop", "S1", 2),
    ("pain 7 after stops", None, o(pain_after=7), 2, 4, "stop", "S2", 2),
    ("pain 7 next morning stops", None, o(morning=7, pain_before=6), 2, 4, "stop", "S2", 2),
    ("pain 6 after is easier", None, o(pain_after=6), 2, 4, "easier", "E1", 1),
    (
        "not settled by 2 points is easier",
        None,
        o(pain_before=1, morning=3),
        3,
        4,
        "easier",
        "E2",
        2,
    ),
    ("69% done is easier", None, o(completion=0.69), 2, 4, "easier", "E3", 1),
    ("easier at level 1 keeps level 1", None, o(pain_after=6), 1, 4, "easier", "E1", 1),
    ("pain 5 that settled stays", None, o(pain_after=5, morning=2), 2, 4, "same", "M1", 2),
    ("pain 4 that settled stays", None, o(pain_after=4), 2, 4, "same", "M1", 2),
    ("RPE 8 stays", GOOD, o(rpe=8), 2, 4, "same", "M2", 2),
    ("70% done stays", None, o(completion=0.7), 2, 4, "same", "M3", 2),
    ("99% done stays", GOOD, o(completion=0.99), 2, 4, "same", "M3", 2),
    ("two good sessions go up", GOOD, GOOD, 2, 4, "harder", "H1", 3),
    ("two good sessions at the top stay", GOOD, GOOD, 4, 4, "same", "H1", 4),
    ("one good session stays", None, GOOD, 2, 4, "same", "M4", 2),
    ("good after a painful one stays", o(pain_after=4), GOOD, 2, 4, "same", "M4", 2),
    ("no morning answer stays", GOOD, o(morning=None), 2, 4, "same", "M4", 2),
    ("RPE 7 stays", GOOD, o(rpe=7), 2, 4, "same", "M4", 2),
    (
        "settled by 1 point is still settled",
        GOOD,
        o(pain_before=2, morning=3),
        2,
        4,
        "harder",
        "H1",
        3,
    ),
]


@pytest.mark.parametrize(
    ("earlier", "latest", "level", "top", "kind", "row", "level_to"),
    [case[1:] for case in TABLE],
    ids=[case[0] for case in TABLE],
)
def test_every_row_of_the_table(
    earlier: Outcome | None,
    latest: Outcome,
    level: int,
    top: int,
    kind: str,
    row: str,
    level_to: int,
) -> None:
    outcomes = [latest] if earlier is None else [earlier, latest]
    found = suggest(outcomes, level, top)
    assert found is not None
    assert (found.kind, found.row, found.level_from, found.level_to) == (kind, row, level, level_to)
    assert found.reason.endswith(".") and "\n" not in found.reason


def test_every_row_is_in_the_table() -> None:
    rows = {case[6] for case in TABLE}
    assert rows == {"S1", "S2", "E1", "E2", "E3", "M1", "M2", "M3", "H1", "M4"}


def test_the_issue_sentence() -> None:
    found = suggest([GOOD, GOOD], 2, 4)
    assert found is not None
    assert found.reason == (
        "Your back settled by the next morning and you finished everything twice: try level 3."
    )


def test_no_session_no_suggestion() -> None:
    assert suggest([], 1, 3) is None


pain = st.one_of(st.none(), st.integers(0, 10))
outcomes = st.builds(
    Outcome,
    pain_before=pain,
    pain_after=pain,
    morning=pain,
    rpe=st.one_of(st.none(), st.integers(1, 10)),
    completion=st.floats(0, 1),
    leg_symptoms=st.booleans(),
)
levels = st.integers(1, 10).flatmap(lambda top: st.tuples(st.integers(1, top), st.just(top)))


@given(st.lists(outcomes, min_size=1, max_size=5), levels)
def test_never_harder_after_a_red_flag_and_one_step_at_a_time(
    history: list[Outcome], level_top: tuple[int, int]
) -> None:
    level, top = level_top
    found = suggest(history, level, top)
    assert found is not None
    assert abs(found.level_to - found.level_from) <= 1
    assert 1 <= found.level_to <= top
    if history[-1].leg_symptoms:
        assert found.kind == "stop"
    if any(p is not None and p >= 7 for p in (history[-1].pain_after, history[-1].morning)):
        assert found.kind == "stop"
    if found.kind == "harder":
        assert not history[-1].leg_symptoms and not history[-2].leg_symptoms
        assert found.level_to == level + 1
    else:
        assert found.level_to <= level


@given(st.lists(outcomes, min_size=1, max_size=5), levels)
def test_a_missing_answer_never_makes_harder(
    history: list[Outcome], level_top: tuple[int, int]
) -> None:
    level, top = level_top
    last = history[-1]
    blank = Outcome(last.pain_before, last.pain_after, None, last.rpe, last.completion)
    found = suggest([*history[:-1], blank], level, top)
    assert found is not None and found.kind != "harder"


@given(st.lists(outcomes, min_size=1, max_size=3), levels, st.sampled_from(KINDS))
def test_whatever_the_person_chooses_moves_one_level_at_most(
    history: list[Outcome], level_top: tuple[int, int], chosen: Kind
) -> None:
    level, top = level_top
    found = suggest(history, level, top)
    assert found is not None
    chosen_level = level_for(found, chosen, top)
    assert abs(chosen_level - level) <= 1 and 1 <= chosen_level <= top
    if chosen == found.kind:
        assert chosen_level == found.level_to
