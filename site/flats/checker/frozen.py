"""The frozen site's self-check: every answer worked out ahead by the engine.

Eligibility does not depend on income or household size, and the fee changes
only at the engine's income thresholds, so the whole answer space fits in a
small table per facility. The browser only looks answers up in it: it holds
no rule, and each fee sentence comes written by the engine for its income
range, with only the income itself left to fill in.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from itertools import product

from flask_babel import gettext

from .. import vocabulary as vocab
from ..dates import format_day
from ..money import ambiguous_grammar, income_digits, income_grammar, too_large_grammar
from ..rules import Answers, Rules, assess, decide_early, income_thresholds
from . import explain
from .forms import INCOME_MESSAGES, NONE_ALONE, income_message, size_message
from .steps import ENGINE

GROSZ = Decimal("0.01")
DIGITS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"  # outcome numbers, one character each


def index(adult: bool, resident: bool, care: bool, situations, household: str) -> int:
    """The answers' place in the table: a bit per yes/no answer and per situation, then the household."""
    n = 0
    for flag in (adult, resident, care):
        n = n * 2 + (0 if flag else 1)
    for situation in vocab.SITUATIONS:
        n = n * 2 + (1 if situation in situations else 0)
    return n * 2 + vocab.HOUSEHOLDS.index(household)


def _outcomes(rules: Rules, on: dt.date, facility: str) -> tuple[list, list]:
    """(distinct outcomes, the index of each answer combination's outcome in that list)."""
    distinct: dict[tuple, int] = {}
    table = [0] * (2 ** (3 + len(vocab.SITUATIONS)) * len(vocab.HOUSEHOLDS))
    for adult, resident, care, household in product((True, False), (True, False), (True, False), vocab.HOUSEHOLDS):
        for bits in product((False, True), repeat=len(vocab.SITUATIONS)):
            situations = frozenset(s for s, on_ in zip(vocab.SITUATIONS, bits) if on_)
            answers = Answers(facility, adult, resident, care, situations, household,
                              vocab.HOUSEHOLD_SIZE_MIN if household == "family" else None, Decimal("0"))
            o = assess(answers, rules, on)
            found = (o.status, tuple(o.reasons), tuple(o.documents), o.stay)
            table[index(adult, resident, care, situations, household)] = distinct.setdefault(found, len(distinct))
    return [[s, list(r), list(d), st] for s, r, d, st in distinct], table


def _fees(rules: Rules, on: dt.date, facility: str) -> dict:
    """Per household size: each income range's fee, its sentence's key and the values it names.

    What every family shares (the per-person criterion) is written once, under "family".
    """
    place = rules.facility(facility)
    fees = {}
    for people in vocab.household_sizes():
        household = "single" if people == 1 else "family"
        size = None if people == 1 else people
        edges = income_thresholds(rules, on, facility, household, size)
        rows = []
        for up_to in edges + [None]:
            income = up_to if up_to is not None else edges[-1] + GROSZ
            fee = assess(Answers(facility, True, True, False, frozenset({"illness"}), household, size, income),
                         rules, on).fee
            values = explain.fee_values(fee, people)
            rows.append([None if up_to is None else str(up_to), fee.kind, fee.percent_of_cost,
                         None if fee.amount is None else str(fee.amount), explain.fee_case(fee, place, household),
                         {k: values[k] for k in ("above", "up_to", "share", "amount") if k in values}])
        fees[str(people)] = {"values": {"limit": values["limit"]}, "rows": rows}
        if people == 1:
            fees["1"]["criterion"] = str(fee.criterion)
        else:
            fees["family"] = {"criterion": str(fee.criterion), "per_person": values["per_person"]}
    return fees


def _engine_value(name: str, value: str):
    return value == "yes" if name in vocab.YES_NO_QUESTIONS else value


