"""The summary's leg-symptoms check box: a red flag, stored with the session.

"New numbness, tingling or pain spreading below the knee" is what the suggestion's
stop-and-check row S1 looks for (docs/programme-format.md). Each change is a response
record through the history writer, so the GUI never waits for the database.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QWidget

from workout_player.store.programmes import response_record
from workout_player.store.records import SessionHandle
from workout_player.ui import theme
from workout_player.ui.history_writer import HistoryWriter

LEG_SYMPTOMS = "New numbness, tingling or pain spreading below the &knee"


class LegSymptomsBox(QCheckBox):
    """Ticked (Alt+K, or Space when focused): `leg_symptoms` is stored True; unticked: False."""

    def __init__(
        self, handle: SessionHandle, history: HistoryWriter, parent: QWidget | None = None
    ) -> None:
        super().__init__(LEG_SYMPTOMS, parent)
        self._handle, self._history = handle, history
        # A box that shows on the dark theme from across the room, ticked or not.
        self.setStyleSheet(
            "QCheckBox { font-size: 20px; spacing: 12px; }"
            f" QCheckBox::indicator {{ width: 26px; height: 26px; border-radius: 4px;"
            f" border: 2px solid {theme.TEXT_DIM}; background-color: {theme.SURFACE}; }}"
            f" QCheckBox::indicator:focus {{ border-color: {theme.ACCENT}; }}"
            f" QCheckBox::indicator:checked {{ background-color: {theme.ACCENT};"
            f" border-color: {theme.ACCENT}; }}"
        )
        self.setToolTip("If you tick this, the next suggestion is to check with a clinician.")
        self.toggled.connect(self._store)

    def _store(self, ticked: bool) -> None:
        self._history.write_record(response_record(self._handle.target(), leg_symptoms=ticked))
