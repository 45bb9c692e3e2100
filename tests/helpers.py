"""Helpers shared by test modules (test modules never import each other)."""
from __future__ import annotations

import re
import shutil
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType

import yaml

from flats.data import Site
from flats.rules import Answers

ROOT = Path(__file__).resolve().parents[1]
CONTENT_DIR = ROOT / "content"
LANGS = ("pl", "en", "uk")
# The site's own pages in every language, and those it has for each facility (beside the content pages).
SITE_PAGES = ("sprawdz/", "dla-pracownikow/")
FACILITY_PAGES = ("sprawdz/{code}/", "dla-pracownikow/{code}/", "dla-pracownikow/plakat/{code}/",
                  "dla-pracownikow/wniosek/{code}/")


def edited_copy(source: Path, folder: Path, edits) -> Path:
    """A copy of the content folder `source` at `folder`, with each (file, old, new, times) edit made:
    `old` must be there `times` times (at least once when None), and every one of them becomes `new`."""
    shutil.copytree(source, folder)
    for path, old, new, times in edits:
        file = folder / path
        text = file.read_text(encoding="utf-8")
        assert text.count(old) == times if times is not None else old in text, (path, old)
        file.write_text(text.replace(old, new), encoding="utf-8")
    return folder


def codes(content: Path = CONTENT_DIR) -> list[str]:
    """Every centre's code (its folder in content/facilities/), sorted: a test meant for every centre takes
    these, never a typed list, so a centre added by data is tested too."""
    return sorted(p.name for p in (content / "facilities").iterdir() if p.is_dir())


def routes(content: Path = CONTENT_DIR) -> list[str]:
    """Every page the site serves for `content`, derived from its files: each Markdown page, each facility's
    pages, the site's own. A page or centre added by data changes this list by itself."""
    centres = codes(content)
    found = []
    for lang in LANGS:
        slugs = sorted(p.stem for p in (content / lang).glob("*.md"))
        found += [f"/{lang}/" if slug == "index" else f"/{lang}/{slug}/" for slug in slugs]
        found += [f"/{lang}/{page}" for page in SITE_PAGES]
        found += [f"/{lang}/{page.format(code=code)}" for page in FACILITY_PAGES for code in centres]
    return sorted(set(found))


ROUTES = routes()
CODES = codes()
# The most HTML one page may weigh (tests/test_budgets.py measures it in Chromium).
HTML_BUDGET = 30 * 1024


def next_order(content: Path) -> int:
    """One past the highest `order:` of the centres in `content`: what content/README.md tells an editor
    adding a centre to write."""
    orders = [yaml.safe_load(path.read_text(encoding="utf-8")).get("order", 0)
              for path in (content / "facilities").glob("*/facility.yaml")]
    return max(orders, default=0) + 1


def add_centres(content: Path, *folders: Path) -> list[str]:
    """Copy each fixture centre (facilities/<code>/ and its pages in every language) into `content`, as
    content/README.md says: after the centres already there, with the next free `order:`, so a fixture
    centre never clashes with one an editor adds for real. The codes added, in their order."""
    added = []
    for folder in folders:
        for source in sorted(p for p in folder.rglob("*") if p.is_file() and p.name != "README.md"):
            target = content / source.relative_to(folder)
            assert not target.exists(), f"{target} is already in content/: rename the fixture centre"
            target.parent.mkdir(parents=True, exist_ok=True)
            text = source.read_text(encoding="utf-8")
            if source.name == "facility.yaml":
                added.append(source.parent.name)
                text = re.sub(r"(?m)^order: *\d+ *$", f"order: {next_order(content)}", text, count=1)
            target.write_text(text, encoding="utf-8")
    return added


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
