"""Content pages: Markdown with front matter in content/<lang>/, loaded once.

Loading checks everything and reports every problem at once with the file,
the line and the fix; the app refuses to start while any remain.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Mapping

import yaml

from . import markdown, placeholders
from .i18n import relative
from .rules.yamlfile import load_yaml
from .vocabulary import LANGUAGES

REQUIRED = {"title": str, "description": str}
OPTIONAL = {"nav": int, "nav_title": str}
SLUG = re.compile(r"^[a-z0-9-]+$")
# The one placeholder a page's title and description may hold: the site's name (content/site.yaml, with every
# centre's town), which is known once the data is read, so the home page's title follows the centres.
FRONT_PLACEHOLDER = re.compile(r"\{\{\s*([^{}]*?)\s*\}\}")
FRONT_NAMES = ("site_name",)


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    message: str
    fix: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}. Fix: {self.fix}."


class ContentError(Exception):
    """Content cannot be served; `problems` lists every reason."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("content has problems:\n" + "\n".join(f"  {p}" for p in problems))


@dataclass(frozen=True)
class Page:
    lang: str
    slug: str
    title: str
    description: str
    nav: int | None
    nav_title: str | None
    body: placeholders.Template
    headings: tuple[tuple[int, str, str], ...]
    source: str
    sections: tuple[str, ...] = ()  # ids of the sections its generated blocks write ({{contacts}})

    @property
    def path(self) -> str:
        return page_path(self.lang, self.slug)


def page_path(lang: str, slug: str) -> str:
    return f"/{lang}/" if slug == "index" else f"/{lang}/{slug}/"


class Content:
    """All pages, by (lang, slug)."""

    def __init__(self, pages: dict[tuple[str, str], Page]):
        self.pages = pages
        self.slugs = sorted({slug for _, slug in pages})

    def get(self, lang: str, slug: str) -> Page | None:
        return self.pages.get((lang, slug))

    def nav(self, lang: str) -> list[Page]:
        items = [p for (l, _), p in self.pages.items() if l == lang and p.nav is not None]
        return sorted(items, key=lambda p: p.nav)


def split_front_matter(text: str) -> tuple[str, str, int]:
    """Return (front matter, body, body's first line number)."""
    if not text.startswith("---\n"):
        raise ValueError("the file must start with a `---` line opening the front matter")
    end = text.find("\n---\n", 4)
    if end < 0:
        raise ValueError("the front matter is not closed by a `---` line")
    front = text[4:end]
    return front, text[end + 5:], front.count("\n") + 4


def _meta(front: str, rel: str) -> tuple[dict, list[Problem]]:
    try:
        meta = load_yaml(front) or {}
    except yaml.YAMLError as exc:
        unquoted = re.search(r"(?m)^(\w+):[ \t]*\{", front)
        if unquoted:  # `title: {{site_name}}` without quotes is no YAML text
            key, line = unquoted.group(1), front[:unquoted.start()].count("\n") + 2
            return {}, [Problem(rel, line, f"`{key}` starts with `{{` but is not in quotes",
                                f'put the whole value in double quotes: `{key}: "{{{{site_name}}}} …"`')]
        mark = getattr(exc, "problem_mark", None)
        return {}, [Problem(rel, mark.line + 2 if mark else None, f"front matter is not valid YAML ({exc.__class__.__name__})",
                            "write `key: value` lines; quote values containing a colon")]
    if not isinstance(meta, dict):
        return {}, [Problem(rel, 2, "front matter is not a mapping", "write `title: …` and `description: …` lines")]
    problems = []
    for key, kind in REQUIRED.items():
        if not isinstance(meta.get(key), kind) or not str(meta.get(key)).strip():
            problems.append(Problem(rel, 2, f"front matter lacks `{key}`", f"add `{key}: …` ({kind.__name__})"))
    for key in meta.keys() - REQUIRED.keys() - OPTIONAL.keys():
        problems.append(Problem(rel, 2, f"unknown front matter field `{key}`",
                                f"use only {', '.join(sorted(REQUIRED | OPTIONAL))}"))
    for key, kind in OPTIONAL.items():
        if key in meta and not isinstance(meta[key], kind):
            problems.append(Problem(rel, 2, f"`{key}` must be {kind.__name__}", f"write e.g. `{key}: 1`"))
    for key in ("title", "description", "nav_title"):
        if isinstance(meta.get(key), dict):  # `title: {{site_name}}` without quotes reads as a YAML mapping
            problems.append(Problem(rel, 2, f"`{key}` starts with `{{` but is not in quotes",
                                    f'put the whole value in double quotes: `{key}: "{{{{site_name}}}} …"`'))
        for name in FRONT_PLACEHOLDER.findall(str(meta.get(key, ""))):
            if name not in FRONT_NAMES:
                problems.append(Problem(rel, 2, f"`{{{{{name}}}}}` cannot be used in `{key}`",
                                        "in the title and description only `{{site_name}}` can be used; "
                                        "write the rest as text"))
    return meta, problems


