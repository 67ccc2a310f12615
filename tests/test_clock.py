"""Clocks: the fake one, the system's, and MediaClock against a scripted coarse, late media time."""

from __future__ import annotations

import itertools
import math
import random
from dataclasses import dataclass, field

import pytest

from workout_player.domain.clock import (
    STARTUP_DELAY,
    FakeClock,
    MediaClock,
    StartupDelay,
    SystemClock,
    startup_delay,
)


def test_fake_clock_moves_only_when_told() -> None:
    clock = FakeClock(5.0)
    assert clock.now() == 5.0
    clock.advance(1.5)
    assert clock.now() == 6.5
    clock.set(2.0)
    assert clock.now() == 2.0
    with pytest.raises(ValueError, match="advances by a finite amount"):
        clock.advance(-1.0)
    with pytest.raises(ValueError, match="finite"):
        clock.set(math.nan)


def test_system_clock_never_goes_backwards() -> None:
    clock = SystemClock()
    readings = [clock.now() for _ in range(1000)]
    assert readings == sorted(readings)


@dataclass
class CoarsePlayer:
    """A scripted libvlc: true media time runs at `rate`; it reports that time every
    250-500 ms, and each report describes a moment 20-120 ms before it arrives."""

    clock: MediaClock
    mono: FakeClock
    rate: float = 1.0
    media: float = 0.0
    playing: bool = True
    rng: random.Random = field(default_factory=lambda: random.Random(7))
    history: list[tuple[float, float]] = field(default_factory=list)
    next_report: float = 0.0
    last_reported: float = 0.0

    def true_time(self, at: float | None = None) -> float:
        """Media time at monotonic time `at` (now by default)."""
        if at is None:
            return self.media
        for mono, media in reversed(self.history):
            if mono <= at:
                return media + (self.rate * (at - mono) if self.playing else 0.0)
        return 0.0

    def step(self, seconds: float) -> None:
        """Advance by `seconds` and deliver any report that falls due."""
        self.history.append((self.mono.now(), self.media))
        self.mono.advance(seconds)
        if self.playing:
            self.media += self.rate * seconds
        if self.mono.now() >= self.next_report:
            lag = self.rng.uniform(0.02, 0.12)
            self.last_reported = self.true_time(self.mono.now() - lag)
            self.clock.report(self.last_reported)
            self.next_report = self.mono.now() + self.rng.uniform(0.25, 0.5)


def player(rate: float = 1.0) -> CoarsePlayer:
    mono = FakeClock(1000.0)
    clock = MediaClock(mono.now)
    clock.set_playing(True)
    if rate != 1.0:
        clock.set_rate(rate)
    return CoarsePlayer(clock, mono, rate=rate)


def play(p: CoarsePlayer, seconds: float) -> tuple[list[float], list[float], list[float]]:
    """Play for `seconds` in 10 ms steps: (clock readings, errors, raw report errors)."""
    readings, errors, raw = [], [], []
    for _ in range(round(seconds / 0.01)):
        p.step(0.01)
        readings.append(p.clock.now())
        errors.append(abs(readings[-1] - p.media))
        raw.append(abs(p.last_reported - p.media))
    return readings, errors, raw


@pytest.mark.parametrize("rate", [1.0, 0.5, 1.5])
def test_interpolation_is_smooth_close_and_better_than_the_raw_reports(rate: float) -> None:
    p = player(rate)
    play(p, 2.0)  # settle on the first reports
    readings, errors, raw = play(p, 30.0)
    assert all(b >= a for a, b in itertools.pairwise(readings))
    assert max(errors) < 0.3 * max(rate, 1.0)
    assert sum(errors) / len(errors) < 0.5 * sum(raw) / len(raw)


def test_pause_freezes_and_resume_continues_from_the_frozen_value() -> None:
    p = player()
    play(p, 5.0)
    p.playing = False
    p.clock.set_playing(False)
    frozen = p.clock.now()
    readings, _, _ = play(p, 3.0)  # late reports from just before the pause keep coming
    assert readings == [frozen] * len(readings)
    p.playing = True
    p.clock.set_playing(True)
    p.history.append((p.mono.now(), p.media))
    p.mono.advance(0.5)
    p.media += 0.5
    assert p.clock.now() == pytest.approx(frozen + 0.5)
    readings, errors, _ = play(p, 5.0)
    assert all(b >= a for a, b in itertools.pairwise(readings))
    assert max(errors) < 0.3


