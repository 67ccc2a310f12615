"""The self-check reference data: every row sourced, the right band picked, careful wording."""

from __future__ import annotations

import copy
import itertools
import json
import re
from pathlib import Path
from typing import Any

import pytest

from workout_player.domain.checks import (
    NormsError,
    asymmetry,
    compare,
    load_norms,
    needs_profile,
    parse_norms,
    ratios,
    read_norms,
)
from workout_player.domain.checks.records import NormRow, Norms, PersonSex
from workout_player.domain.checks.wording import (
    DISCLAIMER,
    WORTH,
    amount,
    asymmetry_sentence,
    describe,
    ratio_sentence,
    result_sentence,
)

ISSUE_CHECKS = {
    "mcgill_flexor",
    "sorensen_extensor",
    "side_bridge_right",
    "side_bridge_left",
    "single_leg_stance_eyes_open",
    "single_leg_stance_eyes_closed",
    "chair_stand_30s",
    "tandem_walk",
}
SEXES: tuple[PersonSex, ...] = ("female", "male")
ALARM_WORDS = (
    "danger", "abnormal", "alarm", "warning", "risk", "fail", "poor", "weak", "bad",
    "injur", "disease", "patholog", "emergenc", "urgent", "serious", "diagnos",
)  # fmt: skip


def alarm_words_in(text: str) -> list[str]:
    """The alarm words in a sentence; "not a diagnosis" (the disclaimer) is allowed."""
    lowered = text.lower().replace("not a diagnosis", "")
    return [w for w in ALARM_WORDS if w in lowered]


SHIPPED = load_norms()


# --- the shipped data file ---------------------------------------------------------------


def test_the_check_ids_are_those_of_the_issue() -> None:
    assert set(SHIPPED.checks) == ISSUE_CHECKS


def test_every_row_names_a_primary_source_with_a_full_citation_and_where() -> None:
    assert SHIPPED.rows, "no rows shipped"
    for row in SHIPPED.rows:
        source = SHIPPED.sources[row.source]
        assert source.kind == "primary", row
        assert source.authors and source.year and source.title, row
        assert source.journal and source.volume_pages, row
        assert source.title in source.citation and source.authors in source.citation
        assert row.where.strip() and row.population.strip() and source.read.strip()


def test_every_row_names_where_its_figures_were_actually_read() -> None:
    for row in SHIPPED.rows:
        assert row.read_in, f"{row.check} {row.sex} {row.age_min}: read in no source"
        for key in row.read_in:
            page = SHIPPED.sources[key]
            assert page.kind == "secondary" and page.url and page.read.strip()


def test_every_ratio_rule_and_cap_has_a_source_that_exists() -> None:
    assert {r.id for r in SHIPPED.ratio_rules} >= {"flexion_extension", "side_bridge_right_left"}
    for rule in SHIPPED.ratio_rules:
        assert rule.source in SHIPPED.sources and rule.where.strip()
    for check in SHIPPED.checks.values():
        if check.cap is not None:
            assert check.cap_source in SHIPPED.sources


def test_a_check_without_rows_says_why() -> None:
    for check in SHIPPED.checks.values():
        assert SHIPPED.rows_for(check.id) or (check.no_norm_reason or "").strip(), check.id
    assert "trend" in (SHIPPED.checks["tandem_walk"].no_norm_reason or "")


def test_row_units_are_their_checks_units() -> None:
    for row in SHIPPED.rows:
        assert row.unit == SHIPPED.checks[row.check].unit


@pytest.mark.parametrize("sex", SEXES)
def test_chair_stand_has_one_five_year_band_for_each_age_from_60_to_94(sex: PersonSex) -> None:
    rows = [r for r in SHIPPED.rows_for("chair_stand_30s") if r.sex == sex]
    assert all(r.age_min is not None and r.age_max == r.age_min + 4 for r in rows)
    for age in range(60, 95):
        assert sum(r.matches(age, sex) for r in rows) == 1, age
    assert not any(r.matches(59, sex) or r.matches(95, sex) for r in rows)


@pytest.mark.parametrize("sex", SEXES)
def test_chair_stand_ranges_never_rise_with_age(sex: PersonSex) -> None:
    """A typo in a band would most likely break this: every source shows decline with age."""
    rows = sorted((r for r in SHIPPED.rows_for("chair_stand_30s") if r.sex == sex), key=_age)
    for younger, older in itertools.pairwise(rows):
        assert older.low <= younger.low and older.high <= younger.high, (younger, older)
    assert all(r.statistic == "p25_p75" and r.low < r.high for r in rows)


def _age(row: NormRow) -> int:
    assert row.age_min is not None
    return row.age_min


