"""Programmes: weeks of sessions, raised or lowered by the person's pain response.

    model.py       Programme, Phase, Slot, Check (frozen dataclasses)
    reader.py      YAML nodes -> Programme, every problem noted with its position
    loader.py      load_programme(path) -> ProgrammeResult (FILE:LINE:COL problems)
    dose.py        at_level(workout, level, progression): the dose steps, as a pure function
    calendar.py    Enrolment (start, pauses, leaving) on local dates: programme days and weeks
    schedule.py    what is due today, the week strip, adherence per week
    suggestion.py  easier / same / harder / stop from pain, effort, completion, red flags
    morning.py     which session still needs its next-morning pain answer

No Qt, no store: the store reads rows into these types and the screens show the results.
"""