def test_seek_jumps_at_once_and_ignores_stale_reports() -> None:
    p = player()
    play(p, 10.0)
    p.clock.seek(60.0)
    assert p.clock.now() == 60.0
    p.clock.report(9.8)  # a report from before the seek arrives late
    assert p.clock.now() == 60.0
    p.mono.advance(0.3)
    p.clock.report(60.25)
    assert p.clock.now() == pytest.approx(60.3, abs=0.06)


def test_seek_backwards_then_play_on() -> None:
    p = player()
    play(p, 10.0)
    p.media = 2.0
    p.history.clear()
    p.clock.seek(2.0)
    assert p.clock.now() == 2.0
    readings, errors, _ = play(p, 5.0)
    assert readings[0] >= 2.0
    assert max(errors) < 0.3


def test_a_far_report_after_the_seek_grace_is_followed() -> None:
    mono = FakeClock()
    clock = MediaClock(mono.now)
    clock.set_playing(True)
    clock.seek(30.0)
    mono.advance(2.0)
    clock.report(80.0)  # someone else seeked the video
    assert clock.now() == 80.0


def test_a_large_discrepancy_reanchors_directly_in_either_direction() -> None:
    mono = FakeClock()
    clock = MediaClock(mono.now)
    clock.set_playing(True)
    mono.advance(10.0)
    clock.report(15.0)
    assert clock.now() == 15.0
    clock.report(12.0)
    assert clock.now() == 12.0


def test_a_small_backward_correction_is_slewed_never_jumped() -> None:
    mono = FakeClock()
    clock = MediaClock(mono.now)
    clock.set_playing(True)
    mono.advance(10.0)
    clock.report(9.8)  # 0.2 s behind the interpolation
    assert clock.now() == 10.0
    mono.advance(0.2)
    assert clock.now() == pytest.approx(10.1)  # half speed while absorbing
    mono.advance(0.3)
    assert clock.now() == pytest.approx(10.3)  # caught up: 9.8 + 0.5 s of play
    mono.advance(1.0)
    assert clock.now() == pytest.approx(11.3)


def test_a_small_forward_correction_is_slewed_too() -> None:
    mono = FakeClock()
    clock = MediaClock(mono.now)
    clock.set_playing(True)
    mono.advance(10.0)
    clock.report(10.2)
    assert clock.now() == 10.0
    mono.advance(0.4)
    assert clock.now() == pytest.approx(10.6)


def test_a_repeated_report_carries_no_news() -> None:
    mono = FakeClock()
    clock = MediaClock(mono.now)
    clock.set_playing(True)
    clock.report(1.0)
    mono.advance(0.25)
    clock.report(1.0)  # libvlc said the same again: the video still moved on
    assert clock.now() == pytest.approx(1.25)


def test_rate_change_applies_from_now_without_a_jump() -> None:
    mono = FakeClock()
    clock = MediaClock(mono.now)
    clock.set_playing(True)
    mono.advance(4.0)
    clock.set_rate(0.5)
    assert clock.now() == 4.0
    mono.advance(2.0)
    assert clock.now() == 5.0
    clock.set_rate(1.5)
    mono.advance(2.0)
    assert clock.now() == 8.0
    assert clock.rate == 1.5


def test_bad_values() -> None:
    clock = MediaClock(FakeClock().now)
    with pytest.raises(ValueError, match="rate must be a number > 0"):
        clock.set_rate(0.0)
    clock.report(math.nan)
    clock.seek(math.inf)
    clock.report(-5.0)
    assert clock.now() == 0.0
    assert not clock.playing


# -- start-up delay: the picture needs a moment after a start or seek --------------------------


def test_startup_delay_is_measured_from_the_first_report_past_the_target() -> None:
    # Held at 30.0 from t=100; the report 30.4 arrives at t=100.45: the picture moved at 100.05.
    assert startup_delay(100.0, 30.0, 100.45, 30.4, 1.0) == pytest.approx(0.05)
    assert startup_delay(100.0, 30.0, 100.25, 30.4, 2.0) == pytest.approx(0.05)


