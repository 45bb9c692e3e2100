"""One question per step: which one comes next, and what Back and Change show.

The flow is data, flats.vocabulary.FLOW: the order, when each question is
asked (the household size only of a family), which answers decide the
outcome. As soon as the answers so far make a place unlikely, the result
follows without the money questions (rules.decide_early). check.js reads the
same flow from dane.js.
"""
from __future__ import annotations

from decimal import Decimal

from .. import vocabulary as vocab
from ..rules import Answers, Outcome, decide_early

STEPS = vocab.QUESTIONS
RESULT = "result"
# The answers the engine's conditions read (the rest, size and income, only the fee).
ENGINE = tuple(q.name for q in vocab.FLOW if q.decides)


def engine_value(name: str, value: str):
    """An answer as posted ("yes", "family") as the engine holds it (True, "family")."""
    return value == "yes" if name in vocab.YES_NO_QUESTIONS else value


def relevant(step: str, given: dict) -> bool:
    """Is the question asked, given the answers so far (engine values)? Its flow's asked_if says."""
    return all(given.get(name) == engine_value(name, value) for name, value in vocab.QUESTION[step].asked_if)


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


def answers(facility, given: dict) -> Answers:
    """Every answer for this Facility, as the engine takes them (call only once next_open() is None)."""
    family = relevant("household_size", given)
    return Answers(facility=facility.code, adult=given["adult"], resident=given["resident"],
                   round_the_clock_care=given["round_the_clock_care"], situations=given["situations"],
                   household=given["household"], household_size=given["household_size"] if family else None,
                   income=Decimal(given["income"]))
