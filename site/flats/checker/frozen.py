"""The frozen site's self-check: every answer worked out ahead by the engine.

Eligibility does not depend on income or household size, and the fee changes
only at the engine's income thresholds, so the whole answer space fits in a
small table per facility. The browser only looks answers up in it; the
percentages it shows are exact integer arithmetic on grosze, no rule.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from itertools import product

from flask_babel import format_date, gettext

from ..money import INCOME_PATTERN
from ..rules import Answers, Rules, assess, income_thresholds
from ..rules.codes import HOUSEHOLDS, REASONS, SITUATIONS
from . import explain
from .forms import FORMS, INCOME_MESSAGE, ORDER, SITUATIONS_MESSAGE, SIZE_MESSAGE

GROSZ = Decimal("0.01")
MAX_PEOPLE = 20


def index(adult: bool, resident: bool, care: bool, situations, household: str) -> int:
    """The answers' place in the table: a bit per yes/no answer and per situation, then the household."""
    n = 0
    for flag in (adult, resident, care):
        n = n * 2 + (0 if flag else 1)
    for situation in SITUATIONS:
        n = n * 2 + (1 if situation in situations else 0)
    return n * 2 + HOUSEHOLDS.index(household)


def _outcomes(rules: Rules, on: dt.date, facility: str) -> tuple[list, list]:
    """(distinct outcomes, the index of each answer combination's outcome in that list)."""
    distinct: dict[tuple, int] = {}
    table = [0] * (2 ** (3 + len(SITUATIONS)) * len(HOUSEHOLDS))
    for adult, resident, care, household in product((True, False), (True, False), (True, False), HOUSEHOLDS):
        for bits in product((False, True), repeat=len(SITUATIONS)):
            situations = frozenset(s for s, on_ in zip(SITUATIONS, bits) if on_)
            answers = Answers(facility, adult, resident, care, situations, household,
                              2 if household == "family" else None, Decimal("0"))
            o = assess(answers, rules, on)
            found = (o.status, tuple(o.reasons), tuple(o.documents), o.stay)
            table[index(adult, resident, care, situations, household)] = distinct.setdefault(found, len(distinct))
    return [[s, list(r), list(d), st] for s, r, d, st in distinct], table


def _fees(rules: Rules, on: dt.date, facility: str) -> dict:
    fees = {}
    for people in range(1, MAX_PEOPLE + 1):
        household = "single" if people == 1 else "family"
        size = None if people == 1 else people
        edges = income_thresholds(rules, on, facility, household, size)
        rows = []
        for up_to in edges + [None]:
            income = up_to if up_to is not None else edges[-1] + GROSZ
            fee = assess(Answers(facility, True, True, False, frozenset({"illness"}), household, size, income),
                         rules, on).fee
            rows.append([None if up_to is None else str(up_to), fee.kind, fee.percent_of_cost,
                         None if fee.amount is None else str(fee.amount),
                         None if fee.monthly_cost is None else str(fee.monthly_cost)])
        fees[str(people)] = {"criterion": str(fee.criterion), "rows": rows}
    return fees


def _texts(rules: Rules, facility: str, lang: str, form) -> dict:
    city = explain.CITY[facility]
    return {
        "status": {k: str(v) for k, v in explain.STATUS.items()},
        "reasons": {code: [str(explain.REASONS[code]) % {"city": city}, rules.reason_source(facility, code)]
                    for code in REASONS[facility]},
        "documents": {c: rules.document_label(c, lang) for c in rules.facility(facility).document_labels},
        "stay": {c: rules.stay_label(c, lang) for c in rules.facility(facility).stay_labels},
        "fee": {case: str(text) for case, text in explain.FEE_TEXTS.items()},
        "errors": {name: _message(form[name]) for name in ORDER},
        "error_prefix": gettext("Error:"),
    }


def _message(field) -> str:
    custom = {"household_size": SIZE_MESSAGE, "income": INCOME_MESSAGE, "situations": SITUATIONS_MESSAGE}
    return str(custom.get(field.name) or field.validators[0].message)


def answer_table(rules: Rules, on: dt.date, facility: str, lang: str) -> dict:
    """Everything the frozen page needs to answer like the live site on `on`."""
    form = FORMS[facility](formdata=None)
    return {
        "facility": facility,
        "rules_date": on.isoformat(),
        "rules_date_text": format_date(on, "long"),
        "income_pattern": INCOME_PATTERN,
        "situations": list(SITUATIONS),
        **dict(zip(("outcomes", "outcome_of"), _outcomes(rules, on, facility))),
        "fees": _fees(rules, on, facility),
        "texts": _texts(rules, facility, lang, form),
    }