def _early(rules: Rules, facility: str, outcomes: list) -> dict:
    """Answers so far that already make a place unlikely: prefix key -> outcome index.

    A key joins the answers to the first questions in order with "|" (the
    situations as their codes joined with "+", "" for none).
    """
    place = rules.facility(facility)
    values = {name: list(vocab.YES_NO) for name in vocab.YES_NO_QUESTIONS}
    values["household"] = list(vocab.HOUSEHOLDS)
    values["situations"] = ["+".join(s for s, on in zip(vocab.SITUATIONS, bits) if on)
                            for bits in product((False, True), repeat=len(vocab.SITUATIONS))]
    found, prefixes = {}, [[]]
    for name in ENGINE:
        # A prefix already decided needs no longer one: the browser stops at the first it finds.
        prefixes = [p + [(name, v)] for p in prefixes if "|".join(v for _, v in p) not in found or not p
                    for v in values[name]]
        for prefix in prefixes:
            given = {n: (frozenset(v.split("+")) - {""} if n == "situations" else _engine_value(n, v))
                     for n, v in prefix}
            reasons = decide_early(place, given)
            if reasons is not None:
                outcome = ["unlikely", list(reasons), [], None]
                if outcome not in outcomes:
                    outcomes.append(outcome)
                found["|".join(v for _, v in prefix)] = outcomes.index(outcome)
    return found


def _texts(rules: Rules, facility: str, centre, lang: str, form) -> dict:
    place = rules.facility(facility)
    return {
        "status": {k: str(v) for k, v in explain.STATUS.items()},
        "reasons": {code: [explain.reason_text(code, place, centre, lang), place.reason_source(code)]
                    for code in place.reason_codes()},
        "documents": {c: rules.document_label(c, lang) for c in place.document_labels},
        "stay": {c: rules.stay_label(c, lang) for c in place.stay_labels},
        "fee": {},  # filled by answer_table() with the sentences this facility's ranges use
        "errors": {name: size_message() if name == "household_size" else str(form.required[name])
                   for name in vocab.QUESTIONS},
        "income_errors": {kind: income_message(kind, "%(text)s") for kind in INCOME_MESSAGES},
        "none_alone": str(NONE_ALONE),
        "error_prefix": gettext("Error:"),
    }


def vocabulary() -> dict:
    """What the browser must know of the vocabulary to read the form as the server does."""
    return {"questions": list(vocab.QUESTIONS), "yes_no_questions": list(vocab.YES_NO_QUESTIONS),
            "yes_no": list(vocab.YES_NO), "situations": list(vocab.SITUATIONS), "households": list(vocab.HOUSEHOLDS),
            "household_size_min": vocab.HOUSEHOLD_SIZE_MIN, "household_size_max": vocab.HOUSEHOLD_SIZE_MAX,
            "income_grammar": income_grammar("js"), "income_ambiguous": ambiguous_grammar(),
            "income_too_large": too_large_grammar(), "income_digits": income_digits()}


def answer_table(rules: Rules, on: dt.date, facility: str, centre, lang: str, form) -> dict:
    """Everything the frozen page needs to answer like the live site on `on`."""
    outcomes, outcome_of = _outcomes(rules, on, facility)
    fees = _fees(rules, on, facility)
    texts = _texts(rules, facility, centre, lang, form)
    used = {row[4] for table in fees.values() if "rows" in table for row in table["rows"]}
    texts["fee"] = {case: text for case, text in explain.fee_texts().items() if case in used}
    if len(outcomes) > len(DIGITS):
        raise ValueError(f"{facility}: {len(outcomes)} distinct outcomes; the table writes at most {len(DIGITS)}")
    early = _early(rules, facility, outcomes)
    return {
        "facility": facility,
        "rules_date": on.isoformat(),
        "rules_date_text": format_day(on),
        "vocabulary": vocabulary(),
        "outcomes": outcomes,
        "outcome_of": "".join(DIGITS[i] for i in outcome_of),  # one character per answer combination
        "early": early,
        "fees": fees,
        "texts": texts,
    }
