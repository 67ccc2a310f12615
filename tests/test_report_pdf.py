"""The PDF report read back with poppler: its text (numbers, dates, exercise names), its
fonts (embedded), its pages (rendered, not blank) and its paper size by locale."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QImage, QPageSize
from pytestqt.qtbot import QtBot

from tests import report_history as known
from workout_player.store import open_store
from workout_player.store.report_data import gather
from workout_player.ui.report.pdf import paper_for, report_pdf

pytestmark = [
    pytest.mark.slow,  # pdftotext, pdffonts, pdftoppm
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils"),
]


def pdf_of(tmp_path: Path, start: date, end: date, *, pain: bool = True) -> Path:
    history = known.database(tmp_path / "history.sqlite3", pain=pain)
    with open_store(history, mode="read") as store:
        data = gather(store, start, end, made=date(2026, 12, 1))
    out = tmp_path / "report.pdf"
    out.write_bytes(report_pdf(data, QLocale("de_DE")))
    return out


def text_of(pdf: Path) -> str:
    done = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    return " ".join(done.stdout.split())  # lines wrap where the page does


def test_report_text_holds_the_known_numbers(qtbot: QtBot, tmp_path: Path) -> None:
    text = text_of(pdf_of(tmp_path, known.START, known.END))
    assert "Period: 5 Oct 2026 to 29 Nov 2026 (56 days)" in text
    assert "Made: 1 Dec 2026" in text
    assert "Sessions Completed Ended early Per week Active time Sets Effort (RPE)" in text
    assert "28 22 6 3.5 7 h 00 min 140 average 6.0/10 (from 5 to 7, 28 answers)" in text
    assert "averaged 6.0/10 in the first two weeks and 3.0/10 in the last two" in text
    assert "3.0 points lower (50%), which reaches a clinically meaningful difference" in text
    assert "before 4.5, after 3.5, next morning 4.0" in text
    assert "Bird dog 28 84 672 42:00" in text
    assert "Side plank 28 56 - 18:40" in text
    assert "30-second chair stand 11 reps (within 11-16) 14 reps (within 11-16)" in text
    assert "Trunk flexor hold 40.0 s (no verified norm) 62.0 s (no verified norm)" in text
    assert "On the left side you held 21 seconds, 30% less than the 30 seconds" in text
    assert known.NOTE in text
    assert "self-reported" in text and "Workout Player" in text
    # The red flag comes first, before the sessions.
    flag = text.index("RED FLAG: leg symptoms")
    assert flag < text.index("Sessions and effort")
    assert "12 Nov 2026 (Back basics)" in text[flag:]
    assert re.findall(r"Page (\d) of (\d)", text)[-1][0] == re.findall(r"Page \d of (\d)", text)[0]


def test_fonts_are_embedded(qtbot: QtBot, tmp_path: Path) -> None:
    pdf = pdf_of(tmp_path, known.START, known.END)
    done = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    rows = done.stdout.splitlines()[2:]
    assert rows, done.stdout
    for row in rows:
        assert row.split()[-5] == "yes", row  # the "emb" column


def test_pages_render_and_are_not_blank(qtbot: QtBot, tmp_path: Path) -> None:
    pdf = pdf_of(tmp_path, known.START, known.END)
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert 1 <= len(pages) <= 3
    for page in pages:
        image = QImage(str(page))
        # A4 at 40 dpi is 331 x 468 pixels: the paper size chosen for de_DE.
        assert (image.width(), image.height()) == (331, 468)
        inked = sum(
            1
            for y in range(0, image.height(), 2)
            for x in range(0, image.width(), 2)
            if image.pixelColor(x, y).lightness() < 200
        )
        assert inked / ((image.width() // 2) * (image.height() // 2)) > 0.01, page


def test_an_empty_period_says_so(qtbot: QtBot, tmp_path: Path) -> None:
    text = text_of(pdf_of(tmp_path, date(2020, 1, 1), date(2020, 1, 31)))
    assert "No sessions were recorded from 1 Jan 2020 to 31 Jan 2020." in text
    assert "No self-checks were done in this period." in text
    assert "Page 1 of 1" in text


def test_a_period_without_pain_answers_says_so(qtbot: QtBot, tmp_path: Path) -> None:
    text = text_of(pdf_of(tmp_path, known.START, known.END, pain=False))
    assert "No pain answers were given in this period." in text
    assert "Bird dog 28 84 672" in text


@pytest.mark.parametrize(
    ("locale", "paper"),
    [
        ("en_US", QPageSize.PageSizeId.Letter),
        ("fr_CA", QPageSize.PageSizeId.Letter),
        ("es_MX", QPageSize.PageSizeId.Letter),
        ("en_PH", QPageSize.PageSizeId.Letter),
        ("en_GB", QPageSize.PageSizeId.A4),
        ("de_DE", QPageSize.PageSizeId.A4),
        ("ja_JP", QPageSize.PageSizeId.A4),
    ],
)
def test_paper_follows_the_locale(locale: str, paper: QPageSize.PageSizeId) -> None:
    assert paper_for(QLocale(locale)).id() == paper


def test_the_pdf_is_vector_with_no_pictures(qtbot: QtBot, tmp_path: Path) -> None:
    pdf = pdf_of(tmp_path, known.START, known.END)
    done = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[2:] == []  # the header only: the chart is lines and text


def test_a_long_history_stays_within_three_pages(qtbot: QtBot, tmp_path: Path) -> None:
    from datetime import datetime, timedelta

    from tests.history_data import record

    history = tmp_path / "long.sqlite3"
    with open_store(history) as store:
        for day in range(60):
            started = datetime(2026, 9, 1, 9, 0) + timedelta(days=day)
            session = record(store, started, f"Workout {day}", "completed", 600,
                             [(f"Exercise number {day}", 8, 30.0)], 3, 2, 5)  # fmt: skip
            store.update_session(session, notes=f"Note {day}: " + "a long note " * 40)
        data = gather(store, date(2026, 9, 1), date(2026, 10, 30))
    out = tmp_path / "long.pdf"
    out.write_bytes(report_pdf(data, QLocale("en_US")))
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True)
    pages = int(re.search(r"Pages:\s+(\d+)", info.stdout).group(1))  # type: ignore[union-attr]
    assert 1 <= pages <= 3
    assert re.search(r"Page size:\s+612 x 792 pts \(letter\)", info.stdout), info.stdout
    text = text_of(out)
    assert "and 40 more exercises." in text  # the 20 with most sets are listed
    assert "The last 12 of 60 notes." in text
    assert "Note 59: a long note" in text  # the newest are kept
    assert "stops at three pages" not in text  # the cut lists fit
