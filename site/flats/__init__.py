"""The site: create_app() wires config, languages, content and blueprints."""
from __future__ import annotations

from flask import Flask
from werkzeug.exceptions import HTTPException
from werkzeug.routing import RequestRedirect

from decimal import Decimal

from flask_babel import format_date

from . import cache, contacts, content, errors, figures, headers, i18n, layout, publisher  # noqa: F401  (figures registers placeholders)
from . import assets, caching, limits, proxy
from .money import format_money
from .rules import load_rules
from .config import Config


def create_app(config: dict | None = None) -> Flask:
    app = Flask(__name__)
    app.config.from_object(Config)
    if config:
        app.config.update(config)
    i18n.init_app(app)
    headers.init_app(app)
    errors.init_app(app)
    layout.init_app(app)
    from .pages import bp as pages_bp
    app.register_blueprint(pages_bp)
    from .checker import bp as checker_bp
    app.register_blueprint(checker_bp)
    from .staff import bp as staff_bp
    app.register_blueprint(staff_bp)
    if not app.config.get("FROZEN_BUILD"):  # a static copy has no server to answer the API
        from .api import bp as api_bp
        app.register_blueprint(api_bp)
    else:
        app.add_url_rule("/404.html", "not_found_page", errors.not_found_page)
    from . import health
    health.init_app(app)
    from .cli import init_app as init_cli
    init_cli(app)
    app.jinja_env.globals.update(money=format_money, cent=Decimal("0.01"))
    app.jinja_env.globals["format_date"] = format_date
    if app.config.get("LOAD_CONTENT", True):
        load_data(app)
    assets.init_app(app)
    cache.init_app(app)
    caching.init_app(app)
    limits.init_app(app)
    proxy.init_app(app)
    return app


def load_data(app: Flask) -> None:
    """Read rules, publisher details and content once; refuse to start on any problem."""
    root = app.config["CONTENT_DIR"]
    app.extensions["rules"] = load_rules(root / "rules")
    app.extensions["site"] = publisher.load(root / "site.yaml")
    app.extensions["contacts"] = contacts.load(root / "contacts.yaml")
    app.extensions["content"] = load_content(app)


def load_content(app: Flask) -> content.Content:
    """Load content/ once; raises ContentError naming every file and fix."""
    root = app.config["CONTENT_DIR"]
    adapter = app.url_map.bind("localhost")

    def site_exists(path: str) -> bool:
        try:
            endpoint, values = adapter.match(path, method="GET")
        except RequestRedirect:
            return False
        except HTTPException:
            return False
        if endpoint == "pages.page":
            return (root / values["lang"] / f"{values.get('slug', 'index')}.md").exists()
        return True

    return content.load(root, site_exists)
