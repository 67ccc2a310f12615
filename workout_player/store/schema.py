"""What the history tables must look like at each schema version, and what a file holds.

Before anything writes to an existing file, `classify` reads its `sqlite_master`
(a handful of rows, well under a millisecond) and says whether it is empty, another
program's, from a newer version, ours and as its `user_version` says, or ours but not
matching it (a table, column or index missing or changed, a trigger added): a file
in that last state is treated as damaged and never written to. The expected text is
written out here rather than made by running the migrations, which would mean
importing sqlite-utils (0.1 s) on every start; tests/test_store_schema.py checks that
the migrations make exactly this.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Literal

from workout_player.store.version import (
    KNOWN_MIGRATIONS,
    MIGRATION_NAMES,
    MIGRATION_SET,
    MIGRATIONS_TABLE,
    SCHEMA_VERSION,
)

OUR_TABLES = frozenset(
    {
        "sessions",
        "sets",
        "check_results",
        "profile",
        "enrolments",
        "enrolment_events",
        "session_responses",
        "suggestions",
    }
)

_SESSIONS_1 = (
    "CREATE TABLE sessions ( id INTEGER PRIMARY KEY, workout TEXT NOT NULL, workout_file TEXT,"
    " content_hash TEXT, started_at TEXT NOT NULL, ended_at TEXT, status TEXT NOT NULL DEFAULT"
    " 'in_progress' CHECK (status IN ('completed', 'stopped', 'interrupted', 'in_progress')),"
    " active_seconds REAL CHECK (active_seconds IS NULL OR active_seconds >= 0), pain_before"
    " INTEGER CHECK (pain_before IS NULL OR pain_before BETWEEN 0 AND 10), pain_after INTEGER"
    " CHECK (pain_after IS NULL OR pain_after BETWEEN 0 AND 10), rpe INTEGER CHECK (rpe IS NULL"
    " OR rpe BETWEEN 1 AND 10), notes TEXT, pid INTEGER )"
)
_SETS_1 = (
    "CREATE TABLE sets ( id INTEGER PRIMARY KEY, session_id INTEGER NOT NULL REFERENCES"
    " sessions(id) ON DELETE CASCADE, step INTEGER NOT NULL CHECK (step >= 0), exercise TEXT NOT"
    " NULL, set_number INTEGER NOT NULL CHECK (set_number >= 1), side TEXT CHECK (side IS NULL OR"
    " side IN ('left', 'right')), reps_target INTEGER CHECK (reps_target IS NULL OR reps_target"
    " >= 0), reps_done INTEGER CHECK (reps_done IS NULL OR reps_done >= 0), seconds REAL NOT NULL"
    " CHECK (seconds >= 0), started_at TEXT NOT NULL, ended_at TEXT NOT NULL )"
)
_VERSION_1 = {
    "sessions": ("table", _SESSIONS_1),
    "sets": ("table", _SETS_1),
    "sets_session_id": ("index", "CREATE INDEX sets_session_id ON sets(session_id)"),
}
# ALTER TABLE ADD COLUMN appends the column to the stored CREATE text.
_VERSION_2 = {
    **_VERSION_1,
    "sessions": ("table", _SESSIONS_1.removesuffix(" )") + " , host TEXT)"),
    "sessions_started_at": ("index", "CREATE INDEX sessions_started_at ON sessions(started_at)"),
    "sessions_workout_started_at": (
        "index",
        "CREATE INDEX sessions_workout_started_at ON sessions(workout, started_at)",
    ),
    "sessions_in_progress": (
        "index",
        "CREATE INDEX sessions_in_progress ON sessions(status) WHERE status = 'in_progress'",
    ),
    "sets_exercise": (
        "index",
        "CREATE INDEX sets_exercise ON sets(exercise, session_id, reps_done, seconds)",
    ),
}
_SESSIONS_2 = _VERSION_2["sessions"][1]
_SETS_2 = _VERSION_2["sets"][1]
_VERSION_3 = {
    **_VERSION_2,
    "sessions": ("table", _SESSIONS_2.removesuffix(")") + ", key TEXT)"),
    "sets": ("table", _SETS_2.removesuffix(" )") + " , key TEXT)"),
    "sessions_key": ("index", "CREATE UNIQUE INDEX sessions_key ON sessions(key)"),
    "sets_key": ("index", "CREATE UNIQUE INDEX sets_key ON sets(key)"),
}
_CHECK_RESULTS_4 = (
    "CREATE TABLE check_results ( id INTEGER PRIMARY KEY, session_id INTEGER NOT NULL REFERENCES"
    " sessions(id) ON DELETE CASCADE, step INTEGER NOT NULL CHECK (step >= 0), check_id TEXT NOT"
    " NULL CHECK (length(check_id) BETWEEN 1 AND 64), name TEXT NOT NULL, side TEXT NOT NULL"
    " DEFAULT '' CHECK (side IN ('', 'left', 'right')), trial INTEGER NOT NULL CHECK (trial >= 1),"
    " value REAL NOT NULL CHECK (value >= 0), unit TEXT NOT NULL CHECK (unit IN ('s', 'reps',"
    " 'steps')), capped INTEGER NOT NULL DEFAULT 0 CHECK (capped IN (0, 1)), measured_at TEXT NOT"
    " NULL, revision INTEGER NOT NULL DEFAULT 0 CHECK (revision >= 0), key TEXT )"
)
_VERSION_4 = {
    **_VERSION_3,
    "check_results": ("table", _CHECK_RESULTS_4),
    "check_results_trial": (
        "index",
        "CREATE UNIQUE INDEX check_results_trial ON check_results(session_id, check_id, side,"
        " trial)",
    ),
    "check_results_key": ("index", "CREATE UNIQUE INDEX check_results_key ON check_results(key)"),
    "check_results_check": (
        "index",
        "CREATE INDEX check_results_check ON check_results(check_id, measured_at)",
    ),
    "profile": (
        "table",
        "CREATE TABLE profile ( id INTEGER PRIMARY KEY CHECK (id = 1), birth_year INTEGER CHECK"
        " (birth_year IS NULL OR birth_year BETWEEN 1900 AND 2100), sex TEXT CHECK (sex IS NULL"
        " OR sex IN ('female', 'male')), updated_at TEXT NOT NULL )",
    ),
}

_PROGRAMMES = {
    "enrolments": (
        "table",
        "CREATE TABLE enrolments ( id INTEGER PRIMARY KEY, programme_file TEXT NOT NULL,"
        " programme TEXT NOT NULL, started_at TEXT NOT NULL, key TEXT )",
    ),
    "enrolments_key": ("index", "CREATE UNIQUE INDEX enrolments_key ON enrolments(key)"),
    "enrolment_events": (
        "table",
        "CREATE TABLE enrolment_events ( id INTEGER PRIMARY KEY, enrolment_id INTEGER NOT NULL"
        " REFERENCES enrolments(id) ON DELETE CASCADE, event TEXT NOT NULL CHECK (event IN"
        " ('pause', 'resume', 'leave')), at TEXT NOT NULL, key TEXT )",
    ),
    "enrolment_events_key": (
        "index",
        "CREATE UNIQUE INDEX enrolment_events_key ON enrolment_events(key)",
    ),
    "enrolment_events_enrolment": (
        "index",
        "CREATE INDEX enrolment_events_enrolment ON enrolment_events(enrolment_id)",
    ),
    "session_responses": (
        "table",
        "CREATE TABLE session_responses ( session_id INTEGER PRIMARY KEY REFERENCES sessions(id)"
        " ON DELETE CASCADE, morning_pain INTEGER CHECK (morning_pain IS NULL OR morning_pain"
        " BETWEEN 0 AND 10), morning_asked_at TEXT, leg_symptoms INTEGER CHECK (leg_symptoms IS"
        " NULL OR leg_symptoms IN (0, 1)) )",
    ),
    "suggestions": (
        "table",
        "CREATE TABLE suggestions ( id INTEGER PRIMARY KEY, enrolment_id INTEGER NOT NULL"
        " REFERENCES enrolments(id) ON DELETE CASCADE, session_id INTEGER REFERENCES"
        " sessions(id) ON DELETE SET NULL, phase INTEGER NOT NULL CHECK (phase >= 0), suggested"
        " TEXT NOT NULL CHECK (suggested IN ('easier', 'same', 'harder', 'stop')), rule TEXT NOT"
        " NULL, reason TEXT NOT NULL, level_from INTEGER NOT NULL CHECK (level_from >= 1),"
        " level_to INTEGER NOT NULL CHECK (level_to >= 1), chosen TEXT NOT NULL CHECK (chosen IN"
        " ('easier', 'same', 'harder', 'stop')), level INTEGER NOT NULL CHECK (level >= 1),"
        " decided_at TEXT NOT NULL, key TEXT )",
    ),
    "suggestions_key": ("index", "CREATE UNIQUE INDEX suggestions_key ON suggestions(key)"),
    "suggestions_enrolment": (
        "index",
        "CREATE INDEX suggestions_enrolment ON suggestions(enrolment_id)",
    ),
}
_VERSION_5 = {**_VERSION_4, **_PROGRAMMES}
EXPECTED: dict[int, dict[str, tuple[str, str]]] = {
    1: _VERSION_1,
    2: _VERSION_2,
    3: _VERSION_3,
    4: _VERSION_4,
    5: _VERSION_5,
}
"""Per schema version: every object on our tables, by name, as (type, SQL with spaces collapsed)."""

Kind = Literal["empty", "foreign", "newer", "mismatch", "ours"]


@dataclass(frozen=True)
class Schema:
    """What `classify` found: `detail` says why for "foreign", "newer" and "mismatch"."""

    kind: Kind
    version: int
    detail: str = ""
    shared: bool = False
    """Tables of another program sit beside ours: such a file is never moved aside."""


def normalised(sql: str | None) -> str:
    return " ".join((sql or "").split())


def classify(conn: sqlite3.Connection) -> Schema:
    """Read the schema (nothing is written) and say what kind of file this is.

    Raises sqlite3.DatabaseError when the file cannot be read (damaged, locked).
    """
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    rows = conn.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
    ).fetchall()
    if not rows:
        if version > SCHEMA_VERSION:
            return Schema("newer", version, f"schema {version}")
        if version != 0:
            return Schema("mismatch", version, f"it has no tables but says it is schema {version}")
        return Schema("empty", 0)
    tables = {str(name) for kind, name, _tbl, _sql in rows if kind in ("table", "view")}
    applied = _applied(conn) if MIGRATIONS_TABLE in tables else set()
    others = tables - OUR_TABLES - {MIGRATIONS_TABLE}
    # Ours: our upgrades are recorded, or a table is exactly one of ours. A table that is
    # merely called "sessions" makes another program's file no more ours than before.
    if not applied and not _has_one_of_our_tables(rows):
        return Schema("foreign", version, ", ".join(sorted(tables)[:5]))
    if applied is None:
        return Schema(
            "mismatch", version, f"its {MIGRATIONS_TABLE} table is not as expected",
            shared=bool(others),
        )  # fmt: skip
    unknown = applied - KNOWN_MIGRATIONS
    if version > SCHEMA_VERSION or unknown:
        return Schema("newer", version, f"schema {max(version, len(applied))}")
    problem = _difference(rows, version, applied)
    if problem:
        return Schema("mismatch", version, problem, shared=bool(others))
    return Schema("ours", version)


def _has_one_of_our_tables(rows: list[tuple[str, str, str, str | None]]) -> bool:
    made = {(str(name), normalised(sql)) for kind, name, _tbl, sql in rows if kind == "table"}
    return any(
        (name, sql) in made
        for objects in EXPECTED.values()
        for name, (kind, sql) in objects.items()
        if kind == "table"
    )


def _applied(conn: sqlite3.Connection) -> set[str] | None:
    """Our migrations recorded in the file; None when that table lacks the columns we need."""
    try:
        found = conn.execute(
            f"SELECT name FROM [{MIGRATIONS_TABLE}] WHERE migration_set = ?", [MIGRATION_SET]
        ).fetchall()
    except sqlite3.OperationalError as exc:
        if "no such column" in str(exc):
            return None
        raise
    return {str(row[0]) for row in found}


def _difference(
    rows: list[tuple[str, str, str, str | None]], version: int, applied: set[str]
) -> str:
    """Why our objects do not match schema `version` ("" when they do)."""
    if version not in EXPECTED:
        return f"it holds Workout Player's tables but says it is schema {version}"
    if applied != set(MIGRATION_NAMES[:version]):
        return f"its record of applied upgrades does not match schema {version}"
    for kind, name, _tbl, _sql in rows:
        if kind == "trigger":
            return f"it has a trigger ({name}) that Workout Player did not make"
    found = {
        str(name): (str(kind), normalised(sql))
        for kind, name, tbl, sql in rows
        if tbl in OUR_TABLES
    }
    expected = EXPECTED[version]
    for name, (kind, sql) in expected.items():
        if name not in found:
            return f"the {kind} {name} of schema {version} is missing"
        if found[name] != (kind, sql):
            return f"the {kind} {name} is not as schema {version} has it"
    extra = sorted(set(found) - set(expected))
    if extra:
        kind = found[extra[0]][0]
        return (
            f"it has a {kind} ({extra[0]}) on the history tables that Workout Player did not make"
        )
    return ""
