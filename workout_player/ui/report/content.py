"""The report's words and tables as HTML for QTextDocument, from ReportData (no drawing).

`overview(data)` is the top of page 1 (who and when, red flags first, adherence, effort);
`pain_text(data)` goes under the chart; `details(data)` (self-checks, what was done, notes)
follows on page 1 when it fits, else on pages 2 and 3.
"""

from __future__ import annotations

from datetime import date
from html import escape

from workout_player.domain.check_face import result_text
from workout_player.domain.check_report import Judged
from workout_player.domain.checks.wording import asymmetry_sentence
from workout_player.domain.durations import format_clock
from workout_player.domain.report import mean_of
from workout_player.domain.text_rules import printable
from workout_player.store.report_data import CheckLine, ReportData

APP = "Workout Player"
MAX_WEEKS = 8
"""Weeks in the adherence table (wider would break its words); a longer period shows its
last 8, with the average per week above and the count of empty weeks below."""
MAX_EXERCISES = 20
"""Most sets first; a table of 20 rows fits on one page beside the others."""
MAX_NOTES = 12
NOTE_CHARS = 300

STYLE = """
body { color: #111; }
h1 { font-size: 15pt; margin: 0 0 2pt 0; }
h2 { font-size: 11pt; margin: 8pt 0 3pt 0; color: #1f3f68; }
p { margin: 2pt 0; }
th { background: #e6ecf3; text-align: left; }
.flag { background: #fde2dd; color: #7a1000; font-weight: bold; padding: 4pt; }
.muted { color: #555; }
"""


def day_text(day: date) -> str:
    return f"{day.day} {day:%b %Y}"


def hours_text(minutes: float) -> str:
    """Active time as "7 h 05 min" (or "45 min")."""
    whole = round(minutes)
    hours, rest = divmod(whole, 60)
    return f"{hours} h {rest:02d} min" if hours else f"{rest} min"


def _t(text: str) -> str:
    return escape(printable(text))


TABLE = (
    '<table cellspacing="0" cellpadding="7" border="0.5"'
    ' style="border-color:#999; border-style:solid">'
)


def _table(head: list[str], rows: list[list[str]], right: set[int] | None = None) -> str:
    right = right or set()
    # cellpadding is in device pixels: 7 at 300 dpi is 0.6 mm.
    out = [TABLE]
    out.append("<tr>" + "".join(f"<th nowrap>{h}</th>" for h in head) + "</tr>")
    for row in rows:
        cells = "".join(
            f'<td align="{"right" if i in right else "left"}"{" nowrap" if i == 0 else ""}>{c}</td>'
            for i, c in enumerate(row)
        )
        out.append(f"<tr>{cells}</tr>")
    return "".join(out) + "</table>"


def period_text(data: ReportData) -> str:
    days = (data.end - data.start).days + 1
    return f"{day_text(data.start)} to {day_text(data.end)} ({days} days)"


def overview(data: ReportData) -> str:
    parts = [f"<html><head><style>{STYLE}</style></head><body>"]
    parts.append("<h1>Home exercise report</h1>")
    parts.append(
        f"<p><b>Period:</b> {period_text(data)} &nbsp; <b>Made:</b> {day_text(data.made)}</p>"
    )
    if data.programme is not None:
        prog = data.programme
        where = f", on {day_text(data.end)}: {_t(prog.where)}" if prog.where else ""
        state = "" if prog.state == "active" else f" ({prog.state})"
        parts.append(
            f"<p><b>Programme:</b> {_t(prog.title)}{state}, started "
            f"{day_text(prog.started)}{where}</p>"
        )
        if prog.problem:
            parts.append(
                f'<p class="muted">The programme file cannot be read: {_t(prog.problem)}</p>'
            )
    else:
        parts.append("<p><b>Programme:</b> none followed; sessions chosen by the person.</p>")
    parts.append(_red_flags(data))
    parts.append(_adherence(data))
    return "".join(parts) + "</body></html>"


