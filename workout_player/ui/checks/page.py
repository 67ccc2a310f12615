"""The Checks screen: each self-check's latest result beside its norm and your last time,
left/right differences, McGill's ratios and a trend chart per check.

The words come from domain.check_report and domain.checks.wording, the same as
`workout-player checks` prints, so screen and command line never disagree. One test on
one day is not a diagnosis: the disclaimer is always on top. Keys: Up/Down choose a
check, E edits the profile, Esc goes back. The profile is asked once (when there are
results and no profile yet); it is saved through the history writer, like every write.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from workout_player.domain.check_report import DISCLAIMER
from workout_player.domain.check_summary import CheckSummary, ratio_lines, summarise
from workout_player.domain.checks import load_norms
from workout_player.domain.profile import Profile
from workout_player.store import Store
from workout_player.store.records import profile_record
from workout_player.ui import theme
from workout_player.ui.checks.profile_form import ProfileForm
from workout_player.ui.checks.trend import TrendChart
from workout_player.ui.history_writer import HistoryWriter

ASKED_KEY = "checks/profile_asked"
RATIO_CHECKS = frozenset(
    check for rule in load_norms().ratio_rules for check in (rule.numerator, rule.denominator)
)
EMPTY = (
    "No self-checks yet. Run “Stability check” from the library (about 15 minutes): "
    "its results show here, beside published figures where there are any."
)
NO_PROFILE = "No profile: you see your own trend only. Press E to add your birth year and sex."


def profile_text(profile: Profile) -> str:
    if profile.empty:
        return NO_PROFILE
    parts = []
    if profile.birth_year is not None:
        parts.append(f"born {profile.birth_year}")
    if profile.sex is not None:
        parts.append(profile.sex)
    return f"Compared with published figures for: {', '.join(parts)}. Press E to change it."


def _text(size: int, colour: str = theme.TEXT, weight: int = 500) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(f"font-size: {size}px; font-weight: {weight}; color: {colour};")
    return label


class ChecksPage(QWidget):
    """Every check's latest result, judged; `back` when the person leaves (Esc)."""

    back = Signal()

    def __init__(
        self,
        store: Store,
        parent: QWidget | None = None,
        *,
        history: HistoryWriter | None = None,
        settings: QSettings | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.store, self.history = store, history
        self._settings = settings if settings is not None else QSettings()
        self._written: Profile | None = None  # saved, maybe not in the file yet
        self.summaries: list[CheckSummary] = []
        self._ratios = ""
        self.setAccessibleName("Self-checks")
        title = _text(34, weight=800)
        title.setText("Self-checks")
        back = QPushButton("Back [Esc]")
        back.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        back.clicked.connect(self.back)
        edit = QPushButton("Profile [E]")
        edit.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        edit.clicked.connect(self.edit_profile)
        top = QHBoxLayout()
        top.addWidget(title, 1)
        top.addWidget(edit)
        top.addWidget(back)
        self.disclaimer = _text(20, theme.WARN, 700)
        self.disclaimer.setText(DISCLAIMER)
        self.profile_line = _text(18, theme.TEXT_DIM)
        self.form = ProfileForm(today=today)
        self.form.setVisible(False)
        self.form.saved.connect(self._save_profile)
        self.form.closed.connect(self._close_form)
        self.empty = _text(24)
        self.empty.setText(EMPTY)

        self.list = QListWidget()
        self.list.setAccessibleName("Checks")
        self.list.setStyleSheet("font-size: 20px;")
        self.list.setMaximumWidth(440)
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentRowChanged.connect(self._show)
        self.list.installEventFilter(self)  # E: the list would take it for type-to-search
        self.name = _text(28, weight=800)
        self.results = _text(22)
        self.results.setTextFormat(Qt.TextFormat.RichText)
        self.asymmetry = _text(20)
        self.ratios = _text(19)
        self.chart = TrendChart()
        detail = QWidget()
        column = QVBoxLayout(detail)
        column.setContentsMargins(0, 0, 0, 0)
        for widget in (self.name, self.results, self.asymmetry, self.ratios):
            column.addWidget(widget)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(detail)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        right = QVBoxLayout()
        right.addWidget(scroll, 1)
        right.addWidget(self.chart, 1)  # outside the scroll: the trend is always in view
        self.body = QWidget()
        middle = QHBoxLayout(self.body)
        middle.setContentsMargins(0, 0, 0, 0)
        middle.addWidget(self.list, 2)
        middle.addLayout(right, 5)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.addLayout(top)
        layout.addWidget(self.disclaimer)
        layout.addWidget(self.profile_line)
        layout.addWidget(self.form)
        layout.addWidget(self.empty)
        layout.addWidget(self.body, 1)

    @property
    def profile(self) -> Profile:
        """The profile to judge with: the one just saved until the writer stored it."""
        if self._written is not None and self.history is not None and self.history.has_pending():
            return self._written
        self._written = None
        return self.store.profile()

    def refresh(self) -> None:
        """Read the results again (opening the screen, after a session, after a profile)."""
        rows = self.store.check_results()
        profile = self.profile
        current = self.list.currentRow()
        self.summaries = summarise(rows, profile)
        self.profile_line.setText(profile_text(profile))
        has_rows = bool(self.summaries)
        self.empty.setVisible(not has_rows)
        self.body.setVisible(has_rows)
        self.list.blockSignals(True)
        self.list.clear()
        for summary in self.summaries:
            values = " / ".join(side.value_text() for side in summary.sides)
            self.list.addItem(f"{summary.name}\n   {values}")
        self.list.blockSignals(False)
        if has_rows:
            self.list.setCurrentRow(min(max(current, 0), len(self.summaries) - 1))
            self._show(self.list.currentRow())
        day, sentences = ratio_lines(rows)
        self._ratios = "\n".join([f"McGill's ratios, {day}:", *sentences]) if sentences else ""
        if has_rows and profile.empty and not self._settings.value(ASKED_KEY, False, bool):
            self._settings.setValue(ASKED_KEY, True)  # asked once; E edits it later
            self.edit_profile()

    def _show(self, index: int) -> None:
        if not 0 <= index < len(self.summaries):
            return
        summary = self.summaries[index]
        self.name.setText(summary.name)
        blocks, said = [], ""
        for side in summary.sides:
            colour = theme.WARN if side.below else theme.ACCENT
            # Both sides without a reference: say why once, not twice.
            sentence = "" if side.sentence == said else f"{side.sentence}<br>"
            said = side.sentence
            blocks.append(
                f"<p><b>{side.label}: <span style='color:{colour}; font-size:30px'>"
                f"{side.value_text()}</span></b> on {side.measured_at.day} "
                f"{side.measured_at:%b %Y}<br>{sentence}"
                f"<span style='color:{theme.TEXT_DIM}'>{side.last_text()}</span></p>"
            )
        self.results.setText("".join(blocks))
        self.asymmetry.setVisible(summary.asymmetry is not None)
        self.asymmetry.setText(summary.asymmetry or "")
        # McGill's ratios belong with his four holds, not with the balance checks.
        show_ratios = bool(self._ratios) and summary.check in RATIO_CHECKS
        self.ratios.setVisible(show_ratios)
        self.ratios.setText(self._ratios if show_ratios else "")
        self.chart.set_summary(summary)

    def edit_profile(self) -> None:
        self.form.open_with(self.profile)

    def _close_form(self) -> None:
        self.form.setVisible(False)
        self.list.setFocus()

    def _save_profile(self, profile: Profile) -> None:
        if self.history is not None:
            self._written = profile
            self.history.write_record(profile_record(profile))
        else:
            self.store.set_profile(profile)
        self._close_form()
        self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.list
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_E
            and not event.modifiers()
        ):
            self.edit_profile()
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.back.emit()
        else:
            super().keyPressEvent(event)
