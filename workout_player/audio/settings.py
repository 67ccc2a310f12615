"""Sound settings and their storage in QSettings (organisation "workout-player").

`load_sound_settings` and `save_sound_settings` are the one way in and out, for the
settings dialog and the session alike.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any

from PySide6.QtCore import QSettings

ORGANIZATION = "workout-player"
APPLICATION = "Workout Player"
GROUP = "sound"


@dataclass
class SoundSettings:
    """What the person hears. Out-of-range numbers are clamped, so any stored value is safe."""

    voice: bool = True
    beeps: bool = True
    ticks: bool = False  # a click every second or rep phase: off unless asked for
    volume: int = 80  # 0-100, for beeps, voice and the video
    countdown_beeps: int = 3  # 0-5 beeps before work starts and at the end of a rest
    cue_offset_ms: int = 0  # say cues earlier (negative) or later than their time

    def __post_init__(self) -> None:
        self.volume = _clamp(self.volume, 0, 100)
        self.countdown_beeps = _clamp(self.countdown_beeps, 0, 5)
        self.cue_offset_ms = _clamp(self.cue_offset_ms, -5000, 5000)


def app_settings() -> QSettings:
    """The app's own QSettings store (per user, platform's native place)."""
    return QSettings(ORGANIZATION, APPLICATION)


def load_sound_settings(qsettings: QSettings | None = None) -> SoundSettings:
    """Read the settings; anything missing or unreadable keeps its default."""
    store = qsettings if qsettings is not None else app_settings()
    defaults = SoundSettings()
    values: dict[str, Any] = {}
    for field in fields(SoundSettings):
        raw = store.value(f"{GROUP}/{field.name}")
        default = getattr(defaults, field.name)
        values[field.name] = (
            _as_bool(raw, default) if isinstance(default, bool) else (_as_int(raw, default))
        )
    return SoundSettings(**values)


def save_sound_settings(settings: SoundSettings, qsettings: QSettings | None = None) -> None:
    store = qsettings if qsettings is not None else app_settings()
    for name, value in asdict(settings).items():
        store.setValue(f"{GROUP}/{name}", value)
    store.sync()


def _as_bool(raw: object, default: bool) -> bool:
    # INI files give strings back ("true"/"false"); native stores give real bools.
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, str):
        text = raw.strip().lower()
        if text in ("true", "1", "yes", "on"):
            return True
        if text in ("false", "0", "no", "off"):
            return False
    if isinstance(raw, int):
        return raw != 0
    return default


def _as_int(raw: object, default: int) -> int:
    if isinstance(raw, bool) or raw is None:
        return default
    try:
        return int(str(raw).strip())
    except ValueError:
        return default


def _clamp(value: int, low: int, high: int) -> int:
    return max(low, min(high, int(value)))
