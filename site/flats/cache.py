"""Rendered pages kept in memory: a page depends only on its path and the day.

Content and rules are loaded once at start-up and never change while the app
runs, so a GET page is rendered once per day and then served from memory.
POSTs (self-check answers) are never cached: nothing a person sends is kept.
"""
from __future__ import annotations

import functools

from flask import Response, current_app, request

from .today import today

MAX_PAGES = 1024


def cached_page(view):
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        if request.method not in ("GET", "HEAD") or not current_app.config.get("PAGE_CACHE", True):
            return view(*args, **kwargs)
        store = current_app.extensions.setdefault("page_cache", {})
        key = (request.host, request.path, today())  # hreflang links name the host
        if key not in store:
            response = current_app.make_response(view(*args, **kwargs))
            if response.status_code != 200:
                return response
            if len(store) >= MAX_PAGES:
                store.clear()
            store[key] = (response.get_data(), response.mimetype)
        body, mimetype = store[key]
        return Response(body, mimetype=mimetype)
    return wrapper
