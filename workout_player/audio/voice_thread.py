"""The speech engine on a thread of its own: the window never waits for it.

QTextToSpeech("speechd") connects to speech-dispatcher inside its constructor, and where the
service is not running yet libspeechd starts it and waits: ~1.3 s on the 2-core test machine
with espeak-ng (the default on Ubuntu and Debian desktops), so at nearly every start of the
app, as the service exits a few seconds after its last client. On the GUI thread that froze
the library as it filled, and a service that hangs on a later say() froze a session.

Here the engine is made, and spoken through, in a QThread with its own event loop: every
call to it is a queued signal, its state comes back the same way. At the app's exit the
thread gets two seconds to end; one stuck inside the engine is left running, and every
thread stays referenced until Qt deletes it once finished (destroying a running QThread
aborts the process).
"""

from __future__ import annotations

import atexit
import contextlib

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot
from PySide6.QtTextToSpeech import QTextToSpeech

STOP_WAIT_MS = 2000
_THREADS: set[QThread] = set()
"""Every voice thread until Qt deletes it after it finished: Python never destroys a running
QThread (that aborts the process), whenever its handle goes."""


@atexit.register
def _stop_all() -> None:
    """Before the interpreter tears its objects down: end every voice thread still running
    (a test's announcer, an app quit without aboutToQuit)."""
    for thread in list(_THREADS):
        with contextlib.suppress(RuntimeError):  # its C++ side already gone
            if thread.isRunning():
                thread.quit()
                thread.wait(STOP_WAIT_MS)


def _new_engine(name: str, parent: QObject) -> QTextToSpeech:
    """Where the engine is made (on the voice thread); tests put a slow one here."""
    return QTextToSpeech(name, parent)


class _Engine(QObject):
    """Lives in the voice thread and owns the QTextToSpeech there."""

    started = Signal(str)  # "" when the engine is ready, else what went wrong
    state_changed = Signal(object, str)  # QTextToSpeech.State, its error text

    def __init__(self, name: str) -> None:
        super().__init__()
        self._name = name
        self._speech: QTextToSpeech | None = None

    @Slot()
    def start(self) -> None:
        speech = _new_engine(self._name, self)
        if speech.state() == QTextToSpeech.State.Error:
            self.started.emit(speech.errorString() or self._name)
            speech.deleteLater()
            return
        speech.stateChanged.connect(self._changed)
        self._speech = speech
        self.started.emit("")

    @Slot(str)
    def say(self, text: str) -> None:
        speech = self._speech
        if speech is not None and speech.state() != QTextToSpeech.State.Error:
            speech.say(text)  # asynchronous; a new cue replaces one still being spoken

    @Slot(float)
    def set_volume(self, volume: float) -> None:
        if self._speech is not None:
            self._speech.setVolume(volume)

    def _changed(self, state: QTextToSpeech.State) -> None:
        speech = self._speech
        self.state_changed.emit(state, speech.errorString() if speech is not None else "")


class VoiceThread(QObject):
    """The GUI thread's handle on the engine `name`: `ready(problem)` once it is made ("" when
    it works), then `state_changed(state, error)`; `say` and `set_volume` never block."""

    ready = Signal(str)
    state_changed = Signal(object, str)
    _start = Signal()
    _say = Signal(str)
    _volume = Signal(float)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        thread = QThread()
        thread.setObjectName("voice")
        _THREADS.add(thread)
        thread.finished.connect(thread.deleteLater)
        thread.destroyed.connect(lambda: _THREADS.discard(thread))
        self._thread = thread
        self._engine = _Engine(name)
        self._engine.moveToThread(thread)
        thread.finished.connect(self._engine.deleteLater)
        self._start.connect(self._engine.start)
        self._say.connect(self._engine.say)
        self._volume.connect(self._engine.set_volume)
        self._engine.started.connect(self.ready)
        self._engine.state_changed.connect(self.state_changed)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)
        # The handle gone (its announcer deleted): the thread ends after what it is doing.
        self.destroyed.connect(thread.quit)
        self._thread.start()
        self._start.emit()

    def say(self, text: str) -> None:
        self._say.emit(text)

    def set_volume(self, volume: float) -> None:
        self._volume.emit(volume)

    def stop(self) -> None:
        """End the thread (the app is quitting); one stuck in the engine is left to run."""
        thread = self._thread
        if not thread.isRunning():
            return
        thread.quit()
        thread.wait(STOP_WAIT_MS)  # one stuck in the engine stays in _THREADS, running
