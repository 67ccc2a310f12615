"""libvlc embedded in a Qt widget, with its events carried safely into the GUI thread.

libvlc calls event callbacks on its own threads and is not re-entrant. The callbacks here
only copy plain numbers and emit a signal of a QObject living in the GUI thread (queued);
every libvlc call and every MediaClock update happens in the GUI thread.

After a start or a seek the picture takes a moment to appear and move, and libvlc's next
time report is ~0.5 s away: the player holds the clock at the new position for a learned
start-up delay (domain.clock.StartupDelay), then lets it run, so it does not run ahead of
the picture.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from workout_player.domain.clock import STARTUP_TOLERANCE, StartupDelay, startup_delay
from workout_player.playback import _vlc
from workout_player.playback.player import Player
from workout_player.playback.probe import probe_media
from workout_player.playback.surface import VideoSurface, embed
from workout_player.playback.unplayable import ON_TIMER, Unplayable, path_refusal

log = logging.getLogger(__name__)

#: A looping clip repeats this many times (at 30 s a loop: over three weeks).
LOOP_REPEATS = 65535
#: A reported time this far behind the last one is a jump (a loop restarted), not jitter.
BACKWARD_JUMP = 0.5

_live_players: weakref.WeakSet[VlcPlayer] = weakref.WeakSet()


@dataclass
class _Hold:
    """A start or seek whose picture has not been seen moving yet."""

    began: float  # monotonic time of the start (Playing event) or the seek
    target: float  # media seconds the clock is held at
    delay: StartupDelay  # learns from the first report past target
    running: bool = False  # the hold is over and the clock runs; awaiting that report


class PlaybackUnavailableError(RuntimeError):
    """libvlc cannot be used; the message says why and what to do."""


class _EventBridge(QObject):
    """Lives in the GUI thread; libvlc threads emit these, Qt queues them to the GUI thread."""

    time = Signal(int, float)  # generation, seconds
    length = Signal(int, float)
    state = Signal(int, str)  # generation, "playing" | "paused" | "stopped" | "ended" | "error"


class VlcPlayer(Player):
    """Plays a media file with libvlc inside video_widget(), feeding `clock` from its time.

    When a file is missing or libvlc cannot play it, `error` is emitted, `problem` is set and
    the player carries on in timer mode from where it was, so the session keeps running.
    Call close() (or at least stop()) before the widget is destroyed.
    """

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent, monotonic=monotonic)
        vlc = _vlc.vlc_module()
        instance = _vlc.shared_instance()
        if vlc is None or instance is None:
            raise PlaybackUnavailableError(_vlc.vlc_status()[1] or "Video is off.")
        self._vlc = vlc
        self._mp: Any = instance.media_player_new()
        self._instance = instance
        # Keys and clicks on the picture go to Qt (shortcuts, double-click for full screen).
        self._mp.video_set_mouse_input(False)
        self._mp.video_set_key_input(False)
        self._surface = VideoSurface(native=True)
        self._surface.win_id_changed.connect(self._embed)
        self._generation = 0
        self._media: Any = None
        self._media_path: Path | None = None
        self._timer_mode = True  # until a file is loaded
        self._last_time = 0.0
        self._saw_time = False
        self._length: float | None = None
        self._pending_seek: float | None = None
        self._volume: int | None = None
        self._muted: bool | None = None
        self._closed = False
        self._wants_play = False  # the person pressed play: keep time running on a failure
        # Start-up holds: a start from a new position (load, stop, seek while stopped or
        # paused) and a seek while playing take different paths through libvlc.
        self._start_delay = StartupDelay()
        self._seek_delay = StartupDelay()
        self._hold: _Hold | None = None
        self._fresh = True  # the next Playing starts from a new position (not a resume)
        self._hold_timer = QTimer(self)
        self._hold_timer.setSingleShot(True)
        self._hold_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._hold_timer.timeout.connect(self._release_hold)

        self._bridge = _EventBridge()  # no parent: it must outlive nothing but this player
        queued = Qt.ConnectionType.QueuedConnection
        self._bridge.time.connect(self._on_time, queued)
        self._bridge.length.connect(self._on_length, queued)
        self._bridge.state.connect(self._on_state, queued)
        self._events = self._mp.event_manager()
        self._attach_events()
        _live_players.add(self)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.close)

    # -- libvlc thread side: copy values, emit, nothing else ------------------------------

    def _attach_events(self) -> None:
        et = self._vlc.EventType
        bridge = self._bridge

        def on_time(event: Any) -> None:
            bridge.time.emit(self._generation, event.u.new_time / 1000.0)

        def on_length(event: Any) -> None:
            bridge.length.emit(self._generation, event.u.new_length / 1000.0)

        def state(name: str) -> Callable[[Any], None]:
            def on_state(_event: Any) -> None:
                bridge.state.emit(self._generation, name)

            return on_state

        self._events.event_attach(et.MediaPlayerTimeChanged, on_time)
        self._events.event_attach(et.MediaPlayerLengthChanged, on_length)
        self._events.event_attach(et.MediaPlayerPlaying, state("playing"))
        self._events.event_attach(et.MediaPlayerPaused, state("paused"))
        self._events.event_attach(et.MediaPlayerStopped, state("stopped"))
        self._events.event_attach(et.MediaPlayerEndReached, state("ended"))
        self._events.event_attach(et.MediaPlayerEncounteredError, state("error"))
        self._attached = (
            et.MediaPlayerTimeChanged,
            et.MediaPlayerLengthChanged,
            et.MediaPlayerPlaying,
            et.MediaPlayerPaused,
            et.MediaPlayerStopped,
            et.MediaPlayerEndReached,
            et.MediaPlayerEncounteredError,
        )

    # -- GUI thread side ----------------------------------------------------------------------

    def _current(self, generation: int) -> bool:
        """Events queued before a load() or close() belong to a file no longer playing."""
        return not self._closed and not self._timer_mode and generation == self._generation

    def _on_time(self, generation: int, seconds: float) -> None:
        if not self._current(generation):
            return
        if self._hold is not None:
            self._learn_start(seconds)
        if seconds < self._last_time - BACKWARD_JUMP:
            self.clock.seek(seconds)  # a loop restarted: jump, do not smooth backwards
        else:
            self.clock.report(seconds)
        self._last_time = seconds
        self._saw_time = True
        self.time_changed.emit(seconds)

    def _on_length(self, generation: int, seconds: float) -> None:
        if self._current(generation) and seconds > 0:
            self._length = seconds

    def _on_state(self, generation: int, state: str) -> None:
        if not self._current(generation):
            return
        if state == "playing":
            self._apply_audio()
            if self._pending_seek is not None:
                self._mp.set_time(int(self._pending_seek * 1000))
                self._pending_seek = None
            if self._fresh:
                self._fresh = False
                self._begin_hold(self._start_delay)
                self._set_playing_held()
            elif self._hold is None or self._hold.running:
                self._set_playing(True)  # a resume: the picture moves on at once
        elif state in ("paused", "stopped"):
            self._cancel_hold()
            self._set_playing(False)
        elif state == "ended" and (self._saw_time or self._length):
            self._cancel_hold()
            self._set_playing(False)
            self.ended.emit()
        elif state in ("ended", "error"):
            # An "end" before any time passed: libvlc opened the file (text, say) but found
            # nothing to play in it. Either way, the video is not going to be there.
            self._fail(self._why_unplayable())

    # -- the Player interface -----------------------------------------------------------------

    def video_widget(self) -> QWidget:
        return self._surface

    def load(self, path: Path | None, *, loop: bool = False) -> bool:
        if self._closed:
            return False
        self._generation += 1  # drop events still queued for the previous file
        if self._media is not None:
            self._mp.stop()
            self._media.release()
            self._media = None
        self._cancel_hold()
        self._fresh = True
        self._set_playing(False)
        self._wants_play = False
        self._timer_base, self._timer_anchor = 0.0, None
        self._ticker.stop()
        self._last_time = 0.0
        self._saw_time = False
        self._length = None
        self._pending_seek = None
        self.clock.seek(0.0)
        self.problem = None
        self._surface.set_message(None)
        if path is None:
            self._timer_mode = True
            return True
        path = Path(path)
        refusal = path_refusal(path)
        if refusal is not None:
            self._fail(refusal)
            return False
        # Asked before playing: a cut file would play its first part and then "end" (ending
        # a video-led session early), an unknown codec would "end" at once over a black box.
        # A local parse takes milliseconds.
        info = probe_media(path)
        if info.reason is not None and info.reason is not Unplayable.TOO_SLOW and info.error:
            self._media_path = path
            self._fail(f"{info.error} {ON_TIMER}")
            return False
        media = self._instance.media_new_path(str(path))
        if media is None:
            self._fail(f"VLC could not open {path}; exercises go on with the timer.")
            return False
        if loop:
            # libvlc restarts the input itself: no gap, and no call from a callback.
            media.add_option(f"input-repeat={LOOP_REPEATS}")
        self._mp.set_media(media)
        self._media = media
        self._media_path = path
        self._timer_mode = False
        return True

    def play(self) -> None:
        if self._closed:
            return
        if self._timer_mode:
            self._timer_play()
            return
        self._wants_play = True
        self._embed()
        if self._mp.get_state() == self._vlc.State.Ended:
            # libvlc 3 will not start an ended input again until it is stopped.
            self._mp.stop()
            self._last_time = 0.0
            self._fresh = True
            if self._pending_seek is None:
                self.clock.seek(0.0)
        if self._mp.play() != 0:
            self._fail(f"VLC could not start {self._media_name()}; exercises go on with the timer.")

    def pause(self) -> None:
        if self._closed:
            return
        if self._timer_mode:
            self._timer_pause()
            return
        self._wants_play = False
        self._mp.set_pause(1)  # pause() would toggle
        self._cancel_hold()
        self.clock.set_playing(False)  # freeze now, not when libvlc gets round to it

    def stop(self) -> None:
        if self._closed:
            return
        if self._timer_mode:
            self._timer_stop()
            return
        self._wants_play = False
        self._mp.stop()
        self._last_time = 0.0
        self._pending_seek = None
        self._cancel_hold()
        self._fresh = True
        self.clock.seek(0.0)
        self._set_playing(False)

    def seek(self, seconds: float) -> None:
        if self._closed:
            return
        seconds = max(0.0, seconds)
        if self._timer_mode:
            self._timer_seek(seconds)
            return
        self._cancel_hold()
        self.clock.seek(seconds)
        self._last_time = seconds
        if self._mp.is_playing() or self._mp.get_state() == self._vlc.State.Paused:
            self._mp.set_time(int(seconds * 1000))
        else:
            self._pending_seek = seconds  # libvlc ignores seeks until the input runs
        if self._playing and self._wants_play:
            self._begin_hold(self._seek_delay)
        else:
            self._fresh = True  # the next Playing starts the picture from here

    def set_rate(self, rate: float) -> None:
        if self._closed:
            return
        self._timer_set_rate(rate)  # keeps the timer mode and the clock in step
        if not self._closed:
            self._mp.set_rate(rate)

    def set_muted(self, muted: bool) -> None:
        if self._closed:
            return
        self._muted = muted
        self._apply_audio()

    def set_volume(self, volume: int) -> None:
        if self._closed:
            return
        self._volume = max(0, min(100, int(volume)))
        self._apply_audio()

    def length(self) -> float | None:
        if self._closed:
            return self._length
        if self._timer_mode:
            return self._timer_length
        ms = self._mp.get_length()
        if ms and ms > 0:
            return float(ms) / 1000.0
        return self._length

    def close(self) -> None:
        """Detach libvlc's callbacks, stop and release the media player; safe to repeat."""
        if self._closed:
            return
        self._closed = True
        _live_players.discard(self)
        self._cancel_hold()
        # Detach first: no callback may run into a half-torn-down player or interpreter.
        for event_type in self._attached:
            self._events.event_detach(event_type)
        self._mp.stop()
        if self._media is not None:
            self._media.release()
            self._media = None
        self._mp.release()
        # A released media player must never be called again (libvlc would crash): what is
        # asked of a closed player (a session ended after aboutToQuit closed it) is no-op.
        self._timer_mode = True
        self._timer_stop()
        super().close()

    # -- helpers -----------------------------------------------------------------------------

    def _embed(self) -> None:
        if not self._closed:
            embed(self._mp, self._surface)

    def _apply_audio(self) -> None:
        if self._closed:
            return
        # libvlc only accepts these once an audio output exists, so they are replayed on play.
        if self._muted is not None:
            self._mp.audio_set_mute(self._muted)
        if self._volume is not None:
            self._mp.audio_set_volume(self._volume)

    def _set_playing_held(self) -> None:
        """Playing for the person (buttons, session), while the clock waits for the picture."""
        if not self._playing:
            self._playing = True
            self.playing_changed.emit(True)

    def _begin_hold(self, delay: StartupDelay) -> None:
        """Freeze the clock at its position until the picture there is expected to move."""
        self.clock.set_playing(False)
        self._hold = _Hold(self._monotonic(), self.clock.now(), delay)
        self._hold_timer.start(round(delay.seconds * 1000))

    def _release_hold(self) -> None:
        hold = self._hold
        if hold is None or hold.running or self._closed or self._timer_mode:
            return
        hold.running = True
        if self._playing and self._wants_play:
            self.clock.set_playing(True)

    def _learn_start(self, seconds: float) -> None:
        """The first report past the held position: learn the delay; run now if still held."""
        hold = self._hold
        assert hold is not None
        if seconds <= hold.target:
            return  # libvlc repeats the target at once after a seek: no news yet
        rate = self.clock.rate
        measured = startup_delay(hold.began, hold.target, self._monotonic(), seconds, rate)
        if measured < -STARTUP_TOLERANCE:
            return  # further than the picture can be: a report from before the seek
        self._hold = None
        hold.delay.learn(measured)
        if not hold.running:
            # The picture moves already (the hold was too long): run from where it is.
            self._hold_timer.stop()
            if self._playing and self._wants_play:
                self.clock.set_playing(True)
                self.clock.seek(seconds)

    def _cancel_hold(self) -> None:
        """A pause, stop, seek or failure ends the hold; a start not yet seen starts anew."""
        self._hold_timer.stop()
        if self._hold is not None and not self._hold.running:
            self._fresh = True
        self._hold = None

    def _why_unplayable(self) -> str:
        """The banner for a file libvlc gave up on: the probe's reason and what to do for it
        (cut short: copy it again; unknown codec: re-encode), else a general hint.
        A local parse takes milliseconds, and this runs on the GUI thread, not in a callback."""
        info = probe_media(self._media_path) if self._media_path is not None else None
        if info is not None and info.reason is not None and info.error:
            return f"{info.error} {ON_TIMER}"
        return (
            f"VLC could not play {self._media_name()}: the file is damaged or in a format "
            f"it cannot read. {ON_TIMER} Re-encode the video as MP4 (H.264)."
        )

    def _media_name(self) -> str:
        return self._media_path.name if self._media_path is not None else "the video"

    def _fail(self, message: str) -> None:
        """Show `message`, tell listeners, and keep time running without the video."""
        was_playing = self._playing or self._wants_play
        position = self.clock.now() if not self._timer_mode else self._timer_position()
        self._generation += 1
        self._cancel_hold()
        if self._media is not None and not self._closed:
            self._mp.stop()
        self._timer_mode = True
        self._timer_length = self._length
        self._timer_base, self._timer_anchor = position, None
        self.problem = message
        self._surface.set_message(message)
        log.info("%s", message)
        self.error.emit(message)
        if was_playing:
            self._timer_play()


@atexit.register
def _close_all() -> None:
    """Stop every player before the interpreter tears down what its callbacks use."""
    for player in list(_live_players):
        # RuntimeError: its Qt half is already gone, and libvlc was stopped with it.
        with contextlib.suppress(RuntimeError):
            player.close()
