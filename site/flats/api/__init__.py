"""JSON API: POST /api/v1/assessment and its OpenAPI document. Writes nothing down."""
from __future__ import annotations

import json
from decimal import Decimal

from flask import Blueprint, current_app, g, jsonify, request
from flask_babel import force_locale
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from .. import vocabulary as vocab
from ..checker import explain
from ..data import site_data
from ..rules import NoRulesForDate, assess
from ..today import today
from .answers import AnswerErrors, first_day, read
from .openapi import document

bp = Blueprint("api", __name__, url_prefix="/api/v1")


def _bad(errors: dict, code: int = 400):
    return jsonify({"errors": errors}), code


@bp.errorhandler(HTTPException)
def http_error(error: HTTPException):
    if isinstance(error, RequestEntityTooLarge):
        return _bad({"body": "too large: at most 64 KiB"}, 413)
    headers = [(k, v) for k, v in error.get_headers() if k.lower() != "content-type"]
    return jsonify({"errors": {"request": error.description or error.name}}), error.code or 400, headers


@bp.get("/openapi.json")
def openapi():
    site = site_data()
    return jsonify(document(site.rules, site.name("en")))


def language(accept) -> str:
    """The site language an Accept-Language header asks for first."""
    return accept.best_match(list(vocab.LANGUAGES)) or vocab.DEFAULT_LANGUAGE


def answer(app, body: bytes, content_type: str, accept_language) -> tuple[int, dict]:
    """(status, JSON object) for one POST to /assessment; run in the app's context.

    `content_type` is without parameters, lower-case; `accept_language` werkzeug's LanguageAccept.

    """
    if content_type != "application/json":
        return 400, {"errors": {"body": "send JSON with Content-Type: application/json"}}
    try:
        data = json.loads(body, parse_float=Decimal, parse_constant=_reject, object_pairs_hook=_one_of_each)
    except DuplicateKey as exc:
        return 400, {"errors": {str(exc): "given twice; send each field once"}}
    except (ValueError, RecursionError):
        return 400, {"errors": {"body": "not valid JSON"}}
    rules = site_data(app).rules
    try:
        answers, on = read(data, today(), rules)
    except AnswerErrors as exc:
        return 400, {"errors": exc.errors}
    try:
        outcome = assess(answers, rules, on)
    except NoRulesForDate:
        first = first_day(rules, answers.facility)
        return 400, {"errors": {"on": f"no rules for that date; the first rules apply from {first}"}}
    # The language of every text in the answer (the URL names none).
    g.lang = lang = language(accept_language)  # for what reads the page's language (percent, dates)
    with force_locale(lang):
        return 200, _outcome(outcome, answers, rules, rules.facility(answers.facility), lang)


def encode(payload: dict) -> bytes:
    # A name the client sent may hold a lone surrogate ("\ud800" in its JSON); it goes back escaped as it came.
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "backslashreplace")


@bp.post("/assessment")
def assessment():
    status, payload = answer(current_app, request.get_data(cache=False), request.mimetype, request.accept_languages)
    return current_app.response_class(encode(payload), status, mimetype="application/json")


def _reject(name):
    raise ValueError(name)


class DuplicateKey(ValueError):
    """A JSON object names a field twice: which value was meant cannot be known."""


def _one_of_each(pairs: list) -> dict:
    seen = {}
    for key, value in pairs:
        if key in seen:
            raise DuplicateKey(key[:64])
        seen[key] = value
    return seen


def _money(value) -> str | None:
    return None if value is None else f"{value:.2f}"


def _outcome(outcome, answers, rules, facility, lang) -> dict:
    fee = outcome.fee
    texts = _texts(outcome, facility, lang)
    return {
        "facility": outcome.facility,
        "status": outcome.status,
        "rules_date": outcome.rules_date.isoformat(),
        "reasons": texts["reasons"],
        "fee": {"kind": fee.kind, "percent_of_cost": fee.percent_of_cost, "amount": _money(fee.amount),
                "income_per_person": _money(fee.income_per_person), "criterion": _money(fee.criterion),
                "percent_of_criterion": _money(fee.percent_of_criterion),
                "explanation": explain.fee(outcome, answers, rules)},
        "documents": texts["documents"],
        "stay": texts["stay"],
    }


def _texts(outcome, facility, lang) -> dict:
    """The answer's sentences that depend only on the outcome (no amount): worked out once per outcome."""
    return {
        "reasons": [{"code": code, "text": text, "source": source}
                    for code, (text, source) in zip(outcome.reasons, explain.reasons(outcome, facility, lang))],
        "documents": [facility.document_label(code, lang) for code in outcome.documents],
        "stay": facility.stay_label(outcome.stay, lang),
    }