def test_the_sorensen_thresholds_are_for_men_only() -> None:
    (row,) = SHIPPED.rows_for("sorensen_extensor")
    assert row.sex == "male" and row.statistic == "threshold" and row.low < row.high
    assert row.below_means and row.above_means


# --- compare(): the row for the person, and the position -----------------------------------


@pytest.mark.parametrize(
    "row", SHIPPED.rows_for("chair_stand_30s"), ids=lambda r: f"{r.sex}{r.age_min}"
)
def test_compare_picks_the_band_at_both_of_its_edges(row: NormRow) -> None:
    assert row.age_min is not None and row.age_max is not None and row.sex != "any"
    for age in (row.age_min, row.age_max):
        found = compare(row.check, row.low, age=age, sex=row.sex)
        assert found is not None and found.row == row
    before = compare(row.check, row.low, age=row.age_min - 1, sex=row.sex)
    assert before is None or before.row.age_max == row.age_min - 1


@pytest.mark.parametrize("row", SHIPPED.rows, ids=lambda r: f"{r.check}-{r.sex}{r.age_min}")
def test_compare_position_at_the_edges_of_the_range(row: NormRow) -> None:
    sex = "female" if row.sex == "any" else row.sex
    age = row.age_min

    def position(value: float) -> str:
        found = compare(row.check, value, age=age, sex=sex)
        assert found is not None and found.row == row
        return found.position

    step = 1 if row.unit == "reps" else 0.1
    assert position(row.low - step) == "below"
    assert position(row.low) == "within"
    assert position(row.high) == "within"
    assert position(row.high + step) == "above"


@pytest.mark.parametrize(
    ("age", "sex"), [(None, None), (70, None), (None, "female")], ids=["nothing", "age", "sex"]
)
def test_compare_needs_the_profile_its_rows_need(age: int | None, sex: PersonSex | None) -> None:
    assert needs_profile("chair_stand_30s")
    assert compare("chair_stand_30s", 12, age=age, sex=sex) is None


def test_compare_finds_nothing_outside_what_the_sources_cover() -> None:
    assert compare("chair_stand_30s", 12, age=45, sex="female") is None
    assert compare("sorensen_extensor", 150, age=40, sex="female") is None
    assert compare("sorensen_extensor", 150, age=29, sex="male") is None
    found = compare("sorensen_extensor", 150, age=30, sex="male")
    assert found is not None and found.position == "below"


@pytest.mark.parametrize("check", sorted(c for c in ISSUE_CHECKS if not SHIPPED.rows_for(c)))
def test_checks_without_rows_never_compare(check: str) -> None:
    assert not needs_profile(check)
    for sex in SEXES:
        assert compare(check, 10, age=65, sex=sex) is None


# --- a small data file of its own, for what the shipped one does not (yet) contain ----------


CAP_SOURCES = ("sralab_sorensen", "scc_sass_upst")


def small_data() -> dict[str, Any]:
    """A valid file: one primary and one secondary source, a mean/SD row, verified rules."""
    shipped = json.loads(
        (
            Path(__file__).resolve().parent.parent / "workout_player/domain/checks/norms.json"
        ).read_text(encoding="utf-8")
    )
    return {
        "format": 1,
        "checks": shipped["checks"],
        "sources": {
            "paper": {
                "kind": "primary", "short": "Author 2000", "authors": "Author A", "year": 2000,
                "title": "A paper", "journal": "A journal", "volume_pages": "1:2-3",
                "doi": None, "pmid": "1", "url": None, "read": "all of it",
            },
            "page": {
                "kind": "secondary", "short": "A page", "authors": "Site", "year": None,
                "title": "A page", "url": "https://example.org/", "read": "the table",
            },
            **{k: v for k, v in shipped["sources"].items() if k in CAP_SOURCES},
        },
        "rows": [
            {
                "check": "mcgill_flexor", "sex": "any", "age_min": None, "age_max": None,
                "unit": "s", "statistic": "mean_sd", "mean": 100, "sd": 20,
                "population": "young adults", "source": "paper", "read_in": ["page"],
                "where": "Table 1", "verified": True,
            },
            {
                "check": "tandem_walk", "sex": "any", "age_min": None, "age_max": None,
                "unit": "steps", "statistic": "p25_p75", "p25": 5, "p75": 10,
                "population": "nobody", "source": "paper", "read_in": [],
                "where": "a guess", "verified": False,
            },
        ],
        "ratio_rules": [
            {
                "id": "flexion_extension", "numerator": "mcgill_flexor",
                "denominator": "sorensen_extensor", "kind": "below", "limit": 1.0,
                "tolerance": None, "source": "paper", "where": "p. 2", "verified": True,
            },
            {
                "id": "side_bridge_right_left", "numerator": "side_bridge_right",
                "denominator": "side_bridge_left", "kind": "near", "limit": 1.0,
                "tolerance": 0.05, "source": "paper", "where": "p. 3", "verified": True,
            },
        ],
    }  # fmt: skip


