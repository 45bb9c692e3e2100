"""The rules as loaded from content/: plain frozen data with dated look-ups."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Mapping, Sequence, TypeVar

from .conditions import CONDITIONS
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
    note: Labels = field(default_factory=dict)  # shown under the table, per language


@dataclass(frozen=True)
class Group:
    """One group of places in a facility, and the situations it serves."""

    code: str
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
class Facility:
    """One facility's rules. `documents`/`stay` apply when no single group decides them."""

    code: str
    conditions: tuple[str, ...]
    groups: tuple[Group, ...]
    documents: tuple[str, ...]
    stay: str
    document_labels: Mapping[str, Labels]
    stay_labels: Mapping[str, Labels]
    reason_sources: Mapping[str, str]  # reason code -> legal act or page
    sources: Mapping[str, str]  # groups, documents, stays -> legal act or page
    fee_kind: str  # above the criterion: "table" or "set_by_centre"
    fee_source: str
    monthly_costs: tuple[MonthlyCost, ...] = ()
    fee_tables: tuple[FeeTable, ...] = ()
    flats: int | None = None
    rooms: int | None = None
    people_per_flat: tuple[int, int] | None = None

    @property
    def places(self) -> int:
        return sum(g.places for g in self.groups)

    @property
    def first_day(self) -> date | None:
        """The first day all of this facility's own dated rules apply (None: it has none)."""
        starts = [items[0].since for items in (self.monthly_costs, self.fee_tables) if items]
        return max(starts) if starts else None

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

    def reason_codes(self) -> tuple[str, ...]:
        """Every reason this facility can give, in the order the engine gives them."""
        codes = []
        for name in self.conditions:
            codes.append(CONDITIONS[name].reason)
            if name == "fitting_group":
                codes += [g.reason for g in self.groups]
        return tuple(codes)

    def reason_source(self, code: str) -> str:
        if code in self.reason_sources:
            return self.reason_sources[code]
        if code in {g.reason for g in self.groups}:
            return self.sources["groups"]
        raise KeyError(f"{self.code}: no source for reason {code!r}")


@dataclass(frozen=True)
class Rules:
    """Everything the engine needs, validated. Build it with load_rules()."""

    criteria: tuple[Criterion, ...]
    reviewed: date
    review_every_years: int
    facilities: Mapping[str, Facility] = field(default_factory=dict)  # in the order pages list them

    def criterion_on(self, on: date) -> Criterion:
        return in_force(self.criteria, on, "income criterion")

    def first_day(self, facility: str) -> date:
        """The first day every rule a facility's answers need is in force."""
        own = self.facility(facility).first_day
        return max(self.criteria[0].since, own) if own else self.criteria[0].since

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
        return self.facility(facility).reason_source(code)

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
    for item in reversed(history):
        if item.since <= on:
            return item
    raise NoRulesForDate(on, what, history[0].since if history else None)
