"""The summary shown when a session ends: what was done, and how it felt (optional, inline).

Nothing here blocks: pain, effort and the note are saved as they change, and Enter
(or the Done button) leaves whether or not anything was filled in. While the history
writer still has writes waiting (another program holds the database), the page shows
what the writer knows of the session and reads the stored session once it caught up.
After self-checks, "Your results" (ui/history/results_block.py) sits beside the pain boxes:
each check's best per side, its norm sentence, your last time, the left/right difference.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workout_player.domain.check_summary import session_summaries
from workout_player.domain.durations import format_clock
from workout_player.domain.profile import Profile
from workout_player.store import CheckRow, ExerciseTotal, SessionRow, Store
from workout_player.store.records import SessionHandle
from workout_player.ui.history.feedback import FeedbackEditor
from workout_player.ui.history.model import STATUS_TEXT, exercise_summary_model, format_day
from workout_player.ui.history.results_block import ResultsBlock
from workout_player.ui.history.results_face import results_face
from workout_player.ui.history.style import set_size, style_page
from workout_player.ui.history_writer import HistoryWriter


def totals_text(session: SessionRow) -> str:
    """One line of totals, e.g. "12:30 total · 9 sets · 84 reps · 6:10 worked or held"."""
    parts = [f"{format_clock(session.duration_seconds)} total"]
    parts.append(f"{session.sets} set" + ("" if session.sets == 1 else "s"))
    if session.reps:
        parts.append(f"{session.reps} rep" + ("" if session.reps == 1 else "s"))
    parts.append(f"{format_clock(session.work_seconds)} worked or held")
    return " \u00b7 ".join(parts)


def checks_text(session: SessionRow, checks: int) -> str:
    """The totals of a session of self-checks alone: "14:51 total · 8 self-checks"."""
    count = f"{checks} self-check" + ("" if checks == 1 else "s")
    return f"{format_clock(session.duration_seconds)} total \u00b7 {count}"


def make_table(parent: QWidget) -> QTableView:
    """A read-only table with large rows, the first column stretching."""
    table = QTableView(parent)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(36)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(False)
    table.horizontalHeader().setMinimumSectionSize(90)  # numbers get room to breathe
    return table


class SummaryPage(QWidget):
    """End-of-session screen: time, sets, reps and time per exercise, the self-checks'
    results; pain, effort and a note.

    Keys: Enter finishes (`finished`), H opens the history (`show_history`); Alt+B, Alt+A,
    Alt+E and Alt+N jump to pain before, pain after, effort and the note; Page Down and
    Page Up scroll the results when they are longer than their place.
    """

    finished = Signal()
    show_history = Signal()

    def __init__(
        self,
        store: Store,
        session: int | SessionHandle,
        parent: QWidget | None = None,
        *,
        history: HistoryWriter | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._handle = session if isinstance(session, SessionHandle) else None
        self._session_id = session.id if isinstance(session, SessionHandle) else session
        self._history = history
        if history is not None:
            history.caught_up.connect(self._caught_up)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        style_page(self)

        self.title = QLabel(self)
        set_size(self.title, "h1")
        self.title.setWordWrap(True)
        self.status = QLabel(self)
        set_size(self.status, "l")
        self.totals = QLabel(self)
        set_size(self.totals, "l")

        self.exercises = exercise_summary_model(self)
        self.table = make_table(self)
        self.table.setModel(self.exercises)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)

        self.feedback = FeedbackEditor(store, self, history=history)
        feeling = QLabel(
            "How did it feel? Pain 0 = none, 10 = worst. Optional, saved as you go.", self
        )
        set_size(feeling, "h2")
        feeling.setWordWrap(True)  # beside the results it has half the width
        self.results = ResultsBlock(self)

        self.history_button = QPushButton("&History (H)", self)
        self.done_button = QPushButton("Done (Enter)", self)
        for button in (self.history_button, self.done_button):
            button.setMinimumHeight(48)
        self.done_button.setProperty("primary", True)
        self.history_button.clicked.connect(self._show_history)
        self.done_button.clicked.connect(self._finish)

        # The red flag of the suggestion's first row, stored with the session (issue 14).
        self.legs: QWidget | None = None
        if history is not None and self._handle is not None:
            from workout_player.ui.history.leg_symptoms import LegSymptomsBox

            self.legs = LegSymptomsBox(self._handle, history, self)

        # The leg-symptoms box beside the buttons: its line is as wide as the pain boxes
        # and would narrow the results beside them.
        buttons = QHBoxLayout()
        if self.legs is not None:
            buttons.addWidget(self.legs)
        buttons.addStretch(1)
        buttons.addWidget(self.history_button)
        buttons.addWidget(self.done_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        # The title with the facts beside it: one row less, for the results at 720 px.
        facts = QVBoxLayout()
        facts.addWidget(self.status, 0, Qt.AlignmentFlag.AlignRight)
        facts.addWidget(self.totals, 0, Qt.AlignmentFlag.AlignRight)
        header = QHBoxLayout()
        header.addWidget(self.title, 1, Qt.AlignmentFlag.AlignTop)
        header.addLayout(facts)
        layout.addLayout(header)
        layout.addWidget(self.table, 1)
        # The results on the left, how it felt on the right: at 720 px there is no room for
        # both one above the other. Without results the boxes take the whole width.
        feel = QVBoxLayout()
        feel.addWidget(feeling)
        feel.addWidget(self.feedback)
        feel.addStretch(1)
        feel.addWidget(self.results.footer)  # after self-checks: the disclaimer
        middle = QHBoxLayout()
        middle.setSpacing(24)
        middle.addWidget(self.results, 11)
        middle.addLayout(feel, 9)
        layout.addLayout(middle)
        layout.addLayout(buttons)
        self._column, self._middle = layout, middle
        self._showing_draft = False
        self._row: SessionRow | None = None
        self.reload()

    def session_id(self) -> int | None:
        """The session's row id (None while the writer has not stored its start yet)."""
        if self._handle is not None:
            return self._handle.id
        return self._session_id

    def showing_draft(self) -> bool:
        """Whether the page shows the writer's copy because the database has not caught up."""
        return self._showing_draft

    def reload(self) -> None:
        """Read the session and its per-exercise totals from the store again.

        While writes wait, the database may lack the session or some of its sets:
        reading it then could also wait for the lock, so the writer's copy is shown.
        """
        self._showing_draft = False
        history, handle = self._history, self._handle
        if history is not None and handle is not None:
            draft = history.draft(handle)
            if draft is not None and (handle.id is None or history.has_pending()):
                self._showing_draft = True
                self._show(draft.row(handle.id or 0), draft.totals())
                # This session's values from the writer's copy; your last time and the
                # norms need the history (and the profile) the database does not give yet.
                own = draft.check_rows(handle.id or 0)
                self._show_results(own, [], Profile(), saved=False)
                return
        session_id = self.session_id()
        session = None if session_id is None else self._store.session(session_id)
        if session is None:
            self.title.setText("This session is not in the history")
            self.status.setText(f"Session {session_id} was not found in the database.")
            self.totals.setText("")
            self.exercises.set_rows([])
            self.feedback.set_session(None)
            self._show_results([], [], Profile(), saved=True)
            return
        self._show(session, self._store.session_summary(session.id))
        own = self._store.session_checks(session.id)
        others = self._store.check_results() if own else []
        self._show_results(own, others, self._store.profile(), saved=True)

    def _show_results(
        self, own: list[CheckRow], others: list[CheckRow], profile: Profile, *, saved: bool
    ) -> None:
        summaries = session_summaries(own, others, profile)
        self.results.set_face(results_face(summaries, saved=saved, profile=profile))
        # A session of checks alone has no sets: its empty table and "0 sets" would only
        # take room.
        checks_alone = bool(summaries) and self.exercises.rowCount() == 0
        self.table.setVisible(not checks_alone)
        # The table takes the height left, unless the results are there to take it.
        self._column.setStretchFactor(self._middle, 1 if summaries else 0)
        if checks_alone and self._row is not None:
            self.totals.setText(checks_text(self._row, len(summaries)))

    def _show(self, session: SessionRow, totals: list[ExerciseTotal]) -> None:
        self._row = session
        self.title.setText(session.workout)
        state = STATUS_TEXT.get(session.status, session.status)
        self.status.setText(f"{state} \u00b7 {format_day(session.started_at)}")
        self.totals.setText(totals_text(session))
        self.exercises.set_rows(totals)
        if self.feedback.session_id() is None or self.feedback.session_id() != session.id:
            self.feedback.set_session(session, self._handle)

    def _caught_up(self) -> None:
        """The writer stored what waited: show the session as the history has it."""
        if self._showing_draft:
            self.reload()

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        # Keys work at once: Enter finishes, H opens the history.
        self.done_button.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Keys typed into the note never arrive here: the text box keeps them.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._finish()
        elif event.key() == Qt.Key.Key_H and not event.modifiers():
            self._show_history()
        elif event.key() in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp) and self.results.isVisible():
            self.results.page(down=event.key() == Qt.Key.Key_PageDown)
        else:
            super().keyPressEvent(event)

    def flush(self) -> None:
        """Hand what was typed to the history writer now (the window is closing)."""
        self.feedback.flush()

    def _finish(self) -> None:
        self.feedback.flush()
        self.finished.emit()

    def _show_history(self) -> None:
        self.feedback.flush()
        self.show_history.emit()
