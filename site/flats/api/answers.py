"""Read the API's JSON answers into engine Answers, collecting every field error.

What is allowed comes from flats.vocabulary and the loaded facilities, the
same sources the OpenAPI document is built from.
"""
from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from .. import vocabulary as vocab
from ..money import parse_income
from ..patterns import LAST_YEAR, date_pattern
from ..rules import Answers, Rules

GROSZ = Decimal("0.01")


class AnswerErrors(Exception):
    def __init__(self, errors: dict[str, str]):
        self.errors = errors
        super().__init__(errors)


def _choice(data, name, allowed, errors):
    value = data.get(name)
    if not isinstance(value, str) or value not in allowed:
        errors[name] = f"required: one of {', '.join(allowed)}"
        return None
    return value


def _money(value, errors) -> Decimal | None:
    try:
        if isinstance(value, bool):
            raise ValueError
        if isinstance(value, (int, Decimal)):
            amount = Decimal(value)
            if not amount.is_finite() or amount != amount.quantize(GROSZ) or amount < 0:
                raise ValueError
        elif isinstance(value, str):
            amount = parse_income(value)
        else:
            raise ValueError
    except (ValueError, InvalidOperation):
        errors["income"] = "required: an amount in PLN with at most 2 decimals, e.g. \"1234.56\""
        return None
    if amount > vocab.INCOME_MAX:
        errors["income"] = f"must be from 0 to {vocab.INCOME_MAX}"
        return None
    return abs(amount.quantize(GROSZ))  # -0 is 0


def _size(data, household, errors) -> int | None:
    size = data.get("household_size")
    if household != "family":
        if "household_size" in data:
            errors["household_size"] = "only for household \"family\"; leave it out"
        return None
    if type(size) is not int or not vocab.HOUSEHOLD_SIZE_MIN <= size <= vocab.HOUSEHOLD_SIZE_MAX:
        errors["household_size"] = (f"required for a family: a whole number from {vocab.HOUSEHOLD_SIZE_MIN} "
                                    f"to {vocab.HOUSEHOLD_SIZE_MAX}")
        return None
    return size


def _situations(data, errors) -> frozenset[str]:
    value = data.get("situations", [])  # may be left out: no situation
    if not isinstance(value, list) or any(not isinstance(v, str) or v not in vocab.SITUATIONS for v in value) \
            or len(set(value)) != len(value):
        errors["situations"] = f"a list of distinct values from: {', '.join(vocab.SITUATIONS)}"
        return frozenset()
    return frozenset(value)


def first_day(rules: Rules, facility: str | None) -> dt.date:
    """The first rules date the API takes for this facility (any facility's when it is unknown)."""
    return rules.first_day(facility) if facility in rules.facilities else rules.criteria[0].since


def _date(data, today: dt.date, rules: Rules, facility: str | None, errors) -> dt.date:
    if "on" not in data:
        return today
    first, value = first_day(rules, facility), data["on"]
    if isinstance(value, str) and re.fullmatch(date_pattern(first), value):
        return dt.date.fromisoformat(value)
    errors["on"] = (f"a date from {first.isoformat()} (the first day with rules for this answer) "
                    f"to {LAST_YEAR}-12-31, written YYYY-MM-DD")
    return today


def read(data, today: dt.date, rules: Rules) -> tuple[Answers, dt.date]:
    """Validate a decoded JSON body; raise AnswerErrors with every problem."""
    if not isinstance(data, dict):
        raise AnswerErrors({"body": "must be a JSON object with the answers"})
    errors = {k: "unknown field" for k in data if k not in vocab.API_FIELDS}
    facility = _choice(data, "facility", list(rules.facilities), errors)
    yes_no = {k: _choice(data, k, vocab.YES_NO, errors) for k in vocab.YES_NO_QUESTIONS}
    situations = _situations(data, errors)
    household = _choice(data, "household", vocab.HOUSEHOLDS, errors)
    size = _size(data, household, errors)
    income = _money(data.get("income"), errors)
    on = _date(data, today, rules, facility, errors)
    if errors:
        raise AnswerErrors(errors)
    answers = Answers(facility=facility, adult=yes_no["adult"] == "yes", resident=yes_no["resident"] == "yes",
                      round_the_clock_care=yes_no["round_the_clock_care"] == "yes", situations=situations,
                      household=household, household_size=size, income=income)
    return answers, on
