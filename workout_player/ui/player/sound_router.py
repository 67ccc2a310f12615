"""Sound routing: the session's sounds, when they fall due, to the announcer the person hears.

The SoundSchedule (domain.sounds) decides *when* each beep and cue is due, on the
clock active time runs on; this router decides *whether* it is heard (mute, the
voice/beeps/ticks switches of the sound settings) and hands it to the announcer.
"""

from __future__ import annotations

from collections.abc import Sequence

from workout_player.audio import Announcer, SoundSettings
from workout_player.domain.clock import Clock
from workout_player.domain.session import Event
from workout_player.domain.sounds import Sound, SoundSchedule, Speech


class SoundRouter:
    """Feeds engine events to the schedule and plays what is due through the announcer."""

    def __init__(self, announcer: Announcer, settings: SoundSettings, clock: Clock) -> None:
        self.announcer = announcer
        self.settings = settings
        self.muted = False
        self.schedule = SoundSchedule(clock, settings.cue_offset_ms)
        announcer.apply(settings)

    @property
    def lead(self) -> float:
        """How much earlier the countdown beeps come (the cue offset), for the engine."""
        return self.schedule.lead

    @property
    def pending(self) -> bool:
        """Sounds still to come (delayed by the cue offset past the end, say)."""
        return bool(self.schedule.pending)

    def apply(self, settings: SoundSettings) -> None:
        self.settings = settings
        self.announcer.apply(settings)
        self.schedule.offset_ms = settings.cue_offset_ms

    def hear(self, events: Sequence[Event], *, paused: bool) -> None:
        """The engine's events become sounds; those already due are played at once."""
        self.schedule.hear(events)
        self.play_due(paused=paused)

    def play_due(self, *, paused: bool) -> None:
        for sound in self.schedule.due(paused=paused):
            self._play(sound)

    def clear(self) -> None:
        self.schedule.clear()

    def _play(self, sound: Sound) -> None:
        """A sound whose time has come, if its kind is switched on and sound is not muted."""
        if self.muted:
            return
        if isinstance(sound, Speech):
            if self.settings.voice:
                self.announcer.say(sound.text)
        elif self.settings.beeps and (sound.kind != "tick" or self.settings.ticks):
            self.announcer.beep(sound.kind)
