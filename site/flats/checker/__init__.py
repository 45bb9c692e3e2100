"""The self-check: one question per page, then the result. Nothing is stored.

Without JavaScript each step posts every answer so far (the form carries them
all: the other questions are only hidden), so no cookie, session or URL
holds an answer. With JavaScript, check.js shows the same steps in place.
"""
from __future__ import annotations

import json

from flask import Blueprint, Response, current_app, render_template, request
from flask_babel import lazy_gettext as _l
from markupsafe import Markup

from .. import layout, urls
from ..cache import cached_page, remember
from ..i18n import FACILITY, LANG, current_language
from ..rules import assess, fee_table
from ..today import today
from ..whitespace import compact
from . import explain, frozen, results, steps, summary
from .forms import CheckForm, Posted

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
def check(facility: str):
    formdata = request.form if request.method == "POST" else None
    page = _page(facility, current_language(), formdata)
    if formdata is None:
        return _step(page, steps.STEPS[0])
    shown, outcome = plan(page)
    return _result(page, outcome) if shown == steps.RESULT else _step(page, shown)


def plan(page: dict) -> tuple[str, object]:
    """What a posted step shows: ("result", the outcome) or (the question, None).

    For a result, page["fee_text"] holds the fee in words. Called by the view
    and by kept.py, which answers a kept result page before Flask.
    """
    posted, given, formdata = page["posted"], page["given"], page["formdata"]
    current = formdata.get("step", "")
    action = formdata.get("action", "continue")
    if action.startswith("change-") and action[7:] in steps.STEPS:
        return action[7:], None
    if action == "back":
        return steps.previous(current, given), None
    if action == "lang" and current in steps.STEPS:  # the same question, in another language
        return current, None
    if action == "continue" and current in steps.STEPS and not posted.check(current):
        return current, None
    return _next(page)


def _next(page: dict) -> tuple[str, object]:
    """The next question, or the result once the answers decide it."""
    given, rules = page["given"], page["rules"]
    outcome = steps.early_outcome(rules.facility(page["facility"]), given, page["today"])
    if outcome is None:
        open_step = steps.next_open(given)
        if open_step is not None:
            if page["posted"].is_given(open_step):  # given but not valid: say why
                page["posted"].check(open_step)
            return open_step, None
        answers = steps.answers(page["facility"], given)
        outcome = assess(answers, rules, page["today"])
        page["fee_text"] = explain.fee(outcome, answers, rules)
    return steps.RESULT, outcome


def _result(page: dict, outcome) -> Response:
    """The result page: rendered once per state, then filled with this person's own strings (results.py)."""
    def build() -> tuple:
        form = _form(page)
        results.put_markers(form)
        rows = [summary.Row(r.name, r.question, results.MARKERS["income_answer"] if r.name == "income" else r.answer)
                for r in summary.rows(form, page["given"])]
        html = _render({**page, "fee_text": results.MARKERS["fee_text"]}, steps.RESULT, outcome=outcome, rows=rows)
        return results.keep(compact(html))

    kept = remember(results.STORE, results.key(page, outcome), build, results.LIMIT)
    response = Response(results.fill(kept, results.values(page)), mimetype="text/html")
    response.compacted = True  # whitespace.py: folded once, when it was kept
    return response


def _step(page: dict, step: str):
    return _render(page, step)


def _render(page: dict, current: str, outcome=None, rows=None):
    _form(page)
    context = {**page, **_frozen_page(page), "rules_date": page["today"]}
    return render_template("checker/check.html", current=current, outcome=outcome, rows=rows,
                           result_skeleton=_skeleton(context), question_html=lambda name: _question(page, name),
                           **context)


def _question(page: dict, name: str) -> Markup:
    """One question's markup. Its state is a choice of fixed values and a fixed message, so each state is
    rendered once; a text box that holds what someone typed is rendered afresh and never kept."""
    field = page["form"][name]
    typed = field.type == "StringField" and any(str(v).strip() for v in (field.raw_data or ()))
    if typed:
        return Markup(render_template("checker/_question.html", form=page["form"], name=name))
    key = (page["facility"], page["lang"], name, tuple(field.raw_data or ()), tuple(map(str, field.errors)))
    return remember("flats.questions", key, lambda: Markup(
        render_template("checker/_question.html", form=page["form"], name=name)), 4096)


def mark(skeleton: bool, name: str, value: str) -> Markup:
    """An attribute of the result: in the skeleton, what check.js reads (ids become data-id, so the
    skeleton repeats none); in a result the server writes, ids only."""
    if skeleton:
        return Markup(' {}="{}"').format("data-id" if name == "id" else name, value)
    return Markup(' id="{}"').format(value) if name == "id" else Markup("")


def _skeleton(context: dict) -> Markup:
    """The result's skeleton for check.js: the same for every visitor on a day, so rendered once."""
    key = (context["facility"], context["lang"], context["rules_date"])
    return remember("flats.result_skeletons", key, lambda: Markup(
        render_template("checker/_result.html", outcome=None, rows=None, **context)), 64)


def _page(facility: str, lang: str, formdata) -> dict:
    """What every step of this request works from; `formdata` is None for a GET (in the app's context)."""
    centre = current_app.extensions["centres"][facility]
    posted = Posted(centre, lang, formdata)
    return {"posted": posted, "formdata": formdata, "form": None, "given": posted.given(), "facility": facility,
            "centre": centre, "lang": lang, "rules": current_app.extensions["rules"], "explain": explain,
            "steps": steps, "frozen": current_app.config["FROZEN_BUILD"], "fee_text": "", "today": today()}


def _form(page: dict) -> CheckForm:
    """The questions' fields, built only when a page shows them (a kept result page needs none)."""
    if page["form"] is None:
        page["form"] = CheckForm(page["centre"], page["lang"], page["posted"], formdata=page["formdata"])
    return page["form"]


def _frozen_page(page: dict) -> dict:
    """What the frozen page shows without JavaScript: the numbers and whom to call."""
    if not page["frozen"]:
        return {}
    rules, on = page["rules"], page["today"]
    place = rules.facility(page["facility"])
    table = place.fee_table_on(on)
    return {"criterion": rules.criterion_on(on), "on": on, "fee_table": table,
            "fee_rows": fee_table(rules, on, page["facility"]) if table else [],
            "cost": place.monthly_cost_on(on) if table else None}


@bp.get(f"/{LANG}/sprawdz/{FACILITY}/dane.js")
@cached_page
def answers_script(facility: str):
    """The self-check's answer table, as a script so it loads from any static host."""
    lang = current_language()
    centre = current_app.extensions["centres"][facility]
    table = frozen.answer_table(current_app.extensions["rules"], today(), facility, centre, lang,
                                CheckForm(centre, lang, formdata=None))
    body = "window.FLATS_ANSWERS = " + json.dumps(table, ensure_ascii=False, separators=(",", ":")) + ";\n"
    return Response(body, mimetype="text/javascript")


def _urls(app, lang):
    yield f"/{lang}/sprawdz/"
    for facility in app.extensions["centres"]:
        yield f"/{lang}/sprawdz/{facility}/"


def _scripts(app, lang):
    for facility in app.extensions["centres"]:
        yield f"/{lang}/sprawdz/{facility}/dane.js"
