"""The real rules, loaded once, and a helper to build answers from a case table."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from flats.rules import Answers, load_rules

CONTENT_DIR = Path(__file__).resolve().parents[2] / "content"

# What a case table's answers default to when it leaves them out.
DEFAULTS = {
    "adult": "yes",
    "resident": "yes",
    "round_the_clock_care": "no",
    "situations": ["older_age"],
    "household": "single",
    "household_size": None,
    "income": "0.00",
}


@pytest.fixture(scope="session")
def rules():
    return load_rules(CONTENT_DIR)


def make_answers(given: dict) -> Answers:
    """Answers in the contract's vocabulary (yes/no, lists, money as text) -> Answers."""
    values = {**DEFAULTS, **given}
    yes = {"yes": True, "no": False}
    return Answers(
        facility=values["facility"],
        adult=yes[values["adult"]],
        resident=yes[values["resident"]],
        round_the_clock_care=yes[values["round_the_clock_care"]],
        situations=frozenset(values["situations"]),
        household=values["household"],
        household_size=values["household_size"],
        income=Decimal(values["income"]),
    )
