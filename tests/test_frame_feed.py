"""FrameFeed: how QtPlayer's clock follows the pictures its video sink receives (fake clock)."""

from __future__ import annotations

import pytest

from workout_player.domain.clock import FakeClock, MediaClock
from workout_player.playback.frame_feed import BACKWARD_JUMP, SEEK_WINDOW, FrameFeed

FRAME = 1 / 30


@pytest.fixture
def mono() -> FakeClock:
    return FakeClock(1000.0)


@pytest.fixture
def clock(mono: FakeClock) -> MediaClock:
    made = MediaClock(mono.now)
    made.set_playing(True)
    return made


def play_frames(
    feed: FrameFeed, clock: MediaClock, mono: FakeClock, first: int, count: int
) -> None:
    """Pictures first..first+count-1 arriving on time, one a frame apart."""
    for number in range(first, first + count):
        feed.picture(clock, number * FRAME, (number + 1) * FRAME, True)
        mono.advance(FRAME)


def held_seek(feed: FrameFeed, clock: MediaClock, target: float) -> None:
    """What QtPlayer.seek does while pictures play."""
    clock.seek(target)
    feed.hold(clock, target)


def test_pictures_on_time_keep_the_clock_on_them(clock: MediaClock, mono: FakeClock) -> None:
    feed = FrameFeed()
    play_frames(feed, clock, mono, 0, 30)
    assert feed.seen
    assert clock.now() == pytest.approx(30 * FRAME, abs=1e-9)


def test_after_a_seek_the_clock_holds_until_the_picture_at_the_target(
    clock: MediaClock, mono: FakeClock
) -> None:
    feed = FrameFeed()
    play_frames(feed, clock, mono, 0, 10)
    held_seek(feed, clock, 30.0)
    assert feed.holding and not clock.playing
    # A picture from before the seek, still on its way: passed over.
    feed.picture(clock, 10 * FRAME, 11 * FRAME, True)
    mono.advance(0.004)
    # Pre-roll: the frame that ends at the target shows a moment before the one there.
    feed.picture(clock, 899 * FRAME, 900 * FRAME, True)
    assert feed.holding and not clock.playing
    assert clock.now() == pytest.approx(30.0)
    mono.advance(0.001)
    feed.picture(clock, 900 * FRAME, 901 * FRAME, True)
    assert not feed.holding and clock.playing
    assert clock.now() == pytest.approx(30.0)
    mono.advance(FRAME)
    assert clock.now() == pytest.approx(30.0 + FRAME)


def test_a_target_between_frames_starts_on_the_frame_that_covers_it(
    clock: MediaClock, mono: FakeClock
) -> None:
    feed = FrameFeed()
    play_frames(feed, clock, mono, 0, 10)
    target = 900 * FRAME + FRAME / 3
    held_seek(feed, clock, target)
    feed.picture(clock, 899 * FRAME, 900 * FRAME, True)
    assert feed.holding
    feed.picture(clock, 900 * FRAME, 901 * FRAME, True)
    assert not feed.holding
    assert clock.now() == pytest.approx(900 * FRAME)  # the picture's own time


def test_without_end_times_only_a_picture_from_the_target_on_starts_the_clock(
    clock: MediaClock, mono: FakeClock
) -> None:
    feed = FrameFeed()
    play_frames(feed, clock, mono, 0, 10)
    held_seek(feed, clock, 30.0)
    feed.picture(clock, 899 * FRAME, None, True)
    assert feed.holding
    feed.picture(clock, 30.0, None, True)
    assert not feed.holding and clock.now() == pytest.approx(30.0)


def test_a_picture_far_from_the_target_never_ends_the_hold(
    clock: MediaClock, mono: FakeClock
) -> None:
    feed = FrameFeed()
    play_frames(feed, clock, mono, 0, 10)
    held_seek(feed, clock, 20.0)
    for start in (20.0 - SEEK_WINDOW - 0.1, 20.0 + SEEK_WINDOW + 0.1):
        feed.picture(clock, start, start + FRAME, True)
        assert feed.holding and clock.now() == pytest.approx(20.0)


