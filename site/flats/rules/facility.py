"""One facility, as its folder content/facilities/<code>/ describes it: one immutable object.

facility.yaml says who runs it, where it is, whom to call and the words to
name it in a sentence, in every language ("w Mielcu", "у Мельці");
rules.yaml says whom its places are for, what to bring, how long a stay
lasts and what it costs, each rule with its legal source. Both are read by
one loader (loader.read_facility) into one Facility.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Mapping

from .model import FeeTable, Group, MonthlyCost, Requirement, in_force

Labels = Mapping[str, str]  # language -> text


@dataclass(frozen=True)
class Phone:
    number: str
    who: Labels
    code: str = ""  # optional: names this phone in content (`{{phone:<facility>.<code>}}`)

    @property
    def tel(self) -> str:
        return "tel:+48" + self.number.replace(" ", "")


@dataclass(frozen=True)
class Operator:
    name: str  # in Polish: pages mark it lang="pl"
    short: str
    address: str  # "" when the seeds do not give it
    meaning: Labels = field(default_factory=dict)  # what the Polish name means, for en and uk pages


@dataclass(frozen=True)
class Poster:
    lead: Labels
    who: tuple[Labels, ...]
    apply: tuple[Labels, ...]
    fee: Labels


@dataclass(frozen=True)
class Facility:
    """One facility: who, where, whom to call (facility.yaml) and its rules (rules.yaml).

    `documents`/`stay` apply when no single group decides them.
    """

    code: str  # the folder's name; part of the facility's addresses
    # facility.yaml
    order: int
    page: str  # slug of the content page about it
    name: Labels
    town: Labels
    in_town: Labels
    operator: Operator
    address: str  # the flats' own address
    source: str  # where its contact details come from
    phones: tuple[Phone, ...]
    fee_note: Labels
    poster: Poster
    # rules.yaml
    conditions: tuple[Requirement, ...]  # in order, each with its legal source
    groups: tuple[Group, ...]  # each with its legal source
    documents: tuple[str, ...]
    stay: str
    document_labels: Mapping[str, Labels]  # this facility's document codes -> texts
    stay_labels: Mapping[str, Labels]  # this facility's stay codes -> texts
    documents_source: str  # the page the documents to bring come from
    stays_source: str  # the page the lengths of stay come from
    fee_kind: str  # above the criterion: "table" or "set_by_centre"
    fee_source: str
    monthly_costs: tuple[MonthlyCost, ...] = ()
    fee_tables: tuple[FeeTable, ...] = ()
    flats: int | None = None
    rooms: int | None = None
    people_per_flat: tuple[int, int] | None = None
    contact_note: Labels = field(default_factory=dict)  # under its phones on the contact page; {phone}: first number
    fee_note_when: str = "always"  # the fee note next to every fee, or only where the stay is paid

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
        for condition in self.conditions:
            codes.append(condition.reason)
            if condition.code == "fitting_group":
                codes += [g.reason for g in self.groups]
        return tuple(codes)

    def reason_source(self, code: str) -> str:
        """The legal source of the rule that gives this reason: its condition's, or its group's."""
        for rule in (*self.conditions, *self.groups):
            if rule.reason == code:
                return rule.source
        raise KeyError(f"{self.code}: no rule gives the reason {code!r}")

    def document_label(self, code: str, lang: str) -> str:
        """What to bring, in `lang`, for one of this facility's document codes."""
        return self.document_labels[code][lang]

    def stay_label(self, code: str, lang: str) -> str:
        """How long a stay lasts, in `lang`, for one of this facility's stay codes."""
        return self.stay_labels[code][lang]
