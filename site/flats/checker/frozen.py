"""The frozen site's self-check: every answer worked out ahead by the engine.

Eligibility does not depend on income or household size, and the fee changes
only at the engine's income thresholds, so the whole answer space fits in a
small table per facility. The browser only looks answers up in it: it holds
no rule, no flow and no money formatting.

What `dane.js` holds (window.FLATS_ANSWERS), every part a named object:

- `flow`: vocabulary.FLOW, the questions in order (`Question.as_data`).
- `vocabulary`: flats.money's grammar, to read a typed amount as the server does.
- `decisions`: a tree keyed by answers. Its levels are the flow's questions that
  decide (`decides`), in order; each key is `answer_key()` of that answer: the
  answer itself ("yes", "family"), the situations as their codes in the
  vocabulary's order joined with "+" ("" for none). A number is a leaf: the
  index of an outcome in `outcomes`; a level whose answers all lead to the same
  outcome is that leaf. An outcome with `early` is the result at once
  (rules.decide_early: nothing more is asked); any other waits for every question.
- `outcomes`: {status, reasons, documents, stay, early (only when true)}.
- `fees`: `tables` keyed by the answer to the question `by` (the household size;
  "" when it is not asked: one person), the rows compared with the answer `of`, each {limit, rows: [{up_to, fee}]} with `up_to` in
  grosze (none on the last row) and `fee` an index in `fees.kinds`;
  `values` the figures every family's sentence shares (per_person). A kind is
  {kind, percent_of_cost, amount ("449.60"), amount_text ("449,60 zł"),
  data_amount (the result's data-fee-amount), text (a key of texts.fee), values}. The sentence's %(people)s is the size as
  answered. Every amount the page shows comes written here.
- `money`: the way to write an amount typed: per number of digits of its złoty,
  the written form with "#" for each digit (złoty, then the two of the grosze).
- `texts`: the sentences, in the page's language.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from itertools import product

from flask_babel import gettext

from .. import vocabulary as vocab
from ..dates import format_day
from ..money import ambiguous_grammar, format_money, income_digits, income_grammar, too_large_grammar
from ..rules import Answers, Facility, Rules, assess, decide_early, income_thresholds
from . import explain
from .forms import INCOME_MESSAGES, NONE_ALONE, income_message, size_message
from .steps import ENGINE, engine_value, relevant

GROSZ = Decimal("0.01")
PEOPLE = "household_size"  # the question whose answer picks the fee table ("" when it is not asked)
INCOME = next(q.name for q in vocab.FLOW if q.kind == "money")  # the answer the table's rows compare


def answer_key(name: str, value) -> str:
    """One level's key in `decisions`: an answer as posted, the situations joined with "+"."""
    if vocab.QUESTION[name].kind == "many":
        return "+".join(s for s in vocab.QUESTION[name].choices if s in value)
    return value


def _answers_of(question: vocab.Question) -> list:
    """Every answer a deciding question can have, as posted."""
    if question.kind == "many":
        return [[s for s, on in zip(question.choices, bits) if on]
                for bits in product((False, True), repeat=len(question.choices))]
    return list(question.choices)


def _engine(name: str, value):
    return frozenset(value) if vocab.QUESTION[name].kind == "many" else engine_value(name, value)


def _decisions(rules: Rules, on: dt.date, facility: Facility) -> tuple[dict, list]:
    """The answer tree and its distinct outcomes, as the live site's steps decide them (checker.plan)."""
    outcomes: list[dict] = []

    def leaf(outcome: dict) -> int:
        if outcome not in outcomes:
            outcomes.append(outcome)
        return outcomes.index(outcome)

    def node(given: dict, level: int):
        reasons = decide_early(facility, given)
        if reasons is not None:
            return leaf({"status": "unlikely", "reasons": list(reasons), "documents": [], "stay": None,
                         "early": True})
        if level == len(ENGINE):
            size = vocab.HOUSEHOLD_SIZE_MIN if relevant(PEOPLE, given) else None
            o = assess(Answers(facility=facility.code, household_size=size, income=Decimal("0"), **given), rules, on)
            return leaf({"status": o.status, "reasons": list(o.reasons), "documents": list(o.documents),
                         "stay": o.stay})
        name = ENGINE[level]
        children = {answer_key(name, value): node({**given, name: _engine(name, value)}, level + 1)
                    for value in _answers_of(vocab.QUESTION[name])}
        leaves = set(children.values()) if all(isinstance(c, int) for c in children.values()) else ()
        return leaves.pop() if len(leaves) == 1 else children  # the same outcome whatever this answer

    return node({}, 0), outcomes


