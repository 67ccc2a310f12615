"""QtMultimedia's player (the FFmpeg backend inside the PySide6 wheels) behind the Player interface.

Used when libvlc is missing or cannot start, and on a native Wayland session, where libvlc
cannot embed its picture but a QVideoWidget draws through Qt itself. QMediaPlayer's position
comes in steps of ~50 ms and runs ~20 ms behind the picture (bench/cue_timing_qt.py measures
both), so while there is video the MediaClock is fed from the frames the widget's QVideoSink
receives (their presentation times), and from the position only for audio: the rules are in
playback/frame_feed.py.

The frames are taken in the GUI thread. The sink emits from FFmpeg's renderer thread, but a
Python slot there needs the GIL, and QMediaPlayer.stop() keeps the GIL while it waits for that
thread: a deadlock (seen, with gdb). A queued slot in a helper thread was no closer to the
renderer than the GUI thread under load (bench/README.md).

A missing, damaged or unreadable file emits `error` with plain words, sets `problem` and
carries on in timer mode from where it was, as VlcPlayer does, so the session keeps running.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QUrl
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer, QVideoFrame
from PySide6.QtMultimediaWidgets import QVideoWidget
from PySide6.QtWidgets import QStackedLayout, QWidget

from workout_player.playback.frame_feed import FrameFeed
from workout_player.playback.player import Player
from workout_player.playback.surface import VideoSurface
from workout_player.playback.unplayable import ON_TIMER, advice, container_problem, path_refusal

log = logging.getLogger(__name__)

_Status = QMediaPlayer.MediaStatus
_State = QMediaPlayer.PlaybackState


class QtVideoSurface(VideoSurface):
    """The black message panel with a QVideoWidget on top while there is a picture."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, native=False)
        self.video = QVideoWidget(self)
        self._layout = QStackedLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.video)

    def set_message(self, text: str | None) -> None:
        super().set_message(text)
        # The message panel is this widget itself: hide the picture to let it show.
        self.video.setVisible(not text)


def qt_status() -> tuple[bool, str | None]:
    """(usable, why not): whether QtMultimedia has a media backend that can play here."""
    probe = QMediaPlayer()
    try:
        if not probe.isAvailable():
            return False, "Qt's media backend is not available here."
    finally:
        probe.deleteLater()
    return True, None


