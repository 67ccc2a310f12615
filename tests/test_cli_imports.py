"""The reading commands stay light: `history`, `today`, `checks` and `export` import neither
Qt nor libvlc, nor what only a migration or the schema tests need (sqlite-utils,
jsonschema), and those that read no workout file not even the YAML parser.

Checked in a real process running the command line's main() (what `workout-player` and the
benchmarks' `python -m workout_player` run), by its sys.modules at the end, against an
up-to-date history: an import that creeps back into a command's path fails here rather
than showing up later as a slower benchmark.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.check_history import STABILITY, seed_checks
from tests.conftest import REPO, WORKOUTS
from tests.history_data import SESSIONS, fill
from workout_player.domain.diary import SetRecord
from workout_player.store import open_store
from workout_player.store.programmes import enrol_record
from workout_player.store.records import apply
from workout_player.store.today import programme_file_key

PROGRAMME = WORKOUTS / "programmes" / "low-back-8-weeks.yaml"
FIRST_WORKOUT = WORKOUTS / "daily-back-care.yaml"  # week 1's workout in that programme
TODAY = "2026-03-05"

NEVER = {"PySide6", "shiboken6", "vlc", "sqlite_utils", "jsonschema"}
"""Top-level packages no reading command imports."""


WRAPPER = """
import sys
from workout_player.cli import main  # what `workout-player` and `python -m workout_player` run
try:
    code = main(sys.argv[2:])
finally:
    import json  # only now, so the list below is the command's own
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        json.dump(sorted(sys.modules), out)
sys.exit(code)
"""


def imports_of(tmp_path: Path, *argv: str) -> tuple[set[str], Any]:
    """Every module in sys.modules when a real `workout-player ARGV` process has finished
    (whichever way it was imported), and the command's JSON output."""
    listing = tmp_path / "modules.json"
    done = subprocess.run(
        [sys.executable, "-c", WRAPPER, str(listing), *argv],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
    )
    assert (done.returncode, done.stderr) == (0, "")
    modules = set(json.loads(listing.read_text(encoding="utf-8")))
    return modules, json.loads(done.stdout)


def top_level(modules: set[str]) -> set[str]:
    return {name.partition(".")[0] for name in modules}


def app_parts(modules: set[str]) -> set[str]:
    """The app's own Qt and libvlc parts among `modules`."""
    return {m for m in modules if m.startswith(("workout_player.ui", "workout_player.playback"))}


@pytest.fixture
def history(tmp_path: Path) -> Path:
    """An up-to-date history: the known sessions of tests/history_data.py and one session
    of self-checks (tests/check_history.py)."""
    db = tmp_path / "history.sqlite3"
    with open_store(db) as store:
        fill(store)
        seed_checks(store, 1)
    return db


SESSIONS_STORED = len(SESSIONS) + 1
TRIALS_STORED = sum(len(values) for *_, values, _gain in STABILITY)


@pytest.fixture
def followed(tmp_path: Path) -> Path:
    """A history following the bundled programme for three days, with a session each day,
    so `today` reads the programme file and the workouts its suggestion judges."""
    db = tmp_path / "history.sqlite3"
    start = datetime(2026, 3, 2, 7, 0).astimezone()  # a Monday; today is asked on TODAY
    with open_store(db) as store:
        apply(store, enrol_record(programme_file_key(PROGRAMME), "Low back, 8 weeks", start))
        for day in range(3):
            began = start + timedelta(days=day, hours=1)
            session = store.start_session(
                workout="Daily back care",
                workout_file=str(FIRST_WORKOUT.resolve()),
                content_hash=None,
                started_at=began,
            )
            store.record_set(
                session,
                SetRecord(0, "Curl-up", 1, None, 5, 5, 40.0, began, began + timedelta(seconds=40)),
            )
            store.finish_session(session, status="completed", active_seconds=600.0)
    return db


ENGINE = "workout_player.domain.session"
"""The session engine: a command that only lists stored sessions has no use for it."""


@pytest.mark.slow
@pytest.mark.parametrize(
    ("argv", "does_the_work", "length", "not_needed"),
    [
        (["history", "--json"], "workout_player.store.queries", SESSIONS_STORED, {ENGINE}),
        (["history", "--json", "--limit", "2"], "workout_player.cli.history_cmd", 2, {ENGINE}),
        (["export", "--format", "json"], "workout_player.store.export", SESSIONS_STORED, {ENGINE}),
        (["checks", "--json"], "workout_player.domain.check_face", TRIALS_STORED, {ENGINE}),
    ],
)
def test_reading_the_history_imports_no_qt_no_vlc_and_no_yaml(
    history: Path, argv: list[str], does_the_work: str, length: int, not_needed: set[str]
) -> None:
    modules, output = imports_of(history.parent, *argv, "--db", str(history))
    # What the command needs is in the list (so the list is read right) ...
    assert {does_the_work, "sqlite3"} <= modules
    assert len(output) == length
    # ... and what it does not need is not.
    assert top_level(modules) & (NEVER | {"ruamel", "_ruamel_yaml"}) == set()
    assert app_parts(modules) == set()
    assert modules & not_needed == set()


@pytest.mark.slow
def test_today_reads_the_programme_and_imports_no_qt_and_no_vlc(followed: Path) -> None:
    modules, output = imports_of(
        followed.parent, "today", "--json", "--date", TODAY, "--db", str(followed)
    )
    assert output["programme"]["state"] == "active"
    assert output["adherence"] == [{"week": 1, "done": 3, "planned": 3}]
    # The suggestion judged the last session against its workout's plan: the file was read.
    assert output["suggestion"]["session_id"] == 3
    assert {"workout_player.store.today", "workout_player.domain.loader", "ruamel.yaml"} <= modules
    assert top_level(modules) & NEVER == set()
    assert app_parts(modules) == set()
