"""Workout Player: follow workout videos at home with cues, rep counters and rest timers."""

__version__ = "0.1.0"
