"""A self-check result whose page is already kept, answered before Flask.

A result page is kept once per state (results.py) and filled with the
person's own strings for each request. Under load, Flask's work for every
request — request and response objects, URL matching, hooks — then cost as
much as everything the self-check itself does (docs/BENCHMARKS.md). This WSGI
layer answers such a POST itself: it reads the form with Flask's own request
class, works out the step with the view's own plan(), and, when that is a
result whose page is kept, sends it filled, with the headers the view sends.

Everything else goes on to Flask with the body as it came: a GET, a
question, a result page not yet kept, a body over the limit or not a plain
form, and any unexpected error, which Flask then answers and logs. Nothing is
kept here: the page was kept without anything typed, and what is filled in
goes out with this response only.
"""
from __future__ import annotations

import io
import re

from flask import g

from ..limits import TOO_LARGE, mimetype, small_body
from ..vocabulary import LANGUAGES
from . import _page, plan, results, steps

# The view's URL (checker/__init__.py: /<lang>/sprawdz/<facility>/), under the server's mount point.
PATH = re.compile(rf"/({'|'.join(LANGUAGES)})/sprawdz/([a-z][a-z0-9-]*)/\Z")
FORM = "application/x-www-form-urlencoded"
# What the view's response carries (caching.py sets no-store for every POST).
HEADERS = [("Content-Type", "text/html; charset=utf-8"), ("Cache-Control", "no-store")]


class KeptResults:
    def __init__(self, app):
        self.app, self.wsgi = app, app.wsgi_app

    def __call__(self, environ, start_response):
        data = None
        if environ.get("REQUEST_METHOD") == "POST" and self.app.config["KEPT_RESULTS"] \
                and not environ.get(TOO_LARGE):
            match = PATH.match(environ.get("PATH_INFO", ""))
            if match and match[2] in self.app.extensions["centres"] and mimetype(environ) == FORM:
                body = small_body(environ, self.app.config["MAX_CONTENT_LENGTH"])  # still unread for Flask
                if body is not None:
                    data = self._kept(environ, body, match[1], match[2])
        if data is None:
            return self.wsgi(environ, start_response)
        start_response("200 OK", [*HEADERS, ("Content-Length", str(len(data)))])
        return [data]

    def _kept(self, environ, body: bytes, lang: str, facility: str) -> bytes | None:
        """The filled result page, or None when Flask must answer (the view's own _page and plan)."""
        environ = {**environ, "wsgi.input": io.BytesIO(body)}  # a copy to read: Flask's stays unread
        try:
            with self.app.app_context():
                g.lang = lang
                formdata = self.app.request_class(environ).form
                page = _page(facility, lang, formdata)
                shown, outcome = plan(page)
                if shown != steps.RESULT:
                    return None
                kept = self.app.extensions.get(results.STORE, {}).get(results.key(page, outcome))
                return None if kept is None else results.fill(kept, results.values(page))
        except Exception:  # noqa: BLE001 - Flask answers the request again, with its error handling and log
            return None


def init_app(app) -> None:
    app.wsgi_app = KeptResults(app)
