"""Content: every fact of both seeds on the right page in every language; amounts from dated rules."""
from __future__ import annotations

import re
from datetime import date

import pytest

from flats.data import site_data

from .pagecheck import parse, text
from .helpers import ROUTES, with_details

LANGS = ("pl", "en", "uk")

# Facts from ../shared/seeds that must appear on a page in every language
# (numbers, phones, addresses, acts and dates are language-neutral here).
FACTS = {
    "mielec": ["22", "5", "4 lub 5|4 or 5|4 або 5|4–5|4-5", "ul. Mickiewicza 13", "39-300 Mielec", "571 389 067", "17 780 53 94",
               "17 780 53 93", "1 010,00 zł", "823,00 zł"],
    "chelm": ["25", "5", "12", "9", "3", "ul. Wojsławicka 11b", "22-100 Chełm", "82 564 21 26",
              "XIV/114/07", "XXXVI/429/18", "2009", "2007", "1 498,67 zł", "20%|20 %", "30%|30 %", "40%|40 %",
              "60%|60 %", "80%|80 %", "100%|100 %", "299,73 zł", "449,60 zł", "599,47 zł", "899,20 zł",
              "1 198,94 zł"],
    "kontakt": ["ul. Mickiewicza 13", "39-300 Mielec", "571 389 067", "17 780 53 94", "17 780 53 93",
                "ul. Wojsławicka 11b", "22-100 Chełm", "82 564 21 26", "openstreetmap.org"],
    "odplatnosc": ["1 010,00 zł", "823,00 zł", "1 515,00 zł", "2 020,00 zł", "2 525,00 zł", "3 030,00 zł",
                   "3 535,00 zł", "1 498,67 zł", "634,00 zł", "701,00 zł", "776,00 zł", "art. 8|Article 8|ст. 8", "art. 97|Article 97|ст. 97"],
    "jak-zlozyc-wniosek": ["14", "Samorządowe Kolegium Odwoławcze", "art. 101"],
    "pytania": ["2023", "14"],
}
# Polish wording of the seeds' facts, on the Polish pages.
POLISH = {
    "mielec": ["program usamodzielnienia", "kontrakt mieszkaniowy|kontrakt", "decyzj", "czas określony|określony czas",
               "Regulamin korzystania z Mieszkań Treningowych|Regulaminu korzystania z Mieszkań Treningowych"],
    "chelm": ["opinia opiekuna|opinię opiekuna", "zaświadczenie o stanie zdrowia|zaświadczenia o stanie zdrowia",
              "dowód osobisty", "3 miesi", "do 1 roku|1 roku", "do 2 lat|2 lat", "nieokreślony", "pralni",
              "świetlic"],
}


def page_text(client, url) -> str:
    tree = parse(client.get(url).get_data(as_text=True), url)
    main = tree.find(".//main")
    hrefs = " ".join(a.get("href", "") for a in main.iter("a"))
    return re.sub(r"[\s\u00a0\u202f]+", " ", text(main) + " " + hrefs)


def has(haystack: str, alternatives: str) -> bool:
    return any(a in haystack for a in alternatives.split("|"))


@pytest.fixture()
def today_2026(app, monkeypatch):
    monkeypatch.setitem(app.config, "FIXED_DATE", "2026-11-23")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("slug", sorted(FACTS))
def test_every_seed_fact_is_on_its_page_in_every_language(client, today_2026, lang, slug):
    found = page_text(client, f"/{lang}/{slug}/")
    missing = [f for f in FACTS[slug] if not has(found, f)]
    assert not missing, f"/{lang}/{slug}/ lacks {missing}; add them (see ../shared/seeds)"


@pytest.mark.parametrize("slug", sorted(POLISH))
def test_the_polish_pages_name_the_seed_facts(client, slug):
    found = page_text(client, f"/pl/{slug}/")
    missing = [f for f in POLISH[slug] if not has(found, f)]
    assert not missing, f"/pl/{slug}/ lacks {missing}"


@pytest.mark.parametrize("lang", LANGS)
def test_out_of_date_seed_amounts_are_not_shown_as_current(client, today_2026, lang):
    assert "776" not in page_text(client, f"/{lang}/mielec/"), "Mielec's seed criterion 776 zł is out of date"
    assert "701" not in page_text(client, f"/{lang}/chelm/"), "Chełm's seed criterion 701 zł is out of date"
    assert "640,34" not in page_text(client, f"/{lang}/odplatnosc/"), "the seed's zł ranges use the 634 zł criterion"


def test_the_fee_table_with_the_634_criterion_reproduces_the_seeds_printed_table(app, client, monkeypatch):
    monkeypatch.setitem(app.config, "FIXED_DATE", "2018-06-01")
    found = page_text(client, "/pl/odplatnosc/")
    for amount in ("634,00 zł", "951,00 zł", "1 268,00 zł", "1 585,00 zł", "1 902,00 zł", "2 219,00 zł",
                   "299,73 zł", "449,60 zł", "599,47 zł", "899,20 zł", "1 198,94 zł", "1 498,67 zł"):
        assert amount in found, amount


