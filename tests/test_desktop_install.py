"""`workout-player install-desktop` / `uninstall-desktop` on a temporary $XDG_DATA_HOME."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from workout_player import desktop
from workout_player.cli import main
from workout_player.desktop import install
from workout_player.desktop.entry import (
    LaunchError,
    installed_entry,
    launch_command,
    quote_argument,
)


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "share"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return home


def _tree(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under folder with its bytes and inode (a rewritten file gets a new inode)."""
    return {
        str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_ino)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _ours(home: Path) -> list[Path]:
    return [home / p for p in install.owned_paths()]


@pytest.mark.slow
def test_install_writes_every_launcher_file(
    data_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["install-desktop"]) == 0
    out = capsys.readouterr().out
    for path in _ours(data_home):
        assert path.is_file(), path
        assert f"Wrote {path}\n" in out
    icons = install.icon_paths()
    for relative, shipped in icons.items():
        assert (data_home / relative).read_bytes() == shipped.read_bytes()
    assert (data_home / install.METAINFO).read_bytes() == desktop.metainfo_file().read_bytes()
    entry = (data_home / install.DESKTOP_ENTRY).read_text(encoding="utf-8")
    command = launch_command()
    assert f"\nExec={' '.join(quote_argument(a) for a in command)}\n" in entry
    assert f"\nTryExec={command[0]}\n" in entry
    assert f"it starts {command[0]}" in out
    assert not list(data_home.rglob("*.tmp")), "a temporary file was left behind"


@pytest.mark.slow
def test_installed_entry_is_valid(data_home: Path) -> None:
    validator = shutil.which("desktop-file-validate")
    if validator is None:
        pytest.skip("desktop-file-validate is not installed: sudo apt install desktop-file-utils")
    assert main(["install-desktop"]) == 0
    done = subprocess.run(
        [validator, str(data_home / install.DESKTOP_ENTRY)], capture_output=True, text=True
    )
    assert (done.returncode, done.stdout + done.stderr) == (0, "")


@pytest.mark.slow
def test_second_install_changes_nothing(
    data_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["install-desktop"]) == 0
    before = _tree(data_home)
    capsys.readouterr()
    assert main(["install-desktop"]) == 0
    assert _tree(data_home) == before  # same bytes, same inodes: nothing rewritten
    out = capsys.readouterr().out
    assert "Wrote" not in out
    for path in _ours(data_home):
        assert f"Already up to date: {path}\n" in out


