"""Keep libvlc and the sound libraries it loads off the person's terminal, unless asked.

Without a sound device libvlc's ALSA output tries to open the card many times a second,
and alsa-lib prints eight "ALSA lib ..." lines to stderr for each try: thousands in a
session. Those lines come from alsa-lib's own error handler, not from libvlc's log, so
`--quiet` alone cannot stop them; an ALSA handler that drops them does. libvlc's own
messages are off with `--quiet`.

`workout-player --verbose` (or WORKOUT_PLAYER_VERBOSE=1) keeps both: libvlc's errors and
warnings and every ALSA line, for finding out why video or sound does not work.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
from typing import Any

#: Set to 1 (or pass --verbose) to see libvlc's and ALSA's messages on the terminal.
VERBOSE_ENV = "WORKOUT_PLAYER_VERBOSE"

# alsa-lib's handler type: void (*)(const char *file, int line, const char *function,
# int err, const char *fmt, ...). The variable arguments are never read, so a fixed
# prototype is safe to call.
_ALSA_HANDLER = ctypes.CFUNCTYPE(
    None, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p
)
# Kept for the life of the process: alsa-lib calls it from libvlc's audio threads.
_installed: Any = None


def verbose() -> bool:
    """True when WORKOUT_PLAYER_VERBOSE asks for libvlc's and ALSA's messages."""
    return os.environ.get(VERBOSE_ENV, "").strip().lower() not in ("", "0", "false", "no")


def libvlc_args() -> list[str]:
    """The verbosity options every libvlc instance gets."""
    return ["--verbose=1"] if verbose() else ["--quiet"]


def quiet_sound_libraries() -> bool:
    """Drop alsa-lib's messages (Linux, not verbose); True when the handler is in place."""
    global _installed
    if verbose() or not sys.platform.startswith("linux"):
        return False
    if _installed is not None:
        return True
    name = ctypes.util.find_library("asound")
    if name is None:
        return False  # no alsa-lib: nothing of it can print
    try:
        alsa = ctypes.CDLL(name)
        handler = _ALSA_HANDLER(_drop)
        alsa.snd_lib_error_set_handler(handler)
    except (OSError, AttributeError):  # a broken or foreign libasound: messages stay
        return False
    _installed = handler
    return True


def _drop(
    _file: bytes | None, _line: int, _function: bytes | None, _err: int, _fmt: bytes | None
) -> None:
    return None
