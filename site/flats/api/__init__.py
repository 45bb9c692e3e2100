"""JSON API: POST /api/v1/assessment and its OpenAPI document. Writes nothing down."""
from __future__ import annotations

import functools
import json
from decimal import Decimal

from flask import Blueprint, current_app, g, jsonify, request
from werkzeug.datastructures import LanguageAccept
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge
from werkzeug.http import HTTP_STATUS_CODES, parse_accept_header

from .. import vocabulary as vocab
from ..cache import remember
from ..checker import explain
from ..limits import mimetype, small_body
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
    rules = current_app.extensions["rules"]
    return jsonify(document(rules, current_app.extensions["site"]["site"]["name"]["en"]))


@functools.lru_cache(maxsize=256)
def language(accept: str) -> str:
    """The site language an Accept-Language header asks for first (a header, never an answer, is kept)."""
    wanted = parse_accept_header(accept, LanguageAccept).best_match(list(vocab.LANGUAGES))
    return wanted or vocab.DEFAULT_LANGUAGE


PATH = "/api/v1/assessment"
# Every answer is JSON and no-store: it is never kept by a browser or a proxy.
HEADERS = [("Content-Type", "application/json"), ("Cache-Control", "no-store")]
STATUS = {code: f"{code} {HTTP_STATUS_CODES[code].upper()}" for code in (200, 400)}  # as werkzeug writes them


def answer(app, body: bytes, content_type: str, accept_language: str) -> tuple[int, dict]:
    """(status, JSON object) for one POST to /assessment; run in the app's context.

    `content_type` is without parameters, lower-case (limits.mimetype).

    The one place the API answers: the Flask view below and the WSGI layer
    (AnswerPath) both call it, so the two cannot differ.
    """
    if content_type != "application/json":
        return 400, {"errors": {"body": "send JSON with Content-Type: application/json"}}
    try:
        data = json.loads(body, parse_float=Decimal, parse_constant=_reject, object_pairs_hook=_one_of_each)
    except DuplicateKey as exc:
        return 400, {"errors": {str(exc): "given twice; send each field once"}}
    except (ValueError, RecursionError):
        return 400, {"errors": {"body": "not valid JSON"}}
    rules = app.extensions["rules"]
    try:
        answers, on = read(data, today(), rules)
    except AnswerErrors as exc:
        return 400, {"errors": exc.errors}
    try:
        outcome = assess(answers, rules, on)
    except NoRulesForDate:
        first = first_day(rules, answers.facility)
        return 400, {"errors": {"on": f"no rules for that date; the first rules apply from {first}"}}
    # The language of every text in the answer (the URL names none); the texts
    # translate through flats.translate, which reads g.lang.
    g.lang = lang = language(accept_language[:1024])
    return 200, _outcome(outcome, answers, rules, app.extensions["centres"][answers.facility], lang)


def encode(payload: dict) -> bytes:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()


@bp.post("/assessment")
def assessment():
    environ = request.environ
    status, payload = answer(current_app, request.get_data(cache=False), mimetype(environ),
                             environ.get("HTTP_ACCEPT_LANGUAGE", ""))
    return current_app.response_class(encode(payload), status, HEADERS)


class AnswerPath:
    """WSGI layer: a POST to /api/v1/assessment answered without Flask's request machinery.

    Profiled under load, an API answer spent more time in Flask's work for
    every request — request and response objects, URL matching, hooks — than in
    reading the answers and applying the rules (docs/BENCHMARKS.md). This layer
    calls the same answer() as the view, in the app's context, with the same
    headers; the security headers are added outside it (headers.py). Anything
    else goes on to Flask: other paths and methods, a body over the limit
    (limits.py sends those straight to Flask's 413), and any unexpected error,
    which Flask then answers and logs as it does for every view.
    """

    def __init__(self, app):
        self.app, self.wsgi = app, app.wsgi_app

    def __call__(self, environ, start_response):
        if environ.get("PATH_INFO") != PATH or environ.get("REQUEST_METHOD") != "POST" \
                or not self.app.config["API_ANSWER_PATH"]:
            return self.wsgi(environ, start_response)
        body = small_body(environ, self.app.config["MAX_CONTENT_LENGTH"])
        if body is None:
            return self.wsgi(environ, start_response)
        try:
            with self.app.app_context():
                status, payload = answer(self.app, body, mimetype(environ), environ.get("HTTP_ACCEPT_LANGUAGE", ""))
                data = encode(payload)
        except Exception:  # noqa: BLE001 - Flask answers it again (the body is still unread for it)
            return self.wsgi(environ, start_response)
        start_response(STATUS[status], [*HEADERS, ("Content-Length", str(len(data)))])
        return [data]


def init_app(app) -> None:
    """Put the answer path in front of Flask (inside the body limit and the security headers)."""
    app.wsgi_app = AnswerPath(app)


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


def _outcome(outcome, answers, rules, centre, lang) -> dict:
    fee = outcome.fee
    texts = remember("flats.api_texts", (outcome.facility, outcome.reasons, outcome.documents, outcome.stay, lang),
                     lambda: _texts(outcome, rules, centre, lang), 1024)
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


def _texts(outcome, rules, centre, lang) -> dict:
    """The answer's sentences that depend only on the outcome (no amount): worked out once per outcome."""
    return {
        "reasons": [{"code": code, "text": text, "source": source}
                    for code, (text, source) in zip(outcome.reasons, explain.reasons(outcome, rules, centre, lang))],
        "documents": [rules.document_label(code, lang) for code in outcome.documents],
        "stay": rules.stay_label(outcome.stay, lang),
    }
