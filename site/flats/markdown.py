"""Markdown to HTML: no raw HTML, stable heading ids, checked internal links.

Authors write internal links as `odplatnosc.md` (a content page, optionally
`odplatnosc.md#section`) or `/sprawdz/` (a site path without the language).
Both are rewritten to links relative to the page, so the frozen site works
from any sub-path. Every problem is reported, never silently dropped.
"""
from __future__ import annotations

import base64
import re
from dataclasses import dataclass, field
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.token import Token
from mdit_py_plugins.attrs import attrs_block_plugin, attrs_plugin

HEADING_ID = re.compile(r"\s*\{#([a-z0-9][a-z0-9-]*)\}\s*$")
PAGE_LINK = re.compile(r"^([a-z0-9-]+)\.md(?:#([a-z0-9-]+))?$")
SAFE_SCHEMES = ("https://", "http://", "tel:", "mailto:")
ALLOWED_ATTRS = {"id", "class", "href", "title", "lang", "colspan", "rowspan", "start"}
# Pictures: only the site's own pictograms, `![text alternative](pictograms/house.svg)`, put into the
# page as data: URIs, so a page that shows them costs no extra request.
PICTOGRAMS = Path(__file__).resolve().parent / "pictograms"
PICTOGRAM = re.compile(r"^pictograms/([a-z0-9-]+\.svg)$")
PICTOGRAM_SIZE = "48"


@dataclass
class Rendered:
    """The result of rendering one Markdown body."""
    html: str
    headings: list[tuple[int, str, str]] = field(default_factory=list)  # (level, id, text)
    page_links: list[tuple[int | None, str, str | None]] = field(default_factory=list)  # (line, slug, fragment)
    site_links: list[tuple[int | None, str]] = field(default_factory=list)  # (line, path)
    problems: list[tuple[int | None, str, str]] = field(default_factory=list)  # (line, message, fix)


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "typographer": False})
    md.enable("table")
    md.use(attrs_plugin, spans=True).use(attrs_block_plugin)
    md.core.ruler.after("block", "heading_ids", _heading_ids)
    md.core.ruler.push("sanitise", _sanitise)
    md.add_render_rule("table_open", _table_open)
    md.add_render_rule("table_close", lambda self, tokens, idx, options, env: "</table></div>\n")
    return md


def _table_open(self, tokens, idx, options, env) -> str:
    """Tables scroll sideways on narrow screens, in a region the keyboard can reach."""
    label = escapeHtml(tokens[idx].meta.get("label", ""))
    return f'<div class="table-scroll" tabindex="0" role="region" aria-label="{label}"><table>\n'



def _line(token: Token) -> int | None:
    return token.map[0] + 1 if token.map else None


def _heading_ids(state) -> None:
    """`## Fees {#fees}` gives the h2 the id `fees`; h2 and h3 must have one."""
    tokens = state.tokens
    for i, tok in enumerate(tokens):
        if tok.type != "heading_open":
            continue
        inline = tokens[i + 1]
        match = HEADING_ID.search(inline.content)
        if match:
            inline.content = inline.content[: match.start()]
            tok.attrSet("id", match.group(1))
        elif tok.tag in ("h2", "h3") and not tok.attrGet("id"):
            state.env["result"].problems.append((
                _line(tok), f"heading “{inline.content}” has no id",
                "end the heading with a stable id, e.g. `## Opłaty {#oplaty}`"))
        if tok.tag == "h1":
            state.env["result"].problems.append((
                _line(tok), "the body has an h1 heading",
                "the page title is the h1: start sections with `##`"))


def _walk(tokens):
    for tok in tokens:
        yield tok
        if tok.children:
            yield from _walk(tok.children)


def _sanitise(state) -> None:
    """Drop unsafe attributes, check and rewrite links, collect headings."""
    env = state.env
    result: Rendered = env["result"]
    line = None
    for tok in _walk(state.tokens):
        line = _line(tok) or line
        for name in list(tok.attrs):
            if name not in ALLOWED_ATTRS and not (tok.type == "image" and name in ("src", "alt")):
                del tok.attrs[name]
        if tok.type == "image":
            _pictogram(tok, line, result)
        if tok.type == "link_open":
            tok.attrSet("href", _link(str(tok.attrGet("href")), line, env))
    section = env["title"]
    for i, tok in enumerate(state.tokens):
        if tok.type == "heading_open" and tok.attrGet("id"):
            text = "".join(c.content for c in state.tokens[i + 1].children or [] if c.type in ("text", "code_inline"))
            section = text.strip()
            result.headings.append((int(tok.tag[1]), str(tok.attrGet("id")), section))
        elif tok.type == "table_open":
            tok.meta["label"] = section


def _pictogram(tok: Token, line: int | None, result: Rendered) -> None:
    """A pictogram from pictograms/ with its text alternative, inlined; anything else is a problem."""
    match = PICTOGRAM.match(str(tok.attrGet("src") or ""))
    path = PICTOGRAMS / match.group(1) if match else None
    if path is None or not path.is_file():
        result.problems.append((line, f"picture “{tok.attrGet('src')}” is not one of the site's pictograms",
                                "use `![what it shows](pictograms/name.svg)` with a file in site/flats/pictograms/"))
        tok.attrSet("src", "")
    else:
        tok.attrSet("src", "data:image/svg+xml;base64," + base64.b64encode(path.read_bytes()).decode("ascii"))
    if not "".join(child.content for child in tok.children or []).strip():
        result.problems.append((line, "a picture has no text alternative", "write what it shows: `![a house](…)`"))
    tok.attrSet("width", PICTOGRAM_SIZE)
    tok.attrSet("height", PICTOGRAM_SIZE)


def _link(href: str, line: int | None, env: dict) -> str:
    result: Rendered = env["result"]
    if href.startswith(SAFE_SCHEMES):
        return href
    if href.startswith("#"):
        result.page_links.append((line, env["slug"], href[1:]))
        return href
    match = PAGE_LINK.match(href)
    if match:
        slug, fragment = match.groups()
        result.page_links.append((line, slug, fragment))
        return env["page_url"](slug, fragment)
    if href.startswith("/") and "//" not in href:
        result.site_links.append((line, href))
        return env["site_url"](href)
    result.problems.append((line, f"link “{href}” is not understood",
                            "link a page as `odplatnosc.md` or `odplatnosc.md#section`, "
                            "a site path as `/sprawdz/`, or use https:, tel: or mailto:"))
    return "#"


_MD = _parser()


def render(text: str, *, slug: str, title: str = "", page_url, site_url) -> Rendered:
    """Render Markdown `text` of page `slug`; link builders make relative URLs."""
    result = Rendered(html="")
    env = {"result": result, "slug": slug, "title": title, "page_url": page_url, "site_url": site_url}
    result.html = _MD.render(text, env)
    return result