def _red_flags(data: ReportData) -> str:
    if not data.red_flags:
        return ""
    n = len(data.red_flags)
    when = ", ".join(
        f"{day_text(s.started_at.date())} ({_t(s.workout)})"
        for s in data.red_flags[:10]
        if s.started_at is not None
    )
    more = f" and {n - 10} more" if n > 10 else ""
    return (
        f'<p class="flag">RED FLAG: leg symptoms (pain, tingling or numbness down a leg) were '
        f"ticked after {n} session{'s' if n != 1 else ''}: {when}{more}.</p>"
    )


def _adherence(data: ReportData) -> str:
    parts = ["<h2>Sessions and effort</h2>"]
    n = len(data.sessions)
    if n == 0:
        parts.append(
            f"<p><b>No sessions were recorded from {day_text(data.start)} to "
            f"{day_text(data.end)}.</b></p>"
        )
        return "".join(parts)
    weeks = max(1, len(data.weeks))
    stopped = n - data.completed
    sets = sum(s.sets for s in data.sessions)
    rpe = data.mean_rpe
    rpes = [s.rpe for s in data.sessions if s.rpe is not None]
    effort = (
        f"average {rpe:.1f}/10 (from {min(rpes)} to {max(rpes)}, {len(rpes)} answers)"
        if rpe is not None
        else "not answered"
    )
    parts.append(
        _table(
            [
                "Sessions",
                "Completed",
                "Ended early",
                "Per week",
                "Active time",
                "Sets",
                "Effort (RPE)",
            ],
            [
                [
                    str(n),
                    str(data.completed),
                    str(stopped),
                    f"{n / weeks:.1f}",
                    hours_text(data.minutes),
                    str(sets),
                    effort,
                ]
            ],
        )
    )
    prog = data.programme
    if prog is not None and prog.adherence:
        rows = prog.adherence[-MAX_WEEKS:]
        head = ["Programme week", *(str(w) for w, _d, _p in rows)]
        done = ["Done / planned", *(f"{d}/{p}" for _w, d, p in rows)]
        parts.append("<p></p>" + _table(head, [done]))
    else:
        rows2 = data.weeks[-MAX_WEEKS:]
        head = ["Week of", *(f"{w.start.day}&nbsp;{w.start:%b}" for w in rows2)]
        count = ["Sessions", *(str(w.sessions) for w in rows2)]
        mins = ["Minutes", *(f"{w.minutes:.0f}" for w in rows2)]
        parts.append("<p></p>" + _table(head, [count, mins]))
    if len(data.weeks) > MAX_WEEKS:
        empty = sum(1 for w in data.weeks if w.sessions == 0)
        parts.append(
            f'<p class="muted">The last {MAX_WEEKS} of {len(data.weeks)} weeks shown; '
            f"{empty} week{'s' if empty != 1 else ''} of the period had no session.</p>"
        )
    return "".join(parts)


def pain_heading(data: ReportData, weekly: bool) -> str:
    """The heading above the chart (nothing without sessions)."""
    if not data.sessions:
        return ""
    each = "weekly averages" if weekly else "each session"
    return (
        f"<html><head><style>{STYLE}</style></head><body><h2>Pain before, after and the next "
        f"morning ({each}; 0 none, 10 worst)</h2></body></html>"
    )


def pain_text(data: ReportData) -> str:
    parts = [f"<html><head><style>{STYLE}</style></head><body>"]
    if data.sessions and data.has_pain:
        means = []
        for label, attr in (("before", "before"), ("after", "after"), ("next morning", "morning")):
            m = mean_of(getattr(p, attr) for p in data.pain)
            means.append(f"{label} {m:.1f}" if m is not None else f"{label} not answered")
        parts.append(f"<p><b>Average pain (0-10):</b> {', '.join(means)}.</p>")
        parts.append(f"<p><b>Change:</b> {escape(data.pain_change.sentence)}</p>")
    elif data.sessions:
        parts.append("<p><b>No pain answers were given in this period.</b></p>")
    return "".join(parts) + "</body></html>"


