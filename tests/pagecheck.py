"""What must hold on every page: parsed strictly, checked the same way everywhere."""
from __future__ import annotations

import posixpath
from collections import Counter
from urllib.parse import urldefrag, urlsplit

import html5lib
from html5lib.html5parser import ParseError

from flats.content import page_path
from flats.data import site_data

ERROR_PREFIXES = ("Błąd:", "Error:", "Помилка:")
LINKING = (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("form", "action"))


def parse(html: str, url: str):
    """Parse strictly: any HTML parse error fails with the line to fix."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    try:
        return parser.parse(html)
    except ParseError as exc:
        line, col = parser.errors[-1][0] if parser.errors else ("?", "?")
        raise AssertionError(f"{url}: invalid HTML at line {line}, column {col}: {exc}") from None


def without_templates(tree):
    """Drop <template> contents: inert until a script clones them."""
    parents = {child: parent for parent in tree.iter() for child in parent}
    for template in list(tree.iter("template")):
        parents[template].remove(template)
    return tree


def hidden(tree, element) -> bool:
    """Is `element` inside something with the `hidden` attribute (not rendered)?"""
    parents = {child: parent for parent in tree.iter() for child in parent}
    while element is not None:
        if element.get("hidden") is not None:
            return True
        element = parents.get(element)
    return False


def text(el) -> str:
    return " ".join("".join(el.itertext()).split())


def text_with_language(el, lang: str | None = None):
    """(text, language) for each piece of text under `el`, in document order.

    A piece's language is that of its nearest `lang` ancestor (`lang`, if none);
    scripts, styles and templates are skipped.
    """
    if el.tag in ("script", "style", "template"):
        return
    lang = el.get("lang", lang)
    yield el.text or "", lang
    for child in el:
        yield from text_with_language(child, lang)
        yield child.tail or "", lang  # a child's tail belongs to this element


def content_urls(app, lang: str | None = None) -> list[str]:
    """The URL of every page served from content/<lang>/*.md (one language, or all)."""
    return [page_path(l, slug) for l, slug in sorted(site_data(app).content.pages) if lang in (None, l)]


def resolve(base: str, href: str) -> str | None:
    """The site path a relative href points to, or None if it leaves the site."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "tel:")):
        return None
    path = urldefrag(href)[0]
    if not path:
        return base
    base_dir = base if base.endswith("/") else posixpath.dirname(base) + "/"
    joined = posixpath.normpath(posixpath.join(base_dir, path))
    return joined + "/" if path.endswith("/") and not joined.endswith("/") else joined


class PageChecker:
    """Fetches pages and asserts the rules every page must follow."""

    def __init__(self, client):
        self.client = client
        self.seen: dict[str, int] = {}

    def status(self, path: str) -> int:
        if path not in self.seen:
            response = self.client.get(path)
            self.seen[path] = response.status_code
            response.close()
        return self.seen[path]

    def check(self, url: str, html: str, expected_lang: str) -> None:
        tree = without_templates(parse(html, url))
        h1s = [h1 for h1 in tree.iter("h1") if not hidden(tree, h1)]
        assert len(h1s) == 1, f"{url}: {len(h1s)} shown h1 elements; a page shows exactly one"
        title = text(tree.find(".//title"))
        if tree.find(".//div[@class='error-summary']") is not None:  # GOV.UK pattern: "Error: " before the h1
            prefix = title.split(" ", 1)[0]
            assert prefix in ERROR_PREFIXES, f"{url}: a page with errors must start its title with {ERROR_PREFIXES}"
            title = title[len(prefix) + 1:]
        assert title.startswith(text(h1s[0])), f"{url}: title “{title}” must start with the h1 “{text(h1s[0])}”"
        assert tree.get("lang") == expected_lang, f"{url}: <html lang> is {tree.get('lang')!r}, URL says {expected_lang!r}"
        ids = Counter(el.get("id") for el in tree.iter() if el.get("id"))
        dupes = [i for i, n in ids.items() if n > 1]
        assert not dupes, f"{url}: duplicate ids {dupes}"
        self._no_inline_code(tree, url)
        for tag, attr in LINKING:
            for el in tree.iter(tag):
                href = el.get(attr)
                if href is None:
                    continue
                assert not href.startswith("/"), f"{url}: link {href!r} is absolute; links must be relative"
                if href.startswith("#"):
                    assert href[1:] in ids, f"{url}: link {href!r}: no such id"
                    continue
                target = resolve(url, href)
                if target is None:
                    hreflang = tag == "link" and el.get("rel") == "alternate" and href.startswith("http://localhost/")
                    assert tag == "a" or href.startswith("data:") or hreflang, f"{url}: <{tag}> loads {href!r} from another site"
                    continue
                assert self.status(target) == 200, f"{url}: link {href!r} → {target} answers {self.status(target)}"

    @staticmethod
    def _no_inline_code(tree, url: str) -> None:
        assert tree.find(".//style") is None, f"{url}: <style> element; use the stylesheet"
        for el in tree.iter():
            assert "style" not in el.attrib, f"{url}: style attribute on <{el.tag}>; use a class"
            on = [a for a in el.attrib if a.startswith("on")]
            assert not on, f"{url}: inline event handler {on} on <{el.tag}>"
        for script in tree.iter("script"):
            assert script.get("src"), f"{url}: inline <script>; load a file from static/"


def section_elements(tree, section_id: str) -> list:
    """The prose's elements from heading `section_id` up to the next heading of the same or a higher level."""
    prose = tree.find(".//div[@class='prose']")
    out, inside, level = [], False, 0
    for el in prose:
        if el.tag in ("h2", "h3"):
            if inside and int(el.tag[1]) <= level:
                break
            if el.get("id") == section_id:
                inside, level = True, int(el.tag[1])
        if inside:
            out.append(el)
    return out
