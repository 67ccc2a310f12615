"""How the session felt: pain before and after, effort (RPE) and a note, edited inline.

Shared by the summary screen and the history screen. Every field is optional and
is saved on its own a moment after it changes (debounced, so typing a note does
not write on every key), never through a dialog: the person is on the floor and
may simply walk away from the laptop.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from workout_player.store import SessionRow, Store, StoreError
from workout_player.store.records import SessionHandle
from workout_player.ui.history.style import set_size
from workout_player.ui.history_writer import HistoryWriter

#: How long after the last change the fields are written (milliseconds).
SAVE_DELAY_MS = 700


class ScaleSelector(QFrame):
    """A row of big toggle buttons for a 0-10 (or 1-10) rating; nothing chosen is allowed.

    Keys when it has focus: Left/Right or -/+ step, a digit picks (0 means 10 on a 1-10
    scale), Delete or Backspace clears. Clicking the chosen button again clears it.
    """

    value_changed = Signal(object)  # int | None

    def __init__(self, low: int, high: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._low, self._high = low, high
        self._value: int | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setProperty("role", "scale")  # styled by history_style.PAGE_STYLE
        row = QHBoxLayout(self)
        row.setContentsMargins(4, 4, 4, 4)
        row.setSpacing(4)
        self._buttons: list[QPushButton] = []
        for number in range(low, high + 1):
            button = QPushButton(str(number), self)
            button.setCheckable(True)
            # The row takes focus as a whole so arrows move the choice, not the focus.
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _checked=False, n=number: self._clicked(n))
            row.addWidget(button)
            self._buttons.append(button)

    def value(self) -> int | None:
        return self._value

    def button(self, number: int) -> QPushButton:
        return self._buttons[number - self._low]

    def set_value(self, value: int | None, *, notify: bool = False) -> None:
        if value is not None:
            value = max(self._low, min(self._high, int(value)))
        changed = value != self._value
        self._value = value
        for number, button in enumerate(self._buttons, start=self._low):
            button.setChecked(number == value)
        if changed and notify:
            self.value_changed.emit(value)

    def _clicked(self, number: int) -> None:
        self.set_value(None if self._value == number else number, notify=True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        text = event.text()
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Plus, Qt.Key.Key_Up):
            start = self._low - 1 if self._value is None else self._value
            self.set_value(min(self._high, start + 1), notify=True)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Minus, Qt.Key.Key_Down):
            start = self._low if self._value is None else self._value
            self.set_value(max(self._low, start - 1), notify=True)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.set_value(None, notify=True)
        elif text.isdigit() and len(text) == 1:
            number = int(text)
            if number == 0 and self._low == 1:
                number = 10
            self.set_value(number, notify=True)
        else:
            super().keyPressEvent(event)


class FeedbackEditor(QWidget):
    """Pain before/after (0-10), effort RPE (1-10) and a note for one session, saved as edited.

    `set_session()` shows a session's stored values; edits go to the history writer
    (or, without one, to `Store.update_session`) SAVE_DELAY_MS after the last change, or
    at once on `flush()` (called before switching to another session and when the
    editor is hidden). The writer never makes the GUI wait: while the database is
    locked the status line says that saving waits.
    """

    saved = Signal(int, dict)  # session id, the fields written

    def __init__(
        self,
        store: Store,
        parent: QWidget | None = None,
        *,
        history: HistoryWriter | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._history = history
        self._handle: SessionHandle | None = None
        self._pending: dict[str, Any] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)

        self.pain_before = ScaleSelector(0, 10, self)
        self.pain_after = ScaleSelector(0, 10, self)
        self.rpe = ScaleSelector(1, 10, self)
        self.notes = QPlainTextEdit(self)
        self.notes.setPlaceholderText("How did it go? (optional)")
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(110)
        self.status = QLabel("", self)
        set_size(self.status, "s")

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        rows: list[tuple[str, str, QWidget]] = [
            ("Pain &before", "0 none - 10 worst", self.pain_before),
            ("Pain &after", "0 none - 10 worst", self.pain_after),
            ("&Effort (RPE)", "1 very easy - 10 maximal", self.rpe),
            ("&Note", "", self.notes),
        ]
        for row, (title, hint, editor) in enumerate(rows):
            label = QLabel(title, self)
            label.setBuddy(editor)  # Alt+letter jumps to the field
            label.setToolTip(hint)
            editor.setToolTip(hint)
            set_size(label, "l")
            grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(editor, row, 1)
        grid.addWidget(self.status, len(rows), 1)
        grid.setColumnStretch(1, 1)

        self.pain_before.value_changed.connect(lambda v: self._changed("pain_before", v))
        self.pain_after.value_changed.connect(lambda v: self._changed("pain_after", v))
        self.rpe.value_changed.connect(lambda v: self._changed("rpe", v))
        self.notes.textChanged.connect(self._notes_changed)
        self.setEnabled(False)

    def session_id(self) -> int | None:
        return None if self._handle is None else self._handle.id

    def set_session(self, session: SessionRow | None, handle: SessionHandle | None = None) -> None:
        """Show a session's pain, effort and note (saving any pending edit first).

        `handle` names a session the writer may not have stored yet (the summary's);
        without it the session is the stored row `session.id`.
        """
        self.flush()
        if session is None:
            self._handle = None
        else:
            self._handle = handle or SessionHandle.stored(session.id)
        self.pain_before.set_value(None if session is None else session.pain_before)
        self.pain_after.set_value(None if session is None else session.pain_after)
        self.rpe.set_value(None if session is None else session.rpe)
        self.notes.blockSignals(True)
        self.notes.setPlainText("" if session is None or not session.notes else session.notes)
        self.notes.blockSignals(False)
        self.status.setText("")
        self.setEnabled(session is not None)

    def has_pending(self) -> bool:
        return bool(self._pending)

    def flush(self) -> None:
        """Write the pending changes now."""
        self._timer.stop()
        if self._handle is None or not self._pending:
            return
        fields, self._pending = self._pending, {}
        if self._history is not None:
            # Returns at once; the writer keeps the edit until the database takes it.
            self._history.update_session(self._handle, **fields)
            self.status.setText(self._history.waiting_text or "Saved")
        else:
            assert self._handle.id is not None
            try:
                self._store.update_session(self._handle.id, **fields)
            except StoreError as exc:
                # Keep the edit so the next change (or leaving the screen) tries again.
                self._pending = {**fields, **self._pending}
                self.status.setText(f"Not saved: {exc}")
                return
            self.status.setText("Saved")
        if self._handle.id is not None:
            self.saved.emit(self._handle.id, fields)

    def _notes_changed(self) -> None:
        self._changed("notes", self.notes.toPlainText().strip() or None)

    def _changed(self, field: str, value: object) -> None:
        if self._handle is None:
            return
        self._pending[field] = value
        self.status.setText("")
        self._timer.start()

    def hideEvent(self, event: Any) -> None:
        self.flush()
        super().hideEvent(event)