def details(data: ReportData) -> list[str]:
    """The self-checks, what was done and the notes: one HTML block each (none empty)."""
    blocks = [_checks(data), _exercises(data), _notes(data)]
    return [
        f"<html><head><style>{STYLE}</style></head><body>{b}</body></html>" for b in blocks if b
    ]


def _judged_text(item: Judged | None, unit: str) -> str:
    if item is None:
        return "-"
    text = result_text(item.row.value, unit) + (" (cap)" if item.row.capped else "")
    found = item.comparison
    if found is None:
        return f"{text} <span class='muted'>(no verified norm)</span>"
    position = {"below": "below", "within": "within", "above": "above"}[found.position]
    return f"{text} <span class='muted'>({position} {found.row.low:g}-{found.row.high:g})</span>"


def _checks(data: ReportData) -> str:
    summary = data.checks
    if summary is None:
        return "<h2>Self-checks</h2><p>No self-checks were done in this period.</p>"
    last = day_text(summary.last_day) if summary.last_day else "(done once)"
    rows = [_check_row(line) for line in summary.lines]
    parts = [
        "<h2>Self-checks (best trial, against the published norm)</h2>",
        _table(["Check", "Side", f"Start: {day_text(summary.first_day)}", f"End: {last}"], rows),
    ]
    sentences = []
    for when, name, found in summary.asymmetries:
        unit = next((ln.unit for ln in summary.lines if ln.name == name), "s")
        sentences.append(f"{_t(name)} ({when}): {escape(asymmetry_sentence(found, unit))}")  # type: ignore[arg-type]
    sentences += [f"Ratio ({when}): {escape(text)}" for when, text in summary.ratios]
    parts += [f"<p>{s}</p>" for s in sentences]
    return "".join(parts)


def _check_row(line: CheckLine) -> list[str]:
    return [
        _t(line.name),
        line.side or "",
        _judged_text(line.first, line.unit),
        _judged_text(line.last, line.unit),
    ]


def _exercises(data: ReportData) -> str:
    if not data.exercises:
        return ""
    rows = []
    for ex in data.exercises[:MAX_EXERCISES]:
        sets = f"{ex.sets}" + (" each side" if ex.each_side else "")
        held = format_clock(ex.seconds) if ex.seconds else "-"
        rows.append(
            [_t(ex.exercise), str(ex.sessions), sets, str(ex.reps) if ex.reps else "-", held]
        )
    more = len(data.exercises) - MAX_EXERCISES
    tail = f'<p class="muted">and {more} more exercises.</p>' if more > 0 else ""
    table = _table(
        ["Exercise", "Sessions", "Sets", "Reps", "Time worked or held"], rows, {1, 2, 3, 4}
    )
    return "<h2>What was done</h2>" + table + tail


def _notes(data: ReportData) -> str:
    notes = data.notes
    if not notes:
        return ""
    shown = notes[-MAX_NOTES:]
    items = []
    for s in shown:
        text = printable(s.notes or "").strip()
        if len(text) > NOTE_CHARS:
            text = text[: NOTE_CHARS - 1] + "\u2026"
        day = day_text(s.started_at.date()) if s.started_at else ""
        items.append(f"<p><b>{day}</b>, {_t(s.workout)}: {escape(text)}</p>")
    head = "<h2>The person's notes</h2>"
    if len(notes) > MAX_NOTES:
        head += f'<p class="muted">The last {MAX_NOTES} of {len(notes)} notes.</p>'
    return head + "".join(items)


CUT = "The report stops at three pages; `workout-player history` lists every session."


def footer(data: ReportData, page: int, pages: int, *, cut: bool = False) -> str:
    text = (
        f"{APP}, a home exercise app. All figures are self-reported by the person and not "
        f"checked by a clinician. Period {day_text(data.start)} to {day_text(data.end)}. "
        f"Page {page} of {pages}."
    )
    return f"{text} {CUT}" if cut and page == pages else text
