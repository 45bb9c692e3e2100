"""The site's data, read and checked once at start-up: one typed, frozen Site.

It is kept under one key of the app (`app.extensions["flats"]`) and read
through site_data(); nothing changes it after start-up.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

from flask import Flask, current_app
from werkzeug.exceptions import HTTPException
from werkzeug.routing import RequestRedirect

from . import content as pages, publisher
from .content import Content, ContentError, Problem
from .rules import Facility, Rules, RulesError, facility_folders, load_rules
from .vocabulary import LANGUAGES

KEY = "flats"


@dataclass(frozen=True)
class Site:
    rules: Rules  # the law and every facility (content/rules/, content/facilities/)
    details: Mapping[str, Mapping[str, Any]]  # content/site.yaml: site, publisher, data_protection_officer …
    content: Content  # the pages (content/<lang>/)

    @property
    def facilities(self) -> Mapping[str, Facility]:
        """Every facility by code, in their `order`."""
        return self.rules.facilities

    def name(self, lang: str) -> str:
        """The site's name in `lang`, every facility's town in it."""
        return self.details["site"]["name"][lang]

    @property
    def url(self) -> str:
        """The site's public address from site.yaml without the final slash; "" while it is not set."""
        return self.details["site"]["url"].strip().rstrip("/")


def site_data(app: Flask | None = None) -> Site:
    """The Site of this app (the current one unless given)."""
    return (app or current_app).extensions[KEY]


def loaded(app: Flask) -> bool:
    return KEY in app.extensions


def load(app: Flask) -> Site:
    """Read rules, facilities, site.yaml and the pages; raise RulesError or ContentError naming every problem."""
    root = app.config["CONTENT_DIR"]
    rules = load_rules(root)
    details = read_details(root, rules.facilities)
    # A page's links to a facility's addresses are checked with the facilities just read.
    app.extensions[KEY] = Site(rules, details, Content({}))
    app.extensions[KEY] = site = replace(app.extensions[KEY], content=load_content(app, rules.facilities))
    return site


def problems(app: Flask) -> list[str]:
    """Every problem in the content folder at once (`make check-content`); the Site when none, kept on `app`."""
    root = app.config["CONTENT_DIR"]
    found: list[str] = []
    rules = details = None
    try:
        rules = load_rules(root)
    except RulesError as exc:
        found += [str(p) for p in exc.problems]
    try:
        details = read_details(root, rules.facilities if rules else {})
    except ContentError as exc:
        found += [str(p) for p in exc.problems]
    if rules:  # facility addresses resolve while the pages' links are checked
        app.extensions[KEY] = Site(rules, details or MappingProxyType({}), Content({}))
    # When the rules failed (their problems are reported on their own), placeholders are checked against
    # the facility folders, so one mistake in a rules file gives one message, not one per page.
    facilities = rules.facilities if rules else {code: None for code in facility_folders(root)}
    try:
        content = load_content(app, facilities)
    except ContentError as exc:
        found += [str(p) for p in exc.problems]
    else:
        if rules and details is not None:
            app.extensions[KEY] = Site(rules, details, content)
    return found


def read_details(root: Path, facilities: Mapping[str, Facility]) -> Mapping[str, Mapping[str, Any]]:
    """content/site.yaml, read-only, with every facility's town in the site's name ({in_towns})."""
    raw = publisher.load(Path(root) / "site.yaml")
    names = publisher.with_places(raw["site"]["name"], list(facilities.values()))
    named = {**raw["site"], "name": MappingProxyType(names)}
    return MappingProxyType({section: MappingProxyType(dict(named if section == "site" else values))
                             for section, values in raw.items()})


def load_content(app: Flask, facilities: Mapping[str, Facility | None]) -> Content:
    """The pages of content/, their links and placeholders checked; raise ContentError naming every file and fix."""
    root = app.config["CONTENT_DIR"]
    adapter = app.url_map.bind("localhost")

    def site_exists(path: str) -> bool:
        try:
            endpoint, values = adapter.match(path, method="GET")
        except (RequestRedirect, HTTPException):
            return False
        if endpoint == "pages.page":
            return (root / values["lang"] / f"{values.get('slug', 'index')}.md").exists()
        return True

    details = app.extensions[KEY].details if loaded(app) else {}
    names = details["site"]["name"] if "site" in details else {}
    found = pages.load(root, site_exists, app.extensions["placeholders"], facilities, names)
    problems = missing_pages({code: f for code, f in facilities.items() if f is not None}, found, root)
    if problems:
        raise ContentError(problems)
    return found


def missing_pages(facilities: Mapping[str, Facility], content: Content, root: Path) -> list[Problem]:
    """A problem for each language a facility's page (facility.yaml `page:`) is missing in."""
    return [Problem(str(Path(root) / lang / f"{facility.page}.md"), None,
                    f"missing: {facility.code}'s page (`page: {facility.page}` in its facility.yaml) "
                    f"in {LANGUAGES[lang]}",
                    f"write {facility.page}.md in content/{lang}/, as for the other centres")
            for facility in facilities.values() for lang in LANGUAGES if content.get(lang, facility.page) is None]
