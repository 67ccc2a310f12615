"""Today, assembled: the current enrolment, its programme file, the sessions from the
history and the choices made, handed to the domain's pure `today_view`.

    report = load_today(store, today=date.today())   # None: no programme is being followed
    report.today.headline        # "Week 3 of 8 - Build stability - session 2 of 4 this week: ..."
    report.workout               # the due workout at its level (Enter plays it)
    report.morning               # the session whose next-morning answer is due, or None
    report.today.suggestion      # pending suggestion (kind, reason), or None
    report.as_json()             # what `workout-player today --json` prints

Reads only: a few indexed queries, however long the history (bench/history_open.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from workout_player.domain.loader import Problem, load_workout
from workout_player.domain.model import Workout
from workout_player.domain.programme.dose import at_level
from workout_player.domain.programme.loader import load_programme
from workout_player.domain.programme.model import Programme, Slot
from workout_player.domain.programme.morning import QUESTION, MorningFacts, morning_due
from workout_player.domain.programme.schedule import DoneSession, Today, today_view
from workout_player.domain.programme.suggestion import Outcome
from workout_player.domain.timeline import build_plan
from workout_player.store.programmes import EnrolmentRow, choices, current_enrolment, responses
from workout_player.store.sessions import Store
from workout_player.store.times import from_text


@dataclass(frozen=True)
class TodayReport:
    enrolment: EnrolmentRow
    programme: Programme | None
    problems: tuple[Problem, ...]
    """Why the programme file cannot be used now (moved, broken): Today says so."""
    date: date
    today: Today | None = None
    workout: Workout | None = None
    morning: MorningFacts | None = None
    sessions: tuple[DoneSession, ...] = field(default=(), repr=False)

    def as_json(self) -> dict[str, Any]:
        row = self.enrolment
        data: dict[str, Any] = {
            "programme": {
                "title": row.programme,
                "file": row.programme_file,
                "started": row.enrolment.started.isoformat(),
                "state": row.enrolment.state(),
            },
            "date": self.date.isoformat(),
            "problems": [str(p) for p in self.problems if p.severity == "error"],
        }
        view = self.today
        if view is None:
            return data
        due = view.due
        data.update(
            state=view.state,
            headline=view.headline,
            due=None
            if due is None
            else {
                "week": due.week,
                "weeks": due.weeks,
                "phase": due.phase.name,
                "session": due.session,
                "sessions": due.sessions,
                "workout": due.title,
                "file": str(due.slot.file),
                "level": due.level,
                "levels": due.slot.levels,
                "text": due.text,
            },
            week=None
            if view.strip is None
            else {
                "week": view.strip.week,
                "sessions": list(view.strip.sessions),
                "days": [
                    {"date": d.day.isoformat(), "done": d.done, "today": d.today}
                    for d in view.strip.days
                ],
            },
            adherence=[
                {"week": a.week, "done": a.done, "planned": a.planned} for a in view.adherence
            ],
            checks_due=[{"week": c.week, "file": str(c.file)} for c in view.checks_due],
            morning_question=None
            if self.morning is None
            else {
                "session_id": self.morning.session_id,
                "date": self.morning.day.isoformat(),
                "question": QUESTION,
            },
            suggestion=None
            if view.suggestion is None
            else {
                "kind": view.suggestion.kind,
                "rule": view.suggestion.row,
                "level_from": view.suggestion.level_from,
                "level_to": view.suggestion.level_to,
                "reason": view.suggestion.reason,
                "session_id": view.last_session,
            },
        )
        return data


def load_today(store: Store, today: date | None = None) -> TodayReport | None:
    """What Today shows on `today` (default: the local date now); None without a programme."""
    row = current_enrolment(store)
    if row is None:
        return None
    day = today or datetime.now().astimezone().date()
    # Workouts are read only where needed (the due one, the last two sessions', names):
    # parsing YAML is most of the cost, the history's length hardly matters.
    loaded = load_programme(row.programme_file, check_workouts=False)
    programme = loaded.programme
    if programme is None:
        return TodayReport(row, None, loaded.problems, day)
    workouts = _Workouts()
    made = choices(store, row.enrolment.id or 0)
    decided = _decided_levels(store, row.enrolment.id or 0)
    files = {str(f.resolve()): f for f in (*programme.files(), *(c.file for c in programme.checks))}
    since = (row.enrolment.start_day - timedelta(days=1)).isoformat()
    marks = ", ".join("?" for _ in files)
    found = store.conn.execute(
        "SELECT s.id, s.workout_file, s.started_at, s.status, s.pain_before, s.pain_after, s.rpe,"
        " (SELECT count(*) FROM sets WHERE session_id = s.id) FROM sessions s"
        f" WHERE s.workout_file IN ({marks}) AND s.started_at >= ?"
        " AND s.status IN ('completed', 'stopped') ORDER BY s.started_at, s.id",
        [*files, since],
    ).fetchall()
    answers = responses(store, [int(r[0]) for r in found])
    slot_files = set(programme.files())
    played_ids = [int(r[0]) for r in found if files[r[1]] in slot_files]
    judged = set(played_ids[-SUGGESTION_LOOKS_AT:])
    sessions: list[DoneSession] = []
    for sid, file, started_text, status, before, after, rpe, sets in found:
        started = from_text(started_text)
        path = files[file]
        answer = answers.get(int(sid))
        completion = 1.0 if status == "completed" else 0.0
        if int(sid) in judged:
            week = row.enrolment.week_of(started.date()) or 1
            phase_index, phase = programme.phase_of_week(min(week, programme.weeks))
            slot = next((s for s in phase.workouts if s.file == path), None)
            level = _level_at(decided, phase_index, started)
            expected = _expected_sets(workouts.get(path), slot, level)
            if expected is not None:
                completion = min(1.0, sets / expected)
        outcome = Outcome(
            _pain(before), _pain(after), answer.morning_pain if answer else None,
            _pain(rpe), completion, bool(answer and answer.leg_symptoms),
        )  # fmt: skip
        sessions.append(DoneSession(int(sid), started, path, outcome))
    titles = {
        slot.file: w.title
        for phase in programme.phases
        for slot in phase.workouts
        if slot.name is None and (w := workouts.get(slot.file)) is not None
    }
    view = today_view(programme, row.enrolment, sessions, made, day, titles)
    played = [s for s in sessions if s.file in slot_files]
    morning = morning_due(
        [
            MorningFacts(
                s.id, s.day, s.id in answers and answers[s.id].morning_asked_at is not None
            )
            for s in played
        ],
        day,
    )
    workout = None
    if view.due is not None and (base := workouts.get(view.due.slot.file)) is not None:
        workout = at_level(base, view.due.level, view.due.slot.progression)
    return TodayReport(
        row, programme, loaded.problems, day, view, workout, morning, tuple(sessions)
    )


SUGGESTION_LOOKS_AT = 2
"""The suggestion judges the last two sessions; only theirs need the share of sets done
(worked out from the workout's plan at the level of the day), the others' is their status."""


class _Workouts:
    """Workout files read on first use, once each (a broken or missing one is None)."""

    def __init__(self) -> None:
        self._read: dict[Path, Workout | None] = {}

    def get(self, path: Path) -> Workout | None:
        if path not in self._read:
            self._read[path] = load_workout(path).workout
        return self._read[path]


def _pain(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _decided_levels(store: Store, enrolment_id: int) -> list[tuple[datetime, int, int]]:
    rows = store.conn.execute(
        "SELECT decided_at, phase, level FROM suggestions WHERE enrolment_id = ?"
        " ORDER BY decided_at, id",
        [enrolment_id],
    ).fetchall()
    return [(from_text(at), int(phase), int(level)) for at, phase, level in rows]


def _level_at(decided: list[tuple[datetime, int, int]], phase: int, moment: datetime) -> int:
    level = 1
    for at, chosen_phase, chosen in decided:
        if chosen_phase == phase and at <= moment:
            level = chosen
    return level


def _expected_sets(workout: Workout | None, slot: Slot | None, level: int) -> int | None:
    """Work segments the session's plan had (each side of a set is one), or None if unknown."""
    if workout is None:
        return None
    dosed = at_level(workout, min(level, slot.levels), slot.progression) if slot else workout
    return sum(1 for segment in build_plan(dosed).segments if segment.kind == "work") or None


def programme_file_key(path: str | Path) -> str:
    """How a programme file is stored: its absolute, resolved path."""
    return str(Path(path).expanduser().resolve())
