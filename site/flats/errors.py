"""Error pages in the visitor's language (Polish when the URL has none)."""
from __future__ import annotations

from flask import Flask, Response, current_app, g, jsonify, render_template, request
from flask.globals import request_ctx
from flask_babel import refresh
from werkzeug.exceptions import HTTPException, InternalServerError

from .i18n import language_from_path


def _render(error: HTTPException):
    # Keep the error's own headers (e.g. Allow on a 405), not its body.
    headers = [(k, v) for k, v in error.get_headers() if k.lower() != "content-type"]
    if request_ctx.url_adapter is None:  # a Host that cannot be a host name (BadHost): no page can be linked
        return Response("Bad request\n", 400, mimetype="text/plain")
    if request.path.startswith("/api/"):
        return jsonify({"errors": {"request": error.description or error.name}}), error.code, headers
    g.lang = language_from_path(request.path)
    g.error_page = True
    refresh()
    template = "404.html" if error.code == 404 else "500.html" if error.code == 500 else "error.html"
    return render_template(template, error=error), error.code, headers


def init_app(app: Flask) -> None:
    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        if error.code is None or error.code < 400:
            return error
        return _render(error)

    @app.errorhandler(Exception)
    def unexpected(error: Exception):
        app.logger.exception("unexpected error on %s", request.path)
        return _render(InternalServerError())


def not_found_page():
    """The frozen site's 404.html: the Polish "page not found" page, answered with 200 to be written.

    Its links are absolute under FROZEN_BASE_PATH (freeze.py sets it), since a
    server shows it in place of any missing page, however deep.
    """
    g.lang = "pl"
    g.error_page, g.links_under = True, current_app.config.get("FROZEN_BASE_PATH", "/")
    refresh()
    try:
        return render_template("404.html")
    finally:
        # The freezer keeps one app context for every page, so `g` would carry these on.
        g.pop("error_page", None)
        g.pop("links_under", None)
