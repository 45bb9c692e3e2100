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
from .forms import SITUATION_LABELS, fields_in_order, form_class

bp = Blueprint("checker", __name__)


@bp.record_once
def _register(state) -> None:
    urls.add(state.app, pages=_urls, files=_scripts)
    layout.add_nav(state.app, 5, "checker.start", _l("Self-check"))


@bp.get(f"/{LANG}/sprawdz/")
@cached_page
def start():
    return render_template("checker/start.html")


@bp.route(f"/{LANG}/sprawdz/{FACILITY}/", methods=["GET", "POST"])
@cached_page
def check(facility: str):
    lang = current_language()
    centre = current_app.extensions["centres"][facility]
    form = form_class(centre, lang)(formdata=request.form if request.method == "POST" else None)
    fields = fields_in_order(form)
    page = {"form": form, "fields": fields, "facility": facility, "centre": centre, "lang": lang,
            "rules": current_app.extensions["rules"], "explain": explain}
    if request.method != "POST" or "change" in request.form or not form.validate():
        frozen_build = current_app.config["FROZEN_BUILD"]
        extra = _frozen_page(facility) if frozen_build else {}
        return render_template("checker/form.html", frozen=frozen_build, **page, **extra)
    answers = form.answers(facility)
    outcome = assess(answers, page["rules"], today())
    return render_template("checker/result.html", answers=answers, outcome=outcome,
                           situations=SITUATION_LABELS, **page)


@bp.get(f"/{LANG}/sprawdz/{FACILITY}/dane.js")
def answers_script(facility: str):
    """The frozen page's answer table, as a script so it loads from any static host."""
    lang = current_language()
    centre = current_app.extensions["centres"][facility]
    table = frozen.answer_table(current_app.extensions["rules"], today(), facility, centre, lang,
                                form_class(centre, lang)(formdata=None))
    body = "window.FLATS_ANSWERS = " + json.dumps(table, ensure_ascii=False, separators=(",", ":")) + ";\n"
    return Response(body, mimetype="text/javascript")


def _frozen_page(facility: str) -> dict:
    """What the frozen form shows besides the form: the result skeleton and the fallback."""
    rules = current_app.extensions["rules"]
    on = today()
    place = rules.facility(facility)
    table = place.fee_table_on(on)
    return {"outcome": None, "criterion": rules.criterion_on(on), "on": on, "fee_table": table,
            "fee_rows": fee_table(rules, on, facility) if table else [],
            "cost": place.monthly_cost_on(on) if table else None}


def _urls(app, lang):
    yield f"/{lang}/sprawdz/"
    for facility in app.extensions["centres"]:
        yield f"/{lang}/sprawdz/{facility}/"


def _scripts(app, lang):
    for facility in app.extensions["centres"]:
        yield f"/{lang}/sprawdz/{facility}/dane.js"
