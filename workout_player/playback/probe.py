"""Ask libvlc what a media file holds (length, video track) without playing it or needing Qt.

`workout-player plan` uses probe_length() for the total of a video-led workout, and the
bundled-media test uses probe_media() to prove every shipped file can be read.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workout_player.domain.filecheck import describe, file_problem
from workout_player.playback import _vlc

#: libvlc gives up parsing after this long; a local file parses in milliseconds.
PARSE_TIMEOUT_MS = 2000


@dataclass(frozen=True)
class MediaInfo:
    """What a probe found. `error` says what is wrong and what to do; None when readable."""

    path: Path
    length: float | None  # seconds
    has_video: bool
    has_audio: bool
    error: str | None

    @property
    def ok(self) -> bool:
        return self.error is None


def probe_media(path: str | Path, *, timeout_ms: int = PARSE_TIMEOUT_MS) -> MediaInfo:
    """Parse a local media file with libvlc (no network, no playback) and describe it."""
    path = Path(path)
    problem = file_problem(path)
    if problem is not None:
        return _failed(
            path, f"{describe('Video', path, problem)}. Check the path in the workout file."
        )
    usable, message = _vlc.vlc_status()
    instance = _vlc.shared_instance()
    if not usable or instance is None:
        return _failed(path, message or "Video is off.")
    vlc = _vlc.vlc_module()
    assert vlc is not None  # vlc_status() said it is usable

    media = instance.media_new_path(str(path))
    if media is None:
        return _failed(path, f"VLC could not open {path}.")
    try:
        status = _parse(vlc, media, timeout_ms)
        if status != vlc.MediaParsedStatus.done:
            why = "it took too long" if status == vlc.MediaParsedStatus.timeout else "not a video"
            return _failed(path, f"VLC could not read {path.name} ({why}). {_REENCODE}")
        kinds = {track.type for track in media.tracks_get() or ()}
        has_video = vlc.TrackType.video in kinds
        has_audio = vlc.TrackType.audio in kinds
        duration_ms = media.get_duration()
        length = duration_ms / 1000.0 if duration_ms and duration_ms > 0 else None
        error = None
        if not has_video and not has_audio:
            error = f"{path.name} holds no video or audio VLC can play. {_REENCODE}"
        return MediaInfo(path, length, has_video, has_audio, error)
    finally:
        media.release()


def probe_length(path: str | Path) -> float | None:
    """The media's length in seconds, or None when it cannot be known."""
    info = probe_media(path)
    return info.length if info.ok else None


_REENCODE = "Re-encode it as MP4 (H.264), e.g. ffmpeg -i INPUT -c:v libx264 -c:a aac OUTPUT.mp4."


def _failed(path: Path, error: str) -> MediaInfo:
    return MediaInfo(path, None, has_video=False, has_audio=False, error=error)


def _parse(vlc: Any, media: Any, timeout_ms: int) -> Any:
    """Start an asynchronous local parse and wait for libvlc to announce its end."""
    finished = threading.Event()

    def on_parsed(_event: Any) -> None:
        # Runs on a libvlc thread: only flip the flag, never call back into libvlc here.
        finished.set()

    events = media.event_manager()
    events.event_attach(vlc.EventType.MediaParsedChanged, on_parsed)
    try:
        if media.parse_with_options(vlc.MediaParseFlag.local, timeout_ms) != 0:
            return vlc.MediaParsedStatus.failed
        # libvlc enforces its own timeout; the extra second only guards against a lost event.
        if not finished.wait(timeout_ms / 1000.0 + 1.0):
            media.parse_stop()
            return vlc.MediaParsedStatus.timeout
        return media.get_parsed_status()
    finally:
        events.event_detach(vlc.EventType.MediaParsedChanged)
