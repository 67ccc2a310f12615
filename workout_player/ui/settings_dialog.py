"""Sound settings: voice, beeps, ticks, volume, countdown beeps and a cue offset for audio latency.

Kept in QSettings through `audio.save_sound_settings` (read back by
`audio.load_sound_settings`); applied the moment they are saved, also to a running
session. The dialog is not modal: the session's keys and clock keep running behind it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from workout_player.audio import SoundSettings, save_sound_settings


class SettingsDialog(QDialog):
    """Edits SoundSettings; `applied(settings)` fires on OK after they were saved."""

    applied = Signal(object)

    def __init__(self, settings: SoundSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Sound settings")
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        self.voice = QCheckBox("Speak the cues (exercise, switch sides, rest, last set)")
        self.voice.setChecked(settings.voice)
        self.beeps = QCheckBox("Beep 3-2-1 before work and at the end of a rest")
        self.beeps.setChecked(settings.beeps)
        self.ticks = QCheckBox("Tick on each tempo phase (lower / lift)")
        self.ticks.setChecked(settings.ticks)
        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setRange(0, 100)
        self.volume.setValue(settings.volume)
        self.volume_label = QLabel(f"{settings.volume} %")
        self.volume.valueChanged.connect(lambda v: self.volume_label.setText(f"{v} %"))
        self.countdown = QSpinBox()
        self.countdown.setRange(0, 5)
        self.countdown.setValue(settings.countdown_beeps)
        self.countdown.setSuffix(" beeps")
        self.offset = QSpinBox()
        self.offset.setRange(-2000, 2000)
        self.offset.setSingleStep(25)
        self.offset.setValue(settings.cue_offset_ms)
        self.offset.setSuffix(" ms")
        self.offset.setToolTip(
            "Negative plays the cues earlier, to make up for a slow audio device "
            "(Bluetooth speakers often need -150 to -250 ms)."
        )

        names = {
            self.voice: "Voice cues",
            self.beeps: "Countdown beeps",
            self.ticks: "Tempo ticks",
            self.volume: "Volume",
            self.countdown: "Number of countdown beeps",
            self.offset: "Cue offset in milliseconds",
        }
        for widget, name in names.items():
            widget.setAccessibleName(name)

        form = QFormLayout()
        form.addRow(self.voice)
        form.addRow(self.beeps)
        form.addRow(self.ticks)
        form.addRow("Volume", self.volume)
        form.addRow("", self.volume_label)
        form.addRow("Countdown", self.countdown)
        form.addRow("Cue offset", self.offset)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def settings(self) -> SoundSettings:
        return SoundSettings(
            voice=self.voice.isChecked(),
            beeps=self.beeps.isChecked(),
            ticks=self.ticks.isChecked(),
            volume=self.volume.value(),
            countdown_beeps=self.countdown.value(),
            cue_offset_ms=self.offset.value(),
        )

    def accept(self) -> None:
        settings = self.settings()
        save_sound_settings(settings)
        self.applied.emit(settings)
        super().accept()
