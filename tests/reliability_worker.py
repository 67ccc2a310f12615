"""A real session in its own process, for tests/test_reliability_kill.py to SIGKILL.

python tests/reliability_worker.py DB

Opens the store on DB, runs a short timer-led workout through the real Session and
SessionController (offscreen Qt, timer player, no sound) on a FakeClock that advances 30 ms
per tick as fast as it can, and prints, each flushed at once:

    ready SESSION_ID                 the session row is committed
    committed SET_ID EXERCISE SET SIDE   after each record_set() has returned; then it
                                     waits for a line on stdin before going on
    finished STATUS                  the session was closed (then exits 0)
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

WORKOUT = """title: Kill test
countdown: 1
switch: 1
steps:
  - exercise: Bird dog
    sets: 3
    reps: 2
    tempo: [1, 0, 1]
    rest: 1
  - exercise: Side plank
    sets: 2
    duration: 2
    sides: both
  - rest: 2
  - exercise: Dead bug
    sets: 3
    duration: 1
    rest: 1
"""
#: Sets the workout writes: 3 Bird dog + 2x2 Side plank + 3 Dead bug.
TOTAL_SETS = 10


class Silent:
    def beep(self, kind: str) -> None:
        pass

    def say(self, text: str) -> None:
        pass

    def apply(self, settings: object) -> None:
        pass


def main(db: str) -> int:
    from PySide6.QtWidgets import QApplication

    from workout_player.domain.clock import FakeClock
    from workout_player.domain.loader import parse_workout
    from workout_player.playback import TimerPlayer
    from workout_player.store import SetRecord, Store, open_store
    from workout_player.ui.player.controller import SessionController

    app = QApplication([])
    store = open_store(db)
    record = Store.record_set

    # On the class: the history writer's thread writes through its own Store.
    def record_and_say(self: Store, session_id: int, rec: SetRecord, **key: str | None) -> int:
        set_id = record(self, session_id, rec, **key)  # type: ignore[arg-type]
        print(
            f"committed {set_id} {rec.exercise.replace(' ', '_')} {rec.set} {rec.side}", flush=True
        )
        # Wait for the test's go-ahead, so it can choose the set after which it kills
        # whatever the machine's speed (EOF on stdin: carry on freely).
        sys.stdin.readline()
        return set_id

    Store.record_set = record_and_say  # type: ignore[method-assign]
    result = parse_workout(WORKOUT, Path(db).with_name("kill.yaml"))
    assert result.workout is not None, result.problems
    clock = FakeClock()
    player = TimerPlayer()
    controller = SessionController(result.workout, player, Silent(), store, clock=clock)  # type: ignore[arg-type]
    finished: list[bool] = []
    controller.finished.connect(finished.append)
    controller.start()
    assert controller.history is not None
    controller.history.flush()  # the session's row is written (on the writer's thread)
    print(f"ready {controller.session_id}", flush=True)
    while not finished:
        clock.advance(0.03)
        controller.tick()
    controller.history.flush()  # every set and the end are committed
    app.processEvents()
    print(f"finished {'completed' if finished[0] else 'stopped'}", flush=True)
    controller.shutdown()
    player.close()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
