"""Sound on time: what the app plays, recorded from a PulseAudio null sink, against the engine.

    python bench/sound_timing.py

Starts a private PulseAudio (`pulseaudio -n`: a null sink and a unix socket, nothing else)
and records the sink's monitor with `parec` (raw 44.1 kHz mono), noting time.monotonic() as
each chunk arrives. Sample n is placed at min over chunks within 2 s (arrival - index of the
chunk's first sample / rate) + n / rate: the tightest bound the arrivals give. The null sink
(rewinds off) renders a few ms ahead, so an onset can come out that much early (-3 ms seen).

The real app (`workout-player play`, wrapped by app_probe.py with BENCH_SOUNDS=1 under a
private Xvfb, cue offset 0) plays a short timer-led workout and a short video-led one (a
silent video). The probe logs each sound with the time the SoundSchedule had it due (the
engine's event time: the session ticks every 30 ms, so this is the tick that saw the event)
and the time the controller handed it to the announcer. Each beep is matched to the first
burst of sound (|sample| above a threshold after 60 ms of silence) from 30 ms before its
due time to 500 ms after:

- beep_p50_ms / beep_p95_ms / beep_max_ms: onset - due time, over every beep of both runs
  (goal p95 <= 30); beep_call_p95_ms: onset - the announcer call (the audio path alone);
  beep_missing: beeps due with no sound found.
- The voice is measured in separate runs with the beeps off (so the two cannot be confused):
  voice_p50_ms / voice_max_ms, from the CueDue's sound coming due to the first speech
  sample (Qt's speechd engine -> speech-dispatcher -> espeak-ng -> Pulse). speech-dispatcher
  is started by the app on demand in a private XDG_RUNTIME_DIR, and killed here after.

Needs pulseaudio and pulseaudio-utils (`make bench` installs them); for the voice,
speech-dispatcher-espeak-ng (not installed by `make bench`, see bench/README.md; without it
the voice figures are reported as missing).
"""

from __future__ import annotations

import array
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import (
    BENCH,
    REPO,
    ffmpeg,
    figure,
    median,
    note,
    out_dir,
    percentile,
    stop_spawned,
    xcb_env,
    xvfb,
)

RATE = 44100
THRESHOLD = 200  # |sample| (of 32767): beeps peak near 15,000, the null sink is exact zero
SILENCE = int(0.060 * RATE)  # a burst starts after this much silence
TIMER_WORKOUT = """title: Bench sounds
countdown: 3
steps:
  - exercise: Bird dog
    sets: 2
    duration: 4
    rest: 4
  - exercise: Side plank
    duration: 3
"""


