"""Content pages: home, facilities and the rest, one route for all."""
from __future__ import annotations

from flask import Blueprint, Response, abort, current_app, redirect, render_template, request

from ..i18n import DEFAULT_LANGUAGE, LANG, LANGUAGES, current_language
from ..urls import all_urls
from .. import today
from ..cache import cached_page
from ..data import site_data

bp = Blueprint("pages", __name__)


@bp.get("/")
def root():
    """The home page in the browser's language (Accept-Language), Polish by default.

    A static host cannot redirect: the frozen index.html has a link per language
    and a small script (static/root.js) that follows navigator.languages."""
    if current_app.config.get("FROZEN_BUILD"):
        return render_template("root.html", names=site_data().details["site"]["name"])
    lang = request.accept_languages.best_match(LANGUAGES, default=DEFAULT_LANGUAGE)
    response = redirect(f"/{lang}/", code=302)
    response.vary.add("Accept-Language")
    return response


@bp.get("/sitemap.xml")
def sitemap():
    """Every page with its language versions; absolute when site.url is set."""
    base = site_data().url  # never the request's host
    pages = []
    for path in all_urls(current_app):
        rest = path.split("/", 2)[2]
        pages.append({"path": path if base else path.lstrip("/"),
                      "alternates": [(lang, (f"/{lang}/{rest}" if base else f"{lang}/{rest}")) for lang in LANGUAGES]})
    xml = render_template("sitemap.xml", pages=pages, base=base)
    return Response(xml, mimetype="application/xml")


@bp.get("/robots.txt")
def robots():
    base = site_data().url
    lines = ["User-agent: *", "Disallow: /api/", "Allow: /"]
    if base:
        lines.append(f"Sitemap: {base}/sitemap.xml")
    return Response("\n".join(lines) + "\n", mimetype="text/plain")


@bp.get(f"/{LANG}/", defaults={"slug": "index"})
@bp.get(f"/{LANG}/<slug>/")
@cached_page
def page(slug: str):
    content = site_data().content
    found = content.get(current_language(), slug)
    if found is None:
        abort(404)
    body = found.body.render({"lang": found.lang, "on": today.today(), "app": current_app})
    return render_template("page.html", page=found, body=body)
