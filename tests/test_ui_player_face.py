"""The player screen shows its face exactly: every label, the ring and the buttons."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from tests.ui_support import load, make_session, run_for, write_workout
from workout_player.domain.player_face import PlayerFace, player_face
from workout_player.domain.session import SessionState
from workout_player.ui.player.screen import RING_COLOURS, PlayerScreen


def shown(screen: PlayerScreen) -> dict[str, object]:
    ring = screen.ring
    return {
        "title": screen.exercise.text(),
        "set": screen.set_label.text(),
        "rep": screen.rep.text() if screen.rep.isVisibleTo(screen) else None,
        "phase": screen.phase.text() if screen.phase_box.isVisibleTo(screen) else None,
        "phase_bar": screen.phase_bar.value() if screen.phase_box.isVisibleTo(screen) else 0,
        "ring": (round(ring.fraction, 3), ring.text, ring.caption, ring.colour.name()),
        "cue": screen.cue.text(),
        "next_up": screen.next_up.text(),
        "stage": screen.placeholder.text(),
        "progress": screen.progress.value(),
        "times": (screen.elapsed.text(), screen.remaining.text()),
        "pause": screen.buttons["pause"].accessibleName(),
        "enabled": {key: screen.buttons[key].isEnabled() for key in ("less_rest", "rep", "done")},
        "primary": bool(screen.buttons["done"].property("primary")),
    }


def expected(face: PlayerFace) -> dict[str, object]:
    ring = face.ring
    return {
        "title": face.title,
        "set": face.set_text,
        "rep": face.rep_text,
        "phase": face.phase_text,
        "phase_bar": round(face.phase_fraction * 1000) if face.phase_text is not None else 0,
        "ring": (
            round(min(1.0, max(0.0, ring.fraction)), 3),
            ring.text,
            ring.caption,
            QColor(RING_COLOURS[ring.tone]).name(),
        ),
        "cue": face.cue,
        "next_up": face.next_up,
        "stage": face.stage_text,
        "progress": round(face.progress * 1000),
        "times": (face.elapsed_text, face.remaining_text),
        "pause": "Resume" if face.paused else "Pause",
        "enabled": {
            "less_rest": face.rest_buttons,
            "rep": face.rep_button,
            "done": face.done_button,
        },
        "primary": face.done_primary,
    }


def test_every_half_second_of_a_workout_the_screen_shows_the_face(
    qtbot: QtBot, tmp_path: Path
) -> None:
    controller, screen, clock, _announcer = make_session(load(write_workout(tmp_path)))
    qtbot.addWidget(screen)
    controller.start()
    states: set[SessionState] = set()
    paused_once = False
    for _ in range(400):  # the workout lasts about 100 s
        if controller.is_finished:
            break
        view = controller.view()
        face = player_face(view, controller.plan, phase_seconds=controller.phase_seconds)
        assert shown(screen) == expected(face), f"at {view.elapsed:.1f} s"
        states.add(view.state)
        segment = view.segment
        if segment is not None and segment.self_paced and view.segment_elapsed >= 2.0:
            controller.add_rep()  # the curl-up: one rep, then Enter
            assert shown(screen)["rep"] == "1 / 5"
            controller.done()
        elif view.state == SessionState.WORK and not paused_once:
            paused_once = True
            controller.toggle_pause()
            paused = player_face(
                controller.view(), controller.plan, phase_seconds=controller.phase_seconds
            )
            assert shown(screen) == expected(paused)
            assert paused.ring.caption == "PAUSED"
            controller.toggle_pause()
        run_for(controller, clock, 0.5)
    assert controller.is_finished
    end = player_face(controller.view(), controller.plan, phase_seconds=controller.phase_seconds)
    assert shown(screen) == expected(end)
    assert states == {
        SessionState.COUNTDOWN,
        SessionState.WORK,
        SessionState.SWITCH,
        SessionState.REST,
    }
