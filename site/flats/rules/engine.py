"""The self-check: answers in, outcome out. Pure: the date is always passed in.

Each facility lists the conditions that apply to it (rules.yaml); the engine
checks them in that order with the one table in conditions.py. The status is
that of the first condition not met (`likely` when all are). `reasons` never
contradicts the status: an `unlikely` outcome gives only the codes of the
conditions that make it unlikely; otherwise `reasons` holds the code of every
condition not met, in order, and — where the `fitting_group` condition
stands — the positive code `group_<code>` of each group that serves one of
the person's situations.

`decide_early` answers the same question for answers given so far (the
self-check asks one question at a time): once they make the outcome unlikely,
no money question needs asking.

Documents and stay: one fitting group gives that group's documents and stay
(as does a facility with a single group). When no group or several fit, the
centre decides the group: the page lists the facility's `group_undecided`
stay and, when none fits, its documents; when several fit, every document
any of them asks for, so nothing is missing. Someone who fits two groups is not put into either: the
seeds give no rule for that, and the centre decides.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from types import SimpleNamespace
from decimal import Decimal

from .codes import HOUSEHOLDS, SITUATIONS
from .conditions import CONDITIONS
from .fees import Fee, compute_fee
from .facility import Facility
from .model import Group, Rules


def _invalid(what: str):
    # Raised, not asserted: these hold under `python -O` too.
    return ValueError(f"invalid answers: {what}")


_SITUATIONS = frozenset(SITUATIONS)


@dataclass(frozen=True)
class Answers:
    """One set of answers, already checked for shape by the form or the API."""

    facility: str
    adult: bool
    resident: bool
    round_the_clock_care: bool
    situations: frozenset[str]
    household: str
    household_size: int | None
    income: Decimal

    def __post_init__(self) -> None:
        # Each message is written only when its check fails: answers are built for every request.
        if not (isinstance(self.facility, str) and self.facility):
            raise _invalid(f"facility {self.facility!r}")
        if not (type(self.adult) is bool and type(self.resident) is bool and type(self.round_the_clock_care) is bool):
            raise _invalid("adult, resident and round_the_clock_care must be True or False")
        if not (isinstance(self.situations, frozenset) and self.situations <= _SITUATIONS):
            raise _invalid(f"situations {self.situations!r}")
        if self.household not in HOUSEHOLDS:
            raise _invalid(f"household {self.household!r}")
        if self.household == "family":
            if not (type(self.household_size) is int and self.household_size >= 2):
                raise _invalid(f"a family's household_size {self.household_size!r}")
        elif self.household_size not in (None, 1):
            raise _invalid(f"a single household's size {self.household_size!r}")
        if not (isinstance(self.income, Decimal) and self.income.is_finite() and self.income >= 0):
            raise _invalid(f"income {self.income!r}")

    @property
    def people(self) -> int:
        return self.household_size if self.household == "family" else 1


@dataclass(frozen=True)
class Outcome:
    facility: str
    status: str  # likely · possible · unlikely
    reasons: tuple[str, ...]
    fee: Fee
    documents: tuple[str, ...]
    stay: str
    rules_date: date


def assess(answers: Answers, rules: Rules, on: date) -> Outcome:
    """Apply the rules in force on `on`; raise NoRulesForDate if there are none."""
    facility = rules.facility(answers.facility)
    rules.criterion_on(on)
    facility.check_date(on)
    fitting = tuple(g for g in facility.groups if g.situations & answers.situations)
    reasons, status = [], None
    for listed in facility.conditions:
        condition = CONDITIONS[listed.code]
        if not condition.met(answers, fitting):
            reasons.append(condition.reason)
            status = status or condition.status
        if listed.code == "fitting_group":
            reasons += [g.reason for g in fitting]
    if status == "unlikely":
        reasons = [r for r in reasons if r in _UNLIKELY]
    if "group_for_older_people" in reasons:  # never told they fit a group for older people
        reasons = [r for r in reasons if r not in {g.reason for g in fitting if g.older_people_only}]
    documents, stay = _documents_and_stay(facility, fitting)
    fee = compute_fee(rules, on, facility, answers.household, answers.people, answers.income)
    return Outcome(facility=facility.code, status=status or "likely", reasons=tuple(reasons), fee=fee,
                   documents=documents, stay=stay, rules_date=on)


_UNLIKELY = {c.reason for c in CONDITIONS.values() if c.status == "unlikely"}


def decide_early(facility: Facility, given: dict) -> tuple[str, ...] | None:
    """The reasons, if the answers given so far already make the outcome unlikely; else None.

    `given` holds engine values (bools, a frozenset of situations, the
    household) for the questions answered so far. Conditions are checked in
    order until one needs an answer not yet given: the first condition not
    met decides, exactly as in assess().
    """
    answers = SimpleNamespace(**given)
    fitting = tuple(g for g in facility.groups if g.situations & given.get("situations", frozenset()))
    not_met = []
    for listed in facility.conditions:
        condition = CONDITIONS[listed.code]
        if not all(need in given for need in condition.needs):
            break
        if not condition.met(answers, fitting):
            not_met.append(condition)
    if not_met and not_met[0].status == "unlikely":
        return tuple(c.reason for c in not_met if c.status == "unlikely")
    return None


def _documents_and_stay(facility: Facility, fitting: tuple[Group, ...]) -> tuple[tuple[str, ...], str]:
    if len(fitting) == 1:
        return fitting[0].documents, fitting[0].stay
    if fitting:  # every document any fitting group asks for, so nothing is missing
        return tuple(dict.fromkeys(code for g in fitting for code in g.documents)), facility.stay
    return facility.documents, facility.stay
