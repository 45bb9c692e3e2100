"""Rules apply by date; a date no rule covers is an error, never a silent default."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from flats.rules import NoRulesForDate, assess, fee_table, income_thresholds

from ..helpers import make_answers

MIELEC = {"facility": "mielec", "income": "500.00"}
CHELM = {"facility": "chelm", "income": "500.00"}


def test_the_criterion_history_is_ascending_and_starts_on_1_october_2015(rules):
    dates = [c.since for c in rules.criteria]
    assert dates == sorted(dates) and dates[0] == date(2015, 10, 1)
    assert [c.single for c in rules.criteria] == [Decimal(v) for v in ("634.00", "701.00", "776.00", "1010.00")]
    assert [c.family for c in rules.criteria] == [Decimal(v) for v in ("514.00", "528.00", "600.00", "823.00")]


@pytest.mark.parametrize("on, single", [
    (date(2015, 10, 1), "634.00"), (date(2018, 9, 30), "634.00"), (date(2018, 10, 1), "701.00"),
    (date(2021, 12, 31), "701.00"), (date(2022, 1, 1), "776.00"), (date(2024, 12, 31), "776.00"),
    (date(2025, 1, 1), "1010.00"), (date(2026, 1, 1), "1010.00"),
])
def test_the_criterion_in_force_changes_on_the_day_the_regulation_takes_effect(rules, on, single):
    assert rules.criterion_on(on).single == Decimal(single)


def test_there_is_no_criterion_before_1_october_2015(rules):
    with pytest.raises(NoRulesForDate, match="no rules for that date.*2015-09-30.*2015-10-01"):
        rules.criterion_on(date(2015, 9, 30))


def test_mielec_has_rules_from_the_first_criterion_but_not_the_day_before(rules):
    assert assess(make_answers(MIELEC), rules, date(2015, 10, 1)).fee.kind == "free"
    with pytest.raises(NoRulesForDate):
        assess(make_answers(MIELEC), rules, date(2015, 9, 30))


def test_chelm_has_no_rules_before_its_resolution_of_21_march_2018(rules):
    assert assess(make_answers(CHELM), rules, date(2018, 3, 21)).fee.kind == "free"
    for ask in (
        lambda on: assess(make_answers(CHELM), rules, on),
        lambda on: fee_table(rules, on, "chelm"),
        lambda on: income_thresholds(rules, on, "chelm", "single", None),
    ):
        with pytest.raises(NoRulesForDate, match="2018-03-20.*2018-03-21"):
            ask(date(2018, 3, 20))


def test_a_datetime_is_refused_so_no_clock_time_sneaks_in(rules):
    with pytest.raises(TypeError):
        rules.criterion_on(datetime(2026, 3, 1, 12, 0))


def test_the_review_dates_are_data(rules):
    assert rules.reviewed == date(2026, 11, 23)
    assert rules.review_every_years == 3
