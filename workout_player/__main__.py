"""`python -m workout_player` runs the same command line as `workout-player`."""

import sys

from workout_player.cli import main

sys.exit(main())
