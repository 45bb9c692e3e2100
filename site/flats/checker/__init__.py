"""The self-check: one question per page, then the result. Nothing is stored.

Without JavaScript each step posts every answer so far (the form carries them
all: the other questions are only hidden), so no cookie, session or URL
holds an answer. With JavaScript, check.js shows the same steps in place.
"""
from __future__ import annotations

import json

from flask import Blueprint, Response, current_app, render_template, request
from markupsafe import Markup
from werkzeug.exceptions import ServiceUnavailable

from .. import layout, urls
from ..cache import cached_page, kept
from ..data import site_data
from ..i18n import FACILITY, LANG, current_language, lazy_gettext as _l
from ..rules import NoRulesForDate, assess, fee_table
from ..today import today
from . import explain, frozen, steps, summary
from .forms import CheckForm

bp = Blueprint("checker", __name__)


@bp.record_once
def _register(state) -> None:
    urls.add(state.app, pages=_urls, files=_scripts)
    state.app.jinja_env.globals["mark"] = mark
    layout.add_nav(state.app, 5, "checker.start", _l("Self-check"))


@bp.get(f"/{LANG}/sprawdz/")
@cached_page
def start():
    return render_template("checker/start.html")


@bp.route(f"/{LANG}/sprawdz/{FACILITY}/", methods=["GET", "POST"])
@cached_page
def check(facility):
    """The first question (GET), or what a posted step shows: a question or the result."""
    lang, on = current_language(), today()
    rules = site_data().rules
    form = CheckForm(facility, lang)
    if request.method != "POST":
        return _render(form, facility, rules, on, steps.STEPS[0])
    shown, detail = plan(facility, form, request.form.get("step", ""), request.form.get("action", "continue"), on)
    if shown != steps.RESULT:
        if detail:
            form.check(shown)  # the question's message, on its field
        return _render(form, facility, rules, on, shown)
    answers = form.answers()
    if detail is not None:  # decided early, without the money questions
        return _render(form, facility, rules, on, steps.RESULT, outcome=detail, rows=summary.rows(form, answers))
    engine_answers = steps.answers(facility, answers)
    try:
        outcome = assess(engine_answers, rules, on)
    except NoRulesForDate:  # a day before this facility's first rule (a fixed date in the past): no result
        raise ServiceUnavailable() from None
    return _render(form, facility, rules, on, steps.RESULT, outcome=outcome,
                   fee_text=explain.fee(outcome, engine_answers, rules), rows=summary.rows(form, answers))


def plan(facility, form: CheckForm, current: str, action: str, on) -> tuple[str, object]:
    """What a posted step shows, from the valid answers, the step posted and the button pressed.

    (a question, whether to show its message) or (RESULT, the early outcome, or None once every answer
    is in and the engine decides). A query: it changes nothing.
    """
    answers = form.answers()
    if action.startswith("change-") and action[7:] in steps.STEPS:
        return action[7:], False
    if action == "back":
        return steps.previous(current, answers), False
    if action == "lang" and current in steps.STEPS:  # the same question, in another language
        return current, False
    if action == "continue" and current in steps.STEPS and current not in answers \
            and steps.relevant(current, answers):
        return current, True
    early = steps.early_outcome(facility, answers, on)
    if early is not None:
        return steps.RESULT, early
    open_step = steps.next_open(answers)
    if open_step is not None:
        return open_step, form[open_step].is_given()  # given but not valid: say why
    return steps.RESULT, None


def _render(form, facility, rules, on, current: str, outcome=None, fee_text="", rows=None):
    frozen, lang = current_app.config["FROZEN_BUILD"], current_language()
    shared = {"facility": facility, "lang": lang, "questions": steps.STEPS, "frozen": frozen, "rules_date": on,
              "criterion": rules.criterion_on(on), **(_frozen_page(rules, facility, on) if frozen else {})}
    # The result's skeleton for check.js is the same for everyone at this address on this day: it is
    # rendered from `shared` only (nothing posted), so it is kept (cache.kept, bounded with the pages).
    skeleton = Markup(kept(("result-skeleton", request.script_root, request.path, on, frozen), lambda: render_template(
        "checker/_result.html", outcome=None, rows=None, status_text="", reasons=(), **shared)))
    return render_template("checker/check.html", current=current, outcome=outcome, rows=rows, form=form,
                           status_text=str(explain.STATUS[outcome.status]) if outcome else "",
                           reasons=explain.reasons(outcome, facility, lang) if outcome else (),
                           fee_text=fee_text, result_skeleton=skeleton, carried=form.carried(), **shared)


def mark(skeleton: bool, name: str, value: str) -> Markup:
    """An attribute of the result: in the skeleton, what check.js reads (ids become data-id, so the
    skeleton repeats none); in a result the server writes, ids only."""
    if skeleton:
        return Markup(' {}="{}"').format("data-id" if name == "id" else name, value)
    return Markup(' id="{}"').format(value) if name == "id" else Markup("")


def _frozen_page(rules, facility, on) -> dict:
    """What the frozen page shows without JavaScript: the numbers and whom to call."""
    table = facility.fee_table_on(on)
    return {"on": on, "fee_table": table,
            "fee_rows": fee_table(rules, on, facility.code) if table else [],
            "cost": facility.monthly_cost_on(on) if table else None}


@bp.get(f"/{LANG}/sprawdz/{FACILITY}/dane.js")
@cached_page
def answers_script(facility):
    """The self-check's answer table, as a script so it loads from any static host."""
    lang = current_language()
    table = frozen.answer_table(site_data().rules, today(), facility, lang,
                                CheckForm(facility, lang, formdata=None))
    body = "window.FLATS_ANSWERS = " + json.dumps(table, ensure_ascii=False, separators=(",", ":")) + ";\n"
    return Response(body, mimetype="text/javascript")


def _urls(app, lang):
    yield f"/{lang}/sprawdz/"
    for code in site_data(app).facilities:
        yield f"/{lang}/sprawdz/{code}/"


def _scripts(app, lang):
    for code in site_data(app).facilities:
        yield f"/{lang}/sprawdz/{code}/dane.js"