def test_startup_delay_learns_towards_measurements_and_ignores_stalls() -> None:
    delay = StartupDelay()
    assert delay.seconds == STARTUP_DELAY
    assert delay.learn(0.055)
    assert delay.seconds == pytest.approx(STARTUP_DELAY + 0.5 * (0.055 - STARTUP_DELAY))
    for _ in range(20):
        delay.learn(0.02)
    assert delay.seconds == pytest.approx(0.02, abs=1e-4)
    assert delay.learn(-0.01)  # a report a little slow to arrive: the picture moved at once
    assert delay.seconds < 0.02
    before = delay.seconds
    assert not delay.learn(2.0)  # a stall, not a start-up
    assert not delay.learn(-1.0)  # a report from before a seek
    assert not delay.learn(math.nan)
    assert delay.seconds == before
    with pytest.raises(ValueError, match="start-up delay is 0 to"):
        StartupDelay(-0.1)


@dataclass
class DelayedPlayer:
    """A scripted libvlc whose picture starts moving `lag` seconds after a start or seek and
    whose reports (every 250-500 ms) give the shown picture's time exactly, like libvlc 3.
    It drives `clock` the way VlcPlayer does: held at the new position for the learned
    StartupDelay, then running; the first report past the position teaches the delay."""

    clock: MediaClock
    mono: FakeClock
    lag: float
    delay: StartupDelay = field(default_factory=StartupDelay)
    rng: random.Random = field(default_factory=lambda: random.Random(3))
    moving_from: float = 0.0  # monotonic time the picture starts (started) moving
    position: float = 0.0  # media time at moving_from
    hold: tuple[float, float] | None = None  # (began, target) until the first report past it
    release_at: float | None = None
    next_report: float = 0.0

    def picture(self) -> float:
        return self.position + max(0.0, self.mono.now() - self.moving_from)

    def start_at(self, media: float) -> None:
        """A start or a seek: the clock jumps and holds; the picture follows after `lag`."""
        now = self.mono.now()
        self.clock.seek(media)
        self.clock.set_playing(False)
        self.position, self.moving_from = media, now + self.lag
        self.hold, self.release_at = (now, media), now + self.delay.seconds
        self.next_report = now + self.rng.uniform(0.25, 0.5)

    def step(self, seconds: float) -> None:
        self.mono.advance(seconds)
        now = self.mono.now()
        if self.release_at is not None and now >= self.release_at:
            self.release_at = None
            self.clock.set_playing(True)
        if now >= self.next_report:
            reported = round(self.picture(), 3)
            if self.hold is not None and reported > self.hold[1]:
                self.delay.learn(startup_delay(*self.hold, now, reported, 1.0))
                self.hold = None
            self.clock.report(reported)
            self.next_report = now + self.rng.uniform(0.25, 0.5)


def test_a_clock_held_for_the_learned_delay_stays_within_a_frame_of_the_picture() -> None:
    mono = FakeClock(50.0)
    p = DelayedPlayer(MediaClock(mono.now), mono, lag=0.05)
    worst_per_start = []
    readings = []
    for target in (0.0, 30.0, 10.0, 60.0, 20.0, 90.0):
        p.start_at(target)
        errors = []
        for _ in range(300):  # 3 s in 10 ms steps
            p.step(0.01)
            readings.append(p.clock.now())
            errors.append(abs(p.clock.now() - p.picture()))
        worst_per_start.append(max(errors))
        assert all(b >= a for a, b in itertools.pairwise(readings[-300:]))
    assert p.delay.seconds == pytest.approx(0.05, abs=0.005)
    # The first start runs on the first guess (released on the next 10 ms step).
    assert 0.005 < worst_per_start[0] <= 0.05 - STARTUP_DELAY + 0.01 + 1e-9
    assert max(worst_per_start[3:]) < 0.005  # learned: a fraction of a frame


def test_without_the_hold_the_clock_runs_ahead_of_the_picture_until_the_next_report() -> None:
    """Why the hold exists: the clock started at the seek is `lag` ahead for ~0.5 s."""
    mono = FakeClock(50.0)
    clock = MediaClock(mono.now)
    clock.set_playing(True)
    clock.seek(30.0)
    mono.advance(0.3)
    picture = 30.0 + 0.3 - 0.05
    assert clock.now() - picture == pytest.approx(0.05)
