"""Request bodies over MAX_CONTENT_LENGTH (64 KiB) get 413, whether or not they say how long they are.

Werkzeug refuses a Content-Length over the limit, but a chunked body (no
Content-Length) was read only as far as the form parser wanted and the rest
dropped: the request was answered as if it were whole. This WSGI middleware
reads such a body into memory up to the limit and hands Flask the bytes with a
Content-Length; past the limit, or with a Content-Length over it, the request
gets Flask's 413 (an HTML page in the visitor's language, JSON for the API).
"""
from __future__ import annotations

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


class BodyLimit:
    """WSGI middleware: the first layer to see a request's body."""

    def __init__(self, app: Flask, wsgi):
        self.app, self.wsgi = app, wsgi

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
            return self.wsgi(environ, start_response)
        return self.wsgi(environ, start_response)


def init_app(app: Flask) -> None:
    """Flask's 413 for a body BodyLimit found too large (create_app puts BodyLimit in front)."""
    @app.before_request
    def refuse_too_large():
        if request.environ.get(TOO_LARGE):
            abort(413)
