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
        labels[f"dla-pracownikow/{code}/"] = _("For staff: %(place)s", place=facility.name[lang])
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


def page_group(page) -> Group:
    """A content page and its h2/h3 sections."""
    return Group(page.slug, Link(page.title, page.path),
                 [Link(text, f"{page.path}#{id_}", level) for level, id_, text in page.headings])


def content_groups(app: Flask, lang: str) -> list[Group]:
    """Content pages (menu order first) with their h2/h3 sections."""
    pages = [p for (l, _), p in site_data(app).content.pages.items() if l == lang]
    pages.sort(key=lambda p: (p.slug != "index", p.nav is None, p.nav or 0, p.slug))
    return [page_group(p) for p in pages]


def centre_pages(app: Flask, lang: str) -> dict[str, Link]:
    """{a centre's page slug: the link to that centre's own page of addresses for staff}."""
    return {f.page: Link(_("Addresses of its sections, its self-check, poster and blank application"),
                         f"/{lang}/dla-pracownikow/{code}/")
            for code, f in site_data(app).facilities.items()}


def _pages(app: Flask, lang: str) -> list[tuple[str, list[str]]]:
    """The site's pages in this language that are not content pages: (path, its segments after /<lang>/)."""
    content = {page_path(lang, slug) for slug in site_data(app).content.slugs}
    prefix = f"/{lang}/"
    return [(path, path[len(prefix):].strip("/").split("/"))
            for path in all_urls(app) if path.startswith(prefix) and path not in content]


def other_pages(app: Flask, lang: str) -> list[Link]:
    """The site's other pages in this language (the self-check, this page) that belong to no one centre; a
    centre's own (its self-check, poster, blank application) are on its page of addresses."""
    codes, labels = set(site_data(app).facilities), other_labels(app, lang)
    return [Link(labels.get(path[len(lang) + 2:], path), path)
            for path, parts in _pages(app, lang) if not codes & set(parts)]


def facility_pages(app: Flask, lang: str, code: str) -> list[Link]:
    """One centre's own pages in this language besides its content page: self-check, poster, blank
    application (whatever the blueprints add for it), and its page of addresses."""
    labels = other_labels(app, lang)
    return [Link(labels.get(path[len(lang) + 2:], path), path) for path, parts in _pages(app, lang) if code in parts]


def example(groups: list[Group]) -> Link:
    """A section to show as an example: the first section of the first page that has one."""
    return [link for group in groups for link in group.sections][0]
