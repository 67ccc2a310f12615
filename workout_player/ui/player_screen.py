"""The player screen: video, what to do now in large type, what comes next, and the controls.

It is thin: it redraws from `SessionController.view()` after every tick and
turns keys and buttons into controller actions. A tick must stay cheap (the GUI
thread also plays the video and counts the beeps): setters are no-ops when nothing
changed, clocks and counters never relayout the screen (SteadyLabel) and the bars
and ring repaint only their own rectangle. Keys (shown on each button):
Space pause/resume, N next, P previous, Enter done, R or Up +1 rep (self-paced
sets), + / - rest time, M mute, F / F11 full screen, S settings, Esc leave full
screen or end the session (asks in a bar, never a modal dialog).
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from workout_player.domain.session import SessionState, SessionView
from workout_player.domain.timeline import format_clock
from workout_player.ui import theme
from workout_player.ui.library_model import exercise_summary
from workout_player.ui.player_widgets import (
    Banner,
    ConfirmEndBar,
    FlatBar,
    PainSelector,
    RingTimer,
    SideBadge,
    SteadyLabel,
)
from workout_player.ui.session_controller import SessionController

REST_STEP_SECONDS = 15.0
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def _label(
    size: int,
    *,
    bold: bool = True,
    name: str = "",
    colour: str = theme.TEXT,
    steady: bool = False,
) -> QLabel:
    """Large type; `steady` for text that changes during a set (clocks, counters)."""
    label = SteadyLabel() if steady else QLabel()
    weight = 800 if bold else 500
    label.setStyleSheet(f"font-size: {size}px; font-weight: {weight}; color: {colour};")
    label.setAccessibleName(name)
    return label


def _ceil(seconds: float | None) -> int:
    return max(0, math.ceil((seconds or 0.0) - 1e-6))


class PlayerScreen(QWidget):
    """Shows one running session; emits requests the main window handles."""

    fullscreen_toggled = Signal()
    leave_fullscreen = Signal()
    settings_requested = Signal()

    def __init__(self, controller: SessionController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Player")
        self._is_fullscreen: Callable[[], bool] = lambda: self.window().isFullScreen()

        self.banner = Banner()
        self.banner.set_text(controller.problems_text())
        controller.problems_changed.connect(self.banner.set_text)
        self.confirm = ConfirmEndBar()
        self.confirm.confirmed.connect(self._confirm_end)
        self.confirm.cancelled.connect(self._cancel_end)

        # Left: the video, or the cue in large type when there is nothing to show.
        self.video = controller.player.video_widget()
        self.video.setAccessibleName("Exercise video")
        double_clicked = getattr(self.video, "double_clicked", None)
        if double_clicked is not None:
            double_clicked.connect(self.fullscreen_toggled)
        self.placeholder = QLabel()
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setStyleSheet(
            f"background-color: {theme.SURFACE}; border-radius: 10px; font-size: 34px; "
            f"font-weight: 600; padding: 24px; color: {theme.TEXT};"
        )
        self.placeholder.setAccessibleName("Exercise description")
        self.stage = QStackedWidget()
        self.stage.addWidget(self.video)
        self.stage.addWidget(self.placeholder)
        self.stage.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        # Right: what to do now.
        self.exercise = _label(46, name="Exercise")
        self.exercise.setWordWrap(True)
        self.side = SideBadge()
        self.set_label = _label(34, name="Set", steady=True)
        side_row = QHBoxLayout()
        side_row.addWidget(self.side)
        side_row.addWidget(self.set_label)
        side_row.addStretch(1)
        self.rep_caption = _label(22, name="", colour=theme.TEXT_DIM)
        self.rep_caption.setText("REP")
        self.rep = _label(92, name="Rep counter", steady=True)
        rep_row = QHBoxLayout()
        rep_row.addWidget(self.rep_caption, 0, Qt.AlignmentFlag.AlignBottom)
        rep_row.addWidget(self.rep)
        rep_row.addStretch(1)
        self.phase = _label(36, name="Tempo phase", colour=theme.ACCENT, steady=True)
        self.phase_bar = FlatBar(1000, 22)
        self.phase_bar.setAccessibleName("Tempo phase progress")
        phase_row = QHBoxLayout()
        phase_row.addWidget(self.phase)
        phase_row.addWidget(self.phase_bar, 1)
        self.phase_box = QWidget()
        self.phase_box.setLayout(phase_row)
        self.phase_box.setObjectName("phaseBox")
        self.phase_box.setStyleSheet("#phaseBox { background-color: transparent; }")
        self.ring = RingTimer()

        self.pain = PainSelector()
        self.pain.chosen.connect(controller.set_pain_before)
        self.pain.setVisible(False)

        panel = QFrame()
        panel.setProperty("role", "panel")
        right = QVBoxLayout(panel)
        right.setContentsMargins(18, 12, 18, 12)
        right.setSpacing(6)
        right.addWidget(self.exercise)
        right.addLayout(side_row)
        right.addLayout(rep_row)
        right.addWidget(self.phase_box)
        right.addWidget(self.pain)
        right.addWidget(self.ring, 1)

        middle = QHBoxLayout()
        middle.setSpacing(12)
        middle.addWidget(self.stage, 3)
        middle.addWidget(panel, 2)

        self.cue = _label(28, bold=False, name="Cue")
        self.cue.setWordWrap(True)
        self.next_up = _label(30, bold=True, name="Next up", colour=theme.WARN)

        self.progress = FlatBar(1000, 16)
        self.progress.setAccessibleName("Workout progress")
        self.elapsed = _label(24, name="Elapsed time", steady=True)
        self.remaining = _label(24, name="Time left", steady=True)
        # The label only grows: keep the text against the window's edge.
        self.remaining.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.elapsed)
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.remaining)

        self.buttons: dict[str, QPushButton] = {}
        controls = QHBoxLayout()
        controls.setSpacing(6)
        for key, text, name, action in self._button_specs():
            button = QPushButton(text)
            button.setAccessibleName(name)
            button.setToolTip(name)
            # Buttons never take focus: Space and Enter must reach the screen, not press a button.
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setStyleSheet("font-size: 17px; padding: 4px 6px;")
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.clicked.connect(action)
            controls.addWidget(button)
            self.buttons[key] = button
        self.buttons["mute"].setCheckable(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(8)
        layout.addWidget(self.banner)
        layout.addWidget(self.confirm)
        layout.addLayout(middle, 1)
        layout.addWidget(self.cue)
        layout.addWidget(self.next_up)
        layout.addLayout(progress_row)
        layout.addLayout(controls)

        controller.updated.connect(self.refresh)
        controller.muted_changed.connect(self._show_muted)
        self.refresh()

    def _button_specs(self) -> list[tuple[str, str, str, Callable[[], None]]]:
        c = self.controller
        return [
            ("pause", "Pause\n[Space]", "Pause or resume", c.toggle_pause),
            ("previous", "◀ Previous\n[P]", "Previous segment", c.previous),
            ("next", "Next ▶\n[N]", "Next segment", c.next),
            ("done", "Done\n[Enter]", "Done with this set", c.done),
            ("rep", "+1 rep\n[R] [↑]", "Count one rep", c.add_rep),
            (
                "less_rest",
                "Rest −15 s\n[−]",
                "Shorter rest",
                lambda: c.adjust_rest(-REST_STEP_SECONDS),
            ),
            (
                "more_rest",
                "Rest +15 s\n[+]",
                "Longer rest",
                lambda: c.adjust_rest(REST_STEP_SECONDS),
            ),
            ("mute", "Mute\n[M]", "Mute sound", lambda: c.set_muted(not c.muted)),
            ("fullscreen", "Full screen\n[F] [F11]", "Full screen", self.fullscreen_toggled.emit),
            ("settings", "Sound\n[S]", "Sound settings", self.settings_requested.emit),
            ("end", "End\n[Esc]", "End the session", self.ask_end),
        ]

    # -- drawing ---------------------------------------------------------------------------

    def refresh(self) -> None:
        view = self.controller.view()
        segment = view.segment
        state = view.state
        step = self.controller.step_of(segment)

        self.side.set_side(
            view.side
            if state in (SessionState.WORK, SessionState.SWITCH) or (view.paused and view.side)
            else None
        )
        if segment is None or state == SessionState.BETWEEN:
            self.exercise.setText(
                self.controller.workout.title
                if state == SessionState.NOT_STARTED
                else "Follow the video"
            )
        elif segment.kind == "rest" and segment.exercise is None:
            self.exercise.setText("Rest")
        else:
            self.exercise.setText(segment.exercise or "Rest")
        self.set_label.setText(f"SET {view.set_text}" if view.set_text else "")

        working = segment is not None and segment.kind == "work"
        has_reps = working and view.reps is not None
        self.rep.setVisible(has_reps)
        self.rep_caption.setVisible(has_reps)
        if has_reps:
            self.rep.setText(f"{view.rep or 0} / {view.reps}")
        tempo = working and view.phase is not None and step is not None and step.tempo is not None
        self.phase_box.setVisible(bool(tempo))
        if tempo:
            self.phase.setText((view.phase or "").upper())
            total = self.controller.phase_seconds or 0.0
            left = view.phase_remaining or 0.0
            done = 1.0 - left / total if total > 0 else 0.0
            self.phase_bar.setValue(round(min(1.0, max(0.0, done)) * 1000))

        self._draw_ring(view)
        self._draw_texts(view)
        fraction = min(1.0, max(0.0, view.progress))
        self.progress.setValue(round(fraction * 1000))
        self.elapsed.setText(format_clock(view.elapsed))
        exact = self.controller.plan.exact
        left_text = format_clock(view.remaining)
        self.remaining.setText(
            f"{left_text} left" if exact or view.remaining is None else f"≥ {left_text} left"
        )
        self._draw_buttons(view)
        segments = self.controller.plan.segments
        before_first = (state == SessionState.COUNTDOWN and view.index == 0) or (
            # A video-led workout has no countdown: its title card before the first step.
            state == SessionState.BETWEEN and bool(segments) and view.next_segment == segments[0]
        )
        self.pain.setVisible(before_first and self.controller.store is not None)
        self._show_stage(view)

    def _draw_ring(self, view: SessionView) -> None:
        segment = view.segment
        duration = segment.duration if segment is not None else None
        left = view.segment_remaining
        fraction = (left / duration) if duration and left is not None else 0.0
        step = self.controller.step_of(segment)
        kind = segment.kind if segment is not None else ""
        if view.paused:
            caption, colour = "PAUSED", theme.WARN
        elif kind == "countdown":
            caption, colour = "GET READY", theme.ACCENT
        elif kind == "rest":
            caption, colour = "REST", theme.REST
        elif kind == "switch":
            caption, colour = "SWITCH SIDES", theme.WARN
        elif kind == "work" and view.hold_remaining is not None and step and step.hold:
            caption, colour = "HOLD", theme.ACCENT
            fraction, left = view.hold_remaining / step.hold, view.hold_remaining
        elif kind == "work" and segment is not None and segment.self_paced:
            done = (view.rep or 0) / view.reps if view.reps else 0.0
            self.ring.set_state(done, format_clock(view.segment_elapsed), "YOUR PACE", theme.ACCENT)
            return
        elif kind == "work":
            caption, colour = "SET LEFT" if view.reps else "WORK", theme.ACCENT
        elif view.state == SessionState.BETWEEN and view.next_segment is not None:
            # Video-led, before a step: count down to it, as the video's own cards do.
            following = view.next_segment
            gap_start = max(
                (s.end for s in self.controller.plan.segments if s.end <= following.start + 1e-9),
                default=0.0,
            )
            left = max(0.0, following.start - view.elapsed)
            gap = following.start - gap_start
            fraction = left / gap if gap > 0 else 0.0
            caption, colour = "STARTS IN", theme.ACCENT
        else:
            self.ring.set_state(0.0, "", "", theme.ACCENT)
            return
        text = str(_ceil(left)) if left is not None else ""
        if left is not None and left >= 100:
            text = format_clock(left)
        self.ring.set_state(fraction, text, caption, colour)

    def _draw_texts(self, view: SessionView) -> None:
        segment = view.segment
        step = self.controller.step_of(segment)
        if view.paused:
            cue = "Paused — press Space to go on"
        elif segment is None:
            cue = ""
        elif segment.kind == "switch":
            cue = f"Switch to the {segment.side or 'other'} side"
        elif segment.kind == "countdown":
            cue = f"Get ready: {step and exercise_summary(step)}" if step else "Get ready"
        elif segment.kind == "rest":
            cue = segment.cue or "Rest. Breathe slowly and stay loose."
        elif segment.self_paced:
            cue = (
                segment.cue + " — " if segment.cue else ""
            ) + "R or ↑ counts a rep, Enter when done"
        else:
            cue = segment.cue or ""
        self.cue.setText(cue)
        next_up = view.next_up.removeprefix("Next: ")
        self.next_up.setText(f"Next up: {next_up}" if next_up else "")
        self.placeholder.setText(self._stage_text(view))

    def _stage_text(self, view: SessionView) -> str:
        """Without a clip, the video's place says what the whole step asks for."""
        segment = view.segment
        step = self.controller.step_of(segment)
        if segment is None:
            return ""
        if segment.kind == "rest":
            following = view.next_up.removeprefix("Next: ")
            return f"Rest\n\nthen {following}" if following else "Rest"
        if step is None:
            return segment.exercise or ""
        sides = {"both": "each side", "left": "left side", "right": "right side"}.get(step.sides)
        parts = [exercise_summary(step), sides] if sides else [exercise_summary(step)]
        return f"{step.exercise}\n\n" + "\n".join(parts)

    def _draw_buttons(self, view: SessionView) -> None:
        segment = view.segment
        pause = self.buttons["pause"]
        if pause.accessibleName() != ("Resume" if view.paused else "Pause"):
            pause.setText("Resume\n[Space]" if view.paused else "Pause\n[Space]")
            pause.setAccessibleName("Resume" if view.paused else "Pause")
        resting = segment is not None and segment.kind == "rest" and not self.controller.video_led
        self.buttons["less_rest"].setEnabled(resting)
        self.buttons["more_rest"].setEnabled(resting)
        self_paced = segment is not None and segment.kind == "work" and segment.self_paced
        self.buttons["rep"].setEnabled(self_paced)
        done = self.buttons["done"]
        done.setEnabled(segment is not None and segment.kind == "work")
        if done.property("primary") != self_paced:
            # Re-polishing restyles and repaints the button: only when the look changes.
            done.setProperty("primary", self_paced)
            done.style().unpolish(done)
            done.style().polish(done)

    def _show_stage(self, view: SessionView) -> None:
        """The video when there is one (or a problem to show on it), else the cue in large type."""
        controller = self.controller
        has_picture = controller.video_led or controller.current_clip is not None
        show_video = has_picture or bool(controller.player.problem)
        self.stage.setCurrentWidget(self.video if show_video else self.placeholder)

    def _show_muted(self, muted: bool) -> None:
        self.buttons["mute"].setChecked(muted)
        self.buttons["mute"].setText("Unmute\n[M]" if muted else "Mute\n[M]")

    # -- keys ------------------------------------------------------------------------------

    def ask_end(self) -> None:
        self.confirm.setVisible(True)

    def _confirm_end(self) -> None:
        self.confirm.setVisible(False)
        self.controller.end()

    def _cancel_end(self) -> None:
        self.confirm.setVisible(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        c = self.controller
        if not self.confirm.isHidden() and key in (*ENTER_KEYS, Qt.Key.Key_Escape):
            self._confirm_end() if key in ENTER_KEYS else self._cancel_end()
            return
        actions: dict[int, Callable[[], None]] = {
            Qt.Key.Key_Space: c.toggle_pause,
            Qt.Key.Key_N: c.next,
            Qt.Key.Key_P: c.previous,
            Qt.Key.Key_Return: c.done,
            Qt.Key.Key_Enter: c.done,
            Qt.Key.Key_R: c.add_rep,
            Qt.Key.Key_Up: c.add_rep,
            Qt.Key.Key_Plus: lambda: c.adjust_rest(REST_STEP_SECONDS),
            Qt.Key.Key_Equal: lambda: c.adjust_rest(REST_STEP_SECONDS),  # + without Shift
            Qt.Key.Key_Minus: lambda: c.adjust_rest(-REST_STEP_SECONDS),
            Qt.Key.Key_M: lambda: c.set_muted(not c.muted),
            Qt.Key.Key_F: self.fullscreen_toggled.emit,
            Qt.Key.Key_S: self.settings_requested.emit,
            Qt.Key.Key_Escape: self._escape,
        }
        action = actions.get(key)
        if action is None or event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        ):
            super().keyPressEvent(event)
            return
        action()
        event.accept()

    def _escape(self) -> None:
        if self._is_fullscreen():
            self.leave_fullscreen.emit()
        else:
            self.ask_end()
