"""Beeps (generated WAVs), the Qt announcer on a machine without sound, and sound settings."""

from __future__ import annotations

import threading
import wave
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QSettings
from PySide6.QtMultimedia import QMediaDevices, QSoundEffect
from PySide6.QtTextToSpeech import QTextToSpeech
from pytestqt.qtbot import QtBot

from workout_player.audio import (
    BEEP_KINDS,
    QtAnnouncer,
    RecordingAnnouncer,
    SoundSettings,
    beep_files,
    load_sound_settings,
    save_sound_settings,
    wants,
)
from workout_player.audio import announcer as announcer_module
from workout_player.audio.announcer import NO_SOUND_DEVICE
from workout_player.audio.beeps import BEEPS, SAMPLE_RATE, Tone, render, write_wav

# -- beeps ------------------------------------------------------------------------------------


def test_every_beep_is_a_valid_wav(tmp_path: Path) -> None:
    files = beep_files(tmp_path)
    assert set(files) == set(BEEP_KINDS)
    for kind, path in files.items():
        assert path.parent == tmp_path
        assert path.read_bytes()[:4] == b"RIFF" and path.read_bytes()[8:12] == b"WAVE"
        with wave.open(str(path), "rb") as wav:
            assert wav.getnchannels() == 1
            assert wav.getsampwidth() == 2
            assert wav.getframerate() == SAMPLE_RATE
            seconds = wav.getnframes() / wav.getframerate()
        assert seconds == pytest.approx(sum(t.seconds for t in BEEPS[kind]), abs=1e-4)


def test_beeps_are_told_apart_by_length() -> None:
    length = {kind: sum(t.seconds for t in BEEPS[kind]) for kind in BEEP_KINDS}
    assert length["tick"] < length["count"] < length["go"]
    assert len([t for t in BEEPS["end"] if t.frequency]) == 2  # two tones


def test_tones_fade_in_and_out_without_clipping() -> None:
    samples = render((Tone(880.0, 0.1),))
    assert len(samples) == round(0.1 * SAMPLE_RATE)
    assert abs(samples[0]) < 50 and abs(samples[-1]) < 50  # no click at the edges
    assert 0.5 * 32767 < max(samples) < 32767


def test_beep_files_are_written_once_and_repaired(tmp_path: Path) -> None:
    first = beep_files(tmp_path)
    stamp = first["go"].stat().st_mtime_ns
    first["count"].write_bytes(b"RIFF broken")
    second = beep_files(tmp_path)
    assert second["go"].stat().st_mtime_ns == stamp  # intact: not rewritten
    with wave.open(str(second["count"]), "rb") as wav:  # truncated: written again
        assert wav.getnframes() == round(BEEPS["count"][0].seconds * SAMPLE_RATE)


