"""A newcomer's first screen: whom each place is for (from the facilities' data), what the
kinds of flat mean, the self-check's start button; `/` in the browser's own language.

The home page is checked as it is and with the two fictional centres of tests/fixtures/ added, as
content/README.md says: a centre added by data alone must not push the start button off the first screen,
and nothing on the page names or counts the centres by hand."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from flats import create_app
from flats.data import site_data

from .browser import served
from .helpers import CONTENT_DIR, add_centres, violations
from .pagecheck import parse, text

PHONE = {"width": 390, "height": 844}
LANGS = ("pl", "en", "uk")
FIXTURES = Path(__file__).with_name("fixtures")
CONTENTS = ["as it is", "with two more centres"]


@pytest.fixture(scope="module")
def more_centres(tmp_path_factory) -> Path:
    """The real content with the fictional centres of tests/fixtures/ added after the real ones."""
    folder = tmp_path_factory.mktemp("home") / "content"
    shutil.copytree(CONTENT_DIR, folder)
    (folder / "README.md").unlink()
    add_centres(folder, FIXTURES / "third_centre", FIXTURES / "fourth_centre")
    return folder


@pytest.fixture(scope="module", params=CONTENTS)
def home(request, app):
    """The site as it is, then with two more centres."""
    if request.param == CONTENTS[0]:
        return app
    return create_app({"TESTING": True, "PAGE_CACHE": False, "FIXED_DATE": "2026-11-23",
                       "CONTENT_DIR": request.getfixturevalue("more_centres")})


@pytest.mark.parametrize("lang", LANGS)
def test_the_home_page_opens_with_its_name_the_start_button_and_whom_each_place_is_for(home, lang):
    facilities = list(site_data(home).facilities.values())
    tree = parse(home.test_client().get(f"/{lang}/").get_data(as_text=True), f"/{lang}/")
    name = site_data(home).name(lang)
    assert text(tree.find(".//title")) == name and text(tree.find(".//main/h1")) == name, \
        "the title and heading are the site's name, which has every centre's town"
    assert tree.find(".//meta[@name='description']").get("content").startswith(name + ":")
    first, second, third, fourth = list(tree.find(".//main/div[@class='prose']"))[:4]
    start = first.find("a[@class='button']")
    assert start is not None and start.get("href") == "sprawdz/", "the start button comes first, whatever the number"
    assert second.get("class") == "places", "then whom each place is for"
    lines = [text(li).replace("\xa0", " ") for li in second.findall("li")]
    assert len(lines) == len(facilities)
    for line, facility in zip(lines, facilities):
        assert line.startswith(facility.name[lang] + ": ")
        for group in facility.groups:
            assert group.who[lang].replace("\xa0", " ") in line
    assert (third.tag, fourth.tag) == ("p", "ul") and fourth.find("li/strong") is not None, \
        "then what the kinds of flat mean"
    assert tree.find(".//nav[@class='toc']") is None, "the chooser comes first, not a list of sections"


COUNTS = re.compile(r"\b(dwa|dwie|dwóch|oba|obu|obie|two|both|два|дві|двох|обидва|обидві)\b", re.I)


@pytest.mark.parametrize("lang", LANGS)
def test_the_home_pages_own_words_neither_name_nor_count_the_centres(app, lang):
    """Its title is the site's name, its lists are placeholders: a centre added by data needs no edit here."""
    written = re.sub(r"#[a-z0-9-]+", "", (CONTENT_DIR / lang / "index.md").read_text(encoding="utf-8"))
    for facility in site_data(app).facilities.values():
        town, in_town = facility.town[lang], facility.in_town[lang].split(" ", 1)[1]
        stem = next((town[:i] for i in range(len(town), 0, -1) if in_town.startswith(town[:i])), town)
        assert not re.search(rf"\b{re.escape(stem)}", written), f"index.md names {town}: use a placeholder"
        assert f"]({facility.page}.md" not in written, f"index.md links {facility.page}.md by hand"
    assert not COUNTS.findall(written), "index.md counts the centres"


@pytest.mark.parametrize("content", CONTENTS)
@pytest.mark.parametrize("lang", LANGS)
def test_on_a_phone_the_first_screen_holds_the_start_button_and_the_places_begin_on_it(
        app, browser, base_url, more_centres, lang, content):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()

    def measure(base):
        page.goto(f"{base}/{lang}/")
        return page.evaluate("""() => {
            const box = e => e.getBoundingClientRect(), at = y => Math.round(y + scrollY);
            return {heading: at(box(document.querySelector('main h1')).bottom),
                    button: at(box(document.querySelector('main a.button')).bottom),
                    places: [...document.querySelectorAll('main .places li')].map(e => [at(box(e).top), at(box(e).bottom)]),
                    kinds: at(box(document.querySelector('main .places ~ ul li')).top)}; }""")

    if content == CONTENTS[0]:
        found, problems = measure(base_url), violations(page)
        centres = site_data(app).facilities
    else:
        more = create_app({"TESTING": True, "PAGE_CACHE": False, "FIXED_DATE": "2026-11-23",
                           "CONTENT_DIR": more_centres})
        with served(more) as base:
            found, problems = measure(base), violations(page)
        centres = site_data(more).facilities
    context.close()
    assert not problems
    assert len(found["places"]) == len(centres)
    assert found["heading"] <= PHONE["height"] and found["button"] <= PHONE["height"], f"below the first screen: {found}"
    assert found["places"][0][0] <= PHONE["height"] - 100, f"whom each place is for begins on the first screen: {found}"
    assert found["kinds"] - found["places"][-1][1] <= 100, "what the kinds of flat mean follows the places at once"


@pytest.mark.parametrize("accept, lang", [
    (None, "pl"), ("pl-PL,pl;q=0.9", "pl"), ("uk-UA,uk;q=0.9,ru;q=0.8,en-US;q=0.7", "uk"),
    ("en-GB,en;q=0.9", "en"), ("de-DE,de;q=0.9", "pl"), ("ru-RU,ru;q=0.9,en;q=0.5", "en"),
])
def test_the_root_sends_each_browser_to_its_own_language(client, accept, lang):
    response = client.get("/", headers={"Accept-Language": accept} if accept else {})
    assert response.status_code == 302 and response.headers["Location"] == f"/{lang}/"
    assert "Accept-Language" in response.vary and response.headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize("locale, lang", [("uk-UA", "uk"), ("en-US", "en"), ("pl-PL", "pl"), ("de-DE", "pl")])
def test_the_frozen_root_follows_navigator_languages(browser, sub_path, locale, lang):
    context = browser.new_context(locale=locale)
    page = context.new_page()
    page.goto(sub_path)
    page.wait_for_url(f"{sub_path}{lang}/")
    context.close()


def test_the_frozen_root_without_script_offers_plain_links(browser, sub_path):
    context = browser.new_context(java_script_enabled=False, locale="uk-UA")
    page = context.new_page()
    page.goto(sub_path)
    page.wait_for_timeout(300)
    links = page.eval_on_selector_all("main a[hreflang]", "as => as.map(a => [a.hreflang, a.getAttribute('href')])")
    stayed = page.url
    context.close()
    assert stayed == sub_path, "no refresh: the reader picks a language"
    assert links == [["pl", "pl/"], ["en", "en/"], ["uk", "uk/"]]
