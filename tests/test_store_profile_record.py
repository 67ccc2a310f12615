"""The profile as a writer record: stored, cleared, written twice harmlessly, refused when
it is not one of ours (the Checks screen saves it through the history writer)."""

from __future__ import annotations

from pathlib import Path

import pytest

from workout_player.domain.profile import Profile
from workout_player.store import open_store
from workout_player.store.records import apply, profile_record
from workout_player.store.writer import Writer


def test_a_profile_record_sets_and_clears_the_profile(tmp_path: Path) -> None:
    with open_store(tmp_path / "history.sqlite3") as store:
        record = profile_record(Profile(birth_year=1958, sex="female"))
        assert apply(store, record) is None
        apply(store, record)  # a replayed journal writes it again: same profile
        assert store.profile() == Profile(birth_year=1958, sex="female")
        apply(store, profile_record(Profile()))
        assert store.profile() == Profile()


def test_a_profile_record_with_a_year_that_is_not_a_number_is_refused(tmp_path: Path) -> None:
    with open_store(tmp_path / "history.sqlite3") as store:
        with pytest.raises(TypeError):
            apply(store, {"op": "profile", "birth_year": "1958", "sex": None})
        assert store.profile() == Profile()


def test_the_writer_takes_the_profile_off_the_callers_thread(tmp_path: Path) -> None:
    with open_store(tmp_path / "history.sqlite3") as store:
        writer = Writer(store)
        writer.write_record(profile_record(Profile(sex="male")))
        assert writer.flush(timeout=30)
        writer.close()
        assert store.profile() == Profile(sex="male")
