"""The player screen and its controller, offscreen, on a fake clock: labels, keys, sound, store."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui_support import (
    SHORT_WORKOUT,
    load,
    make_session,
    quiet_settings,
    run_for,
    saved,
    write_workout,
)
from workout_player.audio import RecordingAnnouncer
from workout_player.domain.clock import FakeClock
from workout_player.domain.session import SessionState
from workout_player.playback import TimerPlayer, create_player
from workout_player.store import Store, open_store
from workout_player.ui.player.controller import SessionController
from workout_player.ui.player.controls import Control, hidden, key_map, shown
from workout_player.ui.player.screen import PlayerScreen


@pytest.fixture
def store(tmp_path: Path) -> Store:
    opened = open_store(tmp_path / "history.sqlite3")
    yield opened  # type: ignore[misc]
    opened.close()


def start(qtbot: QtBot, tmp_path: Path, store: Store | None = None, text: str | None = None):
    path = write_workout(tmp_path / "w", text) if text else write_workout(tmp_path / "w")
    controller, screen, clock, announcer = make_session(load(path), store)
    qtbot.addWidget(screen)
    controller.start()
    return controller, screen, clock, announcer


def test_countdown_then_tempo_set_shows_rep_set_side_phase_and_next_up(
    qtbot: QtBot, tmp_path: Path, store: Store
) -> None:
    controller, screen, clock, announcer = start(qtbot, tmp_path, store)
    assert screen.exercise.text() == "Bird dog"
    assert screen.ring.caption == "GET READY"
    assert screen.ring.text == "3"
    assert screen.pain.isVisibleTo(screen), "pain before is offered during the first countdown"

    run_for(controller, clock, 3.5)  # 0.5 s into the first set, left side
    assert controller.view().state == SessionState.WORK
    assert screen.rep.text() == "1 / 8"
    assert screen.set_label.text() == "SET 1 / 2"
    assert screen.side.isVisibleTo(screen) and screen.side.text() == "LEFT"
    assert screen.phase.text() == "LOWER"
    assert screen.cue.text() == "Reach long through heel and hand"
    assert screen.next_up.text() == "Next up: Bird dog - set 1 / 2, right"
    assert not screen.pain.isVisibleTo(screen)

    run_for(controller, clock, 2.2)  # 2.7 s in: rep 2, lowering again
    assert screen.rep.text() == "2 / 8"
    assert screen.elapsed.text() == "0:06"
    # 5.7 s of a plan of at least 102 s (the curl-up is self-paced: "≥"), the bar in 1/1000.
    assert controller.view().total == pytest.approx(102.0)
    assert screen.progress.value() == round(5.7 / 102 * 1000)
    assert screen.remaining.text() == "≥ 1:36 left"

    # 3-2-1, "go", the cue spoken as the set starts, then a tick on each tempo phase
    # (lower at 3 s, lift at 4 s, lower at 5 s).
    assert announcer.events == [
        *[("beep", "count")] * 3,
        ("beep", "go"),
        ("say", "Bird dog. Reach long through heel and hand"),
        *[("beep", "tick")] * 3,
    ]


def test_every_button_has_an_accessible_name_and_shows_its_key(
    qtbot: QtBot, tmp_path: Path
) -> None:
    _controller, screen, _clock, _announcer = start(qtbot, tmp_path)
    assert {name: button.text() for name, button in screen.buttons.items()} == {
        "pause": "Pause\n[Space]",
        "previous": "◀ Previous\n[P]",
        "next": "Next ▶\n[N]",
        "done": "Done\n[Enter]",
        "rep": "+1 rep\n[R] [↑]",
        "less_rest": "Rest −15 s\n[−]",
        "more_rest": "Rest +15 s\n[+]",
        "mute": "Mute\n[M]",
        "fullscreen": "Full screen\n[F] [F11]",
        "settings": "Sound\n[S]",
        "end": "End\n[Esc]",
    }
    for key, button in screen.buttons.items():
        assert button.accessibleName() and button.toolTip(), key
        assert button.focusPolicy() == Qt.FocusPolicy.NoFocus


def test_a_key_in_two_rows_of_the_controls_table_is_refused() -> None:
    def nothing() -> None:
        return None

    rows = [
        Control("next", "Next", (shown(Qt.Key.Key_N, "N"),), "Next segment", nothing),
        Control("new", "New", (hidden(Qt.Key.Key_N),), "Something new", nothing),
    ]
    with pytest.raises(ValueError, match="next and new"):
        key_map(rows)


def test_the_keys_not_shown_do_what_their_button_does(qtbot: QtBot, tmp_path: Path) -> None:
    controller, screen, _clock, _announcer = start(qtbot, tmp_path)
    for _ in range(4):  # countdown -> left -> switch -> right -> rest
        qtbot.keyClick(screen, Qt.Key.Key_N)
    left = controller.view().segment_remaining
    assert left is not None
    qtbot.keyClick(screen, Qt.Key.Key_Equal)  # + without Shift
    assert controller.view().segment_remaining == pytest.approx(left + 15)
    qtbot.keyClick(screen, Qt.Key.Key_N)  # to set 2, left
    assert controller.view().segment.kind == "work"
    index = controller.view().index
    qtbot.keyClick(screen, Qt.Key.Key_Enter)  # the keypad's Enter: done, like Return
    assert controller.view().index == index + 1
    qtbot.keyClick(screen, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert controller.view().index == index + 1, "Ctrl+N is not N"


def test_space_pauses_and_resumes_and_time_stands_still(qtbot: QtBot, tmp_path: Path) -> None:
    controller, screen, clock, _announcer = start(qtbot, tmp_path)
    run_for(controller, clock, 4.0)
    qtbot.keyClick(screen, Qt.Key.Key_Space)
    assert controller.view().paused
    assert screen.buttons["pause"].text() == "Resume\n[Space]"
    assert screen.ring.caption == "PAUSED"
    before = controller.view().elapsed
    run_for(controller, clock, 10.0)
    assert controller.view().elapsed == pytest.approx(before)
    qtbot.keyClick(screen, Qt.Key.Key_Space)
    assert not controller.view().paused
    run_for(controller, clock, 1.0)
    assert controller.view().elapsed == pytest.approx(before + 1.0)


def test_n_and_p_move_between_segments(qtbot: QtBot, tmp_path: Path) -> None:
    controller, screen, clock, _announcer = start(qtbot, tmp_path)
    run_for(controller, clock, 4.0)
    assert controller.view().index == 1
    qtbot.keyClick(screen, Qt.Key.Key_N)
    assert controller.view().index == 2
    assert screen.ring.caption == "SWITCH SIDES"
    qtbot.keyClick(screen, Qt.Key.Key_N)
    assert controller.view().index == 3
    assert screen.side.text() == "RIGHT"
    qtbot.keyClick(screen, Qt.Key.Key_P)  # at the start of the right side: back to the switch
    assert controller.view().index == 2
    assert screen.ring.caption == "SWITCH SIDES"


def test_rest_keys_add_and_remove_fifteen_seconds(qtbot: QtBot, tmp_path: Path) -> None:
    controller, screen, _clock, _announcer = start(qtbot, tmp_path)
    for _ in range(4):  # countdown -> left -> switch -> right -> rest
        qtbot.keyClick(screen, Qt.Key.Key_N)
    view = controller.view()
    assert view.state == SessionState.REST
    assert screen.ring.caption == "REST"
    assert screen.buttons["more_rest"].isEnabled()
    left = view.segment_remaining
    assert left is not None
    qtbot.keyClick(screen, Qt.Key.Key_Plus)
    assert controller.view().segment_remaining == pytest.approx(left + 15)
    qtbot.keyClick(screen, Qt.Key.Key_Minus)
    assert controller.view().segment_remaining == pytest.approx(left)
    assert screen.ring.text == str(round(left))


def test_self_paced_set_counts_taps_and_ends_on_enter(qtbot: QtBot, tmp_path: Path) -> None:
    controller, screen, clock, _announcer = start(qtbot, tmp_path)
    for _ in range(12):  # N through the bird dog's segments to the curl-up's countdown
        if controller.view().segment.exercise == "Curl-up":
            break
        qtbot.keyClick(screen, Qt.Key.Key_N)
    assert controller.view().segment.kind == "countdown"
    run_for(controller, clock, 3.5)  # through the curl-up's countdown
    assert controller.view().segment.self_paced
    assert screen.buttons["rep"].isEnabled()
    assert screen.ring.caption == "YOUR PACE"
    qtbot.keyClick(screen, Qt.Key.Key_R)
    qtbot.keyClick(screen, Qt.Key.Key_Up)
    assert screen.rep.text() == "2 / 5"
    run_for(controller, clock, 60.0)
    assert controller.view().segment.exercise == "Curl-up", "a self-paced set waits for Enter"
    qtbot.keyClick(screen, Qt.Key.Key_Return)
    assert controller.view().segment.kind == "rest"


def test_m_mutes_video_beeps_and_voice(qtbot: QtBot, tmp_path: Path) -> None:
    controller, screen, clock, announcer = start(qtbot, tmp_path)
    qtbot.keyClick(screen, Qt.Key.Key_M)
    assert controller.muted
    assert screen.buttons["mute"].isChecked()
    assert screen.buttons["mute"].text() == "Unmute\n[M]"
    heard = len(announcer.events)
    run_for(controller, clock, 20.0)
    assert len(announcer.events) == heard
    qtbot.keyClick(screen, Qt.Key.Key_M)
    assert not controller.muted


def test_f_and_s_ask_the_window(qtbot: QtBot, tmp_path: Path) -> None:
    _controller, screen, _clock, _announcer = start(qtbot, tmp_path)
    with qtbot.waitSignal(screen.fullscreen_toggled, timeout=1000):
        qtbot.keyClick(screen, Qt.Key.Key_F)
    with qtbot.waitSignal(screen.settings_requested, timeout=1000):
        qtbot.keyClick(screen, Qt.Key.Key_S)


def test_escape_asks_in_a_bar_and_keeps_going(qtbot: QtBot, tmp_path: Path) -> None:
    controller, screen, clock, _announcer = start(qtbot, tmp_path)
    qtbot.keyClick(screen, Qt.Key.Key_Escape)
    assert screen.confirm.isVisibleTo(screen)
    run_for(controller, clock, 1.0)
    assert not controller.is_finished, "the question does not stop the session"
    qtbot.keyClick(screen, Qt.Key.Key_Escape)
    assert not screen.confirm.isVisibleTo(screen)
    assert not controller.is_finished


def test_ending_early_stores_a_stopped_session_with_its_sets(
    qtbot: QtBot, tmp_path: Path, store: Store
) -> None:
    controller, screen, clock, _announcer = start(qtbot, tmp_path, store)
    screen.pain.choose(3)
    run_for(controller, clock, 3.0 + 16.0 + 2.0 + 5.0)  # left side done, 5 s into the right
    with qtbot.waitSignal(controller.finished, timeout=1000) as finished:
        qtbot.keyClick(screen, Qt.Key.Key_Escape)
        qtbot.keyClick(screen, Qt.Key.Key_Return)
    assert finished.args == [False]
    session = store.session(saved(controller))
    assert session is not None
    assert session.status == "stopped"
    assert session.pain_before == 3
    sets = store.sets(saved(controller))
    assert [(s.exercise, s.side, s.reps_done) for s in sets] == [
        ("Bird dog", "left", 8),
        ("Bird dog", "right", 2),
    ]
    assert sets[0].seconds == pytest.approx(16.0, abs=0.2)


def test_a_set_skipped_at_once_or_restarted_is_not_a_row_but_a_worked_one_is(
    qtbot: QtBot, tmp_path: Path, store: Store
) -> None:
    controller, screen, clock, _announcer = start(qtbot, tmp_path, store)
    run_for(controller, clock, 3.0 + 1.0)  # 1 s into Bird dog, left: nothing done yet
    qtbot.keyClick(screen, Qt.Key.Key_N)  # skipped at once: not a set
    run_for(controller, clock, 2.0 + 5.0)  # the switch, then 5 s into the right side
    qtbot.keyClick(screen, Qt.Key.Key_P)  # restart the right side: the attempt is not kept
    run_for(controller, clock, 16.5)  # the right side in full
    sets = store.sets(saved(controller))
    assert [(s.exercise, s.side, s.reps_done) for s in sets] == [("Bird dog", "right", 8)]
    run_for(controller, clock, 9.5 + 3.5)  # the rest, then 3.5 s into set 2, left
    qtbot.keyClick(screen, Qt.Key.Key_N)  # cut short after a rep: kept with what was done
    sets = store.sets(saved(controller))
    assert [(s.set, s.side, s.reps_done) for s in sets][-1] == (2, "left", 1)


def test_a_completed_session_stores_every_set(qtbot: QtBot, tmp_path: Path, store: Store) -> None:
    controller, screen, clock, _announcer = start(qtbot, tmp_path, store)
    run_for(controller, clock, 84.5, step=0.5)  # to the self-paced curl-up
    for _ in range(5):
        qtbot.keyClick(screen, Qt.Key.Key_R)
    with qtbot.waitSignal(controller.finished, timeout=1000) as finished:
        qtbot.keyClick(screen, Qt.Key.Key_Return)
        run_for(controller, clock, 30.0, step=0.5)
    assert finished.args == [True]
    session = store.session(saved(controller))
    assert session is not None and session.status == "completed"
    sets = store.sets(saved(controller))
    assert [(s.exercise, s.set, s.side) for s in sets] == [
        ("Bird dog", 1, "left"),
        ("Bird dog", 1, "right"),
        ("Bird dog", 2, "left"),
        ("Bird dog", 2, "right"),
        ("Curl-up", 1, None),
        ("Side plank", 1, None),
    ]
    assert sets[4].reps_done == 5
    assert sets[5].seconds == pytest.approx(10.0, abs=0.3)


def test_when_no_backend_can_play_a_workout_runs_to_the_end_with_the_banner(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workout_player.playback import qt_player

    monkeypatch.setenv("WORKOUT_PLAYER_NO_VLC", "1")
    monkeypatch.setattr(qt_player, "qt_status", lambda: (False, "No Qt media backend."))
    player = create_player()
    assert isinstance(player, TimerPlayer)
    assert player.problem

    clock = FakeClock()
    workout = load(write_workout(tmp_path, SHORT_WORKOUT))
    controller = SessionController(
        workout, player, RecordingAnnouncer(), None, settings=quiet_settings(), clock=clock
    )
    screen = PlayerScreen(controller)
    qtbot.addWidget(screen)
    controller.start()
    assert screen.banner.isVisibleTo(screen)
    assert "WORKOUT_PLAYER_NO_VLC" in screen.banner.text
    with qtbot.waitSignal(controller.finished, timeout=1000) as finished:
        run_for(controller, clock, 2 + 6 + 3 + 2 + 4 + 1, step=0.25)
    assert finished.args == [True]
    assert screen.banner.isVisibleTo(screen)


VIDEO_LED = """\
title: Follow the class
video: class.mp4
steps:
  - at: 0:03
    exercise: Glute bridge
    duration: 10
  - at: 0:20
    exercise: Dead bug
    duration: 10
