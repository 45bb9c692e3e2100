"""The self-check: choose a facility, answer, read a result. Nothing is stored."""
from __future__ import annotations

from flask import Blueprint, current_app, render_template, request
from flask_babel import lazy_gettext as _l

from .. import layout, urls
from ..i18n import current_language
from ..rules import assess
from ..today import today
from . import explain
from .forms import FORMS, ORDER, SITUATIONS

bp = Blueprint("checker", __name__)
LANG = "<any(pl,en,uk):lang>"
FACILITY = "<any(mielec,chelm):facility>"


@bp.get(f"/{LANG}/sprawdz/")
def start():
    return render_template("checker/start.html")


@bp.route(f"/{LANG}/sprawdz/{FACILITY}/", methods=["GET", "POST"])
def check(facility: str):
    form = FORMS[facility](formdata=request.form if request.method == "POST" else None)
    fields = [form[name] for name in ORDER]
    if request.method == "GET" or "change" in request.form or not form.validate():
        return render_template("checker/form.html", form=form, fields=fields, facility=facility,
                               submitted=request.method == "POST" and "change" not in request.form)
    answers = form.answers(facility)
    rules = current_app.extensions["rules"]
    outcome = assess(answers, rules, today())
    return render_template("checker/result.html", form=form, fields=fields, facility=facility,
                           answers=answers, outcome=outcome, explain=explain, rules=rules,
                           lang=current_language(), situations=dict(SITUATIONS),
                           centre=current_app.extensions["contacts"][facility])


def _urls(app, lang):
    yield f"/{lang}/sprawdz/"
    for facility in FORMS:
        yield f"/{lang}/sprawdz/{facility}/"


urls.EXTRA.append(_urls)
layout.EXTRA_NAV.append((5, "checker.start", _l("Self-check")))
