"""Placeholders in content: `{{name}}` or `{{name:facility}}`, filled in when a page is served.

Amounts that change with the law (the income criterion, a fee table) are
written in content as placeholders and computed from the dated rules for the
day the page is served, never typed in as a "current" value. A placeholder
alone in a paragraph is a block (a table, say); elsewhere it is inline text.
A placeholder about one facility names it after a colon: `{{fee_table:<facility code>}}`;
one about a group of a facility names both: `{{group_places:<facility code>.<group code>}}`;
one about a facility's phone may name one of its phones: `{{phone:<facility code>.<phone code>}}`.

Each app keeps its own Registry (app.extensions["placeholders"]).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterable

from markupsafe import Markup

_NAME = r"([a-z_0-9]+)(?::([a-z0-9-]+(?:\.[a-z0-9_]+)?))?"
PLACEHOLDER = re.compile(r"<p>\{\{\s*" + _NAME + r"\s*\}\}</p>|\{\{\s*" + _NAME + r"\s*\}\}")


@dataclass(frozen=True)
class Placeholder:
    fill: Callable  # fill(context) or, for a facility's, fill(context, facility) -> Markup
    per_facility: bool
    per_group: bool = False  # its argument is "<facility>.<item>", the item one of `items(facility)`
    sections: Callable | None = None  # sections(facilities) -> the ids of the sections a block writes
    items: Callable | None = None  # items(facility) -> the codes that may follow the dot (its groups by default)
    item_optional: bool = False  # "<facility>" alone is also right (the facility's first item)
    item_kind: str = "group"  # what the item is, in messages
    check: Callable | None = None  # check(facility) -> why this facility cannot fill it, or None


class Registry:
    """The placeholders one app knows."""

    def __init__(self) -> None:
        self.entries: dict[str, Placeholder] = {}

    def register(self, name: str, per_facility: bool = False, per_group: bool = False, sections=None,
                 items=None, item_optional: bool = False, item_kind: str = "group", check=None):
        def deco(fn):
            self.entries[name] = Placeholder(fn, per_facility or per_group, per_group, sections,
                                             items, item_optional, item_kind, check)
            return fn
        return deco

    def sections(self, template: "Template", facilities) -> list[str]:
        """The ids of the sections that the template's blocks write (links may point at them)."""
        ids = []
        for i in range(1, len(template.parts), 2):
            entry = self.entries.get(template.parts[i][0])
            if entry is not None and entry.sections is not None:
                ids += entry.sections(facilities)
        return ids

    def names(self) -> str:
        def shown(n, p):
            if p.per_group:
                return f"{n}:<facility>[.<{p.item_kind}>]" if p.item_optional else f"{n}:<facility>.<{p.item_kind}>"
            return f"{n}:<facility>" if p.per_facility else n
        return ", ".join(shown(n, p) for n, p in sorted(self.entries.items())) or "(none defined)"

    def problem(self, name: str, facility: str | None, facilities: Iterable[str]) -> str | None:
        """Why `{{name[:facility]}}` cannot be filled, or None (`facilities`: codes, or code → facility)."""
        entry = self.entries.get(name)
        if entry is None:
            return f"unknown placeholder `{{{{{name}}}}}`"
        if entry.per_group:
            code, _, group = (facility or "").partition(".")
            known = facilities.get(code) if hasattr(facilities, "get") else None
            if code in set(facilities) and known is None and (group or entry.item_optional):
                return None  # its rules did not load (reported on their own): the item cannot be checked
            if entry.item_optional and not group and known is not None:
                return None
            if facility and code not in set(facilities):
                return f"`{{{{{name}:{facility}}}}}` names no facility"
            kind = entry.item_kind
            items = list((entry.items or (lambda f: [g.code for g in f.groups]))(known)) if known is not None else []
            if group not in items:
                some = next(iter(facilities), "code")
                where = "its facility.yaml" if entry.items else "its rules.yaml"
                return (f"`{{{{{name}:{facility}}}}}` names no {kind} of a facility (its `code:` in {where})"
                        if facility else
                        f"`{{{{{name}}}}}` needs a facility's code and a {kind}'s after a colon, "
                        f"e.g. `{{{{{name}:{some}.<{kind} code from {where}>}}}}`")
            return None
        if "." in (facility or ""):
            return f"`{{{{{name}:{facility}}}}}` takes a facility's code only, without a group"
        if entry.per_facility and facility not in set(facilities):
            return f"`{{{{{name}}}}}` needs a facility's code after a colon, e.g. `{{{{{name}:{next(iter(facilities), 'code')}}}}}`" \
                if facility is None else f"`{{{{{name}:{facility}}}}}` names no facility"
        if not entry.per_facility and facility is not None:
            return f"`{{{{{name}}}}}` takes no facility"
        known = facilities.get(facility) if entry.check and hasattr(facilities, "get") else None
        if known is not None and (why := entry.check(known)):
            return f"`{{{{{name}:{facility}}}}}`: {why}"
        return None

    def fill(self, name: str, facility: str | None, context: dict) -> str:
        entry = self.entries[name]
        return str(entry.fill(context, facility) if entry.per_facility else entry.fill(context))


class Template:
    """Pre-split HTML: literal parts and (name, facility) placeholders, alternating."""

    def __init__(self, parts: tuple, registry: Registry):
        self.parts, self.registry = parts, registry

    def render(self, context: dict) -> Markup:
        out = []
        for i, part in enumerate(self.parts):
            out.append(part if i % 2 == 0 else self.registry.fill(*part, context))
        return Markup("".join(out))


def compile(html: str, registry: Registry, facilities: Iterable[str]) -> tuple[Template, list[tuple[str, str]]]:
    """Split `html` at placeholders; return the template and (placeholder as written, problem) per bad one."""
    parts, problems, last = [], [], 0
    facilities = facilities if hasattr(facilities, "get") else list(facilities)
    for match in PLACEHOLDER.finditer(html):
        name, facility = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
        problem = registry.problem(name, facility, facilities)
        if problem:
            problems.append((match.group(0).removeprefix("<p>").removesuffix("</p>"), problem))
        parts += [html[last:match.start()], (name, facility)]
        last = match.end()
    parts.append(html[last:])
    return Template(tuple(parts), registry), problems
