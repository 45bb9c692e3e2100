"""Cache-Control and ETags: pages kept 5 minutes and revalidated, answers never stored.

- A successful GET (a content page, a form, an answer table) is
  `public, max-age=300` with an ETag: pages change only with a deploy or a
  change of day, and five minutes bound how long a visitor sees yesterday's amount.
- Anything else, above all a self-check result (a POST) and every /api/
  answer, is `no-store`: what a person typed is never kept by a browser or proxy.
- A response that sets its own Cache-Control keeps it (static files, /health).

A WSGI layer in front of the page cache answers a request whose If-None-Match
matches with 304 and no body, for pages served from memory too.
"""
from __future__ import annotations

from flask import Flask, request
from werkzeug.datastructures import Headers
from werkzeug.http import parse_etags, remove_entity_headers, unquote_etag

PAGE = "public, max-age=300"
NEVER = "no-store"


def cache_control(response):
    if "Cache-Control" in response.headers:
        return response
    if request.method in ("GET", "HEAD") and response.status_code == 200 and not request.path.startswith("/api/"):
        response.headers["Cache-Control"] = PAGE
        if "ETag" not in response.headers and not response.is_streamed:
            response.add_etag()
    else:
        response.headers["Cache-Control"] = NEVER
    return response


class NotModified:
    """WSGI middleware: 304 for a GET or HEAD whose If-None-Match holds the response's ETag."""

    def __init__(self, wsgi):
        self.wsgi = wsgi

    def __call__(self, environ, start_response):
        wanted = environ.get("HTTP_IF_NONE_MATCH")
        if not wanted or environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
            return self.wsgi(environ, start_response)
        seen = {}

        def capture(status, headers, exc_info=None):
            seen.update(status=status, headers=headers, exc_info=exc_info)
            return self._no_write

        result = self.wsgi(environ, capture)
        headers = Headers(seen["headers"])
        etag, _ = unquote_etag(headers.get("ETag"))
        if seen["status"].startswith("200 ") and etag and parse_etags(wanted).contains_weak(etag):
            getattr(result, "close", lambda: None)()
            remove_entity_headers(headers)
            start_response("304 Not Modified", headers.to_wsgi_list())
            return []
        start_response(seen["status"], seen["headers"], seen["exc_info"])
        return result

    @staticmethod
    def _no_write(data):
        raise RuntimeError("NotModified does not support WSGI write(); return the body instead")


def init_app(app: Flask) -> None:
    app.after_request(cache_control)
    app.wsgi_app = NotModified(app.wsgi_app)
