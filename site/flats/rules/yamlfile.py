"""YAML as every data file is read: mappings remember their line; YAML 1.2 booleans;
a key written twice in one mapping is an error (the second would silently win)."""

from __future__ import annotations

import re
from typing import Any

import yaml


class Node(dict):
    """A YAML mapping that remembers the line it started on, and each key's line."""

    line = 0
    key_lines: dict = {}


class _Loader(yaml.SafeLoader):
    pass


def _mapping(loader: _Loader, node: yaml.MappingNode) -> Node:
    loader.flatten_mapping(node)
    seen: dict = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if isinstance(key, (str, int, float, bool)) or key is None:
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    f"while reading the mapping that starts on line {node.start_mark.line + 1}", None,
                    f"found the key {key!r} twice (first on line {seen[key] + 1}); keep one", key_node.start_mark)
            seen[key] = key_node.start_mark.line
    result = Node(loader.construct_mapping(node, deep=True))
    result.line = node.start_mark.line + 1
    result.key_lines = {key: line + 1 for key, line in seen.items()}
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
# YAML 1.1 reads on/off/yes/no as booleans: `on: 2025-01-01` would become
# `True: ...`. Only true/false are booleans here, as in YAML 1.2.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in _Loader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf"))


def _timestamp(loader: _Loader, node: yaml.ScalarNode):
    """A date as YAML reads it, or an error naming the line when no such day exists (2026-02-30)."""
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError as error:
        raise yaml.constructor.ConstructorError(
            None, None, f"{node.value!r} is not a real date ({error}); write a day that exists, as YYYY-MM-DD",
            node.start_mark) from None


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


def describe(error: yaml.YAMLError) -> tuple[int | None, str]:
    """(line, one-line message) for a YAML error: what a person needs, without the parser's excerpt."""
    mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
    text = " ".join(str(part) for part in (getattr(error, "context", None), getattr(error, "problem", None)) if part)
    return (mark.line + 1 if mark else None), (text or str(error).split("\n")[0])


def load_yaml(text: str) -> Any:
    """Parse YAML text the way every rules and case file is read (YAML 1.2 booleans)."""
    return yaml.load(text, Loader=_Loader)
