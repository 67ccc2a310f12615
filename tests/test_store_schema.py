"""store/schema.py writes out what the migrations make: check it against the migrations."""

from __future__ import annotations

import sqlite3

import pytest
from sqlite_utils import Database

from tests.conftest import DATA
from workout_player.store.migrations import migrations
from workout_player.store.schema import EXPECTED, OUR_TABLES, classify, normalised
from workout_player.store.version import MIGRATION_NAMES, SCHEMA_VERSION


def test_every_version_has_its_expected_schema() -> None:
    assert sorted(EXPECTED) == list(range(1, SCHEMA_VERSION + 1))


@pytest.mark.parametrize("version", sorted(EXPECTED))
def test_the_migrations_make_exactly_the_expected_schema(version: int) -> None:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    stop = MIGRATION_NAMES[version] if version < len(MIGRATION_NAMES) else None
    migrations.apply(Database(conn), stop_before=stop)
    conn.execute(f"PRAGMA user_version = {version}")
    made = {
        name: (kind, normalised(sql))
        for kind, name, tbl, sql in conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master"
        )
        if tbl in OUR_TABLES
    }
    assert made == EXPECTED[version]
    schema = classify(conn)
    assert (schema.kind, schema.version, schema.detail) == ("ours", version, "")


def test_the_shipped_version_1_file_matches_version_1() -> None:
    conn = sqlite3.connect(f"file:{DATA / 'history-v1.sqlite3'}?mode=ro", uri=True)
    try:
        assert classify(conn).kind == "ours"
        assert classify(conn).version == 1
    finally:
        conn.close()
