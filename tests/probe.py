"""The real app plus GET /_probe, which shows what the app believes about a request (for proxy tests)."""
from __future__ import annotations

from flask import jsonify, request

from flats import create_app


def probe():
    return jsonify({"remote_addr": request.remote_addr, "scheme": request.scheme, "host": request.host,
                    "url_root": request.url_root})


def app_with_probe(config: dict | None = None):
    app = create_app(config)
    app.add_url_rule("/_probe", "probe", probe)
    return app
