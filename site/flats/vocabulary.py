"""The self-check's vocabulary, defined once.

Answer names and values, their bounds, the order of the questions, the
languages, the statuses and the fee kinds. The form, the API's validation,
the OpenAPI document and the frozen site's answer tables all read them from
here, at the moment they need them, so a change here reaches all four.
Nothing here names a facility: facilities are data (content/facilities/).
"""
from __future__ import annotations

from decimal import Decimal

# The site's languages, Polish first (the default), with their own names.
LANGUAGES: dict[str, str] = {"pl": "Polski", "en": "English", "uk": "Українська"}
DEFAULT_LANGUAGE = "pl"

YES_NO = ("yes", "no")
SITUATIONS = ("older_age", "disability", "illness", "leaving_care", "other_difficulty")
HOUSEHOLDS = ("single", "family")
STATUSES = ("likely", "possible", "unlikely")
FEE_KINDS = ("free", "bracket", "set_by_centre")

# Everyone in a family household, the person included.
HOUSEHOLD_SIZE_MIN = 2
HOUSEHOLD_SIZE_MAX = 20
# The highest monthly income the self-check takes, in złoty. A power of ten,
# so that the income pattern below can be written without arithmetic.
INCOME_MAX = Decimal("1000000")

# The questions in the order people are asked them.
QUESTIONS = ("adult", "round_the_clock_care", "situations", "resident", "household",
             "household_size", "income")
YES_NO_QUESTIONS = ("adult", "round_the_clock_care", "resident")
# What the API takes besides the questions: the facility and the rules date.
API_FIELDS = ("facility", *QUESTIONS, "on")


def household_sizes() -> range:
    """Every household size the self-check takes: 1 (living alone) and every family size."""
    return range(1, HOUSEHOLD_SIZE_MAX + 1)
