"""Guided self-checks: the published reference figures and how a result compares with them.

`norms.py` compares results with the sourced rows of `norms.json`; `wording.py` turns a
comparison into careful plain sentences. Plain Python, no Qt (domain layer).
"""

from __future__ import annotations

from workout_player.domain.checks.norms import (
    Asymmetry,
    Comparison,
    Position,
    Ratio,
    asymmetry,
    compare,
    load_norms,
    needs_profile,
    ratios,
    read_norms,
)
from workout_player.domain.checks.parse import NormsError, parse_norms
from workout_player.domain.checks.records import (
    Check,
    NormRow,
    Norms,
    PersonSex,
    RatioRule,
    Source,
)

__all__ = [
    "Asymmetry",
    "Check",
    "Comparison",
    "NormRow",
    "Norms",
    "NormsError",
    "PersonSex",
    "Position",
    "Ratio",
    "RatioRule",
    "Source",
    "asymmetry",
    "compare",
    "load_norms",
    "needs_profile",
    "parse_norms",
    "ratios",
    "read_norms",
]
