"""The one cache the site keeps: a GET page per mount point, path and day (and, in the same store, a
part of a page that is the same for everyone, through `kept`).

Content and rules are loaded once at start-up and never change while the app
runs, so a page marked @cached_page depends only on its address (the
language is in the path) and on the day. It is rendered once, inside Flask,
and then answered from memory by the same view: Flask's hooks, headers and
conditional GETs apply to it as to any response.

Only a 200 answer to a GET or HEAD of a view that reads no body is kept:
nothing a visitor sends is ever kept (tests/test_no_leak.py compares a warm
app with fresh ones). The store is bounded in bytes; the oldest pages go first.
"""
from __future__ import annotations

import functools
import hashlib
import threading
from collections import OrderedDict

from flask import Flask, Response, current_app, make_response, request
from werkzeug.http import quote_etag

from .today import today_for
from .whitespace import compact

MAX_BYTES = 16 * 1024 * 1024  # about a thousand pages: every page in every language, several days over


class Store:
    """A bounded map of key → (body, Content-Type, quoted ETag); thread-safe (gunicorn's threads share it)."""

    def __init__(self, max_bytes: int = MAX_BYTES):
        self.max_bytes, self.size = max_bytes, 0
        self._items: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._items)

    def get(self, key):
        with self._lock:
            return self._items.get(key)

    def put(self, key, body: bytes, content_type: str) -> tuple:
        """Keep `body` under `key`; the entry (body, content_type, ETag) as kept or, when too large, as made.

        Both headers are kept as sent, so that a page from memory costs no parsing or quoting."""
        entry = (body, content_type, quote_etag(hashlib.sha1(body).hexdigest()))
        if len(body) > self.max_bytes:
            return entry
        with self._lock:
            if key in self._items:
                return self._items[key]
            self._items[key] = entry
            self.size += len(body)
            while self.size > self.max_bytes:
                _, (old, _, _) = self._items.popitem(last=False)
                self.size -= len(old)
        return entry


def store() -> Store:
    return current_app.extensions["flats.pages"]


def kept(key: tuple, build) -> str:
    """A part of a page that is the same for everyone with the same `key`, built once: `build()` must read
    nothing a visitor sent (only data loaded at start-up and what `key` names). Kept in the page store."""
    pages = store()
    hit = pages.get(("part", *key))
    if hit is not None:
        return hit[0].decode()
    text = str(build())
    pages.put(("part", *key), text.encode(), "text/html; charset=utf-8")
    return text


def cached_page(view):
    """Mark a GET view whose page is the same for everyone on the same address and day."""
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        # The request and the app are read through Flask's proxies once each (a microsecond a read).
        req, app = request._get_current_object(), current_app._get_current_object()
        if req.method not in ("GET", "HEAD") or not app.config["PAGE_CACHE"]:
            return view(*args, **kwargs)
        pages = app.extensions["flats.pages"]
        key = (req.script_root, req.path, today_for(app.config))
        hit = pages.get(key)
        if hit is None:
            response = make_response(view(*args, **kwargs))
            if response.status_code != 200 or response.is_streamed or response.headers.get("Cache-Control"):
                return response
            body = response.get_data()
            if response.mimetype == "text/html":
                body = compact(body)
            hit = pages.put(key, body, response.content_type)
        body, content_type, etag = hit
        response = Response(body, content_type=content_type)
        response.headers["ETag"] = etag
        response.compacted = True  # whitespace.py: folded once, when it was kept
        return response
    return wrapper


def init_app(app: Flask) -> None:
    app.extensions["flats.pages"] = Store()
