"""GET /health for the operator's monitoring: content and rules are loaded."""
from __future__ import annotations

from flask import Flask, current_app, jsonify

from .data import loaded, site_data
from .rules import NoRulesForDate
from .today import today


def health():
    problems = [] if loaded(current_app) else ["content", "rules", "site"]
    body = {"status": "ok"}
    if not problems:
        on, site = today(), site_data()
        try:
            criterion = site.rules.criterion_on(on)
            body |= {"date": on.isoformat(), "pages": len(site.content.pages),
                     "criterion_since": criterion.since.isoformat(), "rules_reviewed": site.rules.reviewed.isoformat()}
        except NoRulesForDate:
            problems.append("no rules in force today")
    if problems:
        return jsonify({"status": "error", "problems": problems}), 503
    response = jsonify(body)
    response.headers["Cache-Control"] = "no-store"
    return response


def init_app(app: Flask) -> None:
    if not app.config.get("FROZEN_BUILD"):
        app.add_url_rule("/health", "health", health)
