"""The self-check's vocabulary, defined once.

Answer names and values, their bounds, the order of the questions, the
languages, the statuses and the fee kinds. The form, the API's validation,
the OpenAPI document and the frozen site's answer tables all read them from
here, at the moment they need them, so a change here reaches all four.
Nothing here names a facility: facilities are data (content/facilities/).
"""
from __future__ import annotations

from dataclasses import dataclass
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



@dataclass(frozen=True)
class Question:
    """One question of the self-check's flow, as data.

    kind: "one" (one of `choices`), "many" (any of `choices`, or `none` alone),
    "count" (a whole number within `bounds`: the names of this module's constants, read
    when needed), "money" (złoty, read by flats.money).
    asked_if: asked only when each (question, answer) holds ("household" answered "family").
    decides: its answer is part of the outcome (status, reasons, documents, stay); the
    other answers change only the fee. The answers so far may decide early only after a
    question that decides (rules.decide_early); the rest are asked only when none did.
    """
    name: str
    kind: str
    choices: tuple[str, ...] = ()
    none: str = ""
    bounds: tuple[str, str] = ("", "")
    asked_if: tuple[tuple[str, str], ...] = ()
    decides: bool = False

    def as_data(self) -> dict:
        """The question as dane.js ships it: named fields, only those the kind uses."""
        found = {"name": self.name, "kind": self.kind, "decides": self.decides, "asked_if": dict(self.asked_if)}
        if self.choices:
            found["choices"] = list(self.choices)
        if self.none:
            found["none"] = self.none
        if self.kind == "count":
            found.update(least=globals()[self.bounds[0]], most=globals()[self.bounds[1]])
        return found


# The self-check's flow, declared once: the form (checker/forms.py), the steps
# (checker/steps.py), the frozen answer table (checker/frozen.py, shipped in dane.js
# for static/check.js) and the API all read it.
FLOW: tuple[Question, ...] = (
    Question("adult", "one", YES_NO, decides=True),
    Question("round_the_clock_care", "one", YES_NO, decides=True),
    Question("situations", "many", SITUATIONS, none="none", decides=True),
    Question("resident", "one", YES_NO, decides=True),
    Question("household", "one", HOUSEHOLDS, decides=True),
    Question("household_size", "count", bounds=("HOUSEHOLD_SIZE_MIN", "HOUSEHOLD_SIZE_MAX"),
             asked_if=(("household", "family"),)),
    Question("income", "money"),
)
QUESTION = {q.name: q for q in FLOW}
# The questions in the order people are asked them.
QUESTIONS = tuple(q.name for q in FLOW)
YES_NO_QUESTIONS = tuple(q.name for q in FLOW if q.choices == YES_NO)
# What the API takes besides the questions: the facility and the rules date.
API_FIELDS = ("facility", *QUESTIONS, "on")


def household_sizes() -> range:
    """Every household size the self-check takes: 1 (living alone) and every family size."""
    return range(1, HOUSEHOLD_SIZE_MAX + 1)
