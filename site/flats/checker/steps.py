"""One question per step: which one comes next, and what Back and Change show.

The order is flats.vocabulary.QUESTIONS. The household size is asked only of
a family. As soon as the answers so far make a place unlikely, the result
follows without the money questions (rules.decide_early).
"""
from __future__ import annotations

from decimal import Decimal

from .. import vocabulary as vocab
from ..rules import Answers, Outcome, decide_early

STEPS = vocab.QUESTIONS
RESULT = "result"
# The answers the engine's conditions read (the rest, size and income, only the fee).
ENGINE = ("adult", "round_the_clock_care", "situations", "resident", "household")


def relevant(step: str, given: dict) -> bool:
    return step != "household_size" or given.get("household") == "family"


def order(given: dict) -> list[str]:
    """The questions this person is asked, in order."""
    return [step for step in STEPS if relevant(step, given)]


def next_open(given: dict) -> str | None:
    """The first question still without a valid answer, or None when every one has one."""
    return next((step for step in order(given) if step not in given), None)


def previous(step: str, given: dict) -> str:
    """The question before `step` (from the result: the last question asked)."""
    asked = order(given)
    if step not in asked:
        answered = [s for s in asked if s in given]
        return answered[-1] if answered else asked[0]
    return asked[max(asked.index(step) - 1, 0)]


def early_outcome(facility, given: dict, on) -> Outcome | None:
    """An `unlikely` outcome when the answers so far decide it (no fee, documents or stay)."""
    reasons = decide_early(facility, {k: v for k, v in given.items() if k in ENGINE})
    if reasons is None:
        return None
    return Outcome(facility=facility.code, status="unlikely", reasons=reasons, fee=None, documents=(), stay=None,
                   rules_date=on)


def answers(facility: str, given: dict) -> Answers:
    """Every answer, as the engine takes them (call only once next_open() is None)."""
    family = given["household"] == "family"
    return Answers(facility=facility, adult=given["adult"], resident=given["resident"],
                   round_the_clock_care=given["round_the_clock_care"], situations=given["situations"],
                   household=given["household"], household_size=given["household_size"] if family else None,
                   income=Decimal(given["income"]))