def test_a_seek_while_the_person_paused_ends_the_hold_frozen(
    clock: MediaClock, mono: FakeClock
) -> None:
    feed = FrameFeed()
    play_frames(feed, clock, mono, 0, 10)
    held_seek(feed, clock, 5.0)
    feed.picture(clock, 5.0, 5.0 + FRAME, False)
    assert not feed.holding and not clock.playing
    mono.advance(1.0)
    assert clock.now() == pytest.approx(5.0)


def test_released_after_a_pause_the_next_picture_is_news_again(
    clock: MediaClock, mono: FakeClock
) -> None:
    feed = FrameFeed()
    play_frames(feed, clock, mono, 0, 10)
    held_seek(feed, clock, 5.0)
    feed.release()
    assert not feed.holding
    clock.set_playing(True)
    feed.picture(clock, 5.0, 5.0 + FRAME, True)
    assert clock.now() == pytest.approx(5.0)


def test_a_loop_restarting_jumps_back_and_passes_over_pictures_from_before_it(
    clock: MediaClock, mono: FakeClock
) -> None:
    feed = FrameFeed()
    play_frames(feed, clock, mono, 300, 10)  # at 10 s
    feed.picture(clock, 0.0, FRAME, True)  # the loop starts again
    assert clock.now() == pytest.approx(0.0)
    mono.advance(FRAME)
    feed.picture(clock, 310 * FRAME, 311 * FRAME, True)  # late, from before the restart
    assert clock.now() == pytest.approx(FRAME)


def test_a_picture_a_little_behind_is_smoothed_not_jumped_to(
    clock: MediaClock, mono: FakeClock
) -> None:
    feed = FrameFeed()
    play_frames(feed, clock, mono, 0, 30)
    before = clock.now()
    late = before - BACKWARD_JUMP / 2
    feed.picture(clock, late, late + FRAME, True)
    assert clock.now() == pytest.approx(before)  # no jump; it slews towards it


def test_the_position_feeds_the_clock_only_until_a_picture_comes(
    clock: MediaClock, mono: FakeClock
) -> None:
    feed = FrameFeed()
    feed.position(clock, 2.0)  # audio only, or no picture yet
    assert clock.now() == pytest.approx(2.0)
    feed.reset()
    clock.seek(0.0)
    feed.picture(clock, 0.0, FRAME, True)
    mono.advance(0.1)
    feed.position(clock, 0.05)  # QMediaPlayer's position, behind the picture: ignored
    mono.advance(0.1)
    assert clock.now() == pytest.approx(0.2)  # fed, it would have slowed to 0.15
    feed.reset()
    assert not feed.seen


@pytest.mark.parametrize(
    ("reported", "playing", "resumed_at"),
    [
        (30.4, True, 30.4),  # the player's own report near the target: run on from it
        (2.0, True, 30.0),  # a report from before the seek: run on from the target
        (30.4, False, 30.4),  # paused meanwhile: placed, not running
    ],
)
def test_a_hold_no_picture_ends_lets_the_position_end_it_after_the_limit(
    clock: MediaClock, mono: FakeClock, reported: float, playing: bool, resumed_at: float
) -> None:
    """The video track stops before the sound (or a stretch is broken): cues must go on."""
    from workout_player.playback.frame_feed import HOLD_LIMIT

    feed = FrameFeed(mono.now)
    play_frames(feed, clock, mono, 0, 10)
    held_seek(feed, clock, 30.0)
    mono.advance(HOLD_LIMIT - 0.01)
    feed.position(clock, reported, playing)
    assert feed.holding and not clock.playing, "a hold is not ended before the limit"
    assert clock.now() == pytest.approx(30.0)
    mono.advance(0.02)
    feed.position(clock, reported, playing)
    assert not feed.holding and clock.playing is playing
    assert clock.now() == pytest.approx(resumed_at)
    if playing:
        mono.advance(0.5)
        assert clock.now() == pytest.approx(resumed_at + 0.5, abs=0.05)
