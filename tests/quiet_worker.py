"""Play a video with sound to its end through the app's libvlc instance, then exit.

Run by tests/test_quiet_libvlc.py in a subprocess, so what libvlc and the sound libraries
print to this process's stderr can be read. Waits on libvlc's end event, not on time.
"""

from __future__ import annotations

import sys
import threading

from workout_player.playback import _vlc


def main(path: str) -> int:
    vlc = _vlc.vlc_module()
    instance = _vlc.shared_instance()
    if vlc is None or instance is None:
        print(_vlc.vlc_status()[1], file=sys.stderr)
        return 2
    done = threading.Event()
    player = instance.media_player_new()
    events = player.event_manager()
    for kind in (vlc.EventType.MediaPlayerEndReached, vlc.EventType.MediaPlayerEncounteredError):
        # Runs on a libvlc thread: only flip the flag.
        events.event_attach(kind, lambda _event: done.set())
    player.set_media(instance.media_new_path(path))
    player.play()
    # The 60 s only bounds a lost event; the 2 s video normally ends it.
    ended = done.wait(60)
    player.stop()
    player.release()
    _vlc.release_shared_instance()
    return 0 if ended else 3


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
