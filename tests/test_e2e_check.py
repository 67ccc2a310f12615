"""End to end under Xvfb: `workout-player play` runs a hold check, Enter is pressed at a
known session time (WORKOUT_PLAYER_KEYS sends a real key press to the focused widget),
and the time held is what `workout-player checks --json` then prints."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.xvfb import xcb_env, xvfb_display  # noqa: F401  (the fixture)

COUNTDOWN = 3.0
PRESS_AT = 7.0
"""Session time of the Enter: the hold has run PRESS_AT - COUNTDOWN seconds by then."""

WORKOUT = f"""\
title: One hold check
steps:
  - check: mcgill_flexor
    name: Trunk flexor hold
    measure: hold
    cap: 60
    countdown: {COUNTDOWN:g}
    cue: Back against the wedge, then lift it off.
"""


@pytest.mark.xvfb
@pytest.mark.slow
def test_enter_at_a_known_moment_ends_the_hold_and_checks_json_has_it(
    xvfb_display: str,  # noqa: F811
    tmp_path: Path,
) -> None:
    workout = tmp_path / "one-check.yaml"
    workout.write_text(WORKOUT, encoding="utf-8")
    db = tmp_path / "history.sqlite3"
    report = tmp_path / "keys.json"
    env = xcb_env(xvfb_display, WORKOUT_PLAYER_KEYS=f"{report}:{PRESS_AT}=Return")
    result = subprocess.run(
        [sys.executable, "-m", "workout_player", "play", str(workout), "--db", str(db)],
        env=env,
        capture_output=True,
        text=True,
        timeout=150,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    info = json.loads(report.read_text(encoding="utf-8"))
    assert info["timed_out"] is False
    [sent] = info["sent"]
    assert sent["focus"] == "Player"  # the key went where the keyboard's would
    assert sent["check"] == "mcgill_flexor"
    assert sent["held"] >= PRESS_AT - COUNTDOWN
    [measured] = sent["results"]  # Enter gave the trial's result at once

    listed = subprocess.run(
        [sys.executable, "-m", "workout_player", "checks", "--json", "--db", str(db)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    [row] = json.loads(listed.stdout)
    assert (row["check"], row["side"], row["trial"], row["unit"]) == ("mcgill_flexor", None, 1, "s")
    assert row["value"] == round(measured, 2)
    assert row["value"] >= PRESS_AT - COUNTDOWN
    assert row["capped"] is False
