"""`workout-player programme start|pause|resume|leave FILE`: follow a programme over weeks.

One programme is followed at a time. Each change is a record written like the app's
(store/programmes.py), so the history database holds the whole story.
"""

from __future__ import annotations

import argparse
import sys

from workout_player import paths
from workout_player.domain.programme.loader import load_programme
from workout_player.domain.text_rules import printable
from workout_player.store import StoreError, open_store
from workout_player.store.programmes import current_enrolment, enrol_record, event_record
from workout_player.store.records import apply
from workout_player.store.today import programme_file_key

NEEDS = {"pause": "active", "resume": "paused", "leave": None}


def run(args: argparse.Namespace) -> int:
    file_key = programme_file_key(args.file)
    try:
        with open_store(paths.database_path(args.db)) as store:
            current = current_enrolment(store)
            if args.action == "start":
                if current is not None:
                    _say(
                        f"You are following {current.programme} (started "
                        f"{current.enrolment.start_day.isoformat()}): leave it first with "
                        f"workout-player programme leave {printable(current.programme_file)}"
                    )
                    return 1
                loaded = load_programme(args.file)
                for problem in loaded.problems:
                    print(problem, file=sys.stderr)
                if loaded.programme is None:
                    _say("The programme has errors (above): fix them, then start it again.")
                    return 1
                apply(store, enrol_record(file_key, loaded.programme.title))
                print(
                    f"Started {loaded.programme.title}. `workout-player today` shows what is due."
                )
                return 0
            if current is None or current.programme_file != file_key:
                _say(
                    f"You are not following {printable(args.file)}"
                    + (f" (you follow {printable(current.programme_file)})" if current else "")
                    + ": start it with workout-player programme start FILE"
                )
                return 1
            state = current.enrolment.state()
            needed = NEEDS[args.action]
            if needed is not None and state != needed:
                _say(f"{current.programme} is {state}, so it cannot be {_past(args.action)} now.")
                return 1
            apply(store, event_record({"enrolment_id": current.id}, args.action))
            print(f"{current.programme}: {_past(args.action)}.")
            return 0
    except StoreError as exc:
        _say(str(exc))
        return 1


def _past(action: str) -> str:
    return {"pause": "paused", "resume": "resumed", "leave": "left"}[action]


def _say(message: str) -> None:
    print(f"workout-player: {message}", file=sys.stderr)
