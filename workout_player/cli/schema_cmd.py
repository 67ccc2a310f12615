"""`workout-player schema [--programme]`: print the JSON Schema of the workout (or programme)
format."""

from __future__ import annotations

import argparse
import sys

from workout_player.domain.schema import programme_schema_text, schema_text


def run(args: argparse.Namespace) -> int:
    sys.stdout.write(programme_schema_text() if args.programme else schema_text())
    return 0
