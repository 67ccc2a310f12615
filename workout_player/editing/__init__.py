"""Editing workout files without losing what people wrote in them.

Plain Python (no Qt): a round-trip document over ruamel.yaml that keeps
comments, key order and keys it does not know, plus the small helpers the cue
editor and the step editor share (timestamps, "Exercise N" names, save paths).
"""

from workout_player.editing.document import DocumentError, StepView, WorkoutDocument
from workout_player.editing.names import known_exercise_names, next_exercise_name
from workout_player.editing.saving import default_save_path, video_reference
from workout_player.editing.timestamps import format_timestamp, parse_timestamp, round_tenth

__all__ = [
    "DocumentError",
    "StepView",
    "WorkoutDocument",
    "default_save_path",
    "format_timestamp",
    "known_exercise_names",
    "next_exercise_name",
    "parse_timestamp",
    "round_tenth",
    "video_reference",
]
