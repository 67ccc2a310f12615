"""The beeps, made by the app itself: short sine tones written once as WAV files.

Generating them keeps binary files out of the repository and lets every tone share the
same gentle fades (no clicks at the edges). Files go to the per-user cache folder and are
only rewritten when missing or changed.
"""

from __future__ import annotations

import math
import os
import tempfile
import wave
from array import array
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, get_args

import platformdirs

BeepKind = Literal["count", "go", "tick", "end"]
BEEP_KINDS: tuple[BeepKind, ...] = get_args(BeepKind)

SAMPLE_RATE = 44100
#: Peak level (0-1): loud enough across a room, with headroom against clipping.
AMPLITUDE = 0.6
#: Fade in/out so a tone starts and stops without an audible click.
FADE_SECONDS = 0.008
#: Bump when any tone changes, so old cached files are not reused.
VERSION = 1


@dataclass(frozen=True)
class Tone:
    """One part of a beep; frequency 0 is silence."""

    frequency: float
    seconds: float
    decay: float = 0.0  # >0: exponential fade-out per second (a percussive click)


BEEPS: dict[BeepKind, tuple[Tone, ...]] = {
    # 3-2-1: short and high enough to cut through a video's music.
    "count": (Tone(880.0, 0.15),),
    # Start working: longer and higher than the count, so it is told apart without looking.
    "go": (Tone(1320.0, 0.45),),
    # Optional metronome: a very short click.
    "tick": (Tone(2000.0, 0.03, decay=120.0),),
    # The workout (or a long block) is over: two rising tones.
    "end": (Tone(660.0, 0.2), Tone(0.0, 0.04), Tone(990.0, 0.35)),
}


def render(tones: tuple[Tone, ...], sample_rate: int = SAMPLE_RATE) -> array[int]:
    """16-bit mono samples for `tones`, each faded in and out."""
    samples: array[int] = array("h")
    peak = AMPLITUDE * 32767
    for tone in tones:
        count = round(tone.seconds * sample_rate)
        fade = max(1, min(round(FADE_SECONDS * sample_rate), count // 2))
        for i in range(count):
            if tone.frequency <= 0:
                samples.append(0)
                continue
            envelope = min(1.0, i / fade, (count - 1 - i) / fade)
            if tone.decay:
                envelope *= math.exp(-tone.decay * i / sample_rate)
            value = math.sin(2 * math.pi * tone.frequency * i / sample_rate)
            samples.append(round(peak * envelope * value))
    return samples


def write_wav(path: Path, tones: tuple[Tone, ...], sample_rate: int = SAMPLE_RATE) -> Path:
    """Write `tones` as a PCM WAV file, atomically (a crash never leaves half a file)."""
    samples = render(tones, sample_rate)
    if samples.itemsize != 2:  # pragma: no cover - every platform Qt runs on has 16-bit shorts
        raise RuntimeError("16-bit samples are needed for WAV output")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.stem, suffix=".tmp")
    os.close(fd)
    try:
        with wave.open(temporary, "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(sample_rate)
            out.writeframes(samples.tobytes() if _little_endian() else _swapped(samples))
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def default_sound_dir() -> Path:
    """The per-user cache folder for the generated beeps."""
    return Path(platformdirs.user_cache_dir("workout-player", "workout-player")) / "sounds"


def beep_files(folder: Path | None = None) -> dict[BeepKind, Path]:
    """Each beep's WAV file, written into `folder` (default: the cache) when missing.

    Falls back to the system's temporary folder when the cache cannot be written.
    """
    folder = folder or default_sound_dir()
    try:
        return _ensure(folder)
    except OSError:
        return _ensure(Path(tempfile.gettempdir()) / "workout-player-sounds")


def _ensure(folder: Path) -> dict[BeepKind, Path]:
    files: dict[BeepKind, Path] = {}
    for kind in BEEP_KINDS:
        path = folder / f"{kind}-v{VERSION}.wav"
        if not _looks_complete(path, BEEPS[kind]):
            write_wav(path, BEEPS[kind])
        files[kind] = path
    return files


def _looks_complete(path: Path, tones: tuple[Tone, ...]) -> bool:
    expected = 44 + 2 * sum(round(t.seconds * SAMPLE_RATE) for t in tones)
    try:
        return path.stat().st_size == expected
    except OSError:
        return False


def _little_endian() -> bool:
    return array("h", [1]).tobytes()[0] == 1


def _swapped(samples: array[int]) -> bytes:
    copy = array("h", samples)
    copy.byteswap()
    return copy.tobytes()
