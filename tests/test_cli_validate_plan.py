"""`workout-player validate`, `plan` and `schema`: exit codes, streams, and never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import WORKOUTS
from tests.media_fixtures import test_video  # noqa: F401  (a fixture)
from tests.test_timeline import WORKED_EXAMPLE
from workout_player.cli import main
from workout_player.domain.schema import load_schema

GOOD = "title: T\nsteps:\n  - rest: 30\n"


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_validate_ok_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = write(tmp_path, "a.yaml", GOOD), write(tmp_path, "b.yml", GOOD)
    assert main(["validate", str(a), str(b)]) == 0
    out, err = capsys.readouterr()
    assert out == f"OK {a}\nOK {b}\n" and err == ""


def test_validate_reports_every_problem_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = write(tmp_path, "good.yaml", GOOD)
    bad = write(
        tmp_path, "static.yaml", "title: T\nsteps:\n  - exercise: A\n    rets: 8\n    sets: eight\n"
    )
    assert main(["validate", str(good), str(bad)]) == 1
    out, err = capsys.readouterr()
    assert out == f"OK {good}\n"
    assert err.splitlines() == [
        f"{bad}:3:5: exercise step (A) needs reps: (reps per set) or duration: (seconds per set)",
        f"{bad}:4:5: unknown key 'rets' in exercise step; did you mean 'reps'?",
        f'{bad}:5:11: sets must be a whole number >= 1, got "eight"',
        "1 of 2 files have errors",
    ]


def test_validate_warnings_still_pass(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(
        tmp_path,
        "w.yaml",
        "title: T\nsteps:\n  - exercise: A\n    duration: 5\n    clip: gone.mp4\n",
    )
    assert main(["validate", str(path)]) == 0
    out, err = capsys.readouterr()
    assert out == f"OK {path} (1 warning)\n"
    missing = tmp_path / "gone.mp4"
    assert err == (
        f"{path}:5:11: warning: clip file not found: {missing} "
        "(a relative path starts from the workout's folder)\n"
    )


def test_validate_bundled_workouts(capsys: pytest.CaptureFixture[str]) -> None:
    files = sorted(str(p) for p in WORKOUTS.glob("*.yaml"))
    assert main(["validate", *files]) == 0
    assert capsys.readouterr().out.count("OK ") == len(files)


def test_validate_without_files_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["validate"])
    assert caught.value.code == 2
    assert "usage:" in capsys.readouterr().err


def test_validate_hostile_files_give_messages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    binary = tmp_path / "binary.yaml"
    binary.write_bytes(bytes(range(256)))
    huge = tmp_path / "huge.yaml"
    huge.write_bytes(b"#" * (2 * 1024 * 1024))
    deep = write(tmp_path, "deep.yaml", "[" * 10_000)
    evil = write(tmp_path, "evil.yaml", "title: !!python/object/apply:os.system [touch pwned]\n")
    names = [
        str(tmp_path),
        str(tmp_path / "missing.yaml"),
        str(binary),
        str(huge),
        str(deep),
        str(evil),
    ]
    assert main(["validate", *names]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "Traceback" not in err
    lines = err.splitlines()
    assert lines[-1] == "6 of 6 files have errors"
    for name in names:
        assert any(line.startswith(f"{name}:") for line in lines), name
    assert not (Path.cwd() / "pwned").exists()


@pytest.mark.slow
def test_validate_in_a_subprocess_with_an_undecodable_file_name(tmp_path: Path) -> None:
    name = tmp_path.as_posix().encode() + b"/caf\xe9.yaml"
    with open(name, "wb") as stream:  # noqa: PTH123 - a bytes path that is not UTF-8
        stream.write(GOOD.encode())
    done = subprocess.run(
        [sys.executable, "-m", "workout_player", "validate", name, str(tmp_path / "nope.yaml")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    assert done.stdout.startswith("OK ") and "caf" in done.stdout
    assert "nope.yaml:1:1: no such file" in done.stderr and "Traceback" not in done.stderr


def test_plan_table_of_the_worked_example(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "worked.yaml", WORKED_EXAMPLE)
    assert main(["plan", str(path)]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == "Worked example (timer-led)"
    assert lines[2].split() == ["start", "kind", "exercise", "set", "side", "reps", "duration"]
    assert lines[3].split() == ["0:00", "countdown", "Bird", "dog", "0:05"]
    assert lines[4].split() == ["0:05", "work", "Bird", "dog", "1/2", "left", "8", "0:48"]
    assert lines[5].split() == ["0:53", "switch", "Bird", "dog", "1/2", "right", "0:05"]
    assert lines[7].split() == ["1:46", "rest", "Bird", "dog", "1/2", "0:30"]
    assert lines[-1] == "Total 3:57"


def test_plan_total_at_least_when_self_paced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(
        tmp_path, "w.yaml", "title: T\nsteps:\n  - exercise: A\n    reps: 10\n  - rest: 30\n"
    )
    assert main(["plan", str(path)]) == 0
    out = capsys.readouterr().out
    assert "self-paced" in out
    assert out.splitlines()[-1] == "Total at least 0:35 (self-paced sets count as 0:00)"


def test_plan_json_of_the_worked_example(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "worked.yaml", WORKED_EXAMPLE)
    assert main(["plan", str(path), "--json"]) == 0
    out, err = capsys.readouterr()
    data = json.loads(out)
    assert err == ""
    assert list(data) == ["title", "mode", "total_seconds", "exact", "segments"]
    assert (data["title"], data["mode"], data["total_seconds"], data["exact"]) == (
        "Worked example",
        "timer",
        237.0,
        True,
    )
    assert [s["kind"] for s in data["segments"]] == [
        "countdown", "work", "switch", "work", "rest", "work", "switch", "work",
    ]  # fmt: skip
    assert data["segments"][3] == {
        "kind": "work", "start": 58.0, "duration": 48.0, "step": 0,
        "exercise": "Bird dog", "set": 1, "side": "right", "reps": 8,
    }  # fmt: skip


def test_plan_of_a_bad_file_prints_problems_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path, "bad.yaml", "title: T\nsteps:\n  - rest: 0\n")
    assert main(["plan", str(path), "--json"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == f"{path}:3:11: rest must be a number of seconds > 0, got 0\n"


def test_plan_video_led_total_is_the_video_length(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    test_video: Path,  # noqa: F811
) -> None:
    text = f"title: V\nvideo: {test_video}\nsteps:\n  - rest: 1\n    at: 0\n"
    path = write(tmp_path, "v.yaml", text)
    assert main(["plan", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["mode"] == "video"
    if data["total_seconds"] == 1.0:
        pytest.skip("libvlc could not read the test video's length here")
    assert data["total_seconds"] == pytest.approx(2.0, abs=0.2)


def test_plan_video_led_without_the_video_uses_the_last_segment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "title: V\nvideo: gone.mp4\nsteps:\n  - rest: 10\n    at: 0:05\n"
    path = write(tmp_path, "v.yaml", text)
    assert main(["plan", str(path)]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines()[-1] == "Total 0:15 (the end of the last step)"
    assert "warning: video file not found" in err


def test_schema_command_prints_the_bundled_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == load_schema()
