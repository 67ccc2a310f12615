"""The player screen: video, what to do now in large type, what comes next, and the controls.

It is thin: after every tick it applies the `PlayerFace` (domain.player_face)
of `SessionController.view()` and turns keys and buttons into controller
actions. A tick must stay cheap (the GUI thread also plays the video and counts
the beeps): setters are no-ops when nothing changed, clocks and counters never
relayout the screen (SteadyLabel) and the bars and ring repaint only their own
rectangle. One table (controls.py) makes the buttons and the
keys: Space pause/resume, N next, P previous, Enter done, R or Up +1 rep
(self-paced sets), + / - rest time, M mute, F / F11 full screen, S settings, Esc
leave full screen or end the session (asks in a bar, never a modal dialog).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from workout_player.domain.player_face import PlayerFace, Tone, player_face
from workout_player.ui import theme
from workout_player.ui.banner import Banner
from workout_player.ui.player.check_panel import CheckPanel
from workout_player.ui.player.controller import SessionController
from workout_player.ui.player.controls import key_map, player_controls
from workout_player.ui.player.type_scale import Role, cue_min_px, type_px
from workout_player.ui.player.widgets import (
    ConfirmEndBar,
    FittedText,
    FlatBar,
    PainSelector,
    RingTimer,
    SideBadge,
    SteadyLabel,
)

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
START_HEIGHT = 600
"""The height the type is sized for until the screen knows its own (resizeEvent)."""
RING_COLOURS: dict[Tone, str] = {"accent": theme.ACCENT, "warn": theme.WARN, "rest": theme.REST}


def _style(px: int, *, bold: bool = True, colour: str = theme.TEXT) -> str:
    return f"font-size: {px}px; font-weight: {800 if bold else 500}; color: {colour};"


def _label(name: str = "", colour: str = theme.TEXT) -> SteadyLabel:
    """Large type for text that changes during a set (clocks, counters): its size is set
    with the screen's height (`PlayerScreen.apply_type`)."""
    label = SteadyLabel()
    label.setProperty("colour", colour)
    label.setAccessibleName(name)
    return label


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
        controller.problems_changed.connect(self._fit_type)
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
        self.placeholder.setAccessibleName("Exercise description")
        self.stage = QStackedWidget()
        self.stage.addWidget(self.video)
        self.stage.addWidget(self.placeholder)
        self.stage.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        # Right: what to do now.
        # Fixed heights: a long name or cue is set smaller, never pushes the video about.
        self.exercise = FittedText(2, name="Exercise")
        self.side = SideBadge()
        self.set_label = _label("Set")
        self.rep_caption = _label("", colour=theme.TEXT_DIM)
        self.rep_caption.setText("REP")
        self.rep = _label("Rep counter")
        # Side, set and rep on one row: a 720 px screen keeps room for the ring.
        # The set under the side badge: the row stays narrow enough for a 1280 px screen.
        rep_row = QGridLayout()
        rep_row.setVerticalSpacing(2)
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        rep_row.addWidget(self.side, 0, 0, left)
        rep_row.addWidget(self.set_label, 1, 0, left)
        rep_row.setColumnStretch(1, 1)
        rep_row.addWidget(self.rep_caption, 0, 2, 2, 1, Qt.AlignmentFlag.AlignBottom)
        rep_row.addWidget(self.rep, 0, 3, 2, 1, Qt.AlignmentFlag.AlignVCenter)
        self.phase = _label("Tempo phase", colour=theme.ACCENT)
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
        self.panel = panel
        panel.setProperty("role", "panel")
        right = QVBoxLayout(panel)
        right.setContentsMargins(18, 12, 18, 12)
        right.setSpacing(6)
        right.addWidget(self.exercise)
        right.addLayout(rep_row)
        right.addWidget(self.phase_box)
        right.addWidget(self.pain)
        self.check_panel = CheckPanel()  # check mode: trial, side, count, cap, typed count
        right.addWidget(self.check_panel)
        right.addWidget(self.ring, 1)

        middle = QHBoxLayout()
        middle.setSpacing(12)
        # 3 : 2 whatever they show (their own sizes are ignored): a longer text in the panel
        # never narrows the video.
        for part in (self.stage, panel):
            part.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        middle.addWidget(self.stage, 3)
        middle.addWidget(panel, 2)

        self.cue = FittedText(2, name="Cue", weight=600)
        self.next_up = FittedText(1, name="Next up", colour=theme.WARN)

        self.progress = FlatBar(1000, 16)
        self.progress.setAccessibleName("Workout progress")
        self.elapsed = _label("Elapsed time")
        self.elapsed.reserve("88:88")
        self.remaining = _label("Time left")
        self.remaining.reserve("≥ 88:88 left")
        # The label only grows: keep the text against the window's edge.
        self.remaining.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.elapsed)
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.remaining)

        table = player_controls(
            controller,
            fullscreen=self.fullscreen_toggled.emit,
            settings=self.settings_requested.emit,
            ask_end=self.ask_end,
        )
        self.controls = {control.name: control for control in table}
        self._keys = key_map(self.controls.values())
        self.buttons: dict[str, QPushButton] = {}
        # The buttons' row; "End session?" takes its place while it asks, so a 720 px
        # screen has room for both the banner and the question.
        self.controls_bar = QWidget()
        controls = QHBoxLayout(self.controls_bar)
        controls.setContentsMargins(0, 0, 0, 0)
        controls.setSpacing(6)
        for control in self.controls.values():
            button = QPushButton(control.button_text())
            button.setAccessibleName(control.description)
            button.setToolTip(control.description)
            # Buttons never take focus: Space and Enter must reach the screen, not press a button.
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.clicked.connect(control.action)
            controls.addWidget(button)
            self.buttons[control.name] = button
        self.buttons["mute"].setCheckable(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(8)
        layout.addWidget(self.banner)
        layout.addLayout(middle, 1)
        layout.addWidget(self.cue)
        layout.addWidget(self.next_up)
        layout.addLayout(progress_row)
        layout.addWidget(self.controls_bar)
        layout.addWidget(self.confirm)

        controller.updated.connect(self.refresh)
        controller.muted_changed.connect(self._show_muted)
        self._type_height = 0
        # Start small: type sized for a larger height than the window has would make the
        # window grow past its screen before the first resize sets the real sizes.
        self.apply_type(START_HEIGHT)
        self.refresh()

    # -- type ------------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_type()

    def _fit_type(self, _text: str = "") -> None:
        """The type is sized for the height the session has: the banner's lines come off
        first, else type that grows with the window would make the window grow again."""
        banner = self.banner.sizeHint().height() if self.banner.text else 0
        self.apply_type(self.height() - banner)

    def apply_type(self, height: int) -> None:
        """Every text's size from the player's height (type_scale.py); only when it changes,
        never on a tick."""
        if height == self._type_height or height <= 0:
            return
        self._type_height = height

        def px(role: Role) -> int:
            return type_px(role, height)

        self.exercise.set_pixel_size(px("exercise"), round(px("exercise") * 0.7))
        self.cue.set_pixel_size(px("cue"), cue_min_px(height))
        self.next_up.set_pixel_size(px("next_up"), round(px("next_up") * 0.8))
        labels: tuple[tuple[SteadyLabel, Role], ...] = (
            (self.set_label, "set"),
            (self.rep_caption, "rep_caption"),
            (self.rep, "rep"),
            (self.phase, "phase"),
            (self.elapsed, "clock"),
            (self.remaining, "clock"),
        )
        for label, role in labels:
            label.set_pixel_size(_style(px(role), colour=label.property("colour")))
        self.side.set_pixel_size(px("set"))
        self.phase_bar.setFixedHeight(max(12, round(px("phase") * 0.55)))
        self.pain.set_pixel_size(px("pain"))
        self.check_panel.set_pixel_sizes(px("set"), px("rep"), px("check_small"))
        self.confirm.set_pixel_size(px("confirm"))
        self.placeholder.setStyleSheet(
            f"background-color: {theme.SURFACE}; border-radius: 10px; font-size: {px('stage')}px;"
            f" font-weight: 600; padding: 24px; color: {theme.TEXT};"
        )
        button_px = max(15, px("button"))
        for button in self.buttons.values():
            button.setStyleSheet(f"font-size: {button_px}px; padding: 4px 6px;")

    # -- drawing ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Apply the face of the session as it is now (`domain.player_face` decides it)."""
        controller = self.controller
        face = player_face(
            controller.view(), controller.plan, phase_seconds=controller.phase_seconds
        )
        self.side.set_side(face.side)
        self.exercise.setText(face.title)
        self.set_label.setText(face.set_text)
        has_reps = face.rep_text is not None
        self.rep.setVisible(has_reps)
        self.rep_caption.setVisible(has_reps)
        if face.rep_text is not None:
            self.rep.setText(face.rep_text)
        self.phase_box.setVisible(face.phase_text is not None)
        if face.phase_text is not None:
            self.phase.setText(face.phase_text)
            self.phase_bar.setValue(round(face.phase_fraction * 1000))
        ring = face.ring
        self.ring.set_state(ring.fraction, ring.text, ring.caption, RING_COLOURS[ring.tone])
        self.cue.setText(face.cue)
        self.next_up.setText(face.next_up)
        self.placeholder.setText(face.stage_text)
        self.progress.setValue(round(face.progress * 1000))
        self.elapsed.setText(face.elapsed_text)
        self.remaining.setText(face.remaining_text)
        self._draw_buttons(face)
        self.check_panel.show_face(face.check)
        self.set_label.setVisible(face.check is None)  # the panel names the trial instead
        self.pain.setVisible(controller.pain_open and controller.store is not None)
        self._show_stage()

    def _draw_buttons(self, face: PlayerFace) -> None:
        pause = self.buttons["pause"]
        if pause.accessibleName() != ("Resume" if face.paused else "Pause"):
            pause.setText(self.controls["pause"].button_text("Resume" if face.paused else None))
            pause.setAccessibleName("Resume" if face.paused else "Pause")
        self.buttons["less_rest"].setEnabled(face.less_rest_button)
        self.buttons["more_rest"].setEnabled(face.rest_buttons)
        self.buttons["rep"].setEnabled(face.rep_button)
        done = self.buttons["done"]
        done.setEnabled(face.done_button)
        if done.property("primary") != face.done_primary:
            # Re-polishing restyles and repaints the button: only when the look changes.
            done.setProperty("primary", face.done_primary)
            done.style().unpolish(done)
            done.style().polish(done)

    def _show_stage(self) -> None:
        """The video when there is one (or a problem to show on it), else the cue in large type."""
        controller = self.controller
        has_picture = controller.video_led or controller.current_clip is not None
        show_video = has_picture or bool(controller.player.problem)
        self.stage.setCurrentWidget(self.video if show_video else self.placeholder)

    def _show_muted(self, muted: bool) -> None:
        self.buttons["mute"].setChecked(muted)
        self.buttons["mute"].setText(self.controls["mute"].button_text("Unmute" if muted else None))

    # -- keys ------------------------------------------------------------------------------

    def ask_end(self) -> None:
        self.controls_bar.setVisible(False)
        self.confirm.setVisible(True)

    def _confirm_end(self) -> None:
        self._cancel_end()
        self.controller.end()

    def _cancel_end(self) -> None:
        self.confirm.setVisible(False)
        self.controls_bar.setVisible(True)

    def _digit(self, event: QKeyEvent) -> bool:
        """Digit keys: the pain before while its prompt shows (until the first exercise
        starts); the one place typed numbers are routed."""
        digit = int(event.key()) - int(Qt.Key.Key_0)
        if not 0 <= digit <= 9 or event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        ):
            return False
        if self.pain.isVisibleTo(self):
            self.pain.type_digit(digit)
            event.accept()
            return True
        return False

    def _check_key(self, key: int) -> bool:
        """Check mode: digits and Backspace type a count, Enter gives it (else Enter is done)."""
        if key in ENTER_KEYS:
            count = self.check_panel.take_count()
            if count is not None:
                self.controller.enter_count(count)
            return count is not None
        return self.check_panel.type_key(key)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if not self.confirm.isHidden() and key in (*ENTER_KEYS, Qt.Key.Key_Escape):
            self._confirm_end() if key in ENTER_KEYS else self._cancel_end()
            return
        if self._digit(event):
            return
        if self._check_key(key):
            event.accept()
            return
        control = self._keys.get(key)
        if control is None or event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        ):
            super().keyPressEvent(event)
            return
        if key == Qt.Key.Key_Escape and self._is_fullscreen():
            self.leave_fullscreen.emit()
        else:
            control.action()
        event.accept()