@pytest.mark.slow
def test_install_replaces_a_changed_file_only(
    data_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["install-desktop"]) == 0
    stale = data_home / install.DESKTOP_ENTRY
    stale.write_text("[Desktop Entry]\nExec=/old/venv/bin/workout-player\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["install-desktop"]) == 0
    out = capsys.readouterr().out
    assert [line for line in out.splitlines() if line.startswith("Wrote")] == [f"Wrote {stale}"]
    assert "/old/venv" not in stale.read_text(encoding="utf-8")


@pytest.mark.slow
def test_other_applications_files_are_never_touched(
    data_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    others = {
        "applications/org.example.Other.desktop": b"[Desktop Entry]\nName=Other\n",
        "applications/workout-player.desktop": b"[Desktop Entry]\nName=Hand-made\n",
        "icons/hicolor/48x48/apps/org.example.Other.png": b"not really a png",
        "icons/hicolor/scalable/apps/workout-player.svg": b"<svg/>",
        "metainfo/org.example.Other.metainfo.xml": b"<component/>",
    }
    for name, data in others.items():
        (data_home / name).parent.mkdir(parents=True, exist_ok=True)
        (data_home / name).write_bytes(data)
    before = _tree(data_home)
    assert main(["install-desktop"]) == 0
    assert main(["uninstall-desktop"]) == 0
    after = _tree(data_home)
    for name in others:
        assert after[name] == before[name], name
    assert not any(path.exists() for path in _ours(data_home))


@pytest.mark.slow
def test_uninstall_removes_ours_and_a_second_time_nothing(
    data_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["install-desktop"]) == 0
    capsys.readouterr()
    assert main(["uninstall-desktop"]) == 0
    out = capsys.readouterr().out
    for path in _ours(data_home):
        assert not path.exists()
        assert f"Removed {path}\n" in out
    assert main(["uninstall-desktop"]) == 0
    assert capsys.readouterr().out == (
        f"Nothing to remove: no Workout Player launcher entry under {data_home}.\n"
    )


@pytest.mark.slow
def test_prefix_puts_the_files_under_prefix_share(
    data_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    prefix = tmp_path / "prefix"
    assert main(["install-desktop", "--prefix", str(prefix)]) == 0
    assert all((prefix / "share" / p).is_file() for p in install.owned_paths())
    assert not data_home.exists()
    assert main(["uninstall-desktop", "--prefix", str(prefix)]) == 0
    assert not any((prefix / "share" / p).exists() for p in install.owned_paths())


def test_data_home_follows_the_xdg_rules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    default = tmp_path / ".local" / "share"
    assert install.data_home(environ={}) == default
    assert install.data_home(environ={"XDG_DATA_HOME": ""}) == default
    # A relative value is invalid by the specification and ignored.
    assert install.data_home(environ={"XDG_DATA_HOME": "relative/share"}) == default
    assert install.data_home(environ={"XDG_DATA_HOME": "/x/share"}) == Path("/x/share")
    assert install.data_home("/opt/w", environ={"XDG_DATA_HOME": "/x/share"}) == Path(
        "/opt/w/share"
    )


@pytest.mark.parametrize("command", ["install-desktop", "uninstall-desktop"])
def test_systems_without_freedesktop_launchers_are_told_so(
    command: str,
    data_home: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    for platform in ("win32", "darwin"):
        monkeypatch.setattr(sys, "platform", platform)
        assert main([command]) == 1
        assert "Linux and BSD desktops" in capsys.readouterr().err
        assert not data_home.exists()
    for platform in ("linux", "freebsd14"):
        assert install.unsupported_platform(platform) is None


def test_a_folder_that_cannot_be_written_gives_a_message(
    data_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_home.mkdir(parents=True)
    (data_home / "applications").write_text("a file where a folder should be", encoding="utf-8")
    assert main(["install-desktop"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Could not install the launcher entry: ")
    assert str(data_home / "applications") in err
    assert "--prefix" in err


def test_a_failed_write_leaves_no_temporary_file(
    data_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A folder where the entry goes: the final rename fails after the data was written.
    blocker = data_home / install.DESKTOP_ENTRY
    (blocker / "inside").mkdir(parents=True)
    assert main(["install-desktop"]) == 1
    assert "Could not install the launcher entry" in capsys.readouterr().err
    assert sorted(p.name for p in blocker.parent.iterdir()) == [blocker.name]


@pytest.mark.slow
def test_caches_are_refreshed_by_the_tools_that_exist(data_home: Path) -> None:
    if shutil.which("update-desktop-database") is None:
        pytest.skip("update-desktop-database is not installed: sudo apt install desktop-file-utils")
    assert main(["install-desktop"]) == 0
    assert (data_home / "applications" / "mimeinfo.cache").is_file()


def test_missing_cache_tools_are_skipped_silently(
    data_home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PATH", str(data_home / "no-tools-here"))
    assert main(["install-desktop"]) == 0
    assert capsys.readouterr().err == ""
    files = sorted(str(p.relative_to(data_home)) for p in data_home.rglob("*") if p.is_file())
    assert files == sorted(str(p) for p in install.owned_paths())


@pytest.mark.slow
def test_a_failing_cache_tool_is_a_note_not_a_failure(tmp_path: Path) -> None:
    tool = tmp_path / "tool"
    tool.write_text("#!/bin/sh\necho 'cache is broken' >&2\nexit 3\n", encoding="utf-8")
    tool.chmod(0o755)
    home = tmp_path / "share"
    (home / "applications").mkdir(parents=True)
    problems = install.refresh_caches(home, which=lambda name: str(tool))
    assert problems == [
        f"update-desktop-database could not update its cache in {home / 'applications'}: "
        "cache is broken"
    ]  # the icon folder does not exist, so its tool is not run


# The command the entry starts -------------------------------------------------------------


def _executable(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("#!/bin/sh\n", encoding="utf-8")
    path.chmod(0o755)
    return path


def test_launch_command_prefers_the_running_script(tmp_path: Path) -> None:
    script = _executable(tmp_path / "a" / "workout-player")
    python = tmp_path / "venv" / "bin" / "python"
    assert launch_command(str(script), str(python)) == [str(script)]


def test_launch_command_finds_the_script_beside_python(tmp_path: Path) -> None:
    python = tmp_path / "venv" / "bin" / "python"
    script = _executable(tmp_path / "venv" / "bin" / "workout-player")
    assert launch_command("/x/workout_player/__main__.py", str(python)) == [str(script)]


def test_launch_command_falls_back_to_python_dash_m(tmp_path: Path) -> None:
    python = tmp_path / "venv" / "bin" / "python"
    expected = [str(python), "-m", "workout_player"]
    assert launch_command("/x/workout_player/__main__.py", str(python)) == expected
    # A file of that name that cannot run is not the command.
    python.parent.mkdir(parents=True)
    (tmp_path / "venv" / "bin" / "workout-player").write_text("", encoding="utf-8")
    assert launch_command("/x/workout_player/__main__.py", str(python)) == expected


def test_launch_command_avoids_a_percent_sign_launchers_cannot_start(tmp_path: Path) -> None:
    script = _executable(tmp_path / "100%" / "workout-player")
    python = tmp_path / "venv" / "bin" / "python"
    assert launch_command(str(script), str(python)) == [str(python), "-m", "workout_player"]
    with pytest.raises(LaunchError, match="has no '%'"):
        launch_command(str(script), str(tmp_path / "100%" / "python"))


@pytest.mark.parametrize(
    ("argument", "quoted"),
    [
        ("/usr/bin/workout-player", "/usr/bin/workout-player"),
        ("-m", "-m"),
        ("", '""'),
        ("/a b/c", '"/a b/c"'),
        ("/a'b", '"/a\'b"'),
        ('/a"b', '"/a\\"b"'),
        ("/a$b", '"/a\\$b"'),
        ("/a`b", '"/a\\`b"'),
        ("/a\\b", '"/a\\\\b"'),
        ("/a;b|c&d<e>f~g*h?i#j(k)", '"/a;b|c&d<e>f~g*h?i#j(k)"'),
        ("/a%b", "/a%%b"),
        ("/a b%c", '"/a b%%c"'),
    ],
)
def test_exec_arguments_are_quoted_by_the_specification(argument: str, quoted: str) -> None:
    assert quote_argument(argument) == quoted


@pytest.fixture
def argv_socket() -> Iterator[tuple[socket.socket, str]]:
    # A short folder of its own: a Unix socket's path is limited to about 100 bytes.
    folder = tempfile.mkdtemp(prefix="wp-")
    path = str(Path(folder) / "argv")
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(path)
    server.listen(1)
    # Only a guard against a launch that never happens; a working launch connects at once.
    server.settimeout(60)
    yield server, path
    server.close()
    shutil.rmtree(folder)


@pytest.mark.slow
def test_a_launcher_starts_the_installed_entry_from_an_awkward_path(
    tmp_path: Path, argv_socket: tuple[socket.socket, str]
) -> None:
    """GLib's launcher (GNOME's, `gio launch`) parses our Exec line back to the same argv."""
    gio = shutil.which("gio")
    if gio is None:
        pytest.skip("gio is not installed: sudo apt install libglib2.0-bin (make test does)")
    server, address = argv_socket
    folder = tmp_path / 'my $HOME\'s "venv" \\ `x` (1); ~ok?'
    script = folder / "workout-player"
    folder.mkdir()
    script.write_text(
        f"#!{sys.executable}\n"
        "import json, socket, sys\n"
        "s = socket.socket(socket.AF_UNIX)\n"
        f"s.connect({address!r})\n"
        "s.sendall(json.dumps(sys.argv).encode())\n",
        encoding="utf-8",
    )
    script.chmod(0o755)
    command = [str(script), "play", "a file.yaml"]
    entry = tmp_path / f"{desktop.APP_ID}.desktop"
    shipped = desktop.desktop_entry_file().read_text(encoding="utf-8")
    entry.write_text(installed_entry(shipped, command), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "DISPLAY"}
    done = subprocess.run([gio, "launch", str(entry)], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    connection, _ = server.accept()
    with connection:
        received = b""
        while chunk := connection.recv(4096):
            received += chunk
    assert json.loads(received) == command