class QtPlayer(Player):
    """Plays a file with QMediaPlayer into a QVideoWidget, feeding `clock` from its position."""

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent, monotonic=monotonic)
        self._surface = QtVideoSurface()
        self._audio = QAudioOutput(self)
        self._mp = QMediaPlayer(self)
        self._mp.setAudioOutput(self._audio)
        self._mp.setVideoOutput(self._surface.video)
        self._mp.positionChanged.connect(self._on_position)
        self._mp.playbackStateChanged.connect(self._on_state)
        self._mp.mediaStatusChanged.connect(self._on_status)
        self._mp.errorOccurred.connect(self._on_error)
        # Emitted from FFmpeg's renderer thread: a bound method of this object (GUI thread) is
        # called queued, so the slot runs in the GUI thread (see the module's docstring).
        self._surface.video.videoSink().videoFrameChanged.connect(self._on_frame)
        # The clock follows the pictures, not positionChanged.
        self._feed = FrameFeed(monotonic)
        self._media_path: Path | None = None
        self._timer_mode = True  # until a file is loaded
        self._saw_time = False
        self._wants_play = False
        self._closed = False

    # -- QMediaPlayer's signals (GUI thread) ---------------------------------------------------

    def _on_position(self, ms: int) -> None:
        if self._timer_mode or self._closed:
            return
        seconds = ms / 1000.0
        # Audio only, no picture yet, or a seek's hold no picture ended.
        self._feed.position(self.clock, seconds, self._wants_play)
        if ms > 0:
            self._saw_time = True
        self.time_changed.emit(seconds)

    def _on_frame(self, frame: QVideoFrame) -> None:
        """A picture handed to the screen: its presentation time is the media time now."""
        if self._timer_mode or self._closed or not frame.isValid() or not self._playing:
            return
        start_us, end_us = frame.startTime(), frame.endTime()
        if start_us < 0:
            return
        end = end_us / 1_000_000 if end_us > start_us else None
        self._feed.picture(self.clock, start_us / 1_000_000, end, self._wants_play)

    def _on_state(self, state: _State) -> None:
        if self._timer_mode or self._closed:
            return
        self._set_playing(state == _State.PlayingState)

    def _on_status(self, status: _Status) -> None:
        if self._timer_mode or self._closed:
            return
        if status == _Status.EndOfMedia:
            if self._saw_time or self._mp.duration() > 0:
                self._set_playing(False)
                self._wants_play = False
                self.ended.emit()
            else:  # opened, but nothing in it to play
                self._fail(self._unreadable())
        elif status == _Status.InvalidMedia:
            self._fail(self._unreadable())

    def _on_error(self, error: QMediaPlayer.Error, detail: str) -> None:
        if self._timer_mode or self._closed or error == QMediaPlayer.Error.NoError:
            return
        log.info("QtMultimedia: %s (%s)", detail, error)
        self._fail(self._unreadable())

    # -- the Player interface -----------------------------------------------------------------

    def video_widget(self) -> QWidget:
        return self._surface

    def load(self, path: Path | None, *, loop: bool = False) -> bool:
        self._timer_mode = True  # signals of the previous file are not news any more
        self._mp.stop()
        self._mp.setSource(QUrl())
        self._set_playing(False)
        self._wants_play = False
        self._timer_base, self._timer_anchor = 0.0, None
        self._ticker.stop()
        self._saw_time = False
        self._feed.reset()
        self.clock.seek(0.0)
        self.problem = None
        self._surface.set_message(None)
        if path is None:
            return True
        path = Path(path)
        refusal = path_refusal(path)
        if refusal is not None:
            self._fail(refusal)
            return False
        # Asked before playing, as the libvlc player does: a file cut short would play its
        # first part and then stop, an empty one would fail late (pure Python, no libvlc).
        try:
            reason = container_problem(path)
        except OSError as exc:
            self._fail(f"{path.name} cannot be read: {exc.strerror or exc}. {ON_TIMER}")
            return False
        if reason is not None:
            self._media_path = path
            self._fail(f"{advice(reason, path.name)} {ON_TIMER}")
            return False
        self._media_path = path
        self._mp.setLoops(QMediaPlayer.Loops.Infinite if loop else QMediaPlayer.Loops.Once)
        self._timer_mode = False
        self._mp.setSource(QUrl.fromLocalFile(str(path)))
        return self._timer_mode is False  # a file Qt rejects at once fails here

    def play(self) -> None:
        if self._timer_mode:
            self._timer_play()
            return
        self._wants_play = True
        if self._mp.mediaStatus() == _Status.EndOfMedia and self._mp.position() <= 0:
            self.clock.seek(0.0)
            self._feed.moved(0.0)
        self._mp.play()

    def pause(self) -> None:
        if self._timer_mode:
            self._timer_pause()
            return
        self._wants_play = False
        self._feed.release()
        self._mp.pause()
        self.clock.set_playing(False)  # freeze now, not when the backend gets round to it

    def stop(self) -> None:
        if self._timer_mode:
            self._timer_stop()
            return
        self._wants_play = False
        self._feed.release()
        self._mp.stop()
        self._feed.moved(0.0)
        self.clock.seek(0.0)
        self._set_playing(False)

    def seek(self, seconds: float) -> None:
        seconds = max(0.0, seconds)
        if self._timer_mode:
            self._timer_seek(seconds)
            return
        self.clock.seek(seconds)
        if self._feed.seen and self._playing:
            # Hold the clock until the new picture shows (the old one is still on screen).
            self._feed.hold(self.clock, seconds)
        else:
            self._feed.moved(seconds)
        self._mp.setPosition(round(seconds * 1000))

    def set_rate(self, rate: float) -> None:
        self._timer_set_rate(rate)  # keeps the timer mode and the clock in step
        if not self._closed:
            self._mp.setPlaybackRate(rate)

    def set_muted(self, muted: bool) -> None:
        self._audio.setMuted(muted)

    def set_volume(self, volume: int) -> None:
        self._audio.setVolume(max(0, min(100, int(volume))) / 100.0)

    def length(self) -> float | None:
        if self._timer_mode:
            return self._timer_length
        ms = self._mp.duration()
        return ms / 1000.0 if ms > 0 else None

    def close(self) -> None:
        """Stop and let go of the file; safe to repeat."""
        if self._closed:
            return
        self._closed = True
        self._mp.stop()
        self._mp.setSource(QUrl())
        super().close()

    # -- helpers -----------------------------------------------------------------------------

    def _unreadable(self) -> str:
        name = self._media_path.name if self._media_path is not None else "the video"
        return (
            f"Workout Player could not play {name}: the file is damaged or in a format Qt "
            "cannot read. Exercises go on with the timer. Re-encode the video as MP4 (H.264)."
        )

    def _fail(self, message: str) -> None:
        """Show `message`, tell listeners, and keep time running without the video."""
        was_playing = self._playing or self._wants_play
        position = self.clock.now() if not self._timer_mode else self._timer_position()
        length = self._mp.duration()
        self._timer_mode = True
        if not self._closed:
            self._mp.stop()
        self._timer_length = length / 1000.0 if length > 0 else None
        self._timer_base, self._timer_anchor = position, None
        self.problem = message
        self._surface.set_message(message)
        log.info("%s", message)
        self.error.emit(message)
        if was_playing:
            self._timer_play()
