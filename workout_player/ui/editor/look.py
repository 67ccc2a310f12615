"""The editors' look: their style sheet and the table of keys each shows under its steps."""

from __future__ import annotations

from collections.abc import Sequence

from workout_player.ui import theme

EDITOR_STYLE = f"""
QTableWidget {{ font-size: 18px; gridline-color: #3c424a; }}
QTableWidget::item:selected {{ background-color: #1565c0; }}
QHeaderView::section {{
    background-color: {theme.SURFACE_HIGH}; color: {theme.TEXT}; font-size: 16px;
    font-weight: 700; border: none; padding: 6px;
}}
QLabel[role="saved"] {{ color: {theme.REST}; font-size: 18px; font-weight: 700; }}
QLabel[role="error"] {{ color: {theme.DANGER}; font-size: 18px; font-weight: 700; }}
QLabel[role="keys"] {{ color: {theme.TEXT_DIM}; font-size: 15px; }}
QLabel[role="clock"] {{ font-size: 30px; font-weight: 700; }}
QLabel[role="rate"] {{ font-size: 22px; font-weight: 600; color: {theme.ACCENT}; }}
QListWidget#problems {{ font-size: 16px; }}
QDoubleSpinBox {{
    background-color: {theme.SURFACE}; border: 2px solid #3c424a; border-radius: 6px; padding: 6px;
}}
QDoubleSpinBox:focus, QSpinBox:focus {{ border-color: {theme.ACCENT}; }}
QDoubleSpinBox, QSpinBox {{ min-width: 90px; }}
"""


def keys_table(keys: Sequence[tuple[str, str]], columns: int) -> str:
    """The editor's keys as a small HTML table: key in bold, then what it does."""
    cells = [f"<td><b>{key}</b></td><td>{text}&nbsp;&nbsp;</td>" for key, text in keys]
    rows = ["".join(cells[i : i + columns]) for i in range(0, len(cells), columns)]
    body = "".join(f"<tr>{row}</tr>" for row in rows)
    return f"<table cellspacing='0' cellpadding='2'>{body}</table>"
