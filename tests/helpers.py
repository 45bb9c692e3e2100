"""Helpers shared by test modules (test modules never import each other)."""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType

from flats.data import Site
from flats.rules import Answers

ROOT = Path(__file__).resolve().parents[1]
CONTENT_DIR = ROOT / "content"
LANGS = ("pl", "en", "uk")
# The site's own pages in every language, and those it has for each facility (beside the content pages).
SITE_PAGES = ("sprawdz/", "dla-pracownikow/")
FACILITY_PAGES = ("sprawdz/{code}/", "dla-pracownikow/plakat/{code}/", "dla-pracownikow/wniosek/{code}/")


def routes(content: Path = CONTENT_DIR) -> list[str]:
    """Every page the site serves for `content`, derived from its files: each Markdown page, each facility's
    pages, the site's own. A page or centre added by data changes this list by itself."""
    codes = sorted(p.name for p in (content / "facilities").iterdir() if p.is_dir())
    found = []
    for lang in LANGS:
        slugs = sorted(p.stem for p in (content / lang).glob("*.md"))
        found += [f"/{lang}/" if slug == "index" else f"/{lang}/{slug}/" for slug in slugs]
        found += [f"/{lang}/{page}" for page in SITE_PAGES]
        found += [f"/{lang}/{page.format(code=code)}" for page in FACILITY_PAGES for code in codes]
    return sorted(set(found))


ROUTES = routes()


def with_details(data: Site, /, **sections: dict) -> Site:
    """`data` with some content/site.yaml values changed, e.g. with_details(data, publisher={"email": "…"}):
    a new Site to put on the app (monkeypatch.setitem(app.extensions, "flats", …)); `data` is unchanged."""
    details = {name: MappingProxyType({**values, **sections.get(name, {})}) for name, values in data.details.items()}
    return replace(data, details=MappingProxyType(details))



def violations(page) -> list[str]:
    """What axe-core (WCAG 2.1 A/AA and best practice) finds on the page in Chromium."""
    from axe_playwright_python.sync_playwright import Axe  # only where a browser test asks
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": [
        "wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}})
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])}×: {v['nodes'][0]['target']})"
            for v in results.response["violations"]]


# What a case table's answers default to when it leaves them out.
DEFAULTS = {
    "adult": "yes",
    "resident": "yes",
    "round_the_clock_care": "no",
    "situations": ["older_age"],
    "household": "single",
    "household_size": None,
    "income": "0.00",
}


def make_answers(given: dict) -> Answers:
    """Answers in the contract's vocabulary (yes/no, lists, money as text) -> Answers."""
    values = {**DEFAULTS, **given}
    yes = {"yes": True, "no": False}
    return Answers(
        facility=values["facility"],
        adult=yes[values["adult"]],
        resident=yes[values["resident"]],
        round_the_clock_care=yes[values["round_the_clock_care"]],
        situations=frozenset(values["situations"]),
        household=values["household"],
        household_size=values["household_size"],
        income=Decimal(values["income"]),
    )


# The journeys of the people the self-check is for (engine vocabulary; text as typed).
PENSIONER = {"adult": "yes", "round_the_clock_care": "no", "situations": ["older_age"], "resident": "yes",
             "household": "single", "income": "1650 zl"}  # 70, in Chełm: 30 % of the cost, 449,60 zł
CARE_LEAVER = {"adult": "yes", "round_the_clock_care": "no", "situations": ["leaving_care"], "resident": "yes",
               "household": "single", "income": "1 200"}  # 19, leaving a foster family, in Mielec
UNDER_18 = {"adult": "no"}  # a social worker checks for a 17-year-old: unlikely at once
NOT_RESIDENT_FAMILY = {"adult": "yes", "round_the_clock_care": "no", "situations": ["disability"],
                       "resident": "no", "household": "family", "household_size": "3", "income": "5000"}
NEEDS_CARE = {"adult": "yes", "round_the_clock_care": "yes"}


def answer(page, step: str, value) -> None:
    """Give one answer on the question now shown, as a person would."""
    if step == "situations":
        for code in value or ["none"]:
            page.check(f"#situations-{code}")
    elif step in ("household_size", "income"):
        page.fill(f"#{step}-input", value)
    else:
        page.check(f"#{step}-{value}")


def walk(page, answers: dict, navigation: bool = False, limit: int = 10, on_step=None) -> list[str]:
    """Answer each question the page asks, then Continue, until a result shows; the questions asked.
    `on_step(step)` is called on each question before it is answered (a test measuring the page, say)."""
    asked = []
    for _ in range(limit):
        if page.locator("main .result").count():
            return asked
        step = page.get_attribute("form.check-form", "data-step")
        asked.append(step)
        if on_step is not None:
            on_step(step)
        answer(page, step, answers[step])
        if navigation:
            with page.expect_navigation():
                page.click("form.check-form button[value=continue]")
        else:
            page.click("form.check-form button[value=continue]")
            page.wait_for_function("(s) => document.querySelector('form.check-form').dataset.step !== s"
                                   " || document.querySelector('main .result')", arg=step)
    raise AssertionError(f"no result after {asked}")
