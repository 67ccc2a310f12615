"""What the person hears: generated beeps (QtMultimedia) and a voice (QtTextToSpeech).

QtAnnouncer is the real one, RecordingAnnouncer the one tests assert on; both follow the
Announcer protocol. SoundSettings (stored in QSettings) decide what sounds.
"""

from __future__ import annotations

from workout_player.audio.announcer import (
    Announcer,
    QtAnnouncer,
    RecordingAnnouncer,
    default_engine,
    wants,
)
from workout_player.audio.beeps import BEEP_KINDS, BeepKind, beep_files, write_wav
from workout_player.audio.settings import (
    SoundSettings,
    app_settings,
    load_sound_settings,
    save_sound_settings,
)

__all__ = [
    "BEEP_KINDS",
    "Announcer",
    "BeepKind",
    "QtAnnouncer",
    "RecordingAnnouncer",
    "SoundSettings",
    "app_settings",
    "beep_files",
    "default_engine",
    "load_sound_settings",
    "save_sound_settings",
    "wants",
    "write_wav",
]
