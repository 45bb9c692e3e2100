"""Read the API's JSON answers into engine Answers, collecting every field error.

What is allowed comes from flats.vocabulary and the loaded facilities, the
same sources the OpenAPI document is built from.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal

from .. import vocabulary as vocab
from ..money import IncomeError, parse_income
from ..patterns import LAST_YEAR, date_pattern
from ..rules import Answers, Rules

GROSZ = Decimal("0.01")


class AnswerErrors(Exception):
    def __init__(self, errors: dict[str, str]):
        self.errors = errors
        super().__init__(errors)


# Each message says what was wrong: "required: …" only for a field left out,
# and for a value that was given, that value (as JSON, cut short) and what would do.
SHOWN = 40  # characters of a given string repeated in a message
EXAMPLE = "for example 1650 or 1650.50"
INCOME_ERRORS = {
    "ambiguous": "cannot tell whether {text} means thousands or grosze (the cents of a złoty); write the "
                 "złoty without a dot or comma, for example 1650, or give the grosze too: 1650.00 or 1650,00",
    "too_large": "{text} is more than " + f"{int(vocab.INCOME_MAX)}" + " złoty; give the household's net "
                 "income in one month, " + EXAMPLE,
    "other_currency": "{text} is not in złoty; give the amount in złoty (PLN), " + EXAMPLE,
    "not_money": "could not read {text} as an amount in złoty; " + EXAMPLE,
}


def shown(value) -> str:
    """A given value as the message repeats it: JSON, a long string cut short, a list or object named."""
    if isinstance(value, str):
        return json.dumps(value if len(value) <= SHOWN else value[:SHOWN] + "…", ensure_ascii=False)
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, (int, Decimal)):
        text = str(value)
        return text if len(text) <= SHOWN else text[:SHOWN] + "…"
    return "a list" if isinstance(value, list) else "an object"


def _choice(data, name, allowed, errors):
    if name not in data:
        errors[name] = f"required: one of {', '.join(allowed)}"
        return None
    value = data[name]
    if not isinstance(value, str) or value not in allowed:
        errors[name] = f"{shown(value)} is not one of: {', '.join(allowed)}"
        return None
    return value


def _money(data, errors) -> Decimal | None:
    if "income" not in data:
        errors["income"] = "required: the household's net income in a month in złoty, " + EXAMPLE
        return None
    value = data["income"]
    if isinstance(value, str):
        try:
            return parse_income(value)
        except IncomeError as error:
            errors["income"] = INCOME_ERRORS[error.kind].format(text=shown(value))
            return None
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        errors["income"] = f"{shown(value)} is not an amount: give a number or a string in złoty, {EXAMPLE}"
        return None
    amount = Decimal(value)
    if not amount.is_finite() or amount < 0:
        errors["income"] = f"{shown(value)} is below 0: give the household's net income, {EXAMPLE}"
    elif amount > vocab.INCOME_MAX:  # before quantize, which cannot take very large numbers
        errors["income"] = INCOME_ERRORS["too_large"].format(text=shown(value))
    elif amount != amount.quantize(GROSZ):
        errors["income"] = f"{shown(value)} has more than 2 decimals: give złoty and grosze, {EXAMPLE}"
    else:
        return abs(amount.quantize(GROSZ))  # -0 is 0
    return None


def _size(data, household, errors) -> int | None:
    size = data.get("household_size")
    if household != "family":
        if "household_size" in data:
            errors["household_size"] = "only for household \"family\"; leave it out"
        return None
    whole = f"a whole number from {vocab.HOUSEHOLD_SIZE_MIN} to {vocab.HOUSEHOLD_SIZE_MAX}"
    if "household_size" not in data:
        errors["household_size"] = f"required for a family: {whole}, everyone in the household"
        return None
    if type(size) is not int or not vocab.HOUSEHOLD_SIZE_MIN <= size <= vocab.HOUSEHOLD_SIZE_MAX:
        errors["household_size"] = f"{shown(size)} is not {whole}"
        return None
    return size


def _situations(data, errors) -> frozenset[str]:
    value = data.get("situations", [])  # may be left out: no situation
    allowed = f"a list of distinct values from: {', '.join(vocab.SITUATIONS)}"
    if not isinstance(value, list):
        errors["situations"] = f"{shown(value)} is not {allowed}"
        return frozenset()
    unknown = [v for v in value if not isinstance(v, str) or v not in vocab.SITUATIONS]
    twice = sorted({v for v in value if isinstance(v, str) and value.count(v) > 1})
    if unknown:
        errors["situations"] = f"{shown(unknown[0])} is not one of: {', '.join(vocab.SITUATIONS)}"
    elif twice:
        errors["situations"] = f"{shown(twice[0])} is given twice; {allowed}"
    else:
        return frozenset(value)
    return frozenset()


def first_day(rules: Rules, facility: str | None) -> dt.date:
    """The first rules date the API takes for this facility (any facility's when it is unknown)."""
    return rules.first_day(facility) if facility in rules.facilities else rules.criteria[0].since


def _date(data, today: dt.date, rules: Rules, facility: str | None, errors) -> dt.date:
    if "on" not in data:
        return today
    first, value = first_day(rules, facility), data["on"]
    if isinstance(value, str) and re.fullmatch(date_pattern(first), value):
        return dt.date.fromisoformat(value)
    errors["on"] = (f"{shown(value)} is not a date from {first.isoformat()} (the first day with rules for this "
                    f"answer) to {LAST_YEAR}-12-31, written YYYY-MM-DD")
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
    income = _money(data, errors)
    on = _date(data, today, rules, facility, errors)
    if errors:
        raise AnswerErrors(errors)
    answers = Answers(facility=facility, adult=yes_no["adult"] == "yes", resident=yes_no["resident"] == "yes",
                      round_the_clock_care=yes_no["round_the_clock_care"] == "yes", situations=situations,
                      household=household, household_size=size, income=income)
    return answers, on
