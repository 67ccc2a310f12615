"""Memory: peak RSS while the app plays a 720p video, and RSS growth over a 30-minute session.

    python bench/memory.py [--play-seconds 60] [--skip-play]

- rss_play_mb: `workout-player play` (the real app, wrapped by app_probe.py) on a private
  Xvfb with a video-led workout over a 1280x720 30 fps H.264+AAC video; after the first frame
  reaches the screen it plays for --play-seconds, then the process's peak RSS (VmHWM, the
  whole app: Python, Qt, libvlc and its decoder threads) is read.
- rss_growth_mb: the bundled 31-minute timer-led workout (follow-along-30.yaml) run in this
  process on a FakeClock, 30 ms per tick as the app ticks, through the real Session,
  SessionController, PlayerScreen (offscreen) and a Store on a file database; self-paced
  sets are ended after 20 s. RSS after the first 2 minutes of the session is compared
  with RSS at the end (after a garbage collection).
"""

from __future__ import annotations

import argparse
import gc
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import (
    BENCH,
    REPO,
    figure,
    make_720p_video,
    note,
    out_dir,
    private_runtime,
    rss_mb,
    video_workout,
    xcb_env,
    xvfb,
)

TICK = 0.030
WARM_SECONDS = 120.0
SELF_PACED_SECONDS = 20.0


def rss_play(seconds: float) -> float:
    video = make_720p_video(out_dir() / "bench-720p-60s.mp4")
    with xvfb() as display, tempfile.TemporaryDirectory() as folder, private_runtime() as run:
        home = Path(folder)
        # Voice off: with no sound server (PULSE_SERVER=none) speech-dispatcher hangs on the
        # first cue it is asked to speak and the app's GUI thread waits on it for good.
        config = home / "config" / "workout-player"
        config.mkdir(parents=True)
        (config / "Workout Player.conf").write_text("[sound]\nvoice=false\n", encoding="utf-8")
        workout = video_workout(home / "follow.yaml", video, 60)
        env = xcb_env(
            display,
            BENCH_PLAY_SECONDS=str(seconds),
            WORKOUT_PLAYER_DATA=str(home),
            XDG_CONFIG_HOME=str(home / "config"),
            PULSE_SERVER="none",
            XDG_RUNTIME_DIR=str(run),
        )
        proc = subprocess.run(
            [sys.executable, str(BENCH / "app_probe.py"), "play", str(workout),
             "--db", str(home / "history.sqlite3")],
            env=env, cwd=REPO, capture_output=True, text=True, timeout=seconds + 120,
        )  # fmt: skip
    for line in proc.stderr.splitlines():
        if line.startswith("bench-rss "):
            current, peak = (float(v) for v in line.split()[1:3])
            note(f"rss_play: {current:.0f} MiB at the end, {peak:.0f} MiB peak")
            return peak
        if line.startswith("bench-no-frame"):
            break
    raise RuntimeError(f"the app did not play the video (exit {proc.returncode}):\n{proc.stderr}")


class SilentAnnouncer:
    """Takes the beeps and cues without sound or memory (a recorder would grow by itself)."""

    def beep(self, kind: str) -> None:
        pass

    def say(self, text: str) -> None:
        pass

    def apply(self, settings: object) -> None:
        pass


def rss_growth() -> tuple[float, float]:
    """(growth MiB, session minutes simulated)."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    from workout_player.domain.clock import FakeClock
    from workout_player.domain.loader import load_workout_or_raise
    from workout_player.playback import TimerPlayer
    from workout_player.store import open_store
    from workout_player.ui.player.controller import SessionController
    from workout_player.ui.player.screen import PlayerScreen

    app = QApplication.instance() or QApplication([])
    workout = load_workout_or_raise(REPO / "workouts" / "follow-along-30.yaml")
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "history.sqlite3")
        clock = FakeClock()
        player = TimerPlayer()
        controller = SessionController(
            workout,
            player,
            SilentAnnouncer(),
            store,
            clock=clock,  # type: ignore[arg-type]
        )
        screen = PlayerScreen(controller)
        screen.resize(1366, 768)
        screen.show()
        controller.start()
        ticks = 0
        warm: float | None = None
        paced_since: float | None = None
        started = time.perf_counter()
        while not controller.is_finished:
            clock.advance(TICK)
            controller.tick()
            ticks += 1
            view = controller.view()
            segment = view.segment
            if segment is not None and segment.kind == "work" and segment.self_paced:
                paced_since = clock.now() if paced_since is None else paced_since
                if clock.now() - paced_since >= SELF_PACED_SECONDS:
                    controller.done()
                    paced_since = None
            else:
                paced_since = None
            if ticks % 10 == 0:
                app.processEvents()  # the screen repaints as in the app (coalesced)
            if warm is None and clock.now() >= WARM_SECONDS:
                gc.collect()
                warm = rss_mb()[0]
        app.processEvents()
        gc.collect()
        end = rss_mb()[0]
        minutes = clock.now() / 60
        sets = store.db.conn.execute("SELECT count(*) FROM sets").fetchone()[0]
        note(
            f"rss_growth: {minutes:.1f} session minutes, {ticks} ticks, {sets} sets stored in "
            f"{time.perf_counter() - started:.1f} s; RSS {warm:.1f} -> {end:.1f} MiB"
        )
        screen.close()
        controller.shutdown()
        player.close()
        store.close()
    assert warm is not None
    return end - warm, minutes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--play-seconds", type=float, default=60.0)
    parser.add_argument("--skip-play", action="store_true")
    args = parser.parse_args(argv)
    if not args.skip_play:
        figure("rss_play_mb", rss_play(args.play_seconds))
    growth, minutes = rss_growth()
    figure("rss_growth_mb", growth)
    figure("rss_growth_session_min", minutes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
