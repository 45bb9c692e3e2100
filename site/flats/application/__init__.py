"""Prepare your application (issue 22): a written application in Polish, from the self-check's answers.

Neither centre publishes a form (facts.md §8), so the page prepares one: addressed to the facility's
operator, asking for a place in the person's group, with a justification drafted from the answers,
the documents of the result to tick, and signature lines; on a second sheet a checklist in the
reader's language. Every fact comes from the facility's data (facility.yaml, rules.yaml).

- **Live, without JavaScript**: the result's "Prepare your application" button posts the self-check
  form to POST /<lang>/sprawdz/<facility>/wniosek/. The view re-reads the answers with CheckForm, the
  only model of posted answers, has the engine assess them, and shows the application only for a
  likely or possible outcome. The answers live in the body only; the answer is no-store (caching.py),
  nothing is logged or kept.
- **With JavaScript, live and frozen**: check.js loads static/application.js when the button is first
  pressed; it shows the same application in the self-check page from /<lang>/sprawdz/<facility>/wniosek.js
  — this template rendered with every variant marked (`skeleton`) — and the answers the page holds.
- **Staff**: the blank version, every group and nothing filled in (staff blueprint, a GET page).

Names and addresses are typed, if at all, into inputs that belong to no form: they never leave the browser.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from flask import Blueprint, Response, render_template, request

from .. import urls
from ..cache import cached_page
from ..checker import steps
from ..checker.forms import CheckForm
from ..data import site_data
from ..i18n import FACILITY, LANG, current_language, url
from ..rules import Facility, assess
from ..today import today
from . import letter

bp = Blueprint("application", __name__)
STATUSES = ("likely", "possible")  # the outcomes an application is prepared for
PERSONS = ("self", "other")


@bp.record_once
def _register(state) -> None:
    urls.add(state.app, files=_scripts)
    if not state.app.config["FROZEN_BUILD"]:  # a static copy has no server: application.js prepares it there
        state.add_url_rule(f"/{LANG}/sprawdz/{FACILITY}/wniosek/", "prepare", prepare, methods=["POST"])


@dataclass(frozen=True)
class Application:
    """What one application shows. `mode`: "filled" (from answers), "skeleton" (every variant, marked
    for application.js to keep or drop) or "blank" (every group, nothing filled in)."""

    mode: str
    facility: Facility
    persons: tuple[str, ...]  # the variants written: ("self",), ("other",), both (skeleton), ("blank",)
    groups: tuple  # the groups named
    situations: tuple[str, ...]
    households: tuple[str, ...]
    resident: bool  # write "Mieszkam w …" (for the skeleton: write it, marked data-resident="yes")
    documents: tuple[str, ...]  # document codes, in the outcome's order
    not_resident: bool  # the outcome's reasons include not_resident (skeleton: written, marked)

    @property
    def skeleton(self) -> bool:
        return self.mode == "skeleton"

    @property
    def blank(self) -> bool:
        return self.mode == "blank"

    def group_documents(self):
        """(group, its documents) for every group: what the blank checklist lists."""
        return [(g, g.documents) for g in self.groups]


def every_document(facility: Facility) -> tuple[str, ...]:
    """Every document any group (or an undecided group) of the facility asks for, once each."""
    return tuple(dict.fromkeys([c for g in facility.groups for c in g.documents] + list(facility.documents)))


def filled(facility: Facility, answers: dict, outcome, person: str) -> Application:
    return Application(
        mode="filled", facility=facility, persons=(person,),
        groups=tuple(g for g in facility.groups if g.reason in outcome.reasons),
        situations=tuple(s for s in letter.SITUATIONS if s in answers["situations"]),
        households=(answers["household"],), resident=answers["resident"], documents=tuple(outcome.documents),
        not_resident="not_resident" in outcome.reasons)


def skeleton(facility: Facility) -> Application:
    return Application(mode="skeleton", facility=facility, persons=PERSONS, groups=facility.groups,
                       situations=tuple(letter.SITUATIONS), households=tuple(letter.HOUSEHOLD), resident=True,
                       documents=every_document(facility), not_resident=True)


def blank(facility: Facility) -> Application:
    return Application(mode="blank", facility=facility, persons=("blank",), groups=facility.groups,
                       situations=tuple(letter.SITUATIONS), households=tuple(letter.HOUSEHOLD), resident=False,
                       documents=every_document(facility), not_resident=False)


def context(application: Application) -> dict:
    """What the application's templates need besides the application itself."""
    return {"application": application, "letter": letter, "facility": application.facility,
            "lang": current_language(),
            "phones": ", ".join(p.number for p in application.facility.phones)}


def prepare(facility: Facility):
    """The application for the posted answers (POST only, so no-store); none unless likely or possible."""
    lang, on = current_language(), today()
    form = CheckForm(facility, lang)
    given = form.answers()
    outcome = None
    if steps.next_open(given) is None and steps.early_outcome(facility, given, on) is None:
        outcome = assess(steps.answers(facility, given), site_data().rules, on)
    person = "other" if request.form.get("for") == "other" else "self"
    shown = filled(facility, given, outcome, person) if outcome and outcome.status in STATUSES else None
    return render_template("application/page.html", person=person, carried=form.carried(),
                           **context(shown or skeleton(facility)), prepared=shown is not None)


@bp.get(f"/{LANG}/sprawdz/{FACILITY}/wniosek.js")
@cached_page
def script(facility: Facility):
    """The skeleton application.js fills in, with the stylesheet it loads: a script, so that it loads
    from any static host (the CSP lets no page fetch() anything it could not also load as a script)."""
    html = render_template("application/_application.html", **context(skeleton(facility)))
    body = {"html": html.strip(), "style": url("static", filename="application.css")}
    return Response("window.FLATS_APPLICATION = " + json.dumps(body, ensure_ascii=False, separators=(",", ":"))
                    + ";\n", mimetype="text/javascript")


def _scripts(app, lang):
    for code in site_data(app).facilities:
        yield f"/{lang}/sprawdz/{code}/wniosek.js"
