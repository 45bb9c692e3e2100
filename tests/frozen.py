"""Helpers for tests of the frozen build (its fixtures live in conftest.py)."""
from __future__ import annotations

from pathlib import Path

DAY = "2026-11-23"  # the frozen build's rules date in the tests


def files(folder: Path) -> list[str]:
    """Every file of a build, as paths relative to it."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())
