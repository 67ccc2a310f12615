"""The summary's "Your results" block: a session's self-check results, readable from the mat.

It only shows a ResultsFace (ui/history/results_face.py): a grid of check, side, value and
last time, each check's left/right under its rows, the norm sentences, the note; the
disclaimer goes in `footer`,
a label the page puts beside its buttons. It sits in a scroll area
so a workout with many checks never pushes the pain boxes and the buttons off a 720 px
screen; the bundled Stability check fits without scrolling (tests/test_ui_summary_checks.py).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QScrollArea,
    QScrollBar,
    QVBoxLayout,
    QWidget,
)

from workout_player.ui.history.results_face import ResultsFace
from workout_player.ui.history.style import set_size


class ResultsBlock(QScrollArea):
    """Shows one ResultsFace; `set_face(None)` hides the block (a session without checks).

    `footer` (the disclaimer) is a label of the page's: it stays in view when this scrolls.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Your results")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Enter and H stay the page's keys
        self.face: ResultsFace | None = None
        self._inner: QWidget | None = None
        self.footer = QLabel(parent)
        set_size(self.footer, "dim")
        self.footer.setWordWrap(True)
        self.setVisible(False)
        self.footer.setVisible(False)

    def set_face(self, face: ResultsFace | None) -> None:
        if face == self.face:
            return
        self.face = face
        self.setVisible(face is not None)
        self.footer.setVisible(face is not None)
        self.footer.setText("" if face is None else face.footer)
        inner = QWidget(self)
        if face is not None:
            self._fill(inner, face)
        self.setWidget(inner)  # the old contents are deleted with their widget
        self._inner = inner

    def texts(self) -> list[str]:
        """Every text shown in the block, top to bottom, row by row (not the footer)."""
        if self._inner is None:
            return []
        return [label.text() for label in self._inner.findChildren(QLabel) if label.text()]

    def content_fits(self) -> bool:
        """Whether everything shows without scrolling (at the width it has, wrapped)."""
        inner = self.widget()
        if inner is None:
            return True
        needed = inner.heightForWidth(self.viewport().width())
        return (needed if needed >= 0 else inner.sizeHint().height()) <= self.viewport().height()

    def page(self, *, down: bool) -> None:
        """Scroll by a page (the summary's Page Down and Page Up: the block never has focus)."""
        action = QScrollBar.SliderAction.SliderPageStepAdd
        if not down:
            action = QScrollBar.SliderAction.SliderPageStepSub
        self.verticalScrollBar().triggerAction(action)

    @staticmethod
    def _fill(inner: QWidget, face: ResultsFace) -> None:
        column = QVBoxLayout(inner)
        column.setContentsMargins(0, 0, 8, 0)
        column.setSpacing(4)
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(2)
        heading = QLabel("Your results", inner)
        set_size(heading, "h2")
        grid.addWidget(heading, 0, 0, 1, 3)
        if any(line.last for check in face.checks for line in check.rows):
            last = QLabel("Last time", inner)
            set_size(last, "dim")
            grid.addWidget(last, 0, 3, Qt.AlignmentFlag.AlignBottom)
        row = 1
        for check in face.checks:
            # The name beside all its sides' rows: wrapped there, it costs no line.
            name = QLabel(check.rows[0].name, inner)
            set_size(name, "l")
            name.setWordWrap(True)
            align = Qt.AlignmentFlag.AlignVCenter
            if len(check.rows) > 1:
                align = Qt.AlignmentFlag.AlignTop
                name.setContentsMargins(0, 3, 0, 0)  # level with the first side's row
            grid.addWidget(name, row, 0, len(check.rows), 1, align)
            for line in check.rows:
                cells = [
                    (line.side, "l"),
                    (line.value, "result-below" if line.below else "result"),
                    (line.last, "dim"),
                ]
                for column_index, (text, size) in enumerate(cells, start=1):
                    label = QLabel(text, inner)
                    set_size(label, size)
                    grid.addWidget(label, row, column_index)
                row += 1
            if check.asymmetry is not None:
                label = QLabel(check.asymmetry, inner)
                set_size(label, "l")
                label.setWordWrap(True)
                grid.addWidget(label, row, 0, 1, 4)
                row += 1
        grid.setColumnStretch(0, 1)
        column.addLayout(grid)
        for text, size in [*((norm, "l") for norm in face.norms), (face.note, "dim")]:
            if text:
                label = QLabel(text, inner)
                set_size(label, size)
                label.setWordWrap(True)
                column.addWidget(label)
        column.addStretch(1)
