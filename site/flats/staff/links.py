"""Every public page and linkable section of one language, with its stable address."""
from __future__ import annotations

from dataclasses import dataclass, field

from flask import Flask, request
from flask_babel import gettext as _

from ..content import page_path
from ..data import site_data
from ..i18n import relative
from ..urls import all_urls



def other_labels(app: Flask, lang: str) -> dict[str, str]:
    """Labels for the pages that are not content pages, by path after /<lang>/."""
    labels = {"sprawdz/": _("Self-check: choose a place"), "dla-pracownikow/": _("For staff (this page)")}
    for code, facility in site_data(app).facilities.items():
        labels[f"sprawdz/{code}/"] = _("Self-check: %(place)s", place=facility.name[lang])
        labels[f"dla-pracownikow/plakat/{code}/"] = _("Poster to print: %(place)s", place=facility.name[lang])
        labels[f"dla-pracownikow/wniosek/{code}/"] = _("Blank application: %(place)s", place=facility.town[lang])
    return labels


@dataclass(frozen=True)
class Link:
    text: str
    path: str  # from the site root, with #section if any
    level: int = 1  # 1 for a page, 2 or 3 for its sections

    @property
    def href(self) -> str:
        return relative(self.path, request.path)


@dataclass(frozen=True)
class Group:
    key: str
    page: Link
    sections: list[Link] = field(default_factory=list)


def site_address(app: Flask) -> str:
    """content/site.yaml's site.url without the final slash; "" while it is not set."""
    return site_data(app).url


def stable_url(app: Flask, path: str) -> str:
    """The full address once site.url is set; until then the path from the site root."""
    return site_address(app) + path


def content_groups(app: Flask, lang: str) -> list[Group]:
    """Content pages (menu order first) with their h2/h3 sections."""
    pages = [p for (l, _), p in site_data(app).content.pages.items() if l == lang]
    pages.sort(key=lambda p: (p.slug != "index", p.nav is None, p.nav or 0, p.slug))
    return [Group(p.slug, Link(p.title, p.path),
                  [Link(text, f"{p.path}#{id_}", level) for level, id_, text in p.headings])
            for p in pages]


def other_pages(app: Flask, lang: str) -> list[Link]:
    """The site's other pages in this language (self-check, staff pages, posters)."""
    content = {page_path(lang, slug) for slug in site_data(app).content.slugs}
    prefix, labels = f"/{lang}/", other_labels(app, lang)
    return [Link(labels.get(path[len(prefix):], path), path)
            for path in all_urls(app) if path.startswith(prefix) and path not in content]


def example(groups: list[Group]) -> Link:
    """A section to show as an example: the first section of the first page that has one."""
    return [link for group in groups for link in group.sections][0]
