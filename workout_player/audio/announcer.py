"""Beeps and voice behind one small interface: the real one (Qt) and a recording one (tests).

The real announcer never blocks and never raises: without a sound card (CI, a muted
laptop) beeps are quietly off, and without a speech engine the voice is quietly off.
`beep_problem` and `voice_problem` say why, for the settings dialog.
"""

from __future__ import annotations

import ctypes.util
import logging
import sys
import time
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, QUrl
from PySide6.QtMultimedia import QAudio, QMediaDevices, QSoundEffect
from PySide6.QtTextToSpeech import QTextToSpeech

from workout_player.audio import speechd
from workout_player.audio.beeps import BEEP_KINDS, BeepKind, beep_files
from workout_player.audio.settings import SoundSettings

log = logging.getLogger(__name__)

#: Without a sound output, how often a beep looks again for one (plugged in since).
DEVICE_RECHECK_SECONDS = 5.0

NO_SOUND_DEVICE = "Beeps are off: no sound output was found. Plug in speakers or headphones."
NO_VOICE = (
    "Voice is off: no speech engine was found. On Linux install speech-dispatcher "
    "(sudo apt install speech-dispatcher) and restart."
)


class Announcer(Protocol):
    """What the session screen needs: a beep of a kind, a spoken cue, and the settings."""

    def beep(self, kind: BeepKind) -> None: ...
    def say(self, text: str) -> None: ...
    def apply(self, settings: SoundSettings) -> None: ...


def wants(settings: SoundSettings, kind: BeepKind) -> bool:
    """Whether `settings` let a beep of `kind` sound (ticks have their own switch)."""
    return settings.beeps and (kind != "tick" or settings.ticks)


def default_engine() -> str | None:
    """The speech engine to use: speechd where it can load, else the platform's own."""
    engines = [name for name in QTextToSpeech.availableEngines() if name != "mock"]
    if "speechd" in engines and sys.platform.startswith("linux"):
        # Qt's speechd plug-in is always shipped, but loading it without libspeechd
        # fails with a critical log line and an engine in Error: do not even try.
        if ctypes.util.find_library("speechd") is None:
            engines.remove("speechd")
        else:
            return "speechd"
    return engines[0] if engines else None


class QtAnnouncer(QObject):
    """Beeps through QSoundEffect (generated WAVs), voice through QTextToSpeech.

    `engine` picks a QTextToSpeech engine by name ("mock" in tests); None picks the
    platform's (see default_engine). Both are set up at construction so the first cue of
    a session is not late.
    """

    def __init__(
        self,
        parent: QObject | None = None,
        settings: SoundSettings | None = None,
        *,
        engine: str | None = None,
        sound_dir: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings or SoundSettings()
        self.beep_problem: str | None = None
        self.voice_problem: str | None = None
        self._sound_dir = sound_dir
        self._effects: dict[BeepKind, QSoundEffect] = {}
        self._speech: QTextToSpeech | None = None
        self._next_device_check = 0.0
        self._load_beeps()
        self._start_voice(engine)
        self.apply(self.settings)

    # -- the Announcer interface ---------------------------------------------------------

    def beep(self, kind: BeepKind) -> None:
        if not wants(self.settings, kind):
            return
        if not self._effects and time.monotonic() >= self._next_device_check:
            self._load_beeps()  # speakers may have been plugged in since
        effect = self._effects.get(kind)
        if effect is None or effect.status() == QSoundEffect.Status.Error:
            return
        effect.play()  # asynchronous: returns at once

    def say(self, text: str) -> None:
        speech = self._speech
        if not self.settings.voice or speech is None or not text.strip():
            return
        if speech.state() == QTextToSpeech.State.Error:
            return
        speech.say(text)  # asynchronous; a new cue replaces one still being spoken

    def apply(self, settings: SoundSettings) -> None:
        self.settings = settings
        level = self._linear_volume(settings.volume)
        for effect in self._effects.values():
            effect.setVolume(level)
        if self._speech is not None:
            self._speech.setVolume(settings.volume / 100.0)

    # -- set-up --------------------------------------------------------------------------

    def _load_beeps(self) -> None:
        # Without an output device QSoundEffect only logs errors on every sound: skip it.
        # Asking for the devices takes ~15 ms on the GUI thread, so a machine without any
        # asks again at most every few seconds, not at every beep of a countdown.
        self._next_device_check = time.monotonic() + DEVICE_RECHECK_SECONDS
        if not QMediaDevices.audioOutputs():
            self.beep_problem = NO_SOUND_DEVICE
            return
        try:
            files = beep_files(self._sound_dir)
        except OSError as exc:
            self.beep_problem = f"Beeps are off: the sound files could not be written ({exc})."
            return
        self.beep_problem = None
        level = self._linear_volume(self.settings.volume)
        for kind in BEEP_KINDS:
            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(files[kind])))
            effect.setVolume(level)
            self._effects[kind] = effect

    def _start_voice(self, engine: str | None) -> None:
        name = engine if engine is not None else default_engine()
        if name is None or name not in QTextToSpeech.availableEngines():
            self.voice_problem = NO_VOICE
            return
        if name == "speechd" and speechd.not_answering():
            # Making the engine would block in connect() for as long as the service hangs.
            self.voice_problem = speechd.NOT_ANSWERING
            log.warning("speech-dispatcher does not answer: the voice is off")
            return
        speech = QTextToSpeech(name, self)
        if speech.state() == QTextToSpeech.State.Error:
            self.voice_problem = f"{NO_VOICE} ({speech.errorString() or name})"
            log.info("speech engine %s failed: %s", name, speech.errorString())
            speech.deleteLater()
            return
        speech.stateChanged.connect(self._on_speech_state)
        self._speech = speech

    def _on_speech_state(self, state: QTextToSpeech.State) -> None:
        if state == QTextToSpeech.State.Error and self._speech is not None:
            self.voice_problem = f"Voice stopped: {self._speech.errorString()}"

    @staticmethod
    def _linear_volume(volume: int) -> float:
        # The slider is perceptual; QSoundEffect wants a linear gain.
        return float(
            QAudio.convertVolume(
                max(0, min(100, volume)) / 100.0,
                QAudio.VolumeScale.LogarithmicVolumeScale,
                QAudio.VolumeScale.LinearVolumeScale,
            )
        )


class RecordingAnnouncer:
    """Records what would be heard, for tests: `events` holds ("beep", kind) and ("say", text).

    It records every call as made; it does not apply the settings' switches, so a test
    can see exactly what its caller asked for. `settings` is the last applied.
    """

    def __init__(self) -> None:
        self.events: list[tuple[str, str]] = []
        self.settings = SoundSettings()

    def beep(self, kind: BeepKind) -> None:
        self.events.append(("beep", kind))

    def say(self, text: str) -> None:
        self.events.append(("say", text))

    def apply(self, settings: SoundSettings) -> None:
        self.settings = settings

    def beeps(self) -> list[str]:
        return [value for what, value in self.events if what == "beep"]

    def spoken(self) -> list[str]:
        return [value for what, value in self.events if what == "say"]
