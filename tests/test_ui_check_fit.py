"""A self-check played on a 1280x720 (or 1366x768) laptop keeps the window the size it
opened at: the player's check mode once needed 721-731 px, and the window grew past the
screen for the rest of the session (it never shrinks back)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.screen_support import run_on_screen


@pytest.mark.slow
@pytest.mark.parametrize(
    ("width", "height", "workout"),
    [
        (1280, 720, "stability-check.yaml"),
        (1280, 720, "balance-check.yaml"),
        (1280, 720, "mcgill-endurance-check.yaml"),
        (1366, 768, "stability-check.yaml"),
    ],
)
def test_a_bundled_check_never_grows_the_window_past_its_screen(
    tmp_path: Path, width: int, height: int, workout: str
) -> None:
    found = run_on_screen(tmp_path, width, height, "tests.check_fit_worker", str(tmp_path), workout)
    assert found["finished"], "the check ran to its end"
    assert found["opened"] <= height
    assert found["grew"] == {}, f"the window grew during {found['grew']}"
    assert found["tallest"] == found["opened"]
    assert found["outside"], "the worker saw the checks"
    assert found["clipped"] == {}, "a check's count was cut off"
    for check, parts in found["outside"].items():
        assert parts == [], f"{check}: {parts} not inside the window"
