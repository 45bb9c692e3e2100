"""What a stay costs: free up to the criterion, else the facility's fee table or the centre's decision.

Comparisons are exact, on Decimal, without dividing first: a family is free
when `income <= F * household_size`, and a table's bracket (a, b] holds when
`C * a < income * 100 <= C * b`. Rounding happens only for display values.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal

from .facility import Facility
from .model import Rules

GROSZ = Decimal("0.01")
ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Fee:
    kind: str  # free · bracket · set_by_centre
    percent_of_cost: int | None  # bracket only
    amount: Decimal | None  # PLN per month, bracket only
    income_per_person: Decimal  # 2 dp, half up
    criterion: Decimal  # the one compared: C for single, F for family
    percent_of_criterion: Decimal  # income as % of criterion × people, 2 dp half up
    monthly_cost: Decimal | None  # the cost the bracket amount is a share of
    limit: Decimal  # income up to this is free: the criterion × people
    bracket_above: Decimal | None = None  # bracket only: income above this (zł) …
    bracket_up_to: Decimal | None = None  # … and up to this (None: no upper limit)


@dataclass(frozen=True)
class FeeRow:
    """One row of a fee table; incomes are inclusive grosz amounts."""

    kind: str  # free · bracket
    lower_percent: int | None  # exclusive; None for the free row
    upper_percent: int | None  # inclusive; None: no limit
    income_from: Decimal
    income_to: Decimal | None
    percent_of_cost: int
    amount: Decimal


def half_up(value: Decimal) -> Decimal:
    return value.quantize(GROSZ, rounding=ROUND_HALF_UP)


def edge(base: Decimal, percent: int) -> Decimal:
    """The highest income in grosze that is at most `percent` % of `base`."""
    return (base * percent / 100).quantize(GROSZ, rounding=ROUND_FLOOR)


def compute_fee(rules: Rules, on: date, facility: Facility, household: str, people: int, income: Decimal) -> Fee:
    criterion = rules.criterion_on(on)
    per_person = criterion.single if household == "single" else criterion.family
    base = per_person * people
    shown = dict(
        income_per_person=half_up(income / people),
        criterion=per_person,
        percent_of_criterion=half_up(income * 100 / base),
        limit=base,
    )
    if income <= base:
        return Fee(kind="free", percent_of_cost=None, amount=None, monthly_cost=None, **shown)
    table = facility.fee_table_on(on)
    if table is None or table.covers != household:
        return Fee(kind="set_by_centre", percent_of_cost=None, amount=None, monthly_cost=None, **shown)
    bracket = next(b for b in table.brackets if b.up_to is None or income * 100 <= base * b.up_to)
    cost = facility.monthly_cost_on(on).amount
    amount = half_up(cost * bracket.percent_of_cost / 100)
    return Fee(kind="bracket", percent_of_cost=bracket.percent_of_cost, amount=amount, monthly_cost=cost,
               bracket_above=edge(base, bracket.above),
               bracket_up_to=None if bracket.up_to is None else edge(base, bracket.up_to), **shown)


def fee_table(rules: Rules, on: date, code: str) -> list[FeeRow]:
    """The facility's table on `on`, in zł for the criterion then in force, free row first."""
    facility = rules.facility(code)
    table = facility.fee_table_on(on)
    if table is None:
        return []
    base = rules.criterion_on(on).single if table.covers == "single" else rules.criterion_on(on).family
    cost = facility.monthly_cost_on(on).amount
    rows = [FeeRow("free", None, 100, ZERO, base, 0, ZERO)]
    for b in table.brackets:
        rows.append(FeeRow(
            kind="bracket",
            lower_percent=b.above,
            upper_percent=b.up_to,
            income_from=edge(base, b.above) + GROSZ,
            income_to=None if b.up_to is None else edge(base, b.up_to),
            percent_of_cost=b.percent_of_cost,
            amount=half_up(cost * b.percent_of_cost / 100),
        ))
    return rows


def income_thresholds(rules: Rules, on: date, code: str, household: str, household_size: int | None) -> list[Decimal]:
    """Incomes (inclusive upper edges) at which the fee's kind or percentage changes.

    Any two incomes with no threshold between them get the same fee kind and
    percentage, so the frozen site can precompute one answer per interval.
    """
    facility = rules.facility(code)
    facility.check_date(on)
    criterion = rules.criterion_on(on)
    people = 1 if household == "single" else household_size
    base = (criterion.single if household == "single" else criterion.family) * people
    edges = {base}
    table = facility.fee_table_on(on)
    if table is not None and table.covers == household:
        edges.update(edge(base, b.up_to) for b in table.brackets if b.up_to is not None)
    return sorted(edges)
