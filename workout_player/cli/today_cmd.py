"""`workout-player today [--json] [--date YYYY-MM-DD]`: what is due in the programme, the
week, adherence, the morning question and the suggestion with its reason."""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from datetime import date

from workout_player.cli.history_file import open_for_cli
from workout_player.store import StoreError
from workout_player.store.today import TodayReport, load_today

MARKS = {"done": "x", "missed": "-", "planned": "o"}


def run(args: argparse.Namespace) -> int:
    day = None
    if args.date is not None:
        try:
            day = date.fromisoformat(args.date)
        except ValueError:
            print(
                f"workout-player: --date must be a date such as 2026-03-02, got {args.date!r}",
                file=sys.stderr,
            )
            return 2
    store = open_for_cli(args.db)
    if store is None:
        return 1
    try:
        report = load_today(store, day)
    except StoreError as exc:
        print(f"workout-player: {exc}", file=sys.stderr)
        return 1
    except sqlite3.OperationalError as exc:
        # A read-only history from before programmes existed has no programme tables.
        print(f"workout-player: the history cannot show programmes ({exc})", file=sys.stderr)
        return 1
    finally:
        store.close()
    if args.json:
        payload = {"programme": None} if report is None else report.as_json()
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return 0
    if report is None:
        print("You are not following a programme. Start one: workout-player programme start FILE")
        return 0
    _print(report)
    return 0


def _print(report: TodayReport) -> None:
    print(f"{report.enrolment.programme} ({report.enrolment.enrolment.state()})")
    for problem in report.problems:
        if problem.severity == "error":
            print(f"  {problem}")
    view = report.today
    if view is None:
        print("The programme file cannot be read: fix it or leave the programme.")
        return
    print(view.headline)
    if view.strip is not None:
        marks = " ".join(MARKS[m] for m in view.strip.sessions)
        print(f"This week: {marks}   (x done, o planned, - missed)")
    if view.adherence:
        shown = ", ".join(f"week {a.week} {a.done}/{a.planned}" for a in view.adherence)
        print(f"Done / planned: {shown}")
    for check in view.checks_due:
        print(f"Self-check due: {check.file.name} (week {check.week})")
    if report.morning is not None:
        print(f"Morning question pending for the session of {report.morning.day.isoformat()}.")
    if view.suggestion is not None:
        print(f"Suggestion ({view.suggestion.kind}): {view.suggestion.reason}")
