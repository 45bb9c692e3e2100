"""Read YAML while collecting every problem with its file, line and fix."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from .codes import LANGS
from .yamlfile import Node, describe, load_yaml

_MONEY = re.compile(r"[0-9]+\.[0-9]{2}")
MISSING = object()


class Reader:
    """Typed access to one file's mappings; a wrong value is noted and read as None."""

    def __init__(self, path: Path, problems: list[str]) -> None:
        self.name, self.problems = str(path), problems  # the file as actually loaded
        self.readable = True  # once a file fails to parse, report nothing else about it
        self.root = self._parse(path)

    def _parse(self, path: Path) -> Node:
        try:
            data = load_yaml(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
            line, what = describe(error) if isinstance(error, yaml.YAMLError) else (None, str(error))
            where = f"{self.name}, line {line}" if line else self.name
            self.problems.append(f"{where}: cannot be read ({what}). Fix: correct that line; keep valid UTF-8 YAML.")
            self.readable = False
            return Node()
        if not isinstance(data, Node):
            self.problem(None, "the file is not a mapping of keys to values", "start every line at the top with `key: value`")
            return Node()
        return data

    def problem(self, node: Any, what: str, fix: str) -> None:
        line = getattr(node, "line", 0)
        where = f"{self.name}, line {line}" if line else self.name
        message = f"{where}: {what}. Fix: {fix}."
        if self.readable and message not in self.problems:  # a value read twice is reported once
            self.problems.append(message)

    def keys(self, node: Node, required: set[str], optional: set[str] = frozenset()) -> None:
        for key in sorted(set(node) - required - set(optional), key=str):
            self.problem(node, f"unknown key {key!r}", f"remove it or use one of {sorted(required | set(optional))}")
        for key in sorted(required - set(node)):
            self.problem(node, f"missing {key!r}", f"add `{key}:` with its value")

    def get(self, node: Node, key: str, kind: type | tuple, fix: str) -> Any:
        value = node.get(key, MISSING)
        if value is MISSING:
            return None  # keys() already reported it
        if isinstance(value, bool) and kind is not bool or not isinstance(value, kind):
            self.problem(node, f"{key!r} is {value!r}", fix)
            return None
        return value

    def text(self, node: Node, key: str) -> str | None:
        value = self.get(node, key, str, f"write {key!r} as text")
        if value is not None and not value.strip():
            self.problem(node, f"{key!r} is empty", f"write the {key} in full")
            return None
        return value

    def integer(self, node: Node, key: str, minimum: int = 0) -> int | None:
        value = self.get(node, key, int, f"write {key!r} as a whole number")
        if value is not None and value < minimum:
            self.problem(node, f"{key!r} is {value}", f"use a whole number of at least {minimum}")
            return None
        return value

    def date(self, node: Node, key: str) -> date | None:
        value = node.get(key, MISSING)
        if value is not MISSING and (isinstance(value, datetime) or not isinstance(value, date)):
            self.problem(node, f"{key!r} is {value!r}, not a date", f"write it as YYYY-MM-DD without quotes, e.g. `{key}: 2025-01-01`")
            return None
        return None if value is MISSING else value

    def money(self, node: Node, key: str) -> Decimal | None:
        value = node.get(key, MISSING)
        if value is MISSING:
            return None
        if not (isinstance(value, str) and _MONEY.fullmatch(value)):
            self.problem(node, f"{key!r} is {value!r}, not an amount of money", f'write it in quotes with a dot and two decimals, e.g. `{key}: "1498.67"`')
            return None
        return Decimal(value)

    def codes(self, node: Node, key: str, known: set[str] | tuple, what: str) -> tuple[str, ...]:
        value = self.get(node, key, list, f"write {key!r} as a list: [a, b]") or []
        unknown = [code for code in value if code not in known]
        if unknown:
            self.problem(node, f"{key!r} names unknown {what} {unknown}", f"use only {sorted(known)}")
        return tuple(value)

    def nodes(self, node: Node, key: str) -> list[Node]:
        """A list of mappings; anything else in it is reported."""
        items = self.get(node, key, list, f"write {key!r} as a list of entries starting with `- `") or []
        entries = [item for item in items if isinstance(item, Node)]
        if len(entries) != len(items):
            self.problem(node, f"{key!r} has entries that are not mappings", "write each entry as `- key: value` lines")
        return entries

    def texts(self, node: Node, key: str) -> dict[str, str]:
        """One text per language: {pl: …, en: …, uk: …}."""
        texts = self.get(node, key, dict, f"write {key!r} with pl:, en: and uk: lines")
        if texts is None:
            return {}
        self.keys(texts, set(LANGS))
        return {lang: self.text(texts, lang) for lang in LANGS}

    def labels(self, node: Node, key: str) -> dict[str, dict[str, str]]:
        """A mapping of code -> {pl, en, uk} texts."""
        table = self.get(node, key, dict, f"write {key!r} as code: {{pl: …, en: …, uk: …}}") or {}
        result = {}
        for code, texts in table.items():
            if not isinstance(texts, Node):
                self.problem(table, f"{key} {code!r} has no texts", "give it pl:, en: and uk: lines")
                continue
            self.keys(texts, set(LANGS))
            result[code] = {lang: self.text(texts, lang) for lang in LANGS}
        return result

    def dated(self, node: Node, key: str) -> list[Node]:
        """A non-empty list of mappings, each with `since` and `source`, dates ascending."""
        entries = self.nodes(node, key)
        if key in node and not entries:
            self.problem(node, f"{key!r} is empty", "add at least one entry with since: and source:")
        dates = [(entry, self.date(entry, "since"), self.text(entry, "source")) for entry in entries]
        for (_, before, _), (entry, after, _) in zip(dates, dates[1:]):
            if before and after and after <= before:
                self.problem(entry, f"{key} dates are not ascending: {after} comes after {before}", "order the entries by `since`, oldest first, each date once")
        return entries