@pytest.fixture
def small() -> Norms:
    return parse_norms(small_data())


def test_a_mean_sd_row_without_limits_needs_no_profile(small: Norms) -> None:
    assert not needs_profile("mcgill_flexor", norms=small)
    for value, position in ((79, "below"), (80, "within"), (120, "within"), (121, "above")):
        found = compare("mcgill_flexor", value, norms=small)
        assert found is not None and found.position == position, value
        assert found.row.mean == 100 and found.row.sd == 20


def test_unverified_rows_are_never_used(small: Norms) -> None:
    assert small.rows_for("tandem_walk") == ()
    assert compare("tandem_walk", 7, norms=small) is None


def test_ratios_judge_verified_rules_at_their_edges(small: Norms) -> None:
    def judged(results: dict[str, float]) -> dict[str, bool | None]:
        return {r.rule.id: r.within for r in ratios(results, norms=small)}

    assert judged({"mcgill_flexor": 99, "sorensen_extensor": 100}) == {"flexion_extension": True}
    assert judged({"mcgill_flexor": 100, "sorensen_extensor": 100}) == {"flexion_extension": False}
    for right, within in ((105, True), (95, True), (106, False), (94, False)):
        got = judged({"side_bridge_right": right, "side_bridge_left": 100})
        assert got == {"side_bridge_right_left": within}, right


def test_ratios_leave_out_what_cannot_be_computed(small: Norms) -> None:
    assert ratios({"mcgill_flexor": 90}, norms=small) == ()
    assert ratios({"mcgill_flexor": 90, "sorensen_extensor": 0}, norms=small) == ()
    (r,) = ratios({"mcgill_flexor": 90, "sorensen_extensor": 120}, norms=small)
    assert r.value == pytest.approx(0.75)


def test_shipped_ratio_rules_compute_but_judge_nothing_while_unverified() -> None:
    results = {"mcgill_flexor": 90, "sorensen_extensor": 120, "side_bridge_right": 60}
    results["side_bridge_left"] = 48
    found = ratios(results)
    assert {r.rule.id for r in found} == {r.id for r in SHIPPED.ratio_rules}
    for r in found:
        assert r.within is None if not r.rule.verified else r.within is not None
        assert r.value == pytest.approx(results[r.rule.numerator] / results[r.rule.denominator])


def test_asymmetry() -> None:
    even = asymmetry(50, 50)
    assert even is not None and even.shorter is None and even.difference == 0
    left = asymmetry(60, 48)
    assert left is not None and left.shorter == "left" and left.difference == pytest.approx(0.2)
    right = asymmetry(30, 40)
    assert right is not None and right.shorter == "right"
    assert asymmetry(0, 0) is None


# --- parse errors: a broken data file names the place ------------------------------------


def _broken(changes: dict[tuple[str | int, ...], object]) -> dict[str, Any]:
    data = copy.deepcopy(small_data())
    for path, value in changes.items():
        target: Any = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return data


@pytest.mark.parametrize(
    ("changes", "place"),
    [
        ({("rows", 0, "source"): "nowhere"}, "rows[0].source"),
        ({("rows", 0, "sex"): "women"}, "rows[0].sex"),
        ({("rows", 0, "unit"): "reps"}, "rows[0].unit"),
        ({("rows", 0, "read_in"): ["paper"]}, "rows[0].read_in"),
        ({("rows", 0, "age_min"): 50, ("rows", 0, "age_max"): 40}, "rows[0]: age_min"),
        ({("rows", 0, "sd"): "twenty"}, "rows[0].sd"),
        ({("rows", 0, "verified"): "yes"}, "rows[0].verified"),
        ({("sources", "paper", "journal"): None}, "sources.paper"),
        ({("sources", "page", "url"): None}, "sources.page"),
        ({("ratio_rules", 1, "tolerance"): None}, "ratio_rules[1]"),
        ({("ratio_rules", 0, "numerator"): "plank"}, "ratio_rules[0].numerator"),
        ({("checks", "sorensen_extensor", "cap_source"): "nowhere"}, "checks.sorensen_extensor"),
        ({("format",): 2}, "norms.format"),
    ],
)
def test_a_broken_data_file_names_the_place(
    changes: dict[tuple[str | int, ...], object], place: str
) -> None:
    with pytest.raises(NormsError, match=re.escape(place)):
        parse_norms(_broken(changes))


