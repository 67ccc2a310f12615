"""One style sheet for the summary and history screens, on top of the app theme.

Set once on each page (a style sheet per label would re-polish the page dozens of
times while it opens); widgets opt in with dynamic properties, e.g.
`label.setProperty("textSize", "h2")`.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from workout_player.ui.theme import ACCENT, SURFACE, SURFACE_HIGH, TEXT, TEXT_DIM, WARN

HIGHLIGHT = "#ffd54f"  # the chosen rating and the streak numbers: yellow reads best on dark

PAGE_STYLE = f"""
QLabel[textSize="h1"] {{ font-size: 32px; font-weight: 700; }}
QLabel[textSize="h2"] {{ font-size: 24px; font-weight: 700; }}
QLabel[textSize="l"] {{ font-size: 20px; }}
QLabel[textSize="s"] {{ font-size: 15px; color: {TEXT_DIM}; }}
QLabel[textSize="dim"] {{ font-size: 20px; color: {TEXT_DIM}; }}
QLabel[textSize="result"] {{ font-size: 24px; font-weight: 800; color: {ACCENT}; }}
QLabel[textSize="result-below"] {{ font-size: 24px; font-weight: 800; color: {WARN}; }}
QLabel[textSize="big-number"] {{ font-size: 56px; font-weight: 800; color: {HIGHLIGHT}; }}
QFrame[role="card"] {{ background-color: {SURFACE}; border-radius: 10px; }}
QFrame[role="scale"] {{ border: 2px solid transparent; border-radius: 8px; }}
QFrame[role="scale"]:focus {{ border-color: {ACCENT}; }}
QFrame[role="scale"] QPushButton {{
    min-width: 28px; min-height: 30px; padding: 4px 1px; font-size: 20px; font-weight: 700;
    border-radius: 6px; background-color: {SURFACE_HIGH}; color: {TEXT};
}}
QFrame[role="scale"] QPushButton:checked {{
    background-color: {HIGHLIGHT}; color: #111111; border-color: {HIGHLIGHT};
}}
QTableView {{ font-size: 18px; alternate-background-color: {SURFACE_HIGH}; }}
QHeaderView::section {{
    font-size: 16px; font-weight: 700; background-color: {SURFACE_HIGH}; color: {TEXT};
    border: none; padding: 4px 8px;
}}
QTabBar::tab {{
    font-size: 18px; font-weight: 600; padding: 8px 22px; background-color: {SURFACE};
    border: 2px solid {SURFACE_HIGH}; border-bottom: none;
    border-top-left-radius: 8px; border-top-right-radius: 8px;
}}
QTabBar::tab:selected {{ background-color: {SURFACE_HIGH}; border-color: {ACCENT}; }}
QTabWidget::pane {{ border: none; }}
QPlainTextEdit {{
    font-size: 18px; background-color: {SURFACE}; border: 2px solid #3c424a; border-radius: 6px;
}}
QPlainTextEdit:focus, QDateEdit:focus {{ border-color: {ACCENT}; }}
QDateEdit {{
    background-color: {SURFACE}; border: 2px solid #3c424a; border-radius: 6px; padding: 6px;
}}
"""


def style_page(page: QWidget) -> None:
    page.setStyleSheet(PAGE_STYLE)


def set_size(widget: QWidget, size: str) -> QWidget:
    """Tag a label with one of the sizes of PAGE_STYLE ("h1", "h2", "l", "s", "dim", "result",
    "result-below", "big-number")."""
    widget.setProperty("textSize", size)
    return widget
