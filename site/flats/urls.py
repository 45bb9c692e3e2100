"""Every public GET URL of the site: the page checks and the freezer share it.

Blueprints add generators of their URLs per language with `add(app, ...)`
when they are registered; the lists live on the app (app.extensions).
"""
from __future__ import annotations

from typing import Callable, Iterable

from flask import Flask

from .content import page_path
from .data import site_data
from .vocabulary import LANGUAGES

Generator = Callable[[Flask, str], Iterable[str]]  # (app, lang) -> paths


def init_app(app: Flask) -> None:
    app.extensions["flats.urls"] = {"pages": [], "files": []}


def add(app: Flask, pages: Generator | None = None, files: Generator | None = None) -> None:
    """Register a generator of HTML pages, and one of other files the frozen site needs."""
    registry = app.extensions["flats.urls"]
    if pages:
        registry["pages"].append(pages)
    if files:
        registry["files"].append(files)


def all_urls(app: Flask) -> list[str]:
    content = site_data(app).content
    urls = []
    for lang in LANGUAGES:
        urls += [page_path(lang, slug) for slug in content.slugs]
        for extra in app.extensions["flats.urls"]["pages"]:
            urls += list(extra(app, lang))
    return sorted(set(urls))


def frozen_files(app: Flask) -> list[str]:
    """Non-HTML files the frozen site needs besides the pages and static/."""
    return sorted(path for lang in LANGUAGES for extra in app.extensions["flats.urls"]["files"]
                  for path in extra(app, lang))
