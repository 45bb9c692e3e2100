"""A newcomer's first screen: whom each place is for (from the facilities' data), what the
kinds of flat mean, the self-check's start button; `/` in the browser's own language."""
from __future__ import annotations

import pytest

from flats.data import site_data

from .helpers import violations
from .pagecheck import parse, text

PHONE = {"width": 390, "height": 844}


def test_the_home_page_says_whom_each_place_is_for_from_the_data(app, client):
    facilities = list(site_data(app).facilities.values())
    for lang in ("pl", "en", "uk"):
        tree = parse(client.get(f"/{lang}/").get_data(as_text=True), f"/{lang}/")
        lines = [text(li).replace("\xa0", " ") for li in tree.findall(".//ul[@class='places']/li")]
        assert len(lines) == len(facilities)
        for line, facility in zip(lines, facilities):
            assert line.startswith(facility.name[lang] + ": ")
            for group in facility.groups:
                assert group.who[lang].replace("\xa0", " ") in line
        start = tree.find(".//main//a[@class='button']")
        assert start is not None and start.get("href") == "sprawdz/"
        assert tree.find(".//nav[@class='toc']") is None, "the chooser comes first, not a list of sections"


@pytest.mark.parametrize("lang", ["pl", "en", "uk"])
def test_on_a_phone_the_first_screen_holds_the_places_and_the_start_button(app, browser, base_url, lang):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(f"{base_url}/{lang}/")
    bottoms = page.evaluate("""() => [...document.querySelectorAll('main h1, main .places li, main a.button')]
        .map(e => e.getBoundingClientRect().bottom + scrollY)""")
    kinds = page.evaluate("document.querySelector('main .places ~ ul li').getBoundingClientRect().top + scrollY")
    assert not violations(page)
    context.close()
    assert len(bottoms) == 2 + len(site_data(app).facilities), "the heading, one line per centre, the button"
    assert max(bottoms) <= PHONE["height"], f"below the first screen: {bottoms}"
    assert kinds <= PHONE["height"] + 200, "what the kinds of flat mean follows at once"


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
