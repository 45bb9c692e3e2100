"""Command line: `python -m flats check` lists every content problem at once."""
from __future__ import annotations

import sys

from flask import Flask


def check() -> int:
    """Load all content and rules data; print every problem; return the exit code."""
    from . import create_app, data, publisher
    app = create_app({"LOAD_CONTENT": False})
    problems = data.problems(app)
    if problems:
        print(f"{len(problems)} problem(s):", file=sys.stderr)
        for p in problems:
            print(f"  {p}", file=sys.stderr)
        return 1
    print("content and rules: no problems")
    for line in publisher.warnings(app.config["CONTENT_DIR"] / "site.yaml", data.site_data(app).details):
        print(line)
    return 0


def init_app(app: Flask) -> None:
    @app.cli.group("content")
    def content_group():
        """Content pages."""

    @content_group.command("check")
    def content_check():
        """List every problem in content/ (also: python -m flats check)."""
        raise SystemExit(check())

    from .rules_cli import init_app as init_rules_cli
    init_rules_cli(app)
