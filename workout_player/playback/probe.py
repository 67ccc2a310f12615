"""Ask libvlc what a media file holds (length, video track) without playing it or needing Qt.

`workout-player plan` uses probe_length() for the total of a video-led workout; `validate`,
`plan` and VlcPlayer.load() use probe_media() to find a file that cannot be played and
why (`MediaInfo.reason`, with `error` saying what to do); the bundled-media test uses it
to prove every shipped file can be read.

A parse costs ~5-10 ms of libvlc on the calling thread, and the same file is asked about
more than once (the workout page's length, then VlcPlayer.load() on Start, on the GUI
thread): what a finished parse found is remembered per (resolved path, size, mtime_ns),
and `prefetch(path)` starts a parse on a thread so a probe_media() that comes while it
runs waits for it instead of parsing again (Start prefetches the video while it builds
the session's widgets).
"""

from __future__ import annotations

import threading
import time
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workout_player.domain.filecheck import describe, file_problem
from workout_player.playback import _vlc
from workout_player.playback.unplayable import Unplayable, advice, container_problem

#: libvlc gives up parsing after this long; a local file parses in milliseconds.
PARSE_TIMEOUT_MS = 2000


@dataclass(frozen=True)
class MediaInfo:
    """What a probe found. `error` says what is wrong and what to do; None when readable.

    `reason` names why the picture cannot be shown (the cue editor refuses to mark on
    such a file); None when it can, or when the file could not be probed at all
    (missing, or video off: `error` then says so).
    """

    path: Path
    length: float | None  # seconds
    has_video: bool
    has_audio: bool
    error: str | None
    reason: Unplayable | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def playable(self) -> bool:
        """libvlc read a picture it can decode from the file."""
        return self.ok and self.has_video


_Key = tuple[str, int, int]
_lock = threading.Lock()
_known: dict[_Key, MediaInfo] = {}
_running: dict[_Key, Future[MediaInfo]] = {}
_KNOWN_MAX = 32
_RACY_NS = 2_000_000_000
"""A file changed this recently is parsed each time (a rewrite within one mtime tick)."""


def _key(path: Path) -> _Key | None:
    try:
        info = path.stat()
        return (str(path.resolve()), info.st_size, info.st_mtime_ns)
    except (OSError, RuntimeError):
        return None


def probe_media(path: str | Path, *, timeout_ms: int = PARSE_TIMEOUT_MS) -> MediaInfo:
    """Parse a local media file with libvlc (no network, no playback) and describe it."""
    path = Path(path)
    refused = _checked(path)
    if refused is not None:
        return refused
    # Checked each time (cheap, and they may change); the libvlc parse is remembered.
    key = _key(path)
    if key is None or timeout_ms != PARSE_TIMEOUT_MS:
        return _parse_media(path, timeout_ms)
    with _lock:
        known = _known.get(key)
        running = _running.get(key)
    if known is not None:
        return known
    if running is not None:
        return running.result()
    return _remember(key, _parse_media(path, timeout_ms))


def _checked(path: Path) -> MediaInfo | None:
    """Why `path` cannot be parsed (not a readable file, a broken container, no libvlc)."""
    problem = file_problem(path)
    if problem is not None:
        return _failed(
            path, f"{describe('Video', path, problem)}. Check the path in the workout file."
        )
    try:
        found = container_problem(path)
    except OSError as exc:
        return _failed(path, f"{path.name} cannot be read: {exc.strerror or exc}.")
    if found is not None:
        return _unplayable(path, found)
    usable, message = _vlc.vlc_status()
    if not usable or _vlc.shared_instance() is None:
        return _failed(path, message or "Video is off.")
    return None


def prefetch(path: str | Path) -> None:
    """Start probing `path` on a thread (libvlc lets go of the GIL while it parses)."""
    path = Path(path)
    key = _key(path)
    if key is None:
        return
    with _lock:
        if key in _known or key in _running:
            return
        future: Future[MediaInfo] = Future()
        _running[key] = future

    def run() -> None:
        try:
            refused = _checked(path)
            info = refused or _remember(key, _parse_media(path, PARSE_TIMEOUT_MS))
            future.set_result(info)
        except BaseException as error:  # handed to whoever waits for the result, as raised
            future.set_exception(error)
        finally:
            with _lock:
                _running.pop(key, None)

    threading.Thread(target=run, name="media-probe", daemon=True).start()


def _remember(key: _Key, info: MediaInfo) -> MediaInfo:
    """Keep what a finished parse found; not a timeout, not "video is off" (may change)."""
    settled = info.reason is not Unplayable.TOO_SLOW and (info.ok or info.reason is not None)
    fresh = time.time_ns() - key[2] < _RACY_NS
    if settled and not fresh:
        with _lock:
            if len(_known) >= _KNOWN_MAX:
                _known.pop(next(iter(_known)))
            _known[key] = info
    return info


def forget_probes() -> None:
    """Forget every remembered probe (tests that change libvlc's availability)."""
    with _lock:
        _known.clear()


def _parse_media(path: Path, timeout_ms: int) -> MediaInfo:
    """libvlc's own parse of a file the checks above let through."""
    instance = _vlc.shared_instance()
    if instance is None:
        return _failed(path, "Video is off.")
    vlc = _vlc.vlc_module()
    assert vlc is not None  # vlc_status() said it is usable

    media = instance.media_new_path(str(path))
    if media is None:
        return _failed(path, f"VLC could not open {path}.")
    try:
        status = _parse(vlc, media, timeout_ms)
        if status != vlc.MediaParsedStatus.done:
            slow = status == vlc.MediaParsedStatus.timeout
            return _unplayable(path, Unplayable.TOO_SLOW if slow else Unplayable.NOT_A_VIDEO)
        tracks = list(media.tracks_get() or ())
        kinds = {track.type for track in tracks}
        has_video = vlc.TrackType.video in kinds
        has_audio = vlc.TrackType.audio in kinds
        duration_ms = media.get_duration()
        length = duration_ms / 1000.0 if duration_ms and duration_ms > 0 else None
        reason = None
        codec = ""
        if not has_video:
            reason = Unplayable.SOUND_ONLY if has_audio else Unplayable.NOT_A_VIDEO
        else:
            pictures = [t for t in tracks if t.type == vlc.TrackType.video]
            known = [t for t in pictures if _codec_name(vlc, t)]
            if not known:
                reason, codec = Unplayable.UNKNOWN_CODEC, _fourcc(pictures[0].codec)
        if reason is not None:
            error = advice(reason, path.name, codec)
            return MediaInfo(path, length, has_video, has_audio, error, reason)
        return MediaInfo(path, length, has_video, has_audio, None)
    finally:
        media.release()


def _codec_name(vlc: Any, track: Any) -> str:
    """libvlc's name for a track's codec; "" for a codec libvlc has never heard of."""
    name = vlc.libvlc_media_get_codec_description(track.type, track.codec)
    return name.decode("utf-8", "replace") if isinstance(name, bytes) else str(name or "")


def _fourcc(code: int) -> str:
    text = int(code).to_bytes(4, "little").decode("latin-1")
    return text if text.isprintable() and text.strip() else f"0x{int(code):08x}"


def probe_length(path: str | Path) -> float | None:
    """The media's length in seconds, or None when it cannot be known."""
    info = probe_media(path)
    return info.length if info.ok else None


def _failed(path: Path, error: str) -> MediaInfo:
    return MediaInfo(path, None, has_video=False, has_audio=False, error=error)


def _unplayable(path: Path, reason: Unplayable) -> MediaInfo:
    return MediaInfo(path, None, False, False, advice(reason, path.name), reason)


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
