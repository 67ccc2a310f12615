"""`workout-player schema`: print the JSON Schema of the workout format."""

from __future__ import annotations

import argparse
import sys

from workout_player.domain.schema import schema_text


def run(args: argparse.Namespace) -> int:
    sys.stdout.write(schema_text())
    return 0
