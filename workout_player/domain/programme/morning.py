"""The 24-hour response: which session still needs its next-morning pain answer.

"How is your back this morning? 0-10" is asked once for the latest programme session,
the first time the app opens on a later day or when the next session starts, whichever
comes first (both call `morning_due` with the date of that moment). A session is asked
about at most once: skipping the question stores that it was asked. After
MORNING_WINDOW_DAYS days the answer would say little about that session, so it is not
asked any more, and the suggestion treats the morning as unknown.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

QUESTION = "How is your back this morning? 0-10"
MORNING_WINDOW_DAYS = 2


@dataclass(frozen=True)
class MorningFacts:
    session_id: int
    day: date
    """The session's local date."""
    asked: bool
    """Answered, or asked and skipped."""
    title: str = ""


def morning_due(sessions: Sequence[MorningFacts], today: date) -> MorningFacts | None:
    """The session to ask about now, or None. `sessions`: ended programme sessions, any order."""
    if not sessions:
        return None
    latest = max(sessions, key=lambda s: (s.day, s.session_id))
    if latest.asked or latest.day >= today:
        return None
    if (today - latest.day).days > MORNING_WINDOW_DAYS:
        return None
    return latest
