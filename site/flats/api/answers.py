"""Read the API's JSON answers into engine Answers, collecting every field error."""
from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from ..money import parse_income
from .openapi import DATE_IN
from ..rules import Answers
from ..rules.codes import FACILITIES, HOUSEHOLDS, SITUATIONS

YES_NO = ("yes", "no")
FIELDS = ("facility", "adult", "resident", "round_the_clock_care", "situations", "household",
          "household_size", "income", "on")
MAX_INCOME = Decimal("1000000")
DATE_PATTERN = re.compile(DATE_IN)


class AnswerErrors(Exception):
    def __init__(self, errors: dict[str, str]):
        self.errors = errors
        super().__init__(errors)


def _choice(data, name, allowed, errors):
    value = data.get(name)
    if value not in allowed:
        errors[name] = f"required: one of {', '.join(allowed)}"
    return value


def _money(value, errors) -> Decimal | None:
    try:
        if isinstance(value, bool):
            raise ValueError
        if isinstance(value, (int, Decimal)):
            amount = Decimal(value)
            if amount != amount.quantize(Decimal("0.01")) or amount < 0:
                raise ValueError
        elif isinstance(value, str):
            amount = parse_income(value)
        else:
            raise ValueError
    except (ValueError, InvalidOperation):
        errors["income"] = "required: an amount in PLN with at most 2 decimals, e.g. \"1234.56\""
        return None
    if amount > MAX_INCOME:
        errors["income"] = "must be from 0 to 1000000"
        return None
    return amount.quantize(Decimal("0.01"))


def _size(data, household, errors) -> int | None:
    size = data.get("household_size")
    if household != "family":
        if "household_size" in data:
            errors["household_size"] = "only for household \"family\"; leave it out"
        return None
    if type(size) is not int or not 2 <= size <= 20:
        errors["household_size"] = "required for a family: a whole number from 2 to 20"
        return None
    return size


def _situations(data, errors) -> frozenset[str]:
    value = data.get("situations", [])  # may be left out: no situation
    if not isinstance(value, list) or any(v not in SITUATIONS for v in value) or len(set(value)) != len(value):
        errors["situations"] = f"a list of distinct values from: {', '.join(SITUATIONS)}"
        return frozenset()
    return frozenset(value)


def _date(data, today: dt.date, errors) -> dt.date:
    if "on" not in data:
        return today
    value = data["on"]
    try:
        if not isinstance(value, str) or not DATE_PATTERN.match(value):
            raise ValueError
        return dt.date.fromisoformat(value)
    except ValueError:
        errors["on"] = "a date from 2019-01-01 on, written YYYY-MM-DD"
        return today


def read(data, today: dt.date) -> tuple[Answers, dt.date]:
    """Validate a decoded JSON body; raise AnswerErrors with every problem."""
    if not isinstance(data, dict):
        raise AnswerErrors({"body": "must be a JSON object with the answers"})
    errors = {k: "unknown field" for k in data if k not in FIELDS}
    facility = _choice(data, "facility", FACILITIES, errors)
    yes_no = {k: _choice(data, k, YES_NO, errors) for k in ("adult", "resident", "round_the_clock_care")}
    situations = _situations(data, errors)
    household = _choice(data, "household", HOUSEHOLDS, errors)
    size = _size(data, household, errors)
    income = _money(data.get("income"), errors)
    on = _date(data, today, errors)
    if errors:
        raise AnswerErrors(errors)
    answers = Answers(facility=facility, adult=yes_no["adult"] == "yes", resident=yes_no["resident"] == "yes",
                      round_the_clock_care=yes_no["round_the_clock_care"] == "yes", situations=situations,
                      household=household, household_size=size, income=income)
    return answers, on
