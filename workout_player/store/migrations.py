"""The history schema, created and upgraded with sqlite-utils' built-in `Migrations`.

Each migration is applied once, in order, and recorded in `_sqlite_migrations`.
`PRAGMA user_version` holds the number of migrations applied, so a newer
version's database can be recognised (and refused) with one cheap read.
Never edit a migration that has shipped: add a new one, and its name to
`version.MIGRATION_NAMES` (this module is imported only when a migration is pending).
"""

from __future__ import annotations

from collections.abc import Callable

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from workout_player.store.version import MIGRATION_NAMES, MIGRATION_SET, MIGRATIONS_TABLE

migrations = Migrations(MIGRATION_SET)
_NAMES: list[str] = []


def _migration(name: str) -> Callable[[Callable[[Database], None]], Callable[[Database], None]]:
    """Register a migration, in the order and under the name `version.MIGRATION_NAMES` gives."""
    expected = MIGRATION_NAMES[len(_NAMES)] if len(_NAMES) < len(MIGRATION_NAMES) else None
    if name != expected:
        raise RuntimeError(f"migration {name!r} is not next in version.MIGRATION_NAMES")
    _NAMES.append(name)
    return migrations(name=name)


@_migration("001_sessions_and_sets")
def _sessions_and_sets(db: Database) -> None:
    # Raw SQL because sqlite-utils' create() has no CHECK constraints, and the
    # constraints are what keep hand edits (Datasette, sqlite-utils CLI) honest.
    db.execute(
        """
        CREATE TABLE sessions (
            id INTEGER PRIMARY KEY,
            workout TEXT NOT NULL,
            workout_file TEXT,
            content_hash TEXT,
            started_at TEXT NOT NULL,
            ended_at TEXT,
            status TEXT NOT NULL DEFAULT 'in_progress'
                CHECK (status IN ('completed', 'stopped', 'interrupted', 'in_progress')),
            active_seconds REAL CHECK (active_seconds IS NULL OR active_seconds >= 0),
            pain_before INTEGER CHECK (pain_before IS NULL OR pain_before BETWEEN 0 AND 10),
            pain_after INTEGER CHECK (pain_after IS NULL OR pain_after BETWEEN 0 AND 10),
            rpe INTEGER CHECK (rpe IS NULL OR rpe BETWEEN 1 AND 10),
            notes TEXT,
            pid INTEGER
        )
        """
    )
    db.execute(
        """
        CREATE TABLE sets (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            step INTEGER NOT NULL CHECK (step >= 0),
            exercise TEXT NOT NULL,
            set_number INTEGER NOT NULL CHECK (set_number >= 1),
            side TEXT CHECK (side IS NULL OR side IN ('left', 'right')),
            reps_target INTEGER CHECK (reps_target IS NULL OR reps_target >= 0),
            reps_done INTEGER CHECK (reps_done IS NULL OR reps_done >= 0),
            seconds REAL NOT NULL CHECK (seconds >= 0),
            started_at TEXT NOT NULL,
            ended_at TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX sets_session_id ON sets(session_id)")


@_migration("002_host_and_history_indexes")
def _host_and_history_indexes(db: Database) -> None:
    # The host lets crash recovery leave alone sessions running on another
    # machine that shares the file (a synced folder): their pids mean nothing here.
    db.execute("ALTER TABLE sessions ADD COLUMN host TEXT")
    # The history screen pages newest first and filters by workout and date at
    # 100,000 sessions; the per-exercise totals group 1,000,000 sets.
    db.execute("CREATE INDEX sessions_started_at ON sessions(started_at)")
    db.execute("CREATE INDEX sessions_workout_started_at ON sessions(workout, started_at)")
    db.execute("CREATE INDEX sessions_in_progress ON sessions(status) WHERE status = 'in_progress'")
    # Covers the per-exercise totals (sets, reps, seconds, sessions) without reading the table.
    db.execute("CREATE INDEX sets_exercise ON sets(exercise, session_id, reps_done, seconds)")


@_migration("003_write_keys")
def _write_keys(db: Database) -> None:
    # Each session and set written through the writer carries a unique key, so a record
    # replayed from the pending journal twice (a crash between commit and the journal's
    # deletion) is recognised instead of stored again. Older rows have none (NULL).
    db.execute("ALTER TABLE sessions ADD COLUMN key TEXT")
    db.execute("ALTER TABLE sets ADD COLUMN key TEXT")
    db.execute("CREATE UNIQUE INDEX sessions_key ON sessions(key)")
    db.execute("CREATE UNIQUE INDEX sets_key ON sets(key)")


@_migration("004_check_results")
def _check_results(db: Database) -> None:
    # One row per trial of a self-check (issue 13), kept with the session it was done in
    # (deleted with it). (session, check, side, trial) is unique: a count typed after its
    # trial replaces the trial's first value (a higher revision), and a record replayed from
    # the journal, twice or after its correction, changes nothing. `side` is '' for a check
    # without sides, because SQLite's UNIQUE treats NULLs as distinct.
    db.execute(
        """
        CREATE TABLE check_results (
            id INTEGER PRIMARY KEY,
            session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
            step INTEGER NOT NULL CHECK (step >= 0),
            check_id TEXT NOT NULL CHECK (length(check_id) BETWEEN 1 AND 64),
            name TEXT NOT NULL,
            side TEXT NOT NULL DEFAULT '' CHECK (side IN ('', 'left', 'right')),
            trial INTEGER NOT NULL CHECK (trial >= 1),
            value REAL NOT NULL CHECK (value >= 0),
            unit TEXT NOT NULL CHECK (unit IN ('s', 'reps', 'steps')),
            capped INTEGER NOT NULL DEFAULT 0 CHECK (capped IN (0, 1)),
            measured_at TEXT NOT NULL,
            revision INTEGER NOT NULL DEFAULT 0 CHECK (revision >= 0),
            key TEXT
        )
        """
    )
    db.execute(
        "CREATE UNIQUE INDEX check_results_trial"
        " ON check_results(session_id, check_id, side, trial)"
    )
    db.execute("CREATE UNIQUE INDEX check_results_key ON check_results(key)")
    # The Checks screen and `checks` read every result of a check, newest first.
    db.execute("CREATE INDEX check_results_check ON check_results(check_id, measured_at)")
    # The optional profile that picks the norm row (birth year, sex): one row at most,
    # kept in the same local file as the results it is used with.
    db.execute(
        """
        CREATE TABLE profile (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            birth_year INTEGER CHECK (birth_year IS NULL OR birth_year BETWEEN 1900 AND 2100),
            sex TEXT CHECK (sex IS NULL OR sex IN ('female', 'male')),
            updated_at TEXT NOT NULL
        )
        """
    )


PROGRAMME_TABLES = (
    """
    CREATE TABLE enrolments (
        id INTEGER PRIMARY KEY,
        programme_file TEXT NOT NULL,
        programme TEXT NOT NULL,
        started_at TEXT NOT NULL,
        key TEXT
    )
    """,
    "CREATE UNIQUE INDEX enrolments_key ON enrolments(key)",
    """
    CREATE TABLE enrolment_events (
        id INTEGER PRIMARY KEY,
        enrolment_id INTEGER NOT NULL REFERENCES enrolments(id) ON DELETE CASCADE,
        event TEXT NOT NULL CHECK (event IN ('pause', 'resume', 'leave')),
        at TEXT NOT NULL,
        key TEXT
    )
    """,
    "CREATE UNIQUE INDEX enrolment_events_key ON enrolment_events(key)",
    "CREATE INDEX enrolment_events_enrolment ON enrolment_events(enrolment_id)",
    """
    CREATE TABLE session_responses (
        session_id INTEGER PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
        morning_pain INTEGER CHECK (morning_pain IS NULL OR morning_pain BETWEEN 0 AND 10),
        morning_asked_at TEXT,
        leg_symptoms INTEGER CHECK (leg_symptoms IS NULL OR leg_symptoms IN (0, 1))
    )
    """,
    """
    CREATE TABLE suggestions (
        id INTEGER PRIMARY KEY,
        enrolment_id INTEGER NOT NULL REFERENCES enrolments(id) ON DELETE CASCADE,
        session_id INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
        phase INTEGER NOT NULL CHECK (phase >= 0),
        suggested TEXT NOT NULL CHECK (suggested IN ('easier', 'same', 'harder', 'stop')),
        rule TEXT NOT NULL,
        reason TEXT NOT NULL,
        level_from INTEGER NOT NULL CHECK (level_from >= 1),
        level_to INTEGER NOT NULL CHECK (level_to >= 1),
        chosen TEXT NOT NULL CHECK (chosen IN ('easier', 'same', 'harder', 'stop')),
        level INTEGER NOT NULL CHECK (level >= 1),
        decided_at TEXT NOT NULL,
        key TEXT
    )
    """,
    "CREATE UNIQUE INDEX suggestions_key ON suggestions(key)",
    "CREATE INDEX suggestions_enrolment ON suggestions(enrolment_id)",
)


@_migration("005_programmes")
def _programmes(db: Database) -> None:
    # Programmes (docs/programme-format.md): an enrolment is one start of a programme file;
    # its pauses and leaving are events; the next-morning pain and the leg-symptom flag
    # belong to a session (one row per session, made when the first is known); each
    # suggestion is stored with what the person chose. Keys make replays idempotent.
    for sql in PROGRAMME_TABLES:
        db.execute(sql)


if tuple(_NAMES) != MIGRATION_NAMES or migrations.migrations_table != MIGRATIONS_TABLE:
    raise RuntimeError("store/version.py does not list the migrations registered here")
