"""The self-check: choose a facility, answer, read a result. Nothing is stored."""
from __future__ import annotations

import json

from flask import Blueprint, Response, current_app, render_template, request
from flask_babel import lazy_gettext as _l

from .. import layout, urls
from ..cache import cached_page
from ..i18n import FACILITY, LANG, current_language
from ..rules import assess, fee_table
from ..today import today
from . import explain, frozen
from .forms import FORMS, LABELS, ORDER

bp = Blueprint("checker", __name__)


@bp.get(f"/{LANG}/sprawdz/")
@cached_page
def start():
    return render_template("checker/start.html")


@bp.route(f"/{LANG}/sprawdz/{FACILITY}/", methods=["GET", "POST"])
@cached_page
def check(facility: str):
    form = FORMS[facility](formdata=request.form if request.method == "POST" else None)
    fields = [form[name] for name in ORDER]
    if request.method == "GET" or "change" in request.form or not form.validate():
        frozen = current_app.config.get("FROZEN_BUILD", False)
        extra = _frozen_page(facility) if frozen else {}
        return render_template("checker/form.html", form=form, fields=fields, facility=facility,
                               frozen=frozen, **extra)
    answers = form.answers(facility)
    rules = current_app.extensions["rules"]
    outcome = assess(answers, rules, today())
    return render_template("checker/result.html", form=form, fields=fields, facility=facility,
                           answers=answers, outcome=outcome, explain=explain, rules=rules,
                           lang=current_language(), situations=LABELS,
                           centre=current_app.extensions["contacts"][facility])


@bp.get(f"/{LANG}/sprawdz/{FACILITY}/dane.js")
def answers_script(facility: str):
    """The frozen page's answer table, as a script so it loads from any static host."""
    table = frozen.answer_table(current_app.extensions["rules"], today(), facility, current_language())
    body = "window.FLATS_ANSWERS = " + json.dumps(table, ensure_ascii=False, separators=(",", ":")) + ";\n"
    return Response(body, mimetype="text/javascript")


def _frozen_page(facility: str) -> dict:
    """What the frozen form shows besides the form: the result skeleton and the fallback."""
    rules = current_app.extensions["rules"]
    on = today()
    return {"rules": rules, "explain": explain, "outcome": None, "lang": current_language(),
            "centre": current_app.extensions["contacts"][facility], "criterion": rules.criterion_on(on),
            "fee_rows": fee_table(rules, on) if facility == "chelm" else [], "on": on,
            "cost": rules.monthly_cost_on(on) if facility == "chelm" else None}


def _urls(app, lang):
    yield f"/{lang}/sprawdz/"
    for facility in FORMS:
        yield f"/{lang}/sprawdz/{facility}/"


def _scripts(app, lang):
    for facility in FORMS:
        yield f"/{lang}/sprawdz/{facility}/dane.js"


urls.EXTRA.append(_urls)
urls.EXTRA_FILES.append(_scripts)
layout.EXTRA_NAV.append((5, "checker.start", _l("Self-check")))
