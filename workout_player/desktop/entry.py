"""The desktop entry as installed: its Exec line names the command that is running now.

The shipped `.desktop` file says `Exec=workout-player`, which only works when that command is
on the launcher's PATH (often not: a virtual environment, `pip install --user` without
~/.local/bin on PATH). Installing rewrites Exec and TryExec to the absolute command, quoted by
the Desktop Entry Specification's rules ("The Exec key"), which differ from a shell's.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

COMMAND = "workout-player"

# Characters that make an Exec argument need double quotes (Desktop Entry Spec 1.5, "The Exec
# key"); inside the quotes, these four take a backslash.
_RESERVED = frozenset(" \t\n\"'\\><~|&;$*?#()`")
_ESCAPED_IN_QUOTES = frozenset('"`$\\')


class LaunchError(Exception):
    """No command a launcher could start was found; the message says why and what to do."""


def launch_command(argv0: str | None = None, executable: str | None = None) -> list[str]:
    """The absolute command that starts this installation of the app.

    The `workout-player` script that is running (or the one beside this Python) when there is
    one, else this Python with `-m workout_player`, which works wherever the package imports.
    """
    argv0 = sys.argv[0] if argv0 is None else argv0
    executable = sys.executable if executable is None else executable
    scripts = []
    if Path(argv0).name == COMMAND:
        scripts.append(Path(argv0))
    if executable:
        scripts.append(Path(executable).parent / COMMAND)
    # absolute(), not resolve(): a virtual environment's bin/ is reached through symlinks that
    # must stay, or the script would run outside its environment.
    commands = [[str(s.absolute())] for s in scripts if s.is_file() and os.access(s, os.X_OK)]
    if executable:
        commands.append([str(Path(executable).absolute()), "-m", "workout_player"])
    # GLib (GNOME, and most launchers) checks that Exec's program exists before expanding the
    # %% that the specification requires for a "%": a program path with "%" never starts.
    usable = [c for c in commands if "%" not in c[0]]
    if usable:
        return usable[0]
    if commands:
        raise LaunchError(
            f"Launchers cannot start {commands[0][0]}: its path holds a '%'. "
            "Install Workout Player in a folder whose path has no '%', then run this again."
        )
    raise LaunchError(
        "Cannot tell which Python runs Workout Player (sys.executable is empty). "
        "Run install-desktop with the Python or the workout-player command you start it with."
    )


def quote_argument(argument: str) -> str:
    """One Exec argument, in double quotes only when it holds a reserved character."""
    quoted = argument.replace("%", "%%")  # a lone % would start a field code such as %f
    if not _RESERVED.intersection(argument) and argument:
        return quoted
    inner = "".join("\\" + c if c in _ESCAPED_IN_QUOTES else c for c in quoted)
    return f'"{inner}"'


def escape_value(value: str) -> str:
    """A string value as the file stores it (backslash escapes; applied after Exec's quoting)."""
    return (
        value.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")
    )


def exec_value(command: Sequence[str]) -> str:
    return escape_value(" ".join(quote_argument(a) for a in command))


def installed_entry(shipped: str, command: Sequence[str]) -> str:
    """The shipped entry with Exec and TryExec pointing at `command`.

    TryExec takes a plain path (no quoting, only string escapes); a launcher hides the entry
    once that program is gone, for example after the virtual environment was deleted.
    """
    replaced = {"Exec": exec_value(command), "TryExec": escape_value(command[0])}
    lines = []
    group = ""
    for line in shipped.splitlines():
        stripped = line.strip()
        if stripped.startswith("["):
            group = stripped
        key = stripped.split("=", 1)[0].strip() if "=" in stripped else ""
        if group == "[Desktop Entry]" and key in replaced:
            line = f"{key}={replaced.pop(key)}"
        lines.append(line)
    if replaced:
        missing = ", ".join(sorted(replaced))
        raise ValueError(f"the shipped desktop entry has no {missing} key to point at the app")
    return "\n".join(lines) + "\n"
