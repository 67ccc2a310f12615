"""Clocks: the fake one, the system's, and MediaClock against a scripted coarse, late media time."""

from __future__ import annotations

import itertools
import math
import random
from dataclasses import dataclass, field

import pytest

from workout_player.domain.clock import FakeClock, MediaClock, SystemClock


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
