"""Cache-Control and ETags: pages kept 5 minutes and revalidated, answers never stored.

- A successful GET (a content page, a form, an answer table) is
  `public, max-age=300` with an ETag: pages change only with a deploy or a
  change of day, and five minutes bound how long a visitor sees yesterday's amount.
- A self-check step or result (a POST answered 200) is `private, max-age=1800`:
  only the person's own browser may keep it, so that its Back button shows the
  step before, with its answers, without "Confirm form resubmission". No shared
  cache may keep it, and the app keeps nothing (the privacy page says so).
- Anything else, above all every /api/ answer, is `no-store`.
- A response that sets its own Cache-Control keeps it (static files, /health).

A GET or HEAD whose If-None-Match holds the page's ETag gets 304 and no
body (werkzeug's make_conditional), pages from memory included. A request
with none of the headers make_conditional answers skips it: it would only add
a Date, which the server sends anyway (gunicorn drops the app's and writes
its own), at a sixth of a page's time in Flask.
"""
from __future__ import annotations

from flask import Flask, request

PAGE = "public, max-age=300"
NEVER = "no-store"
STEP = "private, max-age=1800"  # a self-check step, for Back in the person's own tab
# What make_conditional answers: 304 (If-None-Match, If-Modified-Since), 412 (If-Match), a range.
CONDITIONAL = ("HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE", "HTTP_IF_MATCH", "HTTP_RANGE")


def cache_control(response):
    headers = response.headers
    if headers.getlist("Cache-Control"):  # the view's own (getlist: no KeyError raised when there is none)
        return response
    req = request._get_current_object()  # once: each read through Flask's proxy costs a microsecond
    if req.method in ("GET", "HEAD") and response.status_code == 200 and not req.path.startswith("/api/"):
        headers["Cache-Control"] = PAGE
        if "ETag" not in headers and not response.is_streamed:
            response.add_etag()
        environ = req.environ
        if any(name in environ for name in CONDITIONAL):
            response.make_conditional(req)
    elif req.method == "POST" and response.status_code == 200 and req.endpoint == "checker.check":
        headers["Cache-Control"] = STEP
    else:
        headers["Cache-Control"] = NEVER
    return response


def init_app(app: Flask) -> None:
    app.after_request(cache_control)
