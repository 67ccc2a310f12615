"""Clocks for the session engine: the system's, a fake one for tests, and the video's.

The engine never reads the time itself; it asks a `Clock`. Timer-led sessions
run on `SystemClock` (tests and the fast benchmark use `FakeClock`).
Video-led sessions run on the player's `MediaClock`, which turns the coarse
times libvlc reports into a smooth media time:

- libvlc 3 reports the playback time in steps of roughly 250-500 ms, and each
  report arrives a little after the frame it describes. A cue that fires on
  the raw value is late by up to half a second, so between two reports the
  clock *interpolates*: it takes the last report as an anchor and adds the
  monotonic time since then, times the playback rate.
- Every reported change re-anchors. A report that repeats the previous value
  carries no news and is ignored (re-anchoring on it would pull the clock back).
- During normal play the clock never jumps backwards. A report behind the
  interpolated value (the usual case, since reports are late) becomes an
  offset that is *slewed* away: the clock keeps moving forward, only more
  slowly (at `1 - SLEW_FRACTION` of the rate) until it meets the reports. A
  report ahead of it is absorbed the same way, a little faster. Only a
  discrepancy larger than `REANCHOR_THRESHOLD` (someone seeked, the player
  stalled) re-anchors directly, in either direction.
- `set_playing(False)` freezes the value; playing again resumes from the
  frozen value, not from the last report. Small reports while paused are
  ignored; a large one (a seek while paused) is followed.
- `seek()` jumps at once. Reports from before the seek can still arrive for a
  moment afterwards; until a report agrees with the new position (or
  `SEEK_GRACE` seconds pass) reports far from it are dropped.
- `set_rate()` re-anchors at the current value, so the new rate applies from
  now on without a jump.

The clock cannot see the picture. After a start or a seek libvlc needs a moment
(25-60 ms measured) before the picture at the new position appears and moves, and
its next report comes only ~0.5 s later; a clock that ran from the start/seek call
would be ahead of the picture by that moment until then. So the video player holds
the clock at the new position for `StartupDelay.seconds` before letting it run,
and `StartupDelay` learns that delay from the first report after each hold.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import Protocol


class Clock(Protocol):
    """Anything with a `now()` in seconds."""

    def now(self) -> float:
        """Seconds; never goes backwards while running."""
        ...


class SystemClock:
    """The monotonic system clock."""

    def now(self) -> float:
        return time.monotonic()


class FakeClock:
    """A clock that moves only when told to: for tests and the fast benchmark."""

    def __init__(self, start: float = 0.0) -> None:
        self._t = float(start)

    def now(self) -> float:
        return self._t

    def advance(self, seconds: float) -> None:
        if seconds < 0 or not math.isfinite(seconds):
            raise ValueError(f"a fake clock advances by a finite amount >= 0, got {seconds!r}")
        self._t += seconds

    def set(self, t: float) -> None:
        """Jump to `t` (may go backwards: a scripted media time can seek)."""
        if not math.isfinite(t):
            raise ValueError(f"a fake clock's time must be finite, got {t!r}")
        self._t = float(t)


REANCHOR_THRESHOLD = 0.3
"""Seconds of disagreement between a report and the clock beyond which it jumps."""
SLEW_FRACTION = 0.5
"""Share of the playback rate used to absorb a small disagreement."""
SEEK_GRACE = 1.0
"""Monotonic seconds after a seek during which far-off (stale) reports are dropped."""


class MediaClock:
    """Interpolates a coarse media time (libvlc: steps of 250-500 ms) with a monotonic clock."""

    def __init__(self, monotonic: Callable[[], float] = time.monotonic) -> None:
        self._monotonic = monotonic
        self._anchor_media = 0.0
        self._anchor_mono = monotonic()
        self._offset = 0.0
        """Clock minus reports at the anchor; slewed towards 0 as time passes."""
        self._playing = False
        self._rate = 1.0
        self._last_report: float | None = None
        self._seek_until: float | None = None

    @property
    def playing(self) -> bool:
        return self._playing

    @property
    def rate(self) -> float:
        return self._rate

    def now(self) -> float:
        """Interpolated media seconds."""
        return self._value(self._monotonic())

    def report(self, media_seconds: float) -> None:
        """Every time libvlc reports a new time."""
        if not math.isfinite(media_seconds):
            return
        media_seconds = max(0.0, media_seconds)
        if media_seconds == self._last_report:
            return
        self._last_report = media_seconds
        mono = self._monotonic()
        current = self._value(mono)
        difference = current - media_seconds
        if self._seek_until is not None:
            if abs(difference) > REANCHOR_THRESHOLD and mono < self._seek_until:
                return  # a report from before the seek
            self._seek_until = None
        if abs(difference) > REANCHOR_THRESHOLD:
            self._anchor(media_seconds, mono)
        elif self._playing:
            self._anchor(media_seconds, mono, offset=difference)
        # Paused: the frozen value stands; a small late report must not move it.

    def set_playing(self, playing: bool) -> None:
        """Freeze on pause; resume from the frozen value."""
        if playing == self._playing:
            return
        mono = self._monotonic()
        self._anchor(self._value(mono), mono)
        self._playing = playing

    def seek(self, media_seconds: float) -> None:
        """Jump at once."""
        if not math.isfinite(media_seconds):
            return
        mono = self._monotonic()
        self._anchor(max(0.0, media_seconds), mono)
        self._last_report = None
        self._seek_until = mono + SEEK_GRACE

    def set_rate(self, rate: float) -> None:
        if not (math.isfinite(rate) and rate > 0):
            raise ValueError(f"the playback rate must be a number > 0, got {rate!r}")
        mono = self._monotonic()
        self._anchor(self._value(mono), mono)
        self._rate = float(rate)

    def _anchor(self, media: float, mono: float, offset: float = 0.0) -> None:
        self._anchor_media = media
        self._anchor_mono = mono
        self._offset = offset

    def _value(self, mono: float) -> float:
        if not self._playing:
            return self._anchor_media + self._offset
        since = max(0.0, mono - self._anchor_mono)
        # The offset shrinks linearly to 0 at SLEW_FRACTION of the rate.
        absorbed = min(abs(self._offset), since * self._rate * SLEW_FRACTION)
        offset = math.copysign(abs(self._offset) - absorbed, self._offset)
        return self._anchor_media + since * self._rate + offset


STARTUP_DELAY = 0.035
"""First guess at the seconds from a start or seek until the picture moves (libvlc 3)."""
STARTUP_DELAY_LIMIT = 0.3
"""A measured delay beyond this is a stall, not a start-up: it is not learned."""
STARTUP_TOLERANCE = 0.03
"""A measured delay down to minus this is 0 (the report took a moment to arrive); below it,
the report is from before the seek."""
STARTUP_DELAY_WEIGHT = 0.5
"""Share of a new measurement in the learned delay: follows a change within a few seeks."""


def startup_delay(
    held_at: float, target: float, reported_at: float, reported: float, rate: float
) -> float:
    """Seconds from a start or seek (at monotonic `held_at`, to media `target`) until the
    picture moved, from the first report past `target`: `reported - target` media seconds
    had passed when it arrived at `reported_at`."""
    return (reported_at - held_at) - (reported - target) / rate


class StartupDelay:
    """Learns how long a player takes from a start or seek until its picture moves.

    The player holds its MediaClock at the new position for `seconds`, then lets it run;
    the first report past that position measures the real delay (`startup_delay()`).
    """

    def __init__(self, initial: float = STARTUP_DELAY) -> None:
        if not (math.isfinite(initial) and 0.0 <= initial <= STARTUP_DELAY_LIMIT):
            raise ValueError(
                f"a start-up delay is 0 to {STARTUP_DELAY_LIMIT} seconds, got {initial!r}"
            )
        self._seconds = float(initial)

    @property
    def seconds(self) -> float:
        """How long to hold the clock at the next start or seek."""
        return self._seconds

    def learn(self, measured: float) -> bool:
        """Move towards a measured delay; False (nothing learned) for a stall or nonsense."""
        if not (math.isfinite(measured) and -STARTUP_TOLERANCE <= measured <= STARTUP_DELAY_LIMIT):
            return False
        self._seconds += STARTUP_DELAY_WEIGHT * (max(0.0, measured) - self._seconds)
        return True
