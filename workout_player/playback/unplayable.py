"""Why a media file cannot be played, and what the person should do about each reason.

The reasons need different fixes: a file cut short (an unfinished download or copy)
is copied again, not re-encoded; a codec VLC does not know is re-encoded; a sound-only
or non-media file is the wrong file. `container_problem` finds the first two kinds
that libvlc's parse does not report: MP4/MOV, AVI (RIFF) and Matroska/WebM files whose
own structure says they continue past the end of the file. Pure Python, no libvlc.
"""

from __future__ import annotations

import enum
from pathlib import Path
from typing import BinaryIO

from workout_player.domain.filecheck import describe, file_problem

ON_TIMER = "Exercises go on with the timer."
"""How every player's message about a video it cannot play ends."""

REENCODE = "ffmpeg -i INPUT -c:v libx264 -c:a aac OUTPUT.mp4"


class Unplayable(enum.Enum):
    """Why VLC cannot show a file's picture."""

    EMPTY = "empty"
    CUT_SHORT = "cut short"
    NOT_A_VIDEO = "not a video"
    SOUND_ONLY = "sound only"
    UNKNOWN_CODEC = "unknown codec"
    TOO_SLOW = "too slow to read"


def advice(reason: Unplayable, name: str, codec: str = "") -> str:
    """What is wrong with the file called `name`, then what to do: one sentence each."""
    if reason is Unplayable.EMPTY:
        return f"{name} is empty (0 bytes). Copy or download it again."
    if reason is Unplayable.CUT_SHORT:
        return (
            f"{name} is cut short: the file ends before its video does (an unfinished "
            "download or copy). Copy or download it again; re-encoding cannot bring back "
            "what is missing."
        )
    if reason is Unplayable.SOUND_ONLY:
        return f"{name} holds only sound, no picture. Choose the video file itself."
    if reason is Unplayable.UNKNOWN_CODEC:
        which = f" ({codec})" if codec else ""
        return (
            f"{name} uses a video format{which} VLC cannot decode. Re-encode it as MP4 "
            f"(H.264), e.g. {REENCODE}."
        )
    if reason is Unplayable.TOO_SLOW:
        return f"VLC took too long to read {name}. Copy it to this computer's disk and try again."
    return (
        f"{name} is not a video VLC can read (no picture or sound in it). Check that it is "
        f"the right file; a video in another format can be converted with {REENCODE}."
    )


# How far the structure walk goes: a real file has a handful of top-level boxes.
_MAX_BOXES = 10_000


def container_problem(path: Path) -> Unplayable | None:
    """EMPTY or CUT_SHORT when the file's own structure shows it; None otherwise
    (including files in other formats, left to libvlc). Raises OSError on a read error."""
    size = path.stat().st_size
    if size == 0:
        return Unplayable.EMPTY
    with path.open("rb") as file:
        head = file.read(12)
        if head[:4] == b"RIFF" and len(head) >= 8:
            return Unplayable.CUT_SHORT if 8 + int.from_bytes(head[4:8], "little") > size else None
        if head[:4] == b"\x1a\x45\xdf\xa3":
            return _matroska(file, size)
        if head[4:8] in (b"ftyp", b"moov", b"mdat", b"free", b"wide", b"skip"):
            return _iso_boxes(file, size)
    return None


def _iso_boxes(file: BinaryIO, size: int) -> Unplayable | None:
    """MP4/MOV: top-level boxes (32-bit size, type; size 1: 64-bit size follows; size 0: to
    the end). A box past the end, or media data with no index (moov), is a cut file."""
    offset, kinds = 0, set[bytes]()
    for _ in range(_MAX_BOXES):
        if offset >= size:
            break
        file.seek(offset)
        header = file.read(16)
        if len(header) < 8:
            return Unplayable.CUT_SHORT  # a box header cut in two
        length, kind = int.from_bytes(header[:4], "big"), header[4:8]
        kinds.add(kind)
        if length == 1:
            if len(header) < 16:
                return Unplayable.CUT_SHORT
            length = int.from_bytes(header[8:16], "big")
        elif length == 0:
            break  # the last box runs to the end of the file
        if length < 8:
            return None  # not a box structure after all: libvlc decides
        if offset + length > size:
            return Unplayable.CUT_SHORT
        offset += length
    else:
        return None
    return Unplayable.CUT_SHORT if b"mdat" in kinds and b"moov" not in kinds else None


def _matroska(file: BinaryIO, size: int) -> Unplayable | None:
    """Matroska/WebM: the EBML header, then the Segment; a Segment of known size past the
    end of the file is a cut file (a live recording's unknown size is not)."""
    file.seek(4)
    header_size = _vint(file)
    if header_size is None:
        return None
    file.seek(4 + header_size[1] + header_size[0])
    if file.read(4) != b"\x18\x53\x80\x67":
        return None
    segment = _vint(file)
    if segment is None:
        return None
    value, width, unknown = segment[0], segment[1], segment[2]
    start = 4 + header_size[1] + header_size[0] + 4 + width
    return Unplayable.CUT_SHORT if not unknown and start + value > size else None


def _vint(file: BinaryIO) -> tuple[int, int, bool] | None:
    """An EBML variable-size integer: (value, bytes used, all ones = unknown size)."""
    first = file.read(1)
    if not first or first[0] == 0:
        return None
    width = 9 - first[0].bit_length()
    rest = file.read(width - 1)
    if len(rest) != width - 1:
        return None
    value = first[0] & (0xFF >> width)
    for byte in rest:
        value = (value << 8) | byte
    return value, width, value == (1 << (7 * width)) - 1


def path_refusal(path: Path) -> str | None:
    """Why a player cannot even open `path` (missing, a folder, unreadable...), as the
    message it shows; None when the path is a readable file."""
    problem = file_problem(path)
    if problem is None:
        return None
    return (
        f"{describe('Video', path, problem)}. Check the video path in the workout file; "
        "exercises go on with the timer."
    )
