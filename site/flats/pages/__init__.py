"""Content pages: home, facilities and the rest, one route for all."""
from __future__ import annotations

from flask import Blueprint, abort, current_app, redirect, render_template

from ..i18n import DEFAULT_LANGUAGE, current_language
from .. import today

bp = Blueprint("pages", __name__)
LANG = "<any(pl,en,uk):lang>"


@bp.get("/")
def root():
    return redirect(f"/{DEFAULT_LANGUAGE}/", code=302)


@bp.get(f"/{LANG}/", defaults={"slug": "index"})
@bp.get(f"/{LANG}/<slug>/")
def page(slug: str):
    content = current_app.extensions["content"]
    found = content.get(current_language(), slug)
    if found is None:
        abort(404)
    body = found.body.render({"lang": found.lang, "on": today.today(), "app": current_app})
    return render_template("page.html", page=found, body=body)
