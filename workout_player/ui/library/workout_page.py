"""The workout page: what a workout asks of you before you start it.

Shows the description, the safety note (prominent, yellow), every step with its
sets, reps, holds, sides and rests, and the total time; Enter starts. A file
with problems shows every problem in words, its line and column after it. A
workout whose video is missing offers to choose the file (V).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workout_player.domain.durations import format_clock
from workout_player.domain.loader import LoadResult, Problem, load_workout
from workout_player.domain.model import RestStep, Step, Workout
from workout_player.domain.sides import SIDES_TEXT
from workout_player.domain.step_summary import exercise_summary
from workout_player.domain.timeline import Plan, build_plan
from workout_player.editing import DocumentError
from workout_player.playback import probe_length
from workout_player.ui import theme
from workout_player.ui.library.missing_video import (
    AskVideo,
    ask_with_dialog,
    missing_video,
    write_video,
)
from workout_player.ui.library.model import length_text


def problem_text(problem: Problem) -> str:
    """ "Warning: the video ... is missing (line 3, column 8)": words first, the place after."""
    message = problem.message[:1].upper() + problem.message[1:]
    prefix = "Warning: " if problem.severity == "warning" else ""
    return f"{prefix}{message} (line {problem.line}, column {problem.column})"


def step_row(number: int, step: Step) -> list[str]:
    """Columns of the steps table: #, exercise, sets and reps, sides, rest, starts at."""
    at = format_clock(step.at) if step.at is not None else ""
    if isinstance(step, RestStep):
        title = f"Rest — {step.cue}" if step.cue else "Rest"
        return [str(number), title, f"{step.rest:g} s", "", "", at]
    rest = f"{step.rest:g} s between sets" if step.rest and step.sets > 1 else ""
    return [str(number), step.exercise, exercise_summary(step), SIDES_TEXT[step.sides], rest, at]


