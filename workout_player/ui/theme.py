"""The dark, high-contrast look: a palette for native widgets and one style sheet.

A dark background suits video and keeps white text readable from across a room;
accents are saturated colours with a contrast ratio of at least 4.5:1 against the
background. Sizes here are pixels because the player is designed for a
1366x768 laptop seen from about three metres.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

BACKGROUND = "#101214"
SURFACE = "#1c1f23"
SURFACE_HIGH = "#2a2e34"
TEXT = "#f5f5f5"
TEXT_DIM = "#b8bec6"
ACCENT = "#4fc3f7"  # work, progress
REST = "#81c784"  # rest timer
WARN = "#ffb300"  # banners, safety
DANGER = "#ff6e6e"

STYLE_SHEET = f"""
QWidget {{ color: {TEXT}; background-color: {BACKGROUND}; font-size: 16px; }}
QMainWindow, QStackedWidget {{ background-color: {BACKGROUND}; }}
QToolTip {{ color: {TEXT}; background-color: {SURFACE_HIGH}; border: 1px solid {TEXT_DIM}; }}
QMenuBar, QMenu, QToolBar {{ background-color: {SURFACE}; }}
QMenu::item:selected, QMenuBar::item:selected {{ background-color: {SURFACE_HIGH}; }}
QPushButton, QToolButton {{
    background-color: {SURFACE_HIGH}; border: 2px solid #3c424a; border-radius: 8px;
    padding: 8px 16px; font-size: 18px; font-weight: 600;
}}
QPushButton:hover, QToolButton:hover {{ border-color: {ACCENT}; }}
QPushButton:focus, QToolButton:focus {{ border-color: {ACCENT}; }}
QPushButton:pressed {{ background-color: #3c424a; }}
QPushButton:checked {{ background-color: #0d47a1; border-color: {ACCENT}; }}
QPushButton:disabled {{ color: #6b7280; border-color: #2a2e34; }}
QPushButton[primary="true"] {{ background-color: #1565c0; border-color: {ACCENT}; }}
QLineEdit, QComboBox, QSpinBox, QListView, QTreeView, QTextBrowser, QTableView {{
    background-color: {SURFACE}; border: 2px solid #3c424a; border-radius: 6px; padding: 6px;
    selection-background-color: #1565c0; selection-color: {TEXT};
}}
QLineEdit:focus, QComboBox:focus, QSpinBox:focus, QListView:focus {{ border-color: {ACCENT}; }}
QProgressBar {{
    background-color: {SURFACE_HIGH}; border: none; border-radius: 6px; text-align: center;
    color: {TEXT}; font-weight: 600;
}}
QProgressBar::chunk {{ background-color: {ACCENT}; border-radius: 6px; }}
QLabel {{ background-color: transparent; }}
QLabel[role="title"] {{ font-size: 34px; font-weight: 700; }}
QLabel[role="dim"] {{ color: {TEXT_DIM}; }}
QLabel[role="safety"] {{
    background-color: #3e2c00; color: #ffe082; border: 2px solid {WARN}; border-radius: 8px;
    padding: 12px; font-size: 20px; font-weight: 600;
}}
QFrame[role="banner"] {{ background-color: {WARN}; border-radius: 6px; }}
QFrame[role="banner"] QLabel {{ color: #111111; font-size: 20px; font-weight: 700; }}
QFrame[role="banner"] QPushButton {{
    color: #111111; background-color: #ffd54f; border-color: #111111; font-size: 16px;
}}
QFrame[role="confirm"] {{
    background-color: #5c1a1a; border: 2px solid {DANGER}; border-radius: 8px;
}}
QFrame[role="confirm"] QLabel {{ font-size: 26px; font-weight: 700; }}
QFrame[role="panel"] {{ background-color: {SURFACE}; border-radius: 10px; }}
"""


def apply_theme(app: QApplication) -> None:
    """Dark palette (for widgets the style sheet does not reach) plus the style sheet."""
    app.setStyle("Fusion")
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: BACKGROUND,
        QPalette.ColorRole.WindowText: TEXT,
        QPalette.ColorRole.Base: SURFACE,
        QPalette.ColorRole.AlternateBase: SURFACE_HIGH,
        QPalette.ColorRole.Text: TEXT,
        QPalette.ColorRole.Button: SURFACE_HIGH,
        QPalette.ColorRole.ButtonText: TEXT,
        QPalette.ColorRole.BrightText: "#ffffff",
        QPalette.ColorRole.Highlight: "#1565c0",
        QPalette.ColorRole.HighlightedText: TEXT,
        QPalette.ColorRole.ToolTipBase: SURFACE_HIGH,
        QPalette.ColorRole.ToolTipText: TEXT,
        QPalette.ColorRole.PlaceholderText: TEXT_DIM,
        QPalette.ColorRole.Link: ACCENT,
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#6b7280"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#6b7280"))
    app.setPalette(palette)
    app.setStyleSheet(STYLE_SHEET)
