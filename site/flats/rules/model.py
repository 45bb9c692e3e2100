"""The rules as loaded from content/rules/: plain frozen data with dated look-ups."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Mapping, Sequence, TypeVar

from .errors import NoRulesForDate

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


@dataclass(frozen=True)
class Group:
    """One group of places in a facility (Chełm has two)."""

    code: str
    places: int
    situations: frozenset[str]
    living_alone_only: bool
    documents: tuple[str, ...]
    stay: str


@dataclass(frozen=True)
class Facility:
    """One facility. `documents`/`stay` apply when no single group decides them."""

    code: str
    places: int
    documents: tuple[str, ...]
    stay: str
    document_labels: Mapping[str, Labels]
    stay_labels: Mapping[str, Labels]
    reason_sources: Mapping[str, str]
    sources: Mapping[str, str]  # what -> legal act or page it comes from
    fee_source: str
    groups: tuple[Group, ...] = ()
    flats: int | None = None
    rooms: int | None = None
    people_per_flat: tuple[int, int] | None = None
    monthly_costs: tuple[MonthlyCost, ...] = ()
    fee_tables: tuple[FeeTable, ...] = ()

    def monthly_cost_on(self, on: date) -> MonthlyCost:
        return in_force(self.monthly_costs, on, f"{self.code} monthly cost")

    def fee_table_on(self, on: date) -> FeeTable | None:
        """The fee table in force, or None if this facility publishes none."""
        if not self.fee_tables:
            return None
        return in_force(self.fee_tables, on, f"{self.code} fee table")

    def check_date(self, on: date) -> None:
        """Raise NoRulesForDate if any of this facility's dated rules is missing on `on`."""
        if self.monthly_costs:
            self.monthly_cost_on(on)
        self.fee_table_on(on)


@dataclass(frozen=True)
class Rules:
    """Everything in content/rules/, validated. Build it with load_rules()."""

    criteria: tuple[Criterion, ...]
    reviewed: date
    review_every_years: int
    facilities: Mapping[str, Facility] = field(default_factory=dict)

    def criterion_on(self, on: date) -> Criterion:
        return in_force(self.criteria, on, "income criterion")

    def monthly_cost_on(self, on: date, facility: str = "chelm") -> Decimal:
        """The facility's monthly cost of a place in force on `on` (Chełm publishes one)."""
        return self.facility(facility).monthly_cost_on(on).amount

    def facility(self, code: str) -> Facility:
        try:
            return self.facilities[code]
        except KeyError:
            raise KeyError(f"unknown facility {code!r}; known: {sorted(self.facilities)}") from None

    def document_label(self, code: str, lang: str) -> str:
        return self._label("document_labels", code, lang)

    def stay_label(self, code: str, lang: str) -> str:
        return self._label("stay_labels", code, lang)

    def reason_source(self, facility: str, code: str) -> str:
        return self.facility(facility).reason_sources[code]

    def _label(self, kind: str, code: str, lang: str) -> str:
        for facility in self.facilities.values():
            labels = getattr(facility, kind)
            if code in labels:
                return labels[code][lang]
        raise KeyError(f"unknown {kind[:-7]} code {code!r}")


Dated = TypeVar("Dated", Criterion, MonthlyCost, FeeTable)


def in_force(history: Sequence[Dated], on: date, what: str) -> Dated:
    """The last item whose `since` is on or before `on` (history is ascending)."""
    if isinstance(on, datetime) or not isinstance(on, date):
        raise TypeError(f"expected a date, got {type(on).__name__}")
    current = [item for item in history if item.since <= on]
    if not current:
        raise NoRulesForDate(on, what, history[0].since if history else None)
    return current[-1]