def test_unwritable_cache_falls_back_to_a_temporary_folder(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    files = beep_files(blocker / "sounds")
    assert all(path.is_file() and blocker not in path.parents for path in files.values())


def test_write_wav_leaves_no_temporary_files(tmp_path: Path) -> None:
    write_wav(tmp_path / "x.wav", (Tone(440.0, 0.05),))
    assert [p.name for p in tmp_path.iterdir()] == ["x.wav"]


# -- announcers -------------------------------------------------------------------------------


def test_recording_announcer_records_in_order() -> None:
    announcer = RecordingAnnouncer()
    announcer.beep("count")
    announcer.say("Side plank, left")
    announcer.beep("go")
    quiet = SoundSettings(voice=False)
    announcer.apply(quiet)
    assert announcer.events == [("beep", "count"), ("say", "Side plank, left"), ("beep", "go")]
    assert announcer.beeps() == ["count", "go"]
    assert announcer.spoken() == ["Side plank, left"]
    assert announcer.settings is quiet


def test_which_beeps_the_settings_let_through() -> None:
    assert wants(SoundSettings(), "count") and not wants(SoundSettings(), "tick")
    assert wants(SoundSettings(ticks=True), "tick")
    assert not wants(SoundSettings(beeps=False, ticks=True), "tick")
    assert not wants(SoundSettings(beeps=False), "go")


def test_qt_announcer_without_a_sound_device_stays_quiet(qtbot: QtBot, tmp_path: Path) -> None:
    # CI has no sound card: construction, beeps and speech must return without raising.
    announcer = QtAnnouncer(sound_dir=tmp_path, engine="mock")
    for kind in BEEP_KINDS:
        announcer.beep(kind)
    announcer.say("Rest, 30 seconds")
    announcer.apply(SoundSettings(volume=0, ticks=True))
    announcer.beep("tick")
    if QMediaDevices.audioOutputs():
        assert announcer.beep_problem is None
    else:
        assert announcer.beep_problem == NO_SOUND_DEVICE
        assert announcer.findChildren(QSoundEffect) == []


def test_sound_effects_load_the_generated_beeps(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Pretend an output exists, so the QSoundEffect path runs even on a machine without one
    # (there each effect ends in Status.Error, and beep() must then skip it quietly).
    class OneOutput:
        @staticmethod
        def audioOutputs() -> list[object]:
            return [object()]

    monkeypatch.setattr(announcer_module, "QMediaDevices", OneOutput)
    announcer = QtAnnouncer(sound_dir=tmp_path, engine="mock")
    effects = announcer.findChildren(QSoundEffect)
    assert sorted(Path(e.source().toLocalFile()).name for e in effects) == sorted(
        f"{kind}-v1.wav" for kind in BEEP_KINDS
    )
    qtbot.waitUntil(lambda: all(e.status() != QSoundEffect.Status.Loading for e in effects))
    announcer.apply(SoundSettings(volume=100, ticks=True))
    assert all(e.volume() == pytest.approx(1.0) for e in effects)
    for kind in BEEP_KINDS:
        announcer.beep(kind)  # plays where there is a device, skips an effect in Error


def ready_announcer(qtbot: QtBot, **kwargs: object) -> QtAnnouncer:
    """A QtAnnouncer once its speech engine, made on the voice thread, is there."""
    announcer = QtAnnouncer(**kwargs)  # type: ignore[arg-type]
    with qtbot.waitSignal(announcer.voice_ready):
        pass
    return announcer


def test_qt_announcer_speaks_through_the_engine(qtbot: QtBot, tmp_path: Path) -> None:
    announcer = ready_announcer(qtbot, sound_dir=tmp_path, engine="mock")
    assert announcer.voice_problem is None
    with qtbot.waitSignal(announcer.speech_state_changed) as changed:
        announcer.say("Bird dog, right")  # returns at once; the engine speaks on its thread
    assert changed.args == [QTextToSpeech.State.Speaking]
    assert announcer.speech_state == QTextToSpeech.State.Speaking


def test_voice_off_in_settings_says_nothing(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    announcer = ready_announcer(
        qtbot, settings=SoundSettings(voice=False), sound_dir=tmp_path, engine="mock"
    )
    voice = announcer._voice
    assert voice is not None
    asked: list[str] = []
    monkeypatch.setattr(voice, "say", asked.append)
    announcer.say("Bird dog, right")
    announcer.apply(SoundSettings(voice=True))
    announcer.say("Rest")
    assert asked == ["Rest"]


def test_the_speech_engine_is_made_off_the_gui_thread_and_a_hang_costs_nothing(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """speech-dispatcher started by libspeechd takes ~1.3 s, or hangs: never on the GUI thread."""
    from workout_player.audio import voice_thread

    made_on: list[bool] = []
    release = threading.Event()
    real = QTextToSpeech

    def slow_engine(name: str, parent: QObject) -> QTextToSpeech:
        made_on.append(threading.current_thread() is threading.main_thread())
        release.wait(60)  # a service that does not answer (until the test lets it)
        return real(name, parent)

    monkeypatch.setattr(voice_thread, "_new_engine", slow_engine)
    announcer = QtAnnouncer(sound_dir=tmp_path, engine="mock")  # returns while it hangs
    announcer.say("Bird dog, right")  # kept for when the voice is there
    qtbot.waitUntil(lambda: made_on == [False])
    assert announcer.voice_problem is None and announcer.speech_state is None
    with qtbot.waitSignals([announcer.voice_ready, announcer.speech_state_changed]):
        release.set()
    assert announcer.speech_state == QTextToSpeech.State.Speaking, "the cue was said then"


def test_a_cue_older_than_the_pending_limit_is_not_said_late(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workout_player.audio import voice_thread

    release = threading.Event()
    real = QTextToSpeech

    def slow_engine(name: str, parent: QObject) -> QTextToSpeech:
        release.wait(60)
        return real(name, parent)

    monkeypatch.setattr(voice_thread, "_new_engine", slow_engine)
    announcer = QtAnnouncer(sound_dir=tmp_path, engine="mock")
    announcer.say("Get ready")
    pending = announcer._pending
    assert pending is not None
    announcer._pending = (pending[0], pending[1] - announcer_module.PENDING_SECONDS - 0.1)
    with qtbot.waitSignal(announcer.voice_ready):
        release.set()
    voice = announcer._voice
    assert voice is not None and announcer._pending is None
    asked: list[str] = []
    monkeypatch.setattr(voice, "say", asked.append)
    announcer.say("Rest")
    assert asked == ["Rest"] and announcer.speech_state is None, "the old cue was dropped"


def test_qt_announcer_without_any_engine_is_quietly_off(qtbot: QtBot, tmp_path: Path) -> None:
    announcer = QtAnnouncer(sound_dir=tmp_path, engine="no-such-engine")
    announcer.say("Anyone there?")
    assert announcer.voice_problem is not None and "speech-dispatcher" in announcer.voice_problem
    assert announcer._voice is None


# -- settings ----------------------------------------------------------------------------------


def test_settings_defaults() -> None:
    assert SoundSettings() == SoundSettings(
        voice=True, beeps=True, ticks=False, volume=80, countdown_beeps=3, cue_offset_ms=0
    )


def test_out_of_range_values_are_clamped() -> None:
    settings = SoundSettings(volume=150, countdown_beeps=-2, cue_offset_ms=60_000)
    assert (settings.volume, settings.countdown_beeps, settings.cue_offset_ms) == (100, 0, 5000)


def test_settings_round_trip_through_an_ini_file(qapp: object, tmp_path: Path) -> None:
    path = str(tmp_path / "settings.ini")
    chosen = SoundSettings(
        voice=False, beeps=True, ticks=True, volume=35, countdown_beeps=5, cue_offset_ms=-250
    )
    save_sound_settings(chosen, QSettings(path, QSettings.Format.IniFormat))
    assert load_sound_settings(QSettings(path, QSettings.Format.IniFormat)) == chosen


def test_missing_or_damaged_settings_fall_back_to_defaults(qapp: object, tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    assert load_sound_settings(QSettings(str(path), QSettings.Format.IniFormat)) == SoundSettings()
    path.write_text(
        "[sound]\nvoice=maybe\nvolume=loud\ncountdown_beeps=9\nticks=true\n", encoding="utf-8"
    )
    loaded = load_sound_settings(QSettings(str(path), QSettings.Format.IniFormat))
    assert loaded == SoundSettings(ticks=True, countdown_beeps=5)


def test_without_a_device_beeps_look_for_one_again_only_every_few_seconds(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[int] = []

    class NoOutput:
        @staticmethod
        def audioOutputs() -> list[object]:
            asked.append(1)
            return []

    monkeypatch.setattr(announcer_module, "QMediaDevices", NoOutput)
    announcer = QtAnnouncer(sound_dir=tmp_path, engine="mock")
    for _ in range(5):
        announcer.beep("count")  # a countdown: no ~15 ms device query per beep
    assert len(asked) == 1 and announcer.beep_problem == NO_SOUND_DEVICE
    announcer._next_device_check = 0.0  # as if DEVICE_RECHECK_SECONDS had passed
    announcer.beep("go")
    assert len(asked) == 2, "speakers plugged in since are still found"
