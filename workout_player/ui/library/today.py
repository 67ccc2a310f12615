"""Today, at the top of the library: what the programme has due, the week, and one key each.

`TodayPanel.attach(store, history)` reads Today (store/today.py `load_today`: a few indexed
reads and the due workout's file; about 23 ms with three years of daily sessions, see
`make bench`) when attached, after each write it asked for has been stored (the history
writer's `caught_up`), when shown again after a session, and at the next local midnight.
Every change (start, pause, resume, leave, the morning answer, the choice after a
suggestion) is a record through the history writer: nothing here writes on the GUI thread.

Keys (shown as hints, from the TodayFace's table): Enter starts the due session, P pauses
or resumes, L leaves (then Y to confirm), S starts the bundled programme and F another
file (then Y), A / K / E decide on a suggestion. Down goes to the workout list.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from workout_player import paths
from workout_player.ui import theme
from workout_player.ui.library.morning import MorningQuestion

# The panel is built with the library, before the first paint, but reads and writes only
# once attached (after the store has opened): what it reads and writes with (the store,
# the programme loader and its YAML parser, the faces and records, sqlite3, html: ~40-70 ms
# of imports) is imported where it is used; the store gate imports most of it on its
# thread (STORE_MODULES).
if TYPE_CHECKING:
    from workout_player.store import Store
    from workout_player.store.today import TodayReport
    from workout_player.ui.history_writer import HistoryWriter
    from workout_player.ui.library.today_face import Key, TodayFace

LETTERS = "SFPLAKEYN"
MARK_STYLE = {
    "done": f"background-color: {theme.REST}; color: #111111; border: 2px solid {theme.REST};",
    "planned": f"color: {theme.TEXT}; border: 2px solid {theme.ACCENT};",
    "missed": f"color: {theme.TEXT_DIM}; border: 2px dashed #6b7280;",
}


def bundled_programme() -> Path:
    return paths.bundled_workouts_dir() / "programmes" / "low-back-8-weeks.yaml"


def _local_now() -> datetime:
    return datetime.now().astimezone()


class TodayPanel(QFrame):
    """The programme's Today; emits `start_requested(workout)` when Enter starts the session."""

    start_requested = Signal(object)  # the due Workout at its level
    refreshed = Signal()
    down = Signal()
    """Down was pressed: the page moves the focus to the workout list."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Today")
        self.setObjectName("today")
        self.setStyleSheet(
            f"QFrame#today {{ background-color: {theme.SURFACE}; border: 2px solid #3c424a;"
            f" border-radius: 10px; }} QFrame#today:focus {{ border-color: {theme.ACCENT}; }}"
        )
        self._store: Store | None = None
        self._history: HistoryWriter | None = None
        self._today: Callable[[], date] = lambda: _local_now().date()
        self._now: Callable[[], datetime] = _local_now
        self._bundled = bundled_programme()
        self.report: TodayReport | None = None
        self.face: TodayFace | None = None
        self._confirm: tuple[str, str, Callable[[], None]] | None = None  # text, key, action
        self._asked: set[int] = set()
        self._stale = False
        self._title: str | None = None
        self._then: Callable[[], object] | None = None

        self.headline = self._label(28, bold=True)
        self.strip_title = self._label(22)
        self.strip_row = QHBoxLayout()
        self.strip_row.setSpacing(8)
        self.strip_row.addWidget(self.strip_title)
        self._marks: list[QLabel] = []
        self.adherence = self._label(20, dim=True)
        self.adherence.setWordWrap(False)
        self.strip_row.addSpacing(24)
        self.strip_row.addWidget(self.adherence)  # the week and the weeks, on one line
        self.strip_row.addStretch(1)
        self.checks = self._label(20)
        self.problem = self._label(20)
        self.problem.setStyleSheet(f"font-size: 20px; color: {theme.WARN};")
        self.suggestion = self._label(24)
        self.suggestion_note = self._label(20, dim=True)
        self.confirm = self._label(22)
        self.keys = self._label(22)
        self.question = MorningQuestion(self)
        self.question.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.question.hide()
        self.question.answered.connect(self._morning_answered)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 10, 20, 10)
        layout.setSpacing(4)
        layout.addWidget(self.question)
        layout.addWidget(self.headline)
        layout.addLayout(self.strip_row)
        labels = (self.checks, self.problem, self.suggestion, self.suggestion_note,
                  self.confirm, self.keys)  # fmt: skip
        for label in labels:
            layout.addWidget(label)

        self._midnight = QTimer(self)
        self._midnight.setSingleShot(True)
        self._midnight.timeout.connect(self.refresh)
        self.hide()

    def _label(self, size: int, *, bold: bool = False, dim: bool = False) -> QLabel:
        label = QLabel(self)
        label.setWordWrap(True)
        colour = f" color: {theme.TEXT_DIM};" if dim else ""
        label.setStyleSheet(f"font-size: {size}px;{' font-weight: 700;' if bold else ''}{colour}")
        return label

    # -- wiring ------------------------------------------------------------------------------

    def attach(
        self,
        store: Store,
        history: HistoryWriter,
        *,
        keys_on: QWidget,
        today: Callable[[], date] | None = None,
        now: Callable[[], datetime] | None = None,
        bundled: Path | None = None,
    ) -> None:
        """Show Today for `store`; `keys_on`: the page whose focus the letter keys follow.

        `today` and `now` are the test seams for the date and the records' times.
        """
        self._store, self._history = store, history
        self._today = today or self._today
        self._now = now or (
            (lambda: datetime.combine(self._today(), _local_now().timetz()))
            if today
            else _local_now
        )
        self._bundled = bundled or self._bundled
        history.caught_up.connect(self._caught_up)
        for letter in LETTERS:
            shortcut = QShortcut(QKeySequence(letter), keys_on)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda key=letter: self.press(key))
        self.show()
        # After the first paint; tied to this panel, so a window closed at once reads nothing.
        QTimer.singleShot(0, self, self.refresh)

    @property
    def midnight_timer(self) -> QTimer:
        return self._midnight

    @property
    def asking(self) -> bool:
        """The morning question waits for its answer (shown with the library)."""
        return not self.question.isHidden()

    def wants_focus(self) -> bool:
        """Whether the library's focus belongs here: a question, or a session to start."""
        return self.asking or bool(self.face and self.face.can_start)

    def take_focus(self) -> None:
        (self.question if self.asking else self).setFocus()

    def ask_before(self, start: Callable[[], object]) -> bool:
        """A session is starting: if the morning question waits, ask it first, then `start`.

        True: the caller shows the library and waits (the answer, or Esc, calls `start`).
        """
        if not self.asking:
            return False
        self._then = start
        return True

    # -- reading -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Work Today out again and show it (a few reads; see the module's note)."""
        if self._store is None:
            return
        import sqlite3

        from workout_player.domain.programme.schedule import next_midnight
        from workout_player.store.today import load_today
        from workout_player.ui.library.today_face import no_programme_face, today_face

        self._stale = False
        self._confirm = None
        try:
            self.report = load_today(self._store, self._today())
        except sqlite3.Error as error:  # a damaged or locked file: say so, the library works
            self.report = None
            self._apply(no_programme_face(self._bundled_title()))
            self.headline.setText(f"Today cannot be read from the history ({error}).")
            return
        if self.report is None:
            self._apply(no_programme_face(self._bundled_title()))
        else:
            self._apply(today_face(self.report))
            self._maybe_ask()
        now = self._now()
        wait = (next_midnight(now) - now).total_seconds()
        self._midnight.start(max(1000, int(wait * 1000) + 1000))
        self.refreshed.emit()

    def _bundled_title(self) -> str:
        if self._title is None:
            from workout_player.domain.programme.loader import load_programme

            loaded = load_programme(self._bundled, check_workouts=False)
            self._title = loaded.programme.title if loaded.programme else self._bundled.stem
        return self._title

    def _apply(self, face: TodayFace) -> None:
        self.face = face
        self.headline.setText(face.headline)
        self.headline.setStyleSheet(
            f"font-size: {22 if face.quiet else 28}px; "
            + (f"color: {theme.TEXT_DIM};" if face.quiet else "font-weight: 700;")
        )
        for mark in self._marks:
            self.strip_row.removeWidget(mark)
            mark.deleteLater()
        self._marks = []
        self.strip_title.setText(face.strip_title)
        self.strip_title.setVisible(bool(face.strip))
        for position, word in enumerate(face.strip):
            mark = QLabel(word, self)
            mark.setObjectName(f"mark-{word}")
            mark.setStyleSheet(f"font-size: 20px; padding: 4px 12px; border-radius: 6px; "
                               f"{MARK_STYLE[word]}")  # fmt: skip
            self.strip_row.insertWidget(1 + position, mark)
            self._marks.append(mark)
        self._set(self.adherence, face.adherence)
        self._set(self.checks, face.checks)
        self._set(self.problem, face.problem)
        from html import escape

        choice = face.choice
        # The title leads the sentence's own line: one line less on a 720-pixel screen.
        shown = (
            f"<b>{escape(choice.title, quote=False)}.</b> {escape(choice.text, quote=False)}"
            if choice
            else ""
        )
        self._set(self.suggestion, shown)
        self._set(self.suggestion_note, choice.note if choice else "")
        self._set(self.confirm, "")
        # One line of keys: the choice's first, then the programme's.
        self._set(self.keys, _hints((*(choice.keys if choice else ()), *face.keys)))

    @staticmethod
    def _set(label: QLabel, text: str) -> None:
        label.setText(text)
        label.setVisible(bool(text))

    def strip_marks(self) -> list[str]:
        return [mark.text() for mark in self._marks]

    # -- the morning question ----------------------------------------------------------------

    def _maybe_ask(self) -> None:
        morning = self.report.morning if self.report else None
        if morning is None or morning.session_id in self._asked:
            self.question.hide()
            return
        # The suggestion waits for the answer (it may change it), and no key but the
        # question's works meanwhile: only the question, the headline and the week show.
        for label in (self.suggestion, self.suggestion_note, self.keys, self.checks):
            label.hide()
        self.question.ask(f"About your session of {morning.day:%A %-d %B}.")

    def _morning_answered(self, value: int | None) -> None:
        morning = self.report.morning if self.report else None
        if morning is None or self._history is None:
            return
        from workout_player.ui.library import today_records

        self._asked.add(morning.session_id)
        self._write(today_records.morning_answer(morning.session_id, value, self._now()))
        self.setFocus()
        then, self._then = self._then, None
        if then is not None:
            then()  # the session asked for before the question: the answer is queued first

    # -- keys --------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.press("Enter")
        elif key == Qt.Key.Key_Escape and self._confirm is not None:
            self.press("N")
        elif key == Qt.Key.Key_Down:
            self.down.emit()
        else:
            super().keyPressEvent(event)

    def press(self, key: str) -> None:
        """Do what `key` is shown to do now (a key not shown does nothing)."""
        if self.asking or self.face is None:
            return
        if self._confirm is not None:
            _text, yes, action = self._confirm
            self._confirm = None
            self._set(self.confirm, "")
            if key == yes:
                action()
            return
        table = (*self.face.keys, *(self.face.choice.keys if self.face.choice else ()))
        found = next((k for k in table if k.key == key), None)
        if found is not None:
            getattr(self, f"_do_{found.action}")()

    def _ask_confirm(self, text: str, action: Callable[[], None]) -> None:
        self._confirm = (text, "Y", action)
        self._set(self.confirm, text + "   Y: yes   Esc or N: no")
        self.setFocus()

    def _do_start_session(self) -> None:
        if self.report is not None and self.report.workout is not None:
            self.start_requested.emit(self.report.workout)

    def _do_pause(self) -> None:
        from workout_player.ui.library import today_records

        if self.report is not None:
            self._write(today_records.pause_or_resume(self.report, self._now()))

    def _do_leave(self) -> None:
        from workout_player.ui.library import today_records

        report = self.report
        if report is not None:
            self._ask_confirm(
                f"Leave {report.enrolment.programme}? Its sessions stay in your history.",
                lambda: self._write(today_records.leave(report, self._now())),
            )

    def _do_start(self) -> None:
        self._offer(self._bundled)

    def _do_file(self) -> None:
        start = self._bundled.parent
        name, _ = QFileDialog.getOpenFileName(
            self, "Start a programme", str(start), "Programmes (*.yaml *.yml);;All files (*)"
        )
        if name:
            self._offer(Path(name))

    def _offer(self, path: Path) -> None:
        from workout_player.ui.library import today_records

        offer = today_records.start_offer(path, self._now())
        record = offer.record
        if record is None:
            self._set(self.confirm, offer.text)
        else:
            self._ask_confirm(offer.text, lambda: self._write(record))

    def _do_accept(self) -> None:
        self._choose("accept")

    def _do_same(self) -> None:
        self._choose("same")

    def _do_easier(self) -> None:
        self._choose("easier")

    def _choose(self, which: str) -> None:
        from workout_player.ui.library import today_records

        if self.report is not None and self.face is not None and self.face.choice is not None:
            record = today_records.choice(self.report, self.face.choice, which, self._now())
            if record is not None:
                self._write(record)

    def _write(self, record: dict[str, object]) -> None:
        assert self._history is not None
        self._history.write_record(record)  # returns at once; caught_up refreshes Today

    # -- when to read again ------------------------------------------------------------------

    def _caught_up(self) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True  # a session running: read once the library shows again

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if self.asking:
            self.question.setFocus()


def _hints(keys: tuple[Key, ...]) -> str:
    return "     ".join(f"[{k.key}] {k.label}" for k in keys)
