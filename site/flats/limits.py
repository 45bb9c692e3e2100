"""Request bodies over MAX_CONTENT_LENGTH (64 KiB) get 413, whether or not they say how long they are.

Werkzeug refuses a Content-Length over the limit, but a chunked body (no
Content-Length) was read only as far as the form parser wanted and the rest
dropped: the request was answered as if it were whole. This WSGI middleware
reads such a body into memory up to the limit and hands Flask the bytes with a
Content-Length; past the limit, or with a Content-Length over it, the request
gets Flask's 413 (an HTML page in the visitor's language, JSON for the API).
"""
from __future__ import annotations

import functools
import io

from flask import Flask, abort, request
from werkzeug.wsgi import get_content_length

TOO_LARGE = "flats.body_too_large"


def read_at_most(stream, size: int) -> bytes:
    """Up to `size` bytes of `stream`; fewer only at its end."""
    parts, left = [], size
    while left > 0:
        part = stream.read(left)
        if not part:
            break
        parts.append(part)
        left -= len(part)
    return b"".join(parts)


def small_body(environ, limit: int) -> bytes | None:
    """The whole body of a request that gives its length, when that is within `limit`; else None.

    For the WSGI layers in front of Flask (api AnswerPath, checker/kept.py). BodyLimit, outside them,
    has given a chunked body its length. The environ then holds an unread copy for Flask, should it answer.
    """
    length = get_content_length(environ)
    if length is None or length > limit:
        return None
    body = read_at_most(environ["wsgi.input"], length)
    environ.update({"wsgi.input": io.BytesIO(body), "CONTENT_LENGTH": str(len(body))})
    return body


def mimetype(environ) -> str:
    """The request's Content-Type without parameters, lower-case (as werkzeug's request.mimetype reads it)."""
    return environ.get("CONTENT_TYPE", "").partition(";")[0].strip().lower()


class BodyLimit:
    """WSGI middleware: the first layer to see a request's body."""

    def __init__(self, app: Flask):
        self.app, self.wsgi = app, app.wsgi_app
        # Flask itself, under every middleware: the 413 is rendered by its error
        # handlers and never answered by the page cache, which looks at no body.
        self.flask = functools.partial(type(app).wsgi_app, app)

    def __call__(self, environ, start_response):
        limit = self.app.config["MAX_CONTENT_LENGTH"]
        length = get_content_length(environ)
        if length is None and environ.get("wsgi.input_terminated"):
            # A streamed (chunked) body: the server ends the stream, we end the reading.
            body = read_at_most(environ["wsgi.input"], limit + 1)
            if len(body) <= limit:
                environ.pop("HTTP_TRANSFER_ENCODING", None)
                environ.pop("wsgi.input_terminated", None)
                environ.update({"wsgi.input": io.BytesIO(body), "CONTENT_LENGTH": str(len(body))})
                return self.wsgi(environ, start_response)
            length = len(body)
        if length is not None and length > limit:
            environ.pop("HTTP_TRANSFER_ENCODING", None)
            environ.pop("wsgi.input_terminated", None)
            environ.update({TOO_LARGE: True, "wsgi.input": io.BytesIO(), "CONTENT_LENGTH": "0"})
            return self.flask(environ, start_response)
        return self.wsgi(environ, start_response)


def init_app(app: Flask) -> None:
    @app.before_request
    def refuse_too_large():
        if request.environ.get(TOO_LARGE):
            abort(413)

    app.wsgi_app = BodyLimit(app)
