"""The site: create_app() wires config, languages, data and blueprints."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from flask import Flask

from . import cache, data, errors, headers, i18n, layout, placeholder_values, urls
from . import assets, caching, limits, proxy, whitespace
from .config import Config
from .dates import format_day
from .money import format_money


def create_app(config: dict | None = None) -> Flask:
    app = Flask(__name__)
    app.config.from_object(Config)
    app.config.from_prefixed_env("FLATS")
    if config:
        app.config.update(config)
    app.config["CONTENT_DIR"] = Path(app.config["CONTENT_DIR"])
    caching.init_app(app)  # Cache-Control, ETag, 304: registered first, so it runs after every other hook
    urls.init_app(app)
    i18n.init_app(app)
    whitespace.init_app(app)
    errors.init_app(app)
    layout.init_app(app)
    placeholder_values.init_app(app)
    from .pages import bp as pages_bp
    app.register_blueprint(pages_bp)
    from .checker import bp as checker_bp
    app.register_blueprint(checker_bp)
    from .staff import bp as staff_bp
    app.register_blueprint(staff_bp)
    from .application import bp as application_bp  # "Prepare your application" (issue 22)
    app.register_blueprint(application_bp)
    if not app.config["FROZEN_BUILD"]:  # a static copy has no server to answer the API
        from .api import bp as api_bp
        app.register_blueprint(api_bp)
    else:
        app.add_url_rule("/404.html", "not_found_page", errors.not_found_page)
    from . import health
    health.init_app(app)
    from .cli import init_app as init_cli
    init_cli(app)
    app.jinja_env.globals.update(money=format_money, cent=Decimal("0.01"), format_day=format_day, share=i18n.share)
    if app.config["LOAD_CONTENT"]:
        load_data(app)
    assets.init_app(app)
    cache.init_app(app)
    limits.init_app(app)
    # The WSGI stack around Flask, outermost first. Nothing in it answers a request
    # itself: every request is answered by a Flask view or error handler.
    #   ProxyFix        X-Forwarded-* only from trusted proxies (proxy.py; off unless FLATS_PROXY_FIX)
    #   SecurityHeaders the same security headers on every response, no cookie (headers.py)
    #   BodyLimit       a body over 64 KiB, chunked or not, reaches Flask empty and gets its 413 (limits.py)
    wsgi = limits.BodyLimit(app, app.wsgi_app)
    wsgi = headers.SecurityHeaders(app, wsgi)
    app.wsgi_app = proxy.wrap(app, wsgi)
    return app


def load_data(app: Flask) -> None:
    """Read rules, facilities, site details and content once, as one Site; refuse to start on any problem."""
    data.load(app)
