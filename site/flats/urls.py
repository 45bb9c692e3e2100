"""Every public GET URL of the site: the page checks and the freezer share it."""
from __future__ import annotations

from flask import Flask

from .content import page_path
from .i18n import LANGUAGES

# Blueprints add generators of extra URLs per language: fn(app, lang) -> iterable of paths.
EXTRA: list = []        # HTML pages
EXTRA_FILES: list = []  # other files the frozen site needs (scripts with data)


def all_urls(app: Flask) -> list[str]:
    content = app.extensions["content"]
    urls = []
    for lang in LANGUAGES:
        urls += [page_path(lang, slug) for slug in content.slugs]
        for extra in EXTRA:
            urls += list(extra(app, lang))
    return sorted(set(urls))


def frozen_files(app: Flask) -> list[str]:
    """Non-HTML files the frozen site needs besides the pages and static/."""
    return sorted(path for lang in LANGUAGES for extra in EXTRA_FILES for path in extra(app, lang))