def test_the_fees_page_follows_the_criterion_in_force_on_the_day(app, client, monkeypatch):
    for day, expected, absent in (("2024-12-31", ["776,00 zł", "600,00 zł", "1 164,00 zł"], "1 515,00 zł"),
                                  ("2025-01-01", ["1 010,00 zł", "823,00 zł", "1 515,00 zł"], "1 164,00 zł")):
        monkeypatch.setitem(app.config, "FIXED_DATE", day)
        found = page_text(client, "/en/odplatnosc/")
        assert all(e in found for e in expected), (day, [e for e in expected if e not in found])
        assert absent not in found, (day, absent)


PLACEHOLDERS = re.compile(r"\{\{|\}\}|TODO|TBD|lorem|ipsum|\bXXX\b|example\.(com|org)|EMAIL@|FULL NAME|PROJECT|\?\?\?", re.I)


@pytest.mark.parametrize("url", ROUTES)
def test_no_page_shows_placeholder_text(client, url):
    html = client.get(url).get_data(as_text=True)
    match = PLACEHOLDERS.search(html)
    assert not match, f"{url}: placeholder {match.group(0)!r}"


@pytest.mark.parametrize("url", ROUTES)
def test_headings_form_an_outline(client, url):
    tree = parse(client.get(url).get_data(as_text=True), url)
    levels = [int(el.tag[1]) for el in tree.iter() if el.tag in ("h1", "h2", "h3", "h4", "h5", "h6")]
    assert levels[0] == 1, f"{url}: the first heading must be the h1"
    jumps = [(a, b) for a, b in zip(levels, levels[1:]) if b > a + 1]
    assert not jumps, f"{url}: heading levels skip {jumps}"


@pytest.mark.parametrize("lang", LANGS)
def test_the_easy_to_read_page_has_no_sentence_over_15_words(client, lang):
    url = f"/{lang}/tekst-latwy-do-czytania/"
    tree = parse(client.get(url).get_data(as_text=True), url)
    blocks = [text(el) for el in tree.find(".//div[@class='prose']").iter() if el.tag in ("p", "li", "h2", "h3", "td", "th")]
    long = [s for block in blocks for s in re.split(r"(?<=[.!?])\s+", block) if len(s.split()) > 15]
    assert not long, f"{url}: sentences over 15 words: {long}"


A11Y_IDS = ["a11y-wstep", "a11y-podmiot", "a11y-zakres", "a11y-url", "a11y-data-publikacja", "a11y-data-aktualizacja",
            "a11y-status", "a11y-data-sporzadzenie", "a11y-kontakt", "a11y-email", "a11y-telefon", "a11y-procedura",
            "a11y-architektura", "a11y-komunikacja"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_accessibility_statement_has_every_required_id_once(client, lang):
    html = client.get(f"/{lang}/deklaracja-dostepnosci/").get_data(as_text=True)
    for id_ in A11Y_IDS:
        assert html.count(f'id="{id_}"') == 1, f"{lang}: id {id_} must appear exactly once"
    tree = parse(html, lang)
    for id_ in ("a11y-data-aktualizacja", "a11y-data-sporzadzenie"):
        time = tree.find(f".//*[@id='{id_}']")
        assert time.tag == "time", f"{lang}: the id {id_} belongs on the <time> element itself"
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", time.get("datetime")), id_


@pytest.mark.parametrize("lang", LANGS)
def test_an_unpublished_site_shows_no_publication_date_and_a_published_one_does(app, client, lang, monkeypatch):
    site = site_data(app).details["site"]
    assert not site["url"] and not site["published"], "content/site.yaml: no publication date without the site's address"
    tree = parse(client.get(f"/{lang}/deklaracja-dostepnosci/").get_data(as_text=True), lang)
    el = tree.find(".//*[@id='a11y-data-publikacja']")
    assert el.tag != "time" and el.find(".//time") is None and el.get("class") == "missing"
    with monkeypatch.context() as patch:
        patch.setitem(app.extensions, "flats", with_details(
            site_data(app), site={"url": "https://mieszkania.example.gov.pl/", "published": date(2027, 1, 4)}))
        tree = parse(client.get(f"/{lang}/deklaracja-dostepnosci/").get_data(as_text=True), lang)
    time = tree.find(".//*[@id='a11y-data-publikacja']")
    assert time.tag == "time" and time.get("datetime") == "2027-01-04"
    assert text(tree.find(".//*[@id='a11y-url']")) == "https://mieszkania.example.gov.pl/"


def test_empty_publisher_details_say_whom_to_ask_and_show_nothing_fake(client):
    html = client.get("/pl/deklaracja-dostepnosci/").get_data(as_text=True)
    tree = parse(html, "x")
    email = text(tree.find(".//*[@id='a11y-email']"))
    assert "@" not in email and email, "an empty e-mail must say whom to ask, not show an address"


def test_publisher_details_appear_once_configured(app, client, monkeypatch):
    monkeypatch.setitem(app.extensions, "flats", with_details(site_data(app), publisher={"email": "sekretariat@mops.test"}))
    html = client.get("/pl/deklaracja-dostepnosci/").get_data(as_text=True)
    assert 'href="mailto:sekretariat@mops.test"' in html


@pytest.mark.parametrize("lang", LANGS)
def test_every_phone_on_the_contact_page_is_a_tel_link(client, lang):
    tree = parse(client.get(f"/{lang}/kontakt/").get_data(as_text=True), "x")
    tels = {a.get("href") for a in tree.iter("a") if (a.get("href") or "").startswith("tel:")}
    assert {"tel:+48571389067", "tel:+48177805394", "tel:+48177805393", "tel:+48825642126"} <= tels
