"""Every window opens at a size that fits the screen it opens on, down to 1280x720, and stays
usable there (issue 12, item 5)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize

from tests.screen_support import run_on_screen
from workout_player.ui.window_size import FRAME, fitted_size


@pytest.mark.parametrize(
    ("available", "expected"),
    [
        (QSize(1280, 720), QSize(1280 - FRAME.width(), 720 - FRAME.height())),
        (QSize(1366, 768), QSize(1366 - FRAME.width(), 768 - FRAME.height())),
        (QSize(1920, 1080), QSize(1366, 768)),
        (QSize(3840, 2160), QSize(1366, 768)),
        (QSize(1280, 800), QSize(1280 - FRAME.width(), 800 - FRAME.height())),
    ],
)
def test_the_preferred_size_shrinks_to_the_available_area(available: QSize, expected: QSize):
    assert fitted_size(QSize(1366, 768), available) == expected


def test_the_main_window_takes_most_of_a_large_screen(qtbot) -> None:  # type: ignore[no-untyped-def]
    from workout_player.ui.main_window import MainWindow
    from workout_player.ui.window_size import available_area

    window = MainWindow(None)
    qtbot.addWidget(window)
    area = available_area(window)  # the offscreen screen: 800x800
    assert window.width() <= area.width() - FRAME.width()
    assert window.height() <= area.height() - FRAME.height()
    assert window.width() >= min(1366, round(area.width() * 0.9) - FRAME.width())


def test_a_window_is_never_made_smaller_than_its_layout_allows() -> None:
    assert fitted_size(QSize(1366, 768), QSize(600, 400), QSize(700, 420)) == QSize(700, 420)


@pytest.mark.slow
def test_on_a_1280x720_screen_every_window_fits_and_the_player_shows_all_of_itself(
    tmp_path: Path,
) -> None:
    found = run_on_screen(tmp_path, 1280, 720, "tests.window_fit_worker", str(tmp_path))
    area = QRect(*found["area"])
    assert area.size() == QSize(1280, 720)
    for name in ("main", "step_editor", "cue_editor"):
        assert area.contains(QRect(*found[name])), (name, found[name])
    for name in ("step_min", "cue_min"):
        width, height = found[name]
        assert width <= 1280 - FRAME.width() and height <= 720 - FRAME.height(), name
    assert found["player_inside"], "every part of the player is inside the window"
    assert found["cue_px"] >= 0.045 * (720 - FRAME.height())
