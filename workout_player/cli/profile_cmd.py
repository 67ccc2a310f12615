"""`workout-player profile [--birth-year Y] [--sex female|male] [--clear]`: the optional
profile that picks a self-check's norm row, kept in the local history database only.

Without options it prints what is stored. Nothing is asked for: without a profile the
app shows your own trend only.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date

from workout_player import paths
from workout_player.domain.profile import Profile, birth_year_problem, sex_of
from workout_player.store import StoreError, open_store


def run(args: argparse.Namespace) -> int:
    changing = args.clear or args.birth_year is not None or args.sex is not None
    if args.clear and (args.birth_year is not None or args.sex is not None):
        print("workout-player: --clear goes alone; give it, or new values", file=sys.stderr)
        return 2
    if args.birth_year is not None and (
        problem := birth_year_problem(args.birth_year, date.today())
    ):
        print(f"workout-player: {problem}", file=sys.stderr)
        return 2
    try:
        store = open_store(paths.database_path(args.db), mode="write" if changing else "read")
    except StoreError as exc:
        print(f"workout-player: {exc}", file=sys.stderr)
        return 1
    try:
        profile = store.profile()
        if changing:
            profile = (
                Profile()
                if args.clear
                else Profile(
                    birth_year=args.birth_year
                    if args.birth_year is not None
                    else profile.birth_year,
                    sex=sex_of(args.sex) or profile.sex,
                )
            )
            store.set_profile(profile)
    except StoreError as exc:
        print(f"workout-player: {exc}", file=sys.stderr)
        return 1
    finally:
        store.close()
    if profile.empty:
        print("No profile: results are shown beside your own earlier ones only.")
    else:
        print(f"Birth year: {profile.birth_year or 'not given'}")
        print(f"Sex: {profile.sex or 'not given'}")
        print("Kept only in your local history database; --clear removes it.")
    return 0
