"""What every page's layout needs: navigation, language links, footer links."""
from __future__ import annotations

import posixpath

from flask import Flask, current_app, g, request, url_for
from markupsafe import Markup
from werkzeug.routing import BuildError

from .cache import kept
from .data import loaded, site_data
from .i18n import current_language, lazy_gettext as _l, relative, url
from .placeholders import Registry
from .vocabulary import LANGUAGES

FOOTER = ("kontakt", "deklaracja-dostepnosci", "ochrona-danych")
ERROR_TITLES = {
    400: _l("The request could not be understood"),
    405: _l("This address cannot be used in this way"),
    413: _l("What you sent is too large"),
    503: _l("The self-check has no rules for this date"),
}


def add_nav(app: Flask, position: int, endpoint: str, label) -> None:
    """A blueprint's page joins the content pages in the main menu at `position`."""
    app.extensions["flats.layout"]["nav"].append((position, endpoint, label))


def add_footer(app: Flask, endpoint: str, label) -> None:
    """A blueprint's page joins the footer links after FOOTER."""
    app.extensions["flats.layout"]["footer"].append((endpoint, label))


def site_name() -> str:
    """The site's name in this language (content/site.yaml)."""
    return site_data().name(current_language())


def facilities() -> list:
    """Every facility (content/facilities/), in their `order`."""
    return list(site_data().facilities.values())


def routed_page() -> bool:
    """Is this a page at an address the router matched (not an error page, whose address can be anything)?"""
    return request.url_rule is not None and bool(request.endpoint) and not g.get("error_page")


def alternate_url(lang: str) -> str:
    """The same page in another language (its home page if this is an error)."""
    if routed_page():
        try:
            return relative(url_for(request.endpoint, **(request.view_args or {}), lang=lang), request.path)
        except BuildError:
            pass
    return relative(f"/{lang}/", request.path)


def site_base() -> str:
    """The site's absolute address from site.url; "" while it is not set.

    Never the request's Host header: a client could put any host there, and
    the page would carry it (and the page cache would keep it for others).
    """
    return site_data().url if loaded(current_app) else ""


def hreflang_links() -> list[tuple[str, str]]:
    """(lang, absolute URL) of this page in every language; none when the address is unknown."""
    base = site_base()
    if not base or g.get("error_page"):  # a missing page has no versions in other languages
        return []
    links = []
    for lang in LANGUAGES:
        href = alternate_url(lang)
        path = posixpath.normpath(posixpath.join(request.path, href))
        links.append((lang, base + path + ("/" if href.endswith("/") else "")))
    return links


def language_links() -> dict[str, str]:
    """{language: the same page in that language}, relative."""
    return {lang: alternate_url(lang) for lang in LANGUAGES}


def nav_items() -> list[dict]:
    """The main menu: every facility's page first, in the facilities' order (content/facilities/), then the
    pages whose front matter has `nav:` and the blueprints' pages, by their position."""
    lang = current_language()
    content = site_data().content if loaded(current_app) else None
    entries = []
    if content:
        for facility in facilities():
            page = content.get(lang, facility.page)
            if page is not None:
                entries.append(((0, facility.order), "pages.page", {"slug": page.slug}, page.nav_title or page.title))
        facility_pages = {f.page for f in facilities()}
        entries += [((1, p.nav), "pages.page", {"slug": p.slug}, p.nav_title or p.title)
                    for p in content.nav(lang) if p.slug not in facility_pages]
    entries += [((1, pos), ep, {}, str(label)) for pos, ep, label in current_app.extensions["flats.layout"]["nav"]]
    items = []
    for _, endpoint, values, label in sorted(entries, key=lambda e: e[0]):
        href = url(endpoint, **values)
        items.append({"href": href, "label": label, "current": href == "./"})
    return items


def footer_links() -> list[tuple[str, str]]:
    """(relative href, label) for each footer link."""
    content = site_data().content if loaded(current_app) else None
    pages = [content.get(current_language(), slug) for slug in FOOTER] if content else []
    links = [(url("pages.page", slug=p.slug), p.nav_title or p.title) for p in pages if p]
    return links + [(url(endpoint), str(label)) for endpoint, label in current_app.extensions["flats.layout"]["footer"]]


def same_for_everyone(name: str, *key, caller) -> Markup:
    """`{% call same_for_everyone("menu") %}…{% endcall %}`: a part of the layout that is the same for every
    request to this address in this language (the menu, the footer), rendered once and kept (cache.kept);
    a self-check step or result, rendered afresh for each request, takes it from there. Only what the
    router matched is kept: an error page, whose address can be anything, renders it every time."""
    if not routed_page():
        return caller()
    return Markup(kept(("layout", name, request.script_root, request.path, current_language(), *key), caller))


def error_title(error) -> str:
    return str(ERROR_TITLES.get(error.code, _l("Something went wrong")))


def places(context: dict) -> Markup:
    """`{{facility_who}}` in content: one line per facility, from its data, in its order: its name (a link to
    its page) and whom its places are for (the groups in rules.yaml). A new centre joins by data alone."""
    lang, app = context["lang"], context["app"]
    lines = [Markup('<li><a href="{}">{}</a>: {}.</li>').format(
                 url("pages.page", slug=facility.page), facility.name[lang],
                 "; ".join(group.who[lang] for group in facility.groups))
             for facility in site_data(app).facilities.values()]
    return Markup('<ul class="places">{}</ul>').format(Markup("").join(lines))


def init_app(app: Flask) -> None:
    app.extensions["flats.layout"] = {"nav": [], "footer": []}
    app.extensions.setdefault("placeholders", Registry()).register("facility_who")(places)
    app.jinja_env.globals.update(site_name=site_name, facilities=facilities, language_links=language_links,
        current_language=current_language, alternate_url=alternate_url, nav_items=nav_items,
        hreflang_links=hreflang_links,
        footer_links=footer_links, error_title=error_title, same_for_everyone=same_for_everyone)
