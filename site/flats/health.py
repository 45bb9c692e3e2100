"""GET /health for the operator's monitoring: content and rules are loaded."""
from __future__ import annotations

from flask import Flask, current_app, jsonify

from .rules import NoRulesForDate
from .today import today


def health():
    ext = current_app.extensions
    problems = [name for name in ("content", "rules", "site") if name not in ext]
    body = {"status": "ok"}
    if not problems:
        on = today()
        try:
            criterion = ext["rules"].criterion_on(on)
            body |= {"date": on.isoformat(), "pages": len(ext["content"].pages),
                     "criterion_since": criterion.since.isoformat(), "rules_reviewed": ext["rules"].reviewed.isoformat()}
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
