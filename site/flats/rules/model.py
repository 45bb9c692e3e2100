"""The rules as loaded from content/: plain frozen data with dated look-ups."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Mapping, Sequence, TypeVar

from .conditions import CONDITIONS
from .errors import NoRulesForDate

if TYPE_CHECKING:
    from .facility import Facility

Labels = Mapping[str, str]  # language -> text


@dataclass(frozen=True)
class Criterion:
    """Statutory income criterion in force from `since` (art. 8 ustawy o pomocy społecznej)."""

    since: date
    single: Decimal  # C: a person living alone
    family: Decimal  # F: per person in a family
    source: str


@dataclass(frozen=True)
class MonthlyCost:
    since: date
    amount: Decimal
    source: str


@dataclass(frozen=True)
class Bracket:
    """Income above `above` % and up to `up_to` % of the criterion (None: no limit)."""

    above: int
    up_to: int | None
    percent_of_cost: int


@dataclass(frozen=True)
class FeeTable:
    since: date
    source: str
    covers: str  # the household kind the table is for
    brackets: tuple[Bracket, ...]
    note: Labels = field(default_factory=dict)  # shown under the table, per language


@dataclass(frozen=True)
class Requirement:
    """One condition a facility lists (conditions.CONDITIONS), with the legal source of the rule."""

    code: str
    source: str

    @property
    def reason(self) -> str:
        """The reason code given when it is not met."""
        return CONDITIONS[self.code].reason


@dataclass(frozen=True)
class Group:
    """One group of places in a facility, and the situations it serves."""

    code: str
    source: str  # the act or page that creates the group
    places: int
    situations: frozenset[str]
    living_alone_only: bool
    documents: tuple[str, ...]
    stay: str
    who: Labels = field(default_factory=dict)  # "25 places for …", per language
    fits: Labels = field(default_factory=dict)  # the sentence saying the person fits it
    older_people_only: bool = False  # for older people: a younger person may ask (older_age_where_required)

    @property
    def reason(self) -> str:
        return f"group_{self.code}"


@dataclass(frozen=True)
class Rules:
    """Everything the engine needs, validated. Build it with load_rules()."""

    criteria: tuple[Criterion, ...]
    reviewed: date
    review_every_years: int
    facilities: Mapping[str, "Facility"] = field(default_factory=dict)  # by code, in their `order`

    def criterion_on(self, on: date) -> Criterion:
        return in_force(self.criteria, on, "income criterion")

    def first_day(self, facility: str) -> date:
        """The first day every rule a facility's answers need is in force."""
        own = self.facility(facility).first_day
        return max(self.criteria[0].since, own) if own else self.criteria[0].since

    def facility(self, code: str) -> "Facility":
        try:
            return self.facilities[code]
        except KeyError:
            raise KeyError(f"unknown facility {code!r}; known: {sorted(self.facilities)}") from None


Dated = TypeVar("Dated", Criterion, MonthlyCost, FeeTable)


def in_force(history: Sequence[Dated], on: date, what: str) -> Dated:
    """The last item whose `since` is on or before `on` (history is ascending)."""
    if isinstance(on, datetime) or not isinstance(on, date):
        raise TypeError(f"expected a date, got {type(on).__name__}")
    for item in reversed(history):
        if item.since <= on:
            return item
    raise NoRulesForDate(on, what, history[0].since if history else None)
