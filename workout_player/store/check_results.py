"""Self-check results in the history: one row per trial, written once, read newest first;
and the optional profile that picks their norm rows.

A trial is named by (session, check, side, trial): a count typed after its trial comes
as a higher revision of the same row, and a record written twice (the writer's journal
replayed after a crash) or replayed after its correction changes nothing.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from workout_player.domain.check_diary import CheckRecord
from workout_player.domain.profile import Profile, sex_of
from workout_player.store.times import from_text, now, to_text
from workout_player.store.transaction import writing

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CheckRow:
    """One stored trial, with the session it was done in."""

    id: int
    session_id: int
    workout: str
    check: str
    name: str
    side: str | None
    trial: int
    value: float
    unit: str
    capped: bool
    measured_at: datetime


_UPSERT = (
    "INSERT INTO check_results (session_id, step, check_id, name, side, trial, value, unit,"
    " capped, measured_at, revision, key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    " ON CONFLICT (key) DO NOTHING"
    " ON CONFLICT (session_id, check_id, side, trial) DO UPDATE SET"
    " step = excluded.step, name = excluded.name, value = excluded.value,"
    " unit = excluded.unit, capped = excluded.capped, measured_at = excluded.measured_at,"
    " revision = excluded.revision, key = excluded.key"
    " WHERE excluded.revision > check_results.revision"
)

_COLUMNS = (
    "c.id, c.session_id, s.workout, c.check_id, c.name, c.side, c.trial, c.value, c.unit,"
    " c.capped, c.measured_at"
)


class CheckResults:
    """The check half of the `Store` (it shares the store's connection)."""

    conn: sqlite3.Connection
    path: Path | None

    def record_check(self, session_id: int, record: CheckRecord, *, key: str | None = None) -> None:
        """Commit one trial in its own transaction (a later revision replaces an earlier)."""
        with writing(self.conn, self.path, "save the check's result"):
            self.conn.execute(
                _UPSERT,
                [
                    session_id,
                    record.step,
                    record.check,
                    record.name,
                    record.side or "",
                    record.trial,
                    max(0.0, record.value),
                    record.unit,
                    int(record.capped),
                    to_text(record.measured_at),
                    record.revision,
                    key,
                ],
            )

    def check_results(self, check: str | None = None) -> list[CheckRow]:
        """Every stored trial (of one check, with `check`), newest first."""
        where, params = ("WHERE c.check_id = ?", [check]) if check is not None else ("", [])
        sql = (
            f"SELECT {_COLUMNS} FROM check_results c JOIN sessions s ON s.id = c.session_id"
            f" {where} ORDER BY c.measured_at DESC, c.id DESC"
        )
        return _rows(self.conn.execute(sql, params).fetchall())

    def session_checks(self, session_id: int) -> list[CheckRow]:
        """One session's trials in the order they were done."""
        sql = (
            f"SELECT {_COLUMNS} FROM check_results c JOIN sessions s ON s.id = c.session_id"
            " WHERE c.session_id = ? ORDER BY c.id"
        )
        return _rows(self.conn.execute(sql, [session_id]).fetchall())


def _rows(rows: list[tuple[object, ...]]) -> list[CheckRow]:
    """The rows that hold a result; one edited by hand into something else (text where the
    value goes, a time that is not one) is logged and left out, not a traceback."""
    out = []
    for row in rows:
        try:
            out.append(_row(row))
        except (TypeError, ValueError) as exc:
            log.warning("check result %s left out: %s", row[0], exc)
    return out


def _row(row: tuple[object, ...]) -> CheckRow:
    (id_, session_id, workout, check, name, side, trial, value, unit, capped, measured) = row
    return CheckRow(
        id=int(str(id_)),
        session_id=int(str(session_id)),
        workout=str(workout),
        check=str(check),
        name=str(name),
        side=str(side) if side else None,
        trial=int(str(trial)),
        value=float(str(value)),
        unit=str(unit),
        capped=bool(capped),
        measured_at=from_text(str(measured)),
    )


class ProfileStore:
    """The optional profile (birth year, sex) in the history file: one row at most."""

    conn: sqlite3.Connection
    path: Path | None

    def profile(self) -> Profile:
        """The stored profile (empty when none was given)."""
        row = self.conn.execute("SELECT birth_year, sex FROM profile WHERE id = 1").fetchone()
        if row is None:
            return Profile()
        year = row[0] if isinstance(row[0], int) else None
        return Profile(birth_year=year, sex=sex_of(row[1] if isinstance(row[1], str) else None))

    def set_profile(self, profile: Profile) -> None:
        """Store `profile` in its own transaction (an empty one clears it)."""
        with writing(self.conn, self.path, "save your profile"):
            if profile.empty:
                self.conn.execute("DELETE FROM profile")
                return
            self.conn.execute(
                "INSERT INTO profile (id, birth_year, sex, updated_at) VALUES (1, ?, ?, ?)"
                " ON CONFLICT (id) DO UPDATE SET birth_year = excluded.birth_year,"
                " sex = excluded.sex, updated_at = excluded.updated_at",
                [profile.birth_year, profile.sex, to_text(now())],
            )
