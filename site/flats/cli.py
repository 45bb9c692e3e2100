"""Command line: `python -m flats check` lists every content problem at once."""
from __future__ import annotations

import sys

import click
from flask import Flask


def check() -> int:
    """Load all content and rules data; print every problem; return the exit code."""
    from . import ContentError, create_app
    app = create_app({"LOAD_CONTENT": False})
    problems: list[str] = []
    try:
        from . import load_content
        load_content(app)
    except ContentError as exc:
        problems += [str(p) for p in exc.problems]
    if problems:
        print(f"{len(problems)} problem(s):", file=sys.stderr)
        for p in problems:
            print(f"  {p}", file=sys.stderr)
        return 1
    print("content: no problems")
    return 0


def init_app(app: Flask) -> None:
    @app.cli.group("content")
    def content_group():
        """Content pages."""

    @content_group.command("check")
    def content_check():
        """List every problem in content/ (also: python -m flats check)."""
        raise SystemExit(check())
