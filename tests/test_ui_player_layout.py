"""The player's type and layout at 1280x720, 1366x768, 1920x1080 and 3840x2160: the cue is
readable from 3 m (>= 4.5 % of the height, never the smallest text), nothing moves when a
text's length changes, every text fits its place (issue 12, items 5 and 12)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from tests.ui_support import load, make_session, run_for, write_workout
from workout_player.domain.session import SessionState
from workout_player.ui.player.screen import PlayerScreen
from workout_player.ui.player.type_scale import CUE_MIN

LONG_CUE = (
    "Keep the back long and the belly gently braced, lift the opposite arm and leg without "
    "letting the hips turn, breathe out as you reach and keep the neck in line with the spine"
)
# countdown 3 | bird dog L 3 reps of a 4 s one-number tempo | switch 3 | R | rest 10 | short
WORKOUT = f"""\
title: Layout check
countdown: 3
switch: 3
steps:
  - exercise: Bird dog with a long name that runs over two lines of the panel easily
    cue: {LONG_CUE}
    reps: 3
    tempo: 4
    sides: both
    rest: 10
  - exercise: Curl-up
    cue: Short cue
    reps: 2
    hold: 5
"""

SHOWN: list[object] = []
"""The shown screens and their controllers, kept until the module's tests are over: Python
must not free a shown widget's wrapper while Qt may still paint it."""

SIZES = [(1280, 720), (1366, 768), (1920, 1080), (3840, 2160)]


def session_at(qtbot: QtBot, tmp_path: Path, width: int, height: int):
    controller, screen, clock, _ = make_session(load(write_workout(tmp_path, WORKOUT)))
    # Shown (the layout is real): stop the session's timer before the screen goes, so no
    # tick repaints a screen being torn down.
    qtbot.addWidget(screen, before_close_func=lambda _screen: controller.shutdown())
    SHOWN.append((controller, screen))
    screen.resize(width, height)
    screen.show()
    qtbot.waitExposed(screen)
    controller.start()
    return controller, screen, clock


def inside(screen: PlayerScreen, widget: QWidget) -> QRect:
    top_left = widget.mapTo(screen, widget.rect().topLeft())
    return QRect(top_left, widget.size())


def geometry(screen: PlayerScreen) -> dict[str, QRect]:
    """Where the parts that must not move are."""
    parts = {"stage": screen.stage, "cue": screen.cue, "next_up": screen.next_up}
    parts.update({f"button {name}": button for name, button in screen.buttons.items()})
    parts["progress"] = screen.progress
    return {name: inside(screen, widget) for name, widget in parts.items()}


def label_px(widget: QWidget) -> int:
    return widget.fontInfo().pixelSize()


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_the_cue_is_readable_from_the_mat_and_not_the_smallest_text(
    qtbot: QtBot, tmp_path: Path, width: int, height: int
) -> None:
    controller, screen, clock = session_at(qtbot, tmp_path, width, height)
    run_for(controller, clock, 3.5)  # working, left side, the long cue
    assert controller.view().state == SessionState.WORK
    cue = screen.cue.font_px()
    assert cue >= CUE_MIN * height
    for other in (screen.elapsed, screen.remaining, screen.rep_caption):
        assert label_px(other) <= cue, other.accessibleName()
    assert screen.next_up.font_px() <= cue
    # Every name, counter and cue is at least 3 % of the height (readable across the room).
    assert screen.exercise.font_px() >= 0.03 * height
    for label in (screen.set_label, screen.rep, screen.phase, screen.elapsed):
        assert label_px(label) >= 0.03 * height, label.accessibleName()
    assert label_px(screen.rep) >= 0.1 * height


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_everything_fits_and_nothing_moves_when_texts_change(
    qtbot: QtBot, tmp_path: Path, width: int, height: int
) -> None:
    controller, screen, clock = session_at(qtbot, tmp_path, width, height)
    assert screen.pain.isHidden()  # no store: no prompt; the full layout is checked below
    screen.pain.setVisible(True)  # the tallest moment: the first countdown with the prompt
    qtbot.wait(1)
    start = geometry(screen)
    for rect in start.values():
        assert screen.rect().contains(rect), rect
    assert inside(screen, screen.ring).height() >= 140
    screen.pain.setVisible(False)
    qtbot.wait(1)
    countdown = geometry(screen)
    run_for(controller, clock, 3.5)  # the long cue and the long name
    qtbot.wait(1)
    working = geometry(screen)
    assert screen.cue.shown_text() != screen.cue.text() or screen.cue.font_px() < round(
        0.05 * height
    ), "the long cue was set smaller or cut, not wrapped onto more lines"
    run_for(controller, clock, 24.0)  # the rest (the right side ran 15-27 s)
    qtbot.wait(1)
    resting = geometry(screen)
    for name in countdown:
        assert countdown[name] == working[name] == resting[name], name
    for rect in working.values():
        assert screen.rect().contains(rect), rect


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_switch_sides_stays_inside_the_ring_and_slowly_4_s_fits(
    qtbot: QtBot, tmp_path: Path, width: int, height: int
) -> None:
    controller, screen, clock = session_at(qtbot, tmp_path, width, height)
    run_for(controller, clock, 3.5)
    assert screen.phase.text() == "SLOWLY, 4 s"
    phase = inside(screen, screen.phase)
    box = inside(screen, screen.phase_box)
    assert box.contains(phase)
    assert screen.phase_bar.width() >= 80, "the bar beside the label keeps room to fill"
    run_for(controller, clock, 12.0)  # 15.5 s: the switch between sides
    assert screen.ring.caption == "SWITCH SIDES"
    font = screen.ring.caption_font()
    metrics = QFontMetricsF(font)
    for line in screen.ring.caption_lines():
        assert metrics.horizontalAdvance(line) <= screen.ring.caption_width(), line
    assert font.pixelSize() >= 0.023 * height


def test_a_short_caption_keeps_its_full_size(qtbot: QtBot, tmp_path: Path) -> None:
    _controller, screen, _clock = session_at(qtbot, tmp_path, 1366, 768)
    assert screen.ring.caption == "GET READY"
    side = min(screen.ring.width(), screen.ring.height())
    assert screen.ring.caption_font().pixelSize() == max(18, round(side * 0.085))


def test_on_a_720_px_screen_the_player_fits_in_a_window_with_the_banner_and_the_question(
    qtbot: QtBot, tmp_path: Path
) -> None:
    # The window's layout may not ask for more than a 1280x720 screen has (less its title
    # bar): a top-level window grows to its layout's minimum, past the screen's edge.
    from workout_player.ui.window_size import FRAME

    controller, screen, clock = session_at(qtbot, tmp_path, 1280, 720 - FRAME.height())
    screen.banner.set_text("Saving waits: another program holds the history file.")
    screen.pain.setVisible(True)  # the first countdown, as with a history
    qtbot.wait(1)
    assert screen.minimumSizeHint().height() <= 720 - FRAME.height()
    screen.pain.setVisible(False)
    run_for(controller, clock, 3.5)  # working: name, side, set, rep, tempo, ring
    screen.ask_end()
    qtbot.wait(1)
    assert screen.confirm.isVisibleTo(screen) and not screen.controls_bar.isVisibleTo(screen)
    assert screen.minimumSizeHint().height() <= 720 - FRAME.height()
    assert screen.rect().contains(inside(screen, screen.confirm))
