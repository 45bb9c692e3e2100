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


# The mistakes people make in YAML, in plain words: (what the parser says, whether its context mark rather
# than its problem mark is the line to fix, what to tell the person). The first that matches is used.
PLAIN = (
    ("could not find expected ':'", True,
     "this line is not `key: value`: add a colon and a space after the key, or join the line to the one above"),
    ("found unexpected end of stream", True,
     "a quotation mark opened on this line is never closed: close it at the end of the value"),
    ("found character '\\t'", False, "a tab character: indent with spaces only"),
    ("mapping values are not allowed here", False,
     "a colon and a space inside a value, or a key indented more than the keys above it: put such a value in "
     "double quotes (\"…\"), or line the key up with the keys above it"),
    ("found unhashable key", False, "a value that starts with `{` or `[`: put the whole value in double quotes"),
    ("found '-'", False, "a list item (`- …`) where a `key: value` line is expected: indent it under its key, "
     "or remove the dash"),
    ("expected <block end>", False,
     "this line is indented differently from the lines above it: line it up with the other keys at its level "
     "(spaces only); a value that starts with `{`, `[`, `*` or `&` needs double quotes"),
    ("found undefined alias", False, "a value that starts with `*` or `&`: put the whole value in double quotes"),
    ("while parsing a flow", True, "a value that starts with `{` or `[`: put the whole value in double quotes"),
)


def describe(error: yaml.YAMLError) -> tuple[int | None, str]:
    """(line, one-line message) for a YAML error: the line to fix and, for the common mistakes, what is
    wrong in plain words; otherwise the parser's own words, without its excerpt.

    The parser's problem mark is where it noticed the mistake, which is the line to fix (an indentation
    error on line 11 is noticed on line 11; the context mark would say line 10, where the mapping began),
    except for a line without a colon, an unclosed quotation mark or bracket, noticed only on a later line."""
    context, problem = getattr(error, "context", None), getattr(error, "problem", None)
    said = " ".join(str(part) for part in (context, problem) if part) or str(error).split("\n")[0]
    for words, at_context, plain in PLAIN:
        if words in said:
            mark = (getattr(error, "context_mark", None) if at_context else None) or getattr(error, "problem_mark", None)
            return (mark.line + 1 if mark else None), plain
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    return (mark.line + 1 if mark else None), said


def load_yaml(text: str) -> Any:
    """Parse YAML text the way every rules and case file is read (YAML 1.2 booleans)."""
    return yaml.load(text, Loader=_Loader)