"""


def test_pain_before_is_offered_before_the_first_step_of_a_video_led_workout(
    qtbot: QtBot, tmp_path: Path, store: Store
) -> None:
    # No countdown in a video-led workout: the title card before the first `at` is the moment.
    controller, screen, clock, _announcer = start(qtbot, tmp_path, store, VIDEO_LED)
    run_for(controller, clock, 1.0)
    assert controller.view().state == SessionState.BETWEEN
    assert screen.pain.isVisibleTo(screen)
    assert (screen.ring.caption, screen.ring.text) == ("STARTS IN", "2")
    run_for(controller, clock, 2.5)
    assert controller.view().state == SessionState.WORK
    assert not screen.pain.isVisibleTo(screen)
    run_for(controller, clock, 10.5)  # the gap between the two steps is not the start
    assert controller.view().state == SessionState.BETWEEN
    assert not screen.pain.isVisibleTo(screen)


def test_history_keeps_the_workout_files_absolute_path(
    qtbot: QtBot, tmp_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_workout(tmp_path / "w")
    monkeypatch.chdir(tmp_path)  # as `workout-player play w/routine.yaml` from there
    controller, screen, _clock, _announcer = make_session(load(Path("w/routine.yaml")), store)
    qtbot.addWidget(screen)
    controller.start()
    row = store.session(saved(controller))
    assert row is not None
    assert row.workout_file == str((tmp_path / "w" / "routine.yaml").resolve())