class WorkoutPage(QWidget):
    """One workout before it starts: emits `start_requested(path)` on Start or Enter."""

    start_requested = Signal(Path)
    back_requested = Signal()
    edit_requested = Signal(Path)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ask_video: AskVideo = ask_with_dialog  # tests put their own chooser here
        self.path: Path | None = None
        self.result: LoadResult | None = None
        self.plan: Plan | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.title = QLabel()
        self.title.setProperty("role", "title")
        self.title.setWordWrap(True)
        self.meta = QLabel()
        self.meta.setProperty("role", "dim")
        self.meta.setStyleSheet("font-size: 20px;")
        self.safety = QLabel()
        self.safety.setProperty("role", "safety")
        self.safety.setWordWrap(True)
        self.safety.setAccessibleName("Safety note")
        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setStyleSheet("font-size: 19px;")
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems.setStyleSheet(f"color: {theme.DANGER}; font-size: 19px;")
        self.problems.setAccessibleName("Problems in this file")
        self.choose_video = QPushButton("Choose the video…  [V]")
        self.choose_video.setAccessibleName("Choose the missing video file")
        self.choose_video.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.choose_video.clicked.connect(self.choose_missing_video)
        self.choose_video.setVisible(False)

        self.steps = QTreeWidget()
        self.steps.setAccessibleName("Steps")
        self.steps.setRootIsDecorated(False)
        self.steps.setHeaderLabels(["#", "Exercise", "Sets and reps", "Sides", "Rest", "At"])
        self.steps.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.steps.setStyleSheet("QTreeWidget { font-size: 19px; }")
        header = self.steps.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

        self.total = QLabel()
        self.total.setStyleSheet("font-size: 24px; font-weight: 700;")
        self.total.setAccessibleName("Total time")

        self.back = QPushButton("Back  [Esc]")
        self.back.setAccessibleName("Back to the library")
        self.back.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.back.clicked.connect(self.back_requested)
        self.edit = QPushButton("Edit  [E]")
        self.edit.setAccessibleName("Edit this workout")
        self.edit.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.edit.clicked.connect(self._edit)
        self.start = QPushButton("Start  [Enter]")
        self.start.setAccessibleName("Start the workout")
        self.start.setProperty("primary", True)
        self.start.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.start.setMinimumHeight(56)
        self.start.setStyleSheet("font-size: 24px; padding: 8px 32px;")
        self.start.clicked.connect(self._start)

        bottom = QHBoxLayout()
        bottom.addWidget(self.back)
        bottom.addWidget(self.edit)
        bottom.addStretch(1)
        bottom.addWidget(self.total)
        bottom.addSpacing(24)
        bottom.addWidget(self.start)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(12)
        layout.addWidget(self.title)
        layout.addWidget(self.meta)
        layout.addWidget(self.safety)
        layout.addWidget(self.description)
        layout.addWidget(self.problems)
        layout.addWidget(self.choose_video, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.steps, 1)
        layout.addLayout(bottom)

    @property
    def workout(self) -> Workout | None:
        return self.result.workout if self.result else None

    def show_file(self, path: Path) -> None:
        """Load `path` again (it may have changed since the library read it) and show it."""
        self.path = path
        # the video's length (libvlc reads a local file's header in milliseconds) lets the
        # loader warn about steps after the end of the video
        self.result = load_workout(path, video_length=probe_length)
        workout = self.result.workout
        self.plan = build_plan(workout) if workout else None
        self.steps.clear()
        self.choose_video.setVisible(missing_video(workout) is not None)
        if workout is None or self.plan is None:
            self.title.setText(path.name)
            self.meta.setText(str(path))
            self.safety.setVisible(False)
            self.description.setText(
                "This file cannot be played. Fix these problems in a text editor, then open it "
                "again (workout-player validate FILE checks it):"
            )
            self.problems.setText("\n".join(problem_text(p) for p in self.result.problems))
            self.problems.setStyleSheet(f"color: {theme.DANGER}; font-size: 19px;")
            self.problems.setVisible(True)
            self.steps.setVisible(False)
            self.total.setText("")
            self.start.setEnabled(False)
            return
        self.title.setText(workout.title)
        parts = [
            (workout.level or "").capitalize(),
            "follows a video" if workout.video_led else "timer-led",
            "  ".join(f"#{t}" for t in workout.tags),
        ]
        self.meta.setText("   ·   ".join(p for p in parts if p))
        self.safety.setText(f"⚠  Safety: {workout.safety}" if workout.safety else "")
        self.safety.setVisible(bool(workout.safety))
        self.description.setText(workout.description or "")
        self.description.setVisible(bool(workout.description))
        warnings = [problem_text(p) for p in self.result.problems]
        self.problems.setText("\n".join(warnings))
        self.problems.setStyleSheet(f"color: {theme.WARN}; font-size: 19px;")
        self.problems.setVisible(bool(warnings))
        self.steps.setVisible(True)
        for number, step in enumerate(workout.steps, start=1):
            QTreeWidgetItem(self.steps, step_row(number, step))
        self.steps.setColumnHidden(5, not workout.video_led)
        self.total.setText(
            f"Total: {length_text(self.plan)}  ({format_clock(self.plan.total_seconds)})"
        )
        self.start.setEnabled(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._start()
        elif event.key() == Qt.Key.Key_Escape:
            self.back_requested.emit()
        elif event.key() == Qt.Key.Key_E:
            self._edit()
        elif event.key() == Qt.Key.Key_V and self.choose_video.isVisible():
            self.choose_missing_video()
        else:
            super().keyPressEvent(event)

    def choose_missing_video(self) -> bool:
        """Ask for the missing video and write it into the workout; True once written."""
        if self.path is None or (missing := missing_video(self.workout)) is None:
            return False
        chosen = self.ask_video(self, missing)
        if chosen is None:
            return False
        try:
            write_video(self.path, chosen)
        except DocumentError as error:
            self.problems.setText(f"The video could not be written into the workout: {error}")
            self.problems.setStyleSheet(f"color: {theme.DANGER}; font-size: 19px;")
            self.problems.setVisible(True)
            return False
        self.show_file(self.path)
        return True

    def _edit(self) -> None:
        """Broken files can be edited too: the editor shows their problems as one fixes them."""
        if self.path is not None:
            self.edit_requested.emit(self.path)

    def _start(self) -> None:
        if self.path is not None and self.start.isEnabled():
            self.start_requested.emit(self.path)
