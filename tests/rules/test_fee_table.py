"""Chełm's fee table, in zł, and the incomes where any fee changes."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from flats.rules import assess, fee_table, income_thresholds
from flats.rules.fees import edge

from ..helpers import make_answers

D = Decimal
GROSZ = D("0.01")


def test_the_table_reproduces_the_seed_page_while_634_zl_was_in_force(rules):
    rows = fee_table(rules, date(2018, 6, 1), "chelm")
    assert [r.amount for r in rows[1:]] == [D(a) for a in ("299.73", "449.60", "599.47", "899.20", "1198.94", "1498.67")]
    assert [r.income_to for r in rows[1:-1]] == [D(a) for a in ("951.00", "1268.00", "1585.00", "1902.00", "2219.00")]
    assert [r.percent_of_cost for r in rows] == [0, 20, 30, 40, 60, 80, 100]


def test_the_table_starts_with_the_free_row_up_to_the_criterion(rules):
    free = fee_table(rules, date(2026, 3, 1), "chelm")[0]
    assert (free.kind, free.lower_percent, free.upper_percent) == ("free", None, 100)
    assert (free.income_from, free.income_to, free.amount) == (D("0.00"), D("1010.00"), D("0.00"))


def test_table_rows_follow_on_without_gaps_and_the_last_is_open(rules):
    rows = fee_table(rules, date(2026, 3, 1), "chelm")
    for before, after in zip(rows, rows[1:]):
        assert after.income_from == before.income_to + GROSZ
        assert after.lower_percent == before.upper_percent
    assert rows[-1].income_to is None and rows[-1].upper_percent is None


def test_every_row_agrees_with_the_engine_at_both_ends(rules):
    on = date(2026, 3, 1)
    for row in fee_table(rules, on, "chelm"):
        for income in filter(None, (row.income_from, row.income_to)):
            fee = assess(make_answers({"facility": "chelm", "income": str(income)}), rules, on).fee
            assert fee.kind == row.kind and (fee.percent_of_cost or 0) == row.percent_of_cost, income


def test_mielec_publishes_no_table(rules):
    assert fee_table(rules, date(2026, 3, 1), "mielec") == []


def test_thresholds_for_a_person_living_alone_in_chelm_are_the_table_edges(rules):
    edges = income_thresholds(rules, date(2026, 3, 1), "chelm", "single", None)
    assert edges == [D(a) for a in ("1010.00", "1515.00", "2020.00", "2525.00", "3030.00", "3535.00")]


@pytest.mark.parametrize("facility, household, size, expected", [
    ("chelm", "family", 3, ["2469.00"]),
    ("mielec", "family", 3, ["2469.00"]),
    ("mielec", "single", None, ["1010.00"]),
])
def test_outside_the_chelm_table_the_only_threshold_is_the_criterion(rules, facility, household, size, expected):
    assert income_thresholds(rules, date(2026, 3, 1), facility, household, size) == [D(a) for a in expected]


def test_an_edge_between_two_grosze_is_floored_so_the_edge_income_is_still_inside():
    # 150 % of 634,01 zł is 951,015 zł: 951,01 is within 150 %, 951,02 is not.
    assert edge(D("634.01"), 150) == D("951.01")
    assert D("951.01") * 100 <= D("634.01") * 150 < D("951.02") * 100


@pytest.mark.parametrize("facility, household, size", [
    ("chelm", "single", None), ("chelm", "family", 2), ("chelm", "family", 7),
    ("mielec", "single", None), ("mielec", "family", 3), ("mielec", "family", 20),
])
@pytest.mark.parametrize("on", [date(2018, 6, 1), date(2022, 1, 1), date(2026, 3, 1)])
def test_the_fee_changes_at_every_threshold_and_nowhere_between(rules, on, facility, household, size):
    edges = income_thresholds(rules, on, facility, household, size)
    _assert_fee_changes_exactly_at(rules, on, facility, household, size, edges)


def _assert_fee_changes_exactly_at(rules, on, facility, household, size, edges):
    def fee(income):
        answers = make_answers({"facility": facility, "household": household,
                                "household_size": size, "income": str(income)})
        result = assess(answers, rules, on).fee
        return result.kind, result.percent_of_cost

    points = [D("0.00")] + edges
    for low, high in zip(points, points[1:] + [points[-1] * 2 + 1]):
        inside = {fee(low + GROSZ), fee((low + high) / 2 // GROSZ * GROSZ), fee(high)}
        assert len(inside) == 1, f"the fee changes between {low} and {high} on {on}: {inside}"
    for threshold in edges:
        assert fee(threshold) != fee(threshold + GROSZ), f"{threshold} is a threshold but the fee does not change there"