def test_overlapping_bands_are_refused() -> None:
    data = small_data()
    twin = dict(data["rows"][0], sex="female", age_min=20, age_max=30)
    data["rows"].append(twin)
    with pytest.raises(NormsError, match="mcgill_flexor"):
        parse_norms(data)


def test_read_norms_reports_a_file_that_is_not_json(tmp_path: Path) -> None:
    bad = tmp_path / "norms.json"
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(NormsError, match=re.escape("norms.json")):
        read_norms(bad)
    bad.write_text(json.dumps(small_data()), encoding="utf-8")
    assert read_norms(bad) == parse_norms(small_data())


# --- wording ------------------------------------------------------------------------------


def test_the_alarm_word_check_can_fail() -> None:
    assert alarm_words_in("This result is abnormal.") == ["abnormal"]
    assert alarm_words_in("A diagnosis.") == ["diagnos"]
    assert alarm_words_in(DISCLAIMER) == []
    assert "not a diagnosis" in DISCLAIMER


def every_result_sentence(norms: Norms) -> list[str]:
    """Sentences for every check across values, ages and sexes that reach every branch."""
    sentences = []
    ages = [None, 20, 29, 30, 45, 59, 60, 64, 65, 94, 95]
    for check in norms.checks.values():
        values = {0.0, 1.0, 10.0, check.cap or 60.0}
        for row in norms.rows_for(check.id):
            values |= {row.low - 1, row.low, row.high, row.high + 1}
        for value in sorted(values):
            for age in ages:
                for sex in (None, *SEXES):
                    sentences.append(
                        result_sentence(check.id, value, age=age, sex=sex, norms=norms)
                    )
    return sentences


@pytest.mark.parametrize("which", ["shipped", "small"])
def test_no_sentence_contains_an_alarm_word(which: str) -> None:
    norms = SHIPPED if which == "shipped" else parse_norms(small_data())
    sentences = every_result_sentence(norms)
    for values in (
        {"mcgill_flexor": 130, "sorensen_extensor": 100},
        {"mcgill_flexor": 50, "sorensen_extensor": 100},
    ):
        values = {**values, "side_bridge_right": 60, "side_bridge_left": 40}
        sentences += [ratio_sentence(r, norms=norms) for r in ratios(values, norms=norms)]
    for right, left in ((60, 48), (48, 60), (50, 50)):
        a = asymmetry(right, left)
        assert a is not None
        sentences += [asymmetry_sentence(a, "s"), asymmetry_sentence(a, "reps")]
    sentences += [c.title for c in norms.checks.values()]
    sentences += [f"{r.population} {r.below_means or ''} {r.above_means or ''}" for r in norms.rows]
    assert len(sentences) > 100
    for sentence in sentences:
        assert alarm_words_in(sentence) == [], sentence


def test_below_says_worth_working_on_and_nothing_else_does() -> None:
    for row in SHIPPED.rows:
        sex = "female" if row.sex == "any" else row.sex
        for value, position in (
            (row.low - 1, "below"),
            (row.low, "within"),
            (row.high + 1, "above"),
        ):
            found = compare(row.check, value, age=row.age_min, sex=sex)
            assert found is not None and found.position == position
            assert (WORTH in describe(found)) == (position == "below"), describe(found)
            assert SHIPPED.sources[row.source].short in describe(found)


def test_a_result_without_a_norm_says_what_is_shown_instead() -> None:
    for check in ("tandem_walk", "mcgill_flexor"):
        assert "own trend" in result_sentence(check, 12)
    assert "profile" in result_sentence("chair_stand_30s", 12)
    assert "aged 60 to 94" in result_sentence("chair_stand_30s", 12, age=45, sex="male")
    assert "men aged 30 to 60" in result_sentence("sorensen_extensor", 100, age=40, sex="female")


def test_ratio_sentences_state_the_guide_only_when_it_is_verified(small: Norms) -> None:
    (ok,) = ratios({"mcgill_flexor": 50, "sorensen_extensor": 100}, norms=small)
    (off,) = ratios({"mcgill_flexor": 150, "sorensen_extensor": 100}, norms=small)
    assert "under 1" in ratio_sentence(ok, norms=small) and WORTH not in ratio_sentence(
        ok, norms=small
    )
    assert WORTH in ratio_sentence(off, norms=small)
    for r in ratios({"mcgill_flexor": 150, "sorensen_extensor": 100}):
        assert "guide" not in ratio_sentence(r) and "1.50 times" in ratio_sentence(r)


def test_amounts_are_plain_words() -> None:
    assert amount(1, "s") == "1 second"
    assert amount(37.46, "s") == "37.5 seconds"
    assert amount(12, "reps") == "12 reps"
    a = asymmetry(60, 48)
    assert a is not None
    assert asymmetry_sentence(a, "s").startswith("On the left side you held 48 seconds, 20% less")
