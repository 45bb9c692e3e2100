"""`make run`: werkzeug's development server, logging each request without its query string.

`flask run` logs the whole request line, and a query string can carry what a
person typed. This serves the same app with a request handler that logs the
method, the path (escaped: see logs.py) and the status — not the size, which
tells answers apart — and nothing of a request line it could not parse.
"""
from __future__ import annotations

import argparse
from urllib.parse import unquote_to_bytes

from werkzeug.serving import WSGIRequestHandler, run_simple

from . import create_app
from .logs import escape


class RequestHandler(WSGIRequestHandler):
    """Logs '"GET /pl/" 200': no size, no query string, no fragment, no control characters."""

    def log_request(self, code="-", size="-"):
        path = getattr(self, "path", "").split("?", 1)[0].split("#", 1)[0]
        # Decoded like WSGI's PATH_INFO (bytes as Latin-1), then escaped like gunicorn's log.
        path = escape(unquote_to_bytes(path).decode("latin-1"))
        self.log("info", '"%s %s" %s', escape(getattr(self, "command", "") or "-"), path, code)

    def log_error(self, format, *args):
        # http.server's error messages quote the raw request line, query string and all.
        self.log("error", "request refused: %s", escape(str(args[0])) if args else "-")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=5000)
    options = parser.parse_args(argv)
    run_simple(options.host, options.port, create_app(), threaded=True, request_handler=RequestHandler)


if __name__ == "__main__":
    main()
