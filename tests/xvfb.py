"""A real X server for the few tests that need real windows (libvlc's video output, screenshots).

Use it from any test module::

    import pytest
    from tests.xvfb import xvfb_display, xcb_env  # noqa: F401  (re-export the fixture)

    @pytest.mark.xvfb
    def test_something(xvfb_display: str) -> None:
        env = xcb_env(xvfb_display)          # DISPLAY=:N, QT_QPA_PLATFORM=xcb, no Wayland
        subprocess.run([sys.executable, script], env=env, check=True, timeout=60)

`xvfb_display` is session-scoped: one Xvfb (1366x768x24, no TCP, no access control
beyond the local socket) serves every xvfb test and is stopped at the end. Xvfb picks a free
display number itself (-displayfd), so parallel runs and other X servers never clash.
Run the Qt side in a subprocess with `xcb_env()`: the test process itself stays offscreen.
The fixture skips (with the reason) when Xvfb is not installed: `sudo apt install xvfb`.
"""

from __future__ import annotations

import os
import select
import shutil
import subprocess
from collections.abc import Iterator

import pytest

#: Screen size of the virtual display; large enough for the player window at its default size.
SCREEN = "1366x768x24"
#: Seconds Xvfb may take to start (it usually needs well under one).
START_TIMEOUT = 20.0


def start_xvfb(screen: str = SCREEN) -> tuple[subprocess.Popen[bytes], str]:
    """Start Xvfb on a display number of its own choosing; return (process, ":N")."""
    executable = shutil.which("Xvfb")
    if executable is None:
        raise FileNotFoundError("Xvfb is not installed: sudo apt install xvfb")
    read_fd, write_fd = os.pipe()
    try:
        process = subprocess.Popen(
            [executable, "-displayfd", str(write_fd), "-screen", "0", screen, "-nolisten", "tcp"],
            pass_fds=(write_fd,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
    finally:
        os.close(write_fd)
    try:
        number = _read_display_number(read_fd, process)
    except Exception:
        stop_xvfb(process)
        raise
    finally:
        os.close(read_fd)
    return process, f":{number}"


def _read_display_number(read_fd: int, process: subprocess.Popen[bytes]) -> str:
    """Xvfb writes the display number and a newline to the pipe once it accepts clients."""
    data = b""
    while not data.endswith(b"\n"):
        ready, _, _ = select.select([read_fd], [], [], START_TIMEOUT)
        chunk = os.read(read_fd, 16) if ready else b""
        if not chunk:
            stderr = b""
            if process.poll() is not None and process.stderr is not None:
                stderr = process.stderr.read()
            raise RuntimeError(f"Xvfb did not start: {stderr.decode(errors='replace').strip()}")
        data += chunk
    return data.decode().strip()


def stop_xvfb(process: subprocess.Popen[bytes]) -> None:
    """Terminate the Xvfb we started (only that process) and reap it."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    if process.stderr is not None:
        process.stderr.close()


def xcb_env(display: str, **extra: str) -> dict[str, str]:
    """The environment for a subprocess that opens real windows on `display`."""
    env = dict(os.environ)
    env.pop("WAYLAND_DISPLAY", None)
    env.update({"DISPLAY": display, "QT_QPA_PLATFORM": "xcb", **extra})
    return env


@pytest.fixture(scope="session")
def xvfb_display() -> Iterator[str]:
    """A running Xvfb for the whole test session; yields its DISPLAY value, e.g. ":99"."""
    try:
        process, display = start_xvfb()
    except FileNotFoundError as exc:
        pytest.skip(str(exc))
    try:
        yield display
    finally:
        stop_xvfb(process)
