"""The schema's names and version, without importing sqlite-utils.

Opening an up-to-date database (every start but the first after an upgrade)
only needs these names to see that nothing is pending; sqlite-utils, whose
import costs about 0.1 s, is loaded only when a migration has to run
(`store/migrations.py` registers the migrations under exactly these names).
"""

from __future__ import annotations

MIGRATION_SET = "workout_player"
MIGRATIONS_TABLE = "_sqlite_migrations"
"""Where sqlite-utils' `Migrations` records what it applied (checked by a test)."""

MIGRATION_NAMES = (
    "001_sessions_and_sets",
    "002_host_and_history_indexes",
    "003_write_keys",
    "004_check_results",
    "005_programmes",
)
"""Every migration, in order. Never edit or remove one that has shipped: add a new one."""

SCHEMA_VERSION = len(MIGRATION_NAMES)
"""The `PRAGMA user_version` this version of the app writes and understands."""

KNOWN_MIGRATIONS = frozenset(MIGRATION_NAMES)
