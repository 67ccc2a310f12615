"""The JSON Schema (draft 2020-12) of workout format v1, shipped as package data.

Editors use it for completion and checks while typing: with the YAML language server, put
`# yaml-language-server: $schema=workout-v1.schema.json` at the top of a workout (after
`workout-player schema > workout-v1.schema.json`). The loader stays the judge: it also
checks what a schema cannot say (tempo's sum, at: in video order, files present).
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

SCHEMA_FILE = "workout-v1.schema.json"
SCHEMA_ID = "urn:workout-player:workout-format:v1"


def schema_text() -> str:
    """The schema exactly as shipped (JSON text ending in a newline)."""
    return (
        resources.files(__package__ or "workout_player.domain")
        .joinpath(SCHEMA_FILE)
        .read_text(encoding="utf-8")
    )


def load_schema() -> dict[str, Any]:
    """The schema as a dict."""
    value: dict[str, Any] = json.loads(schema_text())
    return value


PROGRAMME_SCHEMA_FILE = "programme-v1.schema.json"


def programme_schema_text() -> str:
    """The programme format's JSON Schema, shipped beside the workout one."""
    return (
        resources.files(__package__ or "workout_player.domain")
        .joinpath(PROGRAMME_SCHEMA_FILE)
        .read_text(encoding="utf-8")
    )
