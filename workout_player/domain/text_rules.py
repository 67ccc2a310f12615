"""Which characters a workout's text may hold, shared by the loader and the JSON Schema.

Text is shown in the window, spoken, printed on terminals and stored in the history, so
it may not hold control characters (they garble a terminal or hide text) nor lone
surrogates (half of a character pair, which cannot even be saved as UTF-8). One-line
text (a title, an exercise's name, a tag, a file path) may not hold line breaks either;
longer text (a description, a cue, the safety note) may hold newlines and tabs. Names
must show something: only spaces and zero-width characters do not count.

The character classes below are regular-expression source in the `\\uXXXX` form that
Python's `re` and JSON Schema's ECMA-262 patterns both read, so the shipped schema uses
exactly these strings (a test checks it).
"""

from __future__ import annotations

import re

ONE_LINE_FORBIDDEN = "\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029\\ud800-\\udfff"
"""C0 and C1 control characters (tab and newline included), line and paragraph
separators, lone surrogates."""
MULTI_LINE_FORBIDDEN = "\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u0084\\u0086-\\u009f\\ud800-\\udfff"
"""The same, less tab, newline and the three YAML 1.2 ordinary line breaks
(U+0085, U+2028, U+2029), which a longer text may hold."""
BLANK = (
    "\\u0009-\\u000d\\u0020\\u0085\\u00a0\\u00ad\\u034f\\u115f\\u1160\\u1680\\u180e"
    "\\u2000-\\u200f\\u2028-\\u202f\\u205f-\\u2064\\u2066-\\u206f\\u2800\\u3000"
    "\\u3164\\ufeff\\uffa0"
)
"""Spaces, zero-width and other invisible characters: a name of only these shows nothing."""

_ONE_LINE = re.compile(f"[{ONE_LINE_FORBIDDEN}]")
_MULTI_LINE = re.compile(f"[{MULTI_LINE_FORBIDDEN}]")
_VISIBLE = re.compile(f"[^{BLANK}]")
_LINE_BREAKS = frozenset("\n\r\x0b\x0c\x85\u2028\u2029")


def character_problem(value: str, *, one_line: bool) -> str | None:
    """What is wrong with the characters of `value`, in plain words, or None."""
    found = (_ONE_LINE if one_line else _MULTI_LINE).search(value)
    if found is None:
        return None
    char = found.group()
    code = ord(char)
    where = f"at character {found.start() + 1}"
    if 0xD800 <= code <= 0xDFFF:
        return (
            f"holds U+{code:04X} {where}, half of a character pair (broken text that cannot "
            "be saved); remove it or write the whole character"
        )
    if one_line and char in _LINE_BREAKS:
        return f"must be one line, but it holds a line break {where}; write it on one line"
    if char == "\t":
        return f"holds a tab {where}; use spaces instead"
    return f"holds the control character U+{code:04X} {where}, which cannot be shown; remove it"


def is_visible(value: str) -> bool:
    """True when `value` holds at least one character that shows (not only spaces)."""
    return _VISIBLE.search(value) is not None


def printable(value: str) -> str:
    """Text safe to show on one line of a terminal: control characters (newlines, escape
    sequences), line separators and lone surrogates written as escapes such as \\x1b."""
    return _ONE_LINE.sub(lambda m: _escape(m.group()), value)


def _escape(char: str) -> str:
    code = ord(char)
    named = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}
    return named.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
