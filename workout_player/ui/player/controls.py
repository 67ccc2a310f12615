"""The player's controls as one table: the keys, the button's label and the action.

The same rows make the buttons (their text shows the keys as hints, e.g.
"Pause\\n[Space]") and the key map the screen looks a key press up in, so a
key and its button cannot drift apart. F11 is the window's own shortcut (its
View menu); it is shown on the full-screen button because it does the same.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

if TYPE_CHECKING:
    from workout_player.ui.player.controller import SessionController

REST_STEP_SECONDS = 15.0
"""What the rest buttons and the + / - keys add to or take from a rest."""


@dataclass(frozen=True)
class Key:
    """A key that triggers a control; `hint` is how the button names it (None: not shown)."""

    code: Qt.Key | None
    hint: str | None


@dataclass(frozen=True)
class Control:
    """One control: `name` keys the button, `description` is its accessible name and tooltip."""

    name: str
    label: str
    keys: tuple[Key, ...]
    description: str
    action: Callable[[], object]

    def button_text(self, label: str | None = None) -> str:
        """The label over its key hints; `label` replaces it (Pause -> Resume)."""
        hints = " ".join(f"[{key.hint}]" for key in self.keys if key.hint is not None)
        return f"{label or self.label}\n{hints}"


def shown(code: Qt.Key, hint: str) -> Key:
    return Key(code, hint)


def hidden(code: Qt.Key) -> Key:
    """Another key for the same control, not named on the button (= is + without Shift)."""
    return Key(code, None)


def elsewhere(hint: str) -> Key:
    """A key named on the button that the window handles (F11: its View menu's shortcut)."""
    return Key(None, hint)


def key_map(controls: Iterable[Control]) -> dict[int, Control]:
    """Each key to its control; a key in two rows is a mistake in the table."""
    found: dict[int, Control] = {}
    for control in controls:
        for key in control.keys:
            if key.code is None:
                continue
            if key.code in found:
                raise ValueError(
                    f"{key.code!r} is bound to {found[key.code].name} and {control.name}"
                )
            found[key.code] = control
    return found


def player_controls(
    c: SessionController,
    *,
    fullscreen: Callable[[], object],
    settings: Callable[[], object],
    ask_end: Callable[[], object],
) -> list[Control]:
    """The one table of the player's controls, in the order the buttons are shown."""
    return [
        Control(
            "pause",
            "Pause",
            (shown(Qt.Key.Key_Space, "Space"),),
            "Pause or resume",
            c.toggle_pause,
        ),
        Control(
            "previous", "◀ Previous", (shown(Qt.Key.Key_P, "P"),), "Previous segment", c.previous
        ),
        Control("next", "Next ▶", (shown(Qt.Key.Key_N, "N"),), "Next segment", c.next),
        Control(
            "done",
            "Done",
            (shown(Qt.Key.Key_Return, "Enter"), hidden(Qt.Key.Key_Enter)),
            "Done with this set",
            c.done,
        ),
        Control(
            "rep",
            "+1 rep",
            (shown(Qt.Key.Key_R, "R"), shown(Qt.Key.Key_Up, "↑")),
            "Count one rep",
            c.add_rep,
        ),
        Control(
            "less_rest",
            "Rest −15 s",
            (shown(Qt.Key.Key_Minus, "−"),),
            "Shorter rest",
            lambda: c.adjust_rest(-REST_STEP_SECONDS),
        ),
        Control(
            "more_rest",
            "Rest +15 s",
            (shown(Qt.Key.Key_Plus, "+"), hidden(Qt.Key.Key_Equal)),
            "Longer rest",
            lambda: c.adjust_rest(REST_STEP_SECONDS),
        ),
        Control(
            "mute",
            "Mute",
            (shown(Qt.Key.Key_M, "M"),),
            "Mute sound",
            lambda: c.set_muted(not c.muted),
        ),
        Control(
            "fullscreen",
            "Full screen",
            (shown(Qt.Key.Key_F, "F"), elsewhere("F11")),
            "Full screen",
            fullscreen,
        ),
        Control(
            "settings",
            "Sound",
            (shown(Qt.Key.Key_S, "S"),),
            "Sound settings",
            settings,
        ),
        # Esc leaves full screen first (keyPressEvent); the button always asks.
        Control("end", "End", (shown(Qt.Key.Key_Escape, "Esc"),), "End the session", ask_end),
    ]
