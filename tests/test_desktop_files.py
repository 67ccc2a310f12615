"""The shipped launcher files: valid by the freedesktop tools, consistent, and icons that match.

`make test` installs desktop-file-utils and appstream, so the validators run there; elsewhere
the tests that need them skip and say which package to install.
"""

from __future__ import annotations

import configparser
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from tests.conftest import REPO
from workout_player import __version__, desktop
from workout_player.desktop.entry import installed_entry

DOCS = REPO / "docs"
# Where the metainfo's screenshot addresses point: docs/ of the repository the id names.
SCREENSHOT_BASE = "https://raw.githubusercontent.com/workout-player/workout-player/main/"


def _tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed: sudo apt install {package} (make test does)")
    return path


def _entry(text: str) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read_string(text)
    return parser["Desktop Entry"]


def _metainfo() -> ET.Element:
    return ET.parse(desktop.metainfo_file()).getroot()


@pytest.mark.slow
def test_shipped_desktop_entry_is_valid() -> None:
    validator = _tool("desktop-file-validate", "desktop-file-utils")
    done = subprocess.run(
        [validator, str(desktop.desktop_entry_file())], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
    # Hints are not failures, but the entry has none: a new one is worth a look.
    assert done.stdout + done.stderr == ""


@pytest.mark.slow
def test_installed_desktop_entry_with_an_awkward_path_is_valid(tmp_path: Path) -> None:
    """The rewritten Exec line (quotes and escapes for spaces, $, quotes, backslashes)."""
    validator = _tool("desktop-file-validate", "desktop-file-utils")
    program = str(tmp_path / 'my $HOME\'s "venv" \\ `x` (1)' / "bin" / "workout-player")
    text = installed_entry(desktop.desktop_entry_file().read_text(encoding="utf-8"), [program])
    entry = tmp_path / f"{desktop.APP_ID}.desktop"
    entry.write_text(text, encoding="utf-8")
    done = subprocess.run([validator, str(entry)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout + done.stderr == ""


@pytest.mark.slow
def test_metainfo_is_valid_offline() -> None:
    """`appstreamcli validate --no-net`: the screenshot addresses are checked in form only.

    Every hint it may give is explained here, and any other fails the test:
    - cid-contains-uppercase-letter (pedantic): the reverse-DNS convention names the
      application in CamelCase (org.gnome.TextEditor, Flathub's ids).
    - developer-name-tag-deprecated (info, AppStream 1.0 and later): `developer_name` is
      kept because Debian 12's appstream 0.16 does not know 1.0's `<developer>` tag.
    """
    appstreamcli = _tool("appstreamcli", "appstream")
    done = subprocess.run(
        [appstreamcli, "validate", "--no-net", "--pedantic", str(desktop.metainfo_file())],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    issues = [line for line in done.stdout.splitlines() if line[:3] in {"E: ", "W: ", "I: ", "P: "}]
    tags = {line.split(": ", 2)[2].split()[0] for line in issues}
    assert tags <= {"cid-contains-uppercase-letter", "developer-name-tag-deprecated"}, done.stdout


def test_one_id_everywhere() -> None:
    entry = _entry(desktop.desktop_entry_file().read_text(encoding="utf-8"))
    root = _metainfo()
    assert desktop.desktop_entry_file().name == f"{desktop.APP_ID}.desktop"
    assert desktop.metainfo_file().name == f"{desktop.APP_ID}.metainfo.xml"
    assert entry["Icon"] == desktop.APP_ID
    assert root.findtext("id") == desktop.APP_ID
    assert root.findtext("launchable[@type='desktop-id']") == f"{desktop.APP_ID}.desktop"
    assert root.findtext("provides/binary") == entry["Exec"] == "workout-player"


def test_startup_wm_class_is_the_window_class_qt_sets() -> None:
    """On X11 Qt sets WM_CLASS's class to the application name; desktops match it to the entry."""
    from workout_player.ui.app import APPLICATION

    entry = _entry(desktop.desktop_entry_file().read_text(encoding="utf-8"))
    assert entry["StartupWMClass"] == APPLICATION


def test_metainfo_release_is_this_version() -> None:
    releases = _metainfo().findall("releases/release")
    assert releases, "the metainfo lists no release"
    assert releases[0].get("version") == __version__  # newest first
    assert releases[0].get("date")


def test_metainfo_screenshots_are_the_ones_in_docs() -> None:
    """AppStream takes web addresses only; each must name a screenshot kept in docs/."""
    images = [image.text or "" for image in _metainfo().iterfind("screenshots/screenshot/image")]
    assert images
    for url in images:
        assert url.startswith(SCREENSHOT_BASE), url
        assert (REPO / url.removeprefix(SCREENSHOT_BASE)).is_file(), f"{url} is not in docs/"
    shown = {Path(url).name for url in images}
    assert "screenshot-player.png" in shown
    default = _metainfo().find("screenshots/screenshot[@type='default']/image")
    assert default is not None and (default.text or "").endswith("screenshot-player.png")


@pytest.fixture(scope="module")
def render_icon() -> Iterator[object]:
    sys.path.insert(0, str(REPO / "scripts"))
    try:
        from render_icons import render
    finally:
        sys.path.remove(str(REPO / "scripts"))
    yield render


def _differences(ours: QImage, theirs: QImage) -> tuple[int, int]:
    """(pixels with a channel off by more than 8 of 255, the largest channel difference)."""
    a = bytes(ours.convertToFormat(QImage.Format.Format_ARGB32).constBits())
    b = bytes(theirs.convertToFormat(QImage.Format.Format_ARGB32).constBits())
    assert len(a) == len(b)
    off = 0
    worst = 0
    for i in range(0, len(a), 4):
        pixel = max(abs(a[i + k] - b[i + k]) for k in range(4))
        worst = max(worst, pixel)
        off += pixel > 8
    return off, worst


@pytest.mark.parametrize("size", desktop.PNG_SIZES)
def test_png_icons_are_the_svg_rendered_now(
    size: int, render_icon: object, qapp: QApplication
) -> None:
    """The committed PNGs cannot drift from the SVG: re-render and compare pixel by pixel.

    A little slack (0.5% of the pixels, anti-aliased edges) lets another Qt release draw the
    edges slightly differently; a changed shape or colour moves far more pixels than that.
    """
    png = QImage(str(desktop.icon_png_file(size)))
    assert (png.width(), png.height()) == (size, size)
    fresh = render_icon(desktop.icon_svg_file(), size)  # type: ignore[operator]
    off, worst = _differences(png, fresh)
    assert off <= size * size * 0.005, (
        f"{off} pixels differ (worst by {worst}): run scripts/render_icons.py"
    )


@pytest.fixture
def restored_app(qapp: QApplication) -> Iterator[QApplication]:
    """The shared QApplication, with the names, icon and theme create_application() sets undone."""
    saved = (
        qapp.organizationName(),
        qapp.applicationName(),
        qapp.applicationDisplayName(),
        qapp.applicationVersion(),
        qapp.desktopFileName(),
        qapp.windowIcon(),
        qapp.style().name(),
        qapp.palette(),
        qapp.styleSheet(),
    )
    yield qapp
    (org, name, display, version, desktop_name, icon, style, palette, sheet) = saved
    qapp.setOrganizationName(org)
    qapp.setApplicationName(name)
    qapp.setApplicationDisplayName(display)
    qapp.setApplicationVersion(version)
    qapp.setDesktopFileName(desktop_name)
    qapp.setWindowIcon(icon)
    qapp.setStyle(style)
    qapp.setPalette(palette)
    qapp.setStyleSheet(sheet)


def test_running_app_matches_its_launcher_entry(restored_app: QApplication) -> None:
    from workout_player.ui.app import create_application

    app = create_application()
    assert app is restored_app
    assert app.desktopFileName() == desktop.APP_ID
    icon = app.windowIcon()
    assert not icon.isNull()
    sizes = {(s.width(), s.height()) for s in icon.availableSizes()}
    assert {(n, n) for n in desktop.PNG_SIZES} <= sizes
    # Sizes between the PNGs come from the SVG: a title bar's 32 px icon is drawn, not empty.
    small = icon.pixmap(32).toImage()
    assert (small.width(), small.height()) == (32, 32)
    assert small.pixelColor(16, 16).alpha() == 255