class Recorder:
    """parec on the null sink's monitor, read on a thread; sample times on time.monotonic()."""

    def __init__(self, env: dict[str, str]) -> None:
        self.data = bytearray()
        self.arrivals: list[tuple[float, int]] = []  # (monotonic, index of first sample)
        self._proc = subprocess.Popen(
            ["parec", "-d", "bench.monitor", "--format=s16le", f"--rate={RATE}",
             "--channels=1", "--latency-msec=5", "--raw"],
            stdout=subprocess.PIPE, env=env,
        )  # fmt: skip
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        assert self._proc.stdout is not None
        fd = self._proc.stdout.fileno()
        while chunk := os.read(fd, 1 << 16):
            now = time.monotonic()
            self.arrivals.append((now, len(self.data) // 2))
            self.data += chunk

    def time_of(self, index: int) -> float:
        """Monotonic time of sample `index`: the tightest bound the chunks within 2 s give
        (a chunk's first sample is on its way at the latest when the chunk arrives)."""
        guess = self.arrivals[0][0] + index / RATE
        return (
            min(
                (at - first / RATE for at, first in self.arrivals if abs(at - guess) < 2.0),
                default=guess - index / RATE,
            )
            + index / RATE
        )

    def stop(self) -> array.array[int]:
        self._proc.terminate()
        self._proc.wait(timeout=10)
        self._thread.join(timeout=10)
        samples: array.array[int] = array.array("h")
        samples.frombytes(bytes(self.data[: len(self.data) // 2 * 2]))
        return samples


def bursts(samples: array.array[int], time_of: Callable[[int], float]) -> list[float]:
    """Monotonic times where sound starts after at least SILENCE samples of quiet."""
    starts, quiet = [], SILENCE
    for index, value in enumerate(samples):
        if value > THRESHOLD or value < -THRESHOLD:
            if quiet >= SILENCE:
                starts.append(time_of(index))
            quiet = 0
        else:
            quiet += 1
    return starts


def pulse(folder: Path) -> tuple[subprocess.Popen[bytes], dict[str, str]]:
    """A private PulseAudio with one null sink; returns it and the environment to reach it."""
    if shutil.which("pulseaudio") is None or shutil.which("parec") is None:
        raise SystemExit("sound_timing needs PulseAudio: apt install pulseaudio pulseaudio-utils")
    runtime = folder / "xdg"
    runtime.mkdir(mode=0o700)
    socket = folder / "pulse.sock"
    env = {
        **os.environ,
        "HOME": str(folder),
        "XDG_RUNTIME_DIR": str(runtime),
        "PULSE_RUNTIME_PATH": str(folder / "pulse"),
        "PULSE_SERVER": f"unix:{socket}",
    }
    server = subprocess.Popen(
        ["pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1", "--disable-shm=yes",
         "--log-target=stderr", f"--load=module-null-sink sink_name=bench rate={RATE} norewinds=1",
         f"--load=module-native-protocol-unix socket={socket} auth-anonymous=1"],
        env=env, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    for _ in range(100):
        if subprocess.run(["pactl", "info"], env=env, capture_output=True).returncode == 0:
            return server, env
        time.sleep(0.1)
    server.kill()
    raise SystemExit("PulseAudio did not start")


def session(
    display: str, env: dict[str, str], home: Path, workout: Path, voice: bool
) -> tuple[list[tuple[str, float, float, str]], array.array[int], Recorder]:
    """Play `workout` once while recording; returns (sounds logged, samples, recorder)."""
    config = home / "config" / "workout-player"
    config.mkdir(parents=True, exist_ok=True)
    (config / "Workout Player.conf").write_text(
        f"[sound]\nvoice={str(voice).lower()}\nbeeps={str(not voice).lower()}\n"
        "cue_offset_ms=0\ncountdown_beeps=3\nvolume=80\n",
        encoding="utf-8",
    )
    probe_env = xcb_env(
        display,
        **{k: env[k] for k in ("HOME", "XDG_RUNTIME_DIR", "PULSE_SERVER", "PULSE_RUNTIME_PATH")},
        BENCH_QUIT="finished",
        BENCH_SOUNDS="1",
        WORKOUT_PLAYER_DATA=str(home),
        WORKOUT_PLAYER_WORKOUTS=str(home / "workouts"),
        XDG_CONFIG_HOME=str(home / "config"),
    )
    recorder = Recorder(env)
    time.sleep(0.3)  # the recording runs before the app can make a sound
    proc = subprocess.run(
        [sys.executable, str(BENCH / "app_probe.py"), "play", str(workout),
         "--db", str(home / "history.sqlite3")],
        env=probe_env, cwd=REPO, capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    time.sleep(0.5)
    samples = recorder.stop()
    if proc.returncode != 0 or "bench-finished" not in proc.stderr:
        raise RuntimeError(f"the app failed (exit {proc.returncode}):\n{proc.stderr[-2000:]}")
    sounds = []
    for line in proc.stderr.splitlines():
        if line.startswith("bench-sound "):
            kind, due, called, text = line.split()[1:5]
            sounds.append((kind, float(due), float(called), text))
    return sounds, samples, recorder


def match(sounds: list[tuple[str, float, float, str]], onsets: list[float], kinds: set[str]):
    """(kind, onset - due, onset - call) per sound of `kinds`; None when no onset was found."""
    out, used = [], set()
    for kind, due, called, _text in sounds:
        if kind not in kinds:
            continue
        found = next((t for t in onsets if due - 0.030 <= t <= due + 0.500 and t not in used), None)
        if found is None:
            out.append((kind, None, None))
            continue
        used.add(found)
        out.append((kind, (found - due) * 1000, (found - called) * 1000))
    return out


def main() -> int:
    video = out_dir() / "bench-silent-12s.mp4"
    if not video.exists():
        ffmpeg("-f", "lavfi", "-i", "testsrc2=size=640x360:rate=30:duration=12",
               "-c:v", "libx264", "-preset", "veryfast", "-an", str(video))  # fmt: skip
    beeps: list[tuple[str, float | None, float | None]] = []
    voices: list[tuple[str, float | None, float | None]] = []
    with tempfile.TemporaryDirectory(prefix="sound-bench-") as folder, xvfb() as display:
        root = Path(folder)
        server, env = pulse(root)
        try:
            (root / "timer.yaml").write_text(TIMER_WORKOUT, encoding="utf-8")
            (root / "video.yaml").write_text(
                f"title: Bench video sounds\nvideo: {video}\ncountdown: 3\nsteps:\n"
                "  - exercise: Bird dog\n    at: 0:04\n    duration: 3\n"
                "  - exercise: Side plank\n    at: 0:08\n    duration: 3\n",
                encoding="utf-8",
            )
            for name in ("timer", "video"):
                for voice in (False, True):
                    home = root / f"{name}-{'voice' if voice else 'beeps'}"
                    sounds, samples, recorder = session(
                        display, env, home, root / f"{name}.yaml", voice
                    )
                    onsets = bursts(samples, recorder.time_of)
                    if voice:
                        found = match(sounds, onsets, {"say"})
                        voices += found
                    else:
                        found = match(sounds, onsets, {"count", "go", "tick", "end"})
                        beeps += found
                    note(
                        f"{name}-led, {'voice' if voice else 'beeps'}: {len(found)} sounds, "
                        f"{len(onsets)} bursts in {len(samples) / RATE:.1f} s recorded; late by "
                        + ", ".join("-" if d is None else f"{d:.0f}" for _, d, _ in found)
                        + " ms"
                    )
        finally:
            server.terminate()
            server.wait(timeout=10)
            stop_spawned(root / "xdg")  # speech-dispatcher, spawned by the app
    late = [d for _, d, _ in beeps if d is not None]
    audio = [c for _, _, c in beeps if c is not None]
    figure("beep_p50_ms", percentile(late, 50) if late else None)
    figure("beep_p95_ms", percentile(late, 95) if late else None)
    figure("beep_max_ms", max(late) if late else None)
    figure("beep_call_p95_ms", percentile(audio, 95) if audio else None)
    figure("beeps", len(beeps))
    figure("beep_missing", sum(d is None for _, d, _ in beeps))
    spoken = [d for _, d, _ in voices if d is not None]
    figure("voice_p50_ms", median(spoken) if spoken else None)
    figure("voice_max_ms", max(spoken) if spoken else None)
    figure("voice_cues", len(voices))
    figure("voice_missing", sum(d is None for _, d, _ in voices))
    return 0


if __name__ == "__main__":
    sys.exit(main())