def _fees(rules: Rules, on: dt.date, facility: Facility) -> dict:
    """Per household size as answered: each income range's fee, and the values its sentence names."""
    kinds: list[dict] = []
    tables, per_person = {}, set()
    for people in vocab.household_sizes():
        household = "single" if people == 1 else "family"
        size = None if people == 1 else people
        edges = income_thresholds(rules, on, facility.code, household, size)
        rows = []
        for up_to in edges + [None]:
            income = up_to if up_to is not None else edges[-1] + GROSZ
            fee = assess(Answers(facility.code, True, True, False, frozenset({"illness"}), household, size, income),
                         rules, on).fee
            values = explain.fee_values(fee, people)
            kind = {"kind": fee.kind, "percent_of_cost": fee.percent_of_cost,
                    "amount": None if fee.amount is None else str(fee.amount),
                    "amount_text": None if fee.amount is None else format_money(fee.amount),
                    # what the result's data-fee-amount holds (as the server's template writes it)
                    "data_amount": "0.00" if fee.kind == "free" else None if fee.amount is None else str(fee.amount),
                    "text": explain.fee_case(fee, facility, household),
                    "values": {k: values[k] for k in ("above", "up_to", "share", "amount") if k in values}}
            if kind not in kinds:
                kinds.append(kind)
            rows.append({"fee": kinds.index(kind)} if up_to is None else {"up_to": int(up_to * 100),
                                                                           "fee": kinds.index(kind)})
        tables["" if size is None else str(size)] = {"limit": values["limit"], "rows": rows}
        if size is not None:
            per_person.add(values["per_person"])
    if len(per_person) != 1:
        raise ValueError(f"{facility.code}: families of different sizes have different per-person criteria {per_person}")
    return {"by": PEOPLE, "of": INCOME, "tables": tables, "kinds": kinds, "values": {"per_person": per_person.pop()}}


def money_forms() -> dict[str, str]:
    """How an amount is written, per number of digits of its złoty: "# ###,## zł" for 1234,56."""
    return {str(n): format_money(Decimal("8" * n + ".88")).replace("8", "#")
            for n in range(1, len(str(int(vocab.INCOME_MAX))) + 1)}


def _texts(facility: Facility, lang: str, form) -> dict:
    return {
        "status": {k: str(v) for k, v in explain.STATUS.items()},
        "reasons": {code: {"text": explain.reason_text(code, facility, lang), "source": facility.reason_source(code)}
                    for code in facility.reason_codes()},
        "documents": {c: facility.document_label(c, lang) for c in facility.document_labels},
        "stay": {c: facility.stay_label(c, lang) for c in facility.stay_labels},
        "fee": {},  # filled by answer_table() with the sentences this facility's ranges use
        "errors": {name: size_message() if name == PEOPLE else str(form.required[name])
                   for name in vocab.QUESTIONS},
        "income_errors": {kind: income_message(kind, "%(text)s") for kind in INCOME_MESSAGES},
        "none_alone": str(NONE_ALONE),
        "error_prefix": gettext("Error:"),
    }


def vocabulary() -> dict:
    """How the browser reads a typed amount as the server does (flats.money's grammar)."""
    return {"income_grammar": income_grammar("js"), "income_ambiguous": ambiguous_grammar(),
            "income_too_large": too_large_grammar(), "income_digits": income_digits()}


def answer_table(rules: Rules, on: dt.date, facility: Facility, lang: str, form) -> dict:
    """Everything the frozen page needs to answer like the live site on `on`."""
    decisions, outcomes = _decisions(rules, on, facility)
    fees = _fees(rules, on, facility)
    texts = _texts(facility, lang, form)
    used = {kind["text"] for kind in fees["kinds"]}
    texts["fee"] = {case: text for case, text in explain.fee_texts().items() if case in used}
    return {
        "facility": facility.code,
        "rules_date": on.isoformat(),
        "rules_date_text": format_day(on),
        "flow": [q.as_data() for q in vocab.FLOW],
        "vocabulary": vocabulary(),
        "decisions": decisions,
        "outcomes": outcomes,
        "fees": fees,
        "money": money_forms(),
        "texts": texts,
    }
