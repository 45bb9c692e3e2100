"""Placeholders in content: `{{name}}` filled in when a page is served.

Amounts that change with the law (the income criterion, the fee table) are
written in content as placeholders and computed from the dated rules for the
day the page is served, never typed in as a "current" value. A placeholder
alone in a paragraph is a block (a table, say); elsewhere it is inline text.
"""
from __future__ import annotations

import re
from typing import Callable

from markupsafe import Markup

PLACEHOLDER = re.compile(r"<p>\{\{\s*([a-z_0-9]+)\s*\}\}</p>|\{\{\s*([a-z_0-9]+)\s*\}\}")

# name -> function(context) -> Markup; filled by the modules that own the values.
REGISTRY: dict[str, Callable[[dict], Markup]] = {}


def register(name: str):
    def deco(fn):
        REGISTRY[name] = fn
        return fn
    return deco


def names() -> str:
    return ", ".join(sorted(REGISTRY)) or "(none defined)"


class Template:
    """Pre-split HTML: literal parts and placeholder names, alternating."""

    def __init__(self, parts: tuple[str, ...]):
        self.parts = parts

    def render(self, context: dict) -> Markup:
        out = []
        for i, part in enumerate(self.parts):
            out.append(part if i % 2 == 0 else str(REGISTRY[part](context)))
        return Markup("".join(out))


def compile(html: str) -> tuple[Template, list[str]]:
    """Split `html` at placeholders; return the template and unknown names."""
    parts, unknown, last = [], [], 0
    for match in PLACEHOLDER.finditer(html):
        name = match.group(1) or match.group(2)
        if name not in REGISTRY:
            unknown.append(name)
        parts += [html[last:match.start()], name]
        last = match.end()
    parts.append(html[last:])
    return Template(tuple(parts)), unknown
