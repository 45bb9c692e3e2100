"""Rendered pages kept in memory: a page depends only on its host, path and the day.

Content and rules are loaded once at start-up and never change while the app
runs, so a GET page is rendered once per day; after that this WSGI middleware
answers from memory without entering Flask at all. Views opt in with
@cached_page. POSTs (self-check answers) are never cached: nothing a person
sends is kept.
"""
from __future__ import annotations

import functools

from flask import Flask, current_app, request

from .today import today_for

FLAG = "flats.cacheable"
MAX_PAGES = 1024


def remember(store: str, key, build, limit: int):
    """`build()`, kept in the app's store `store` under `key` (at most `limit` entries, then started afresh).

    For parts of pages that are the same for everyone in the same state: menus per address, a question per
    choice, a result per outcome. Never for anything a person typed.
    """
    kept = current_app.extensions.setdefault(store, {})
    if key not in kept:
        if len(kept) >= limit:
            kept.clear()
        kept[key] = build()
    return kept[key]


def cached_page(view):
    """Mark a GET view's page as the same for everyone on a given day."""
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        request.environ[FLAG] = True
        return view(*args, **kwargs)
    return wrapper


class PageCache:
    """WSGI middleware in front of the Flask app."""

    def __init__(self, app: Flask):
        self.app, self.wsgi = app, app.wsgi_app
        self.store: dict = app.extensions.setdefault("page_cache", {})

    def __call__(self, environ, start_response):
        method = environ.get("REQUEST_METHOD")
        if method not in ("GET", "HEAD") or not self.app.config.get("PAGE_CACHE", True):
            return self.wsgi(environ, start_response)
        # What a page depends on: its path (under the mount point the server sets) and the day.
        # Not the Host header or the scheme: pages hold no absolute address from the request.
        key = (environ.get("SCRIPT_NAME", ""), environ.get("PATH_INFO", ""),
               today_for(self.app.config))
        hit = self.store.get(key)
        if hit is not None:
            start_response("200 OK", list(hit[0]))
            return [b""] if method == "HEAD" else [hit[1]]
        seen = {}

        def capture(status, headers, exc_info=None):
            seen.update(status=status, headers=list(headers))
            return start_response(status, headers) if exc_info is None else start_response(status, headers, exc_info)

        result = self.wsgi(environ, capture)
        if not (environ.get(FLAG) and method == "GET" and seen.get("status", "").startswith("200 ")):
            return result
        try:
            body = b"".join(result)
        finally:
            getattr(result, "close", lambda: None)()
        if len(self.store) >= MAX_PAGES:
            self.store.clear()
        self.store[key] = (tuple(seen["headers"]), body)
        return [body]


def init_app(app: Flask) -> None:
    app.wsgi_app = PageCache(app)
