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
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QTimer, QUrl, Signal
from PySide6.QtMultimedia import QAudio, QMediaDevices, QSoundEffect
from PySide6.QtTextToSpeech import QTextToSpeech

from workout_player.audio import speechd
from workout_player.audio.beeps import BEEP_KINDS, BeepKind, beep_files
from workout_player.audio.settings import SoundSettings

if TYPE_CHECKING:
    from workout_player.audio.voice_thread import VoiceThread

log = logging.getLogger(__name__)

#: Without a sound output, how often a beep looks again for one (plugged in since).
DEVICE_RECHECK_SECONDS = 5.0
#: A cue asked for while the speech engine was still starting is said once it is there,
#: unless it is older than this (by then the session has moved on).
PENDING_SECONDS = 3.0
#: speech-dispatcher started by the app: how long to wait for its socket, how often to look.
SPAWN_WAIT_SECONDS = 10.0
SPAWN_POLL_MS = 50

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
    a session is not late. The speech engine lives on its own thread (audio/voice_thread.py):
    `voice_ready` says when it is there or failed, `speech_state_changed` relays its state.
    A cue asked for before it is there is said then, unless older than PENDING_SECONDS.
    """

    voice_ready = Signal()
    speech_state_changed = Signal(object)

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
        self._voice: VoiceThread | None = None
        """The speech engine's thread (audio/voice_thread.py), None when the voice is off."""
        self._voice_ready = False
        self._awaiting = False
        """speech-dispatcher was started by the app and its socket is awaited."""
        self._pending: tuple[str, float] | None = None
        """The last cue asked for while the engine was still being made, and when."""
        self.speech_state: QTextToSpeech.State | None = None
        """The engine's state as it last reported it (None before it spoke)."""
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
        voice = self._voice
        if not self.settings.voice or not text.strip():
            return
        if self.speech_state == QTextToSpeech.State.Error:
            return
        if voice is None or not self._voice_ready:
            if voice is not None or self._awaiting:
                self._pending = (text, time.monotonic())  # said once the engine is there
            return
        voice.say(text)  # queued to the voice thread; never waits

    def apply(self, settings: SoundSettings) -> None:
        self.settings = settings
        level = self._linear_volume(settings.volume)
        for effect in self._effects.values():
            effect.setVolume(level)
        if self._voice is not None and self._voice_ready:
            self._voice.set_volume(settings.volume / 100.0)

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
        path = speechd.missing_socket() if name == "speechd" else None
        if path is not None and speechd.spawn(path):
            self._awaiting = True
            self._await_service(name, path, time.monotonic() + SPAWN_WAIT_SECONDS)
            return
        self._make_voice(name)

    def _await_service(self, name: str, path: Path, deadline: float) -> None:
        """The engine is made once the service we started answers. One whose socket came
        but does not answer, or that did not start in time, turns the voice off: making
        the engine then would block inside libspeechd, for good."""
        if path.exists():
            if speechd.not_answering():
                self._voice_off(speechd.NOT_ANSWERING)
            else:
                self._make_voice(name)
        elif time.monotonic() >= deadline:
            self._voice_off(speechd.DID_NOT_START)
        else:
            QTimer.singleShot(SPAWN_POLL_MS, lambda: self._await_service(name, path, deadline))

    def _voice_off(self, problem: str) -> None:
        self._awaiting = False
        self._pending = None
        self.voice_problem = problem
        log.warning("%s", problem)
        self.voice_ready.emit()

    def _make_voice(self, name: str) -> None:
        from workout_player.audio.voice_thread import VoiceThread

        self._awaiting = False
        voice = VoiceThread(name, self)
        voice.ready.connect(lambda problem: self._voice_started(name, problem))
        voice.state_changed.connect(self._on_speech_state)
        self._voice = voice

    def _voice_started(self, name: str, problem: str) -> None:
        voice = self._voice
        if problem or voice is None:
            self.voice_problem = f"{NO_VOICE} ({problem or name})"
            log.info("speech engine %s failed: %s", name, problem)
            self._voice = None
        else:
            self._voice_ready = True
            voice.set_volume(self.settings.volume / 100.0)
            pending, self._pending = self._pending, None
            if pending is not None and time.monotonic() - pending[1] <= PENDING_SECONDS:
                self.say(pending[0])
        self.voice_ready.emit()

    def _on_speech_state(self, state: QTextToSpeech.State, error: str) -> None:
        self.speech_state = state
        if state == QTextToSpeech.State.Error:
            self.voice_problem = f"Voice stopped: {error}"
        self.speech_state_changed.emit(state)

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