def fill_front(value: str, names: Mapping[str, str], lang: str) -> str:
    """`{{site_name}}` in a title or description replaced by the site's name in `lang`."""
    return FRONT_PLACEHOLDER.sub(lambda m: names.get(lang, m.group(0)) if m.group(1) in FRONT_NAMES
                                 else m.group(0), value)


def _load_page(path: Path, lang: str, root: Path, site_exists: Callable[[str], bool],
               registry: placeholders.Registry, facilities: Iterable[str], names: Mapping[str, str]):
    rel = str(path)  # the file as actually loaded
    slug = path.stem
    if not SLUG.match(slug):
        return None, [Problem(rel, None, "file name is not a lowercase ASCII slug", "rename it like `jak-zlozyc-wniosek.md`")]
    try:
        front, body, first = split_front_matter(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        return None, [Problem(rel, 1, str(exc), "begin with `---`, the fields, and `---`")]
    meta, problems = _meta(front, rel)
    for key in ("title", "description", "nav_title"):
        if isinstance(meta.get(key), str):
            meta[key] = fill_front(meta[key], names, lang)
    here = page_path(lang, slug)
    out = markdown.render(body, slug=slug, title=str(meta.get("title", "")),
                          page_url=lambda s, f: relative(page_path(lang, s) + (f"#{f}" if f else ""), here),
                          site_url=lambda p: relative(f"/{lang}{p}", here))
    problems += [Problem(rel, (n + first - 1) if n else None, m, f) for n, m, f in out.problems]
    for n, p in out.site_links:
        if not site_exists(f"/{lang}{p}"):
            problems.append(Problem(rel, n + first - 1 if n else None, f"link to `{p}`: no such page on the site",
                                    "correct the path or link a content page as `slug.md`"))
    template, bad = placeholders.compile(out.html, registry, facilities)
    lines = body.split("\n")
    for written, problem in bad:
        line = next((n for n, text in enumerate(lines, first) if written in text), None)
        problems.append(Problem(rel, line, problem, f"use one of: {registry.names()}"))
    if problems:
        return (None, out.page_links, first, rel), problems
    page = Page(lang, slug, meta["title"].strip(), meta["description"].strip(), meta.get("nav"),
                meta.get("nav_title"), template, tuple(out.headings), rel,
                tuple(registry.sections(template, facilities)))
    return (page, out.page_links, first, rel), []


def load(root: Path, site_exists: Callable[[str], bool], registry: placeholders.Registry,
         facilities: Iterable[str], names: Mapping[str, str] | None = None) -> Content:
    """Load and check every page under `root` (content/); raise ContentError. `names`: the site's name by
    language, for `{{site_name}}` in a title or description."""
    problems: list[Problem] = []
    loaded = {}
    for lang in LANGUAGES:
        folder = root / lang
        if not folder.is_dir():
            problems.append(Problem(str(folder), None, "language folder missing", f"create {folder}/"))
            continue
        for path in sorted(folder.glob("*.md")):
            item, found = _load_page(path, lang, root, site_exists, registry, facilities, names or {})
            problems += found
            if item:
                loaded[(lang, path.stem)] = item
    pages = {key: item[0] for key, item in loaded.items() if item[0]}
    problems += _check_links(root, loaded, pages) + _check_languages(root, pages)
    if problems:
        raise ContentError(problems)
    return Content(pages)


def _check_links(root: Path, loaded, pages) -> list[Problem]:
    problems = []
    for (lang, _), (page, links, first, source) in loaded.items():
        for line, slug, fragment in links:
            target = pages.get((lang, slug))
            where = line + first - 1 if line else None
            if not (root / lang / f"{slug}.md").exists():
                problems.append(Problem(source, where, f"link to `{slug}.md`: no such page in {root / lang}/",
                                        "correct the file name or create the page"))
            elif target and fragment and fragment not in {h[1] for h in target.headings} | set(target.sections):
                problems.append(Problem(source, where, f"link to `#{fragment}` in `{slug}.md`: no such section",
                                        f"use one of: {', '.join(h[1] for h in target.headings) or '(none)'}"))
    return problems


def _check_languages(root: Path, pages) -> list[Problem]:
    problems = []
    slugs = {slug for _, slug in pages} | {p.stem for p in root.glob("*/*.md") if p.parent.name in LANGUAGES}
    for slug in sorted(slugs):
        present = [l for l in LANGUAGES if (root / l / f"{slug}.md").exists()]
        for lang in LANGUAGES:
            if lang not in present:
                problems.append(Problem(str(root / lang / f"{slug}.md"), None, "page missing in this language",
                                        f"translate {root / present[0] / slug}.md into {LANGUAGES[lang]}"))
        ids = {l: [h[1] for h in pages[(l, slug)].headings] for l in LANGUAGES if (l, slug) in pages}
        base = ids.get("pl")
        for lang, found in ids.items():
            if base is not None and found != base:
                problems.append(Problem(str(root / lang / f"{slug}.md"), None,
                                        f"section ids differ from the Polish page ({', '.join(found)})",
                                        f"use the same section ids in the same order as {root / 'pl' / slug}.md: {', '.join(base)}"))
    return problems
