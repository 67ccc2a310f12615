"""Qt widgets and windows: thin, they show state and forward intent.

Importing the package protects the process from a PySide6 6.12 reference-count bug
on CPython 3.11 (see pyside_workarounds.py) before any widget is made.
"""

from workout_player.ui.pyside_workarounds import protect_none

protect_none()
