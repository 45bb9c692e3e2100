"""Content a citizen can trust: no page contradicts another or the sources (../shared/seeds, ../shared/facts.md)."""
from __future__ import annotations

import re

import pytest

from flats.content import page_path
from flats.data import site_data

from .pagecheck import content_urls, parse, section_elements, text

LANGS = ("pl", "en", "uk")
# Said somewhere before this test existed, and wrong: (language, pattern, why).
WRONG = [
    ("pl", r"samotn\w*,? (?:lub|i|albo) z niepełnosprawnością", "Chełm's 25 places are for older people living alone (seed 001)"),
    ("en", r"lone,? (?:or|and) disabled", "Chełm's 25 places are for older people living alone (seed 001)"),
    ("uk", r"самотні\w* люд\w* (?:або|та|і) люд\w* з інвалідністю", "Chełm's 25 places are for older people living alone"),
    ("pl", r"płacisz część kosztów", "in Chełm the fee can be 100 % of the cost"),
    ("en", r"pay part of the cost", "in Chełm the fee can be 100 % of the cost"),
    ("uk", r"оплачуєте частину витрат", "in Chełm the fee can be 100 % of the cost"),
    ("pl", r"nie wiemy na pewno", "someone else may apply with the person's consent (facts.md §7, art. 102)"),
    ("en", r"do not know this for sure", "someone else may apply with the person's consent (facts.md §7, art. 102)"),
    ("uk", r"ми точно не знаємо", "someone else may apply with the person's consent (facts.md §7, art. 102)"),
    ("pl", r"krótko, dlaczego", "the application needs a justification (seed 001: wraz z uzasadnieniem)"),
    ("en", r"in a few words", "the application needs a justification (seed 001: wraz z uzasadnieniem)"),
    ("uk", r"коротко поясніть", "the application needs a justification (seed 001: wraz z uzasadnieniem)"),
    ("pl", r"piecz\w* zastępcz", "name the groups as seed 001 does; a youth educational centre is not foster care"),
    ("en", r"foster care", "name the groups as seed 001 does; a youth educational centre is not foster care"),
    ("uk", r"заміщувальн\w* опік", "name the groups as seed 001 does; a youth educational centre is not foster care"),
    ("pl", r"z decyzją i dlaczego", "an appeal needs no detailed justification (art. 128 k.p.a.)"),
    ("en", r"disagree with the decision, and why", "an appeal needs no detailed justification (art. 128 k.p.a.)"),
    ("uk", r"не згодні з рішенням і чому", "an appeal needs no detailed justification (art. 128 k.p.a.)"),
]
# Where a page says the stay in Chełm can be free, it names what residents still pay for (seed 001).
OWN_COSTS = {"pl": ["jedzenie", "leki", "ubrania"], "en": ["food", "medicines", "clothes"], "uk": ["їж", "ліки", "одяг"]}
FREE_IN_CHELM = ["chelm", "odplatnosc", "pytania", "tekst-latwy-do-czytania"]
# facts.md §7: what a citizen also needs to know, and where a reader looks for it.
PROCEDURE = {
    ("jak-zlozyc-wniosek", "krok-ocena"): {"pl": "wywiad środowiskowy", "en": "home interview", "uk": "співбесід"},
    ("jak-zlozyc-wniosek", "krok-decyzja"): {"pl": "art. 35", "en": "Article 35", "uk": "ст. 35"},
    ("jak-zlozyc-wniosek", "odwolanie"): {"pl": "art. 127, 128", "en": "Articles 127, 128", "uk": "ст. 127, 128"},
    ("jak-zlozyc-wniosek", "pomoc"): {"pl": "art. 102", "en": "Article 102", "uk": "ст. 102"},
    ("odplatnosc", "jak-liczyc-dochod"): {"pl": "jednorazowy zasiłek celowy", "en": "jednorazowy zasiłek celowy",
                                           "uk": "jednorazowy zasiłek celowy"},
    ("odplatnosc", "zmiany"): {"pl": "art. 109", "en": "Article 109", "uk": "ст. 109"},
    ("pytania", "opieka-calodobowa"): {"pl": "dom\u00a0pomocy|domu pomocy", "en": "nursing home", "uk": "будинку соціальної допомоги"},
    ("pytania", "wniosek-za-kogos"): {"pl": "art. 102", "en": "Article 102", "uk": "ст. 102"},
}


def main_text(client, url) -> str:
    return re.sub(r"[\s\u00a0\u202f]+", " ", text(parse(client.get(url).get_data(as_text=True), url).find(".//main")))


def section_text(client, url, section) -> str:
    """The text from heading `section` up to the next heading of the same or a higher level."""
    tree = parse(client.get(url).get_data(as_text=True), url)
    out = [text(el) for el in section_elements(tree, section)]
    assert out, f"{url}: no section #{section}"
    return re.sub(r"[\s\u00a0\u202f]+", " ", " ".join(out))


@pytest.fixture(scope="module")
def everything(app):
    client = app.test_client()
    return {(lang, slug): main_text(client, page_path(lang, slug)) for lang, slug in site_data(app).content.pages}


def test_nothing_known_to_be_wrong_is_said_again(everything):
    found = [f"/{lang}/{slug}/: “{m.group(0)}” – {why}"
             for (lang, slug), shown in sorted(everything.items()) for want, pattern, why in WRONG
             if lang == want and (m := re.search(pattern, shown, re.I | re.M))]
    assert not found, "\n".join(found)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("slug", FREE_IN_CHELM)
def test_free_in_chelm_comes_with_what_residents_still_pay_for(everything, lang, slug):
    shown = everything[(lang, slug)].lower()
    missing = [word for word in OWN_COSTS[lang] if word not in shown]
    assert not missing, f"/{lang}/{slug}/ says the stay can be free; name what residents pay for themselves: {missing}"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("where", sorted(PROCEDURE))
def test_what_a_citizen_also_needs_to_know_is_where_they_look_for_it(client, lang, where):
    slug, section = where
    found = section_text(client, page_path(lang, slug), section)
    assert re.search(PROCEDURE[where][lang], found), f"/{lang}/{slug}/#{section} lacks {PROCEDURE[where][lang]!r} (facts.md §7)"


@pytest.mark.parametrize("lang", LANGS)
def test_wojslawicka_11b_is_never_shown_as_the_office_of_the_chelm_centre(app, client, lang):
    for url in content_urls(app, lang):
        html = client.get(url).get_data(as_text=True)
        main = html[html.index("<main"):html.index("</main>")]
        lines = [re.sub(r"<[^>]+>", "", line) for line in re.split(r"<br ?/?>", main)]
        for before, line in zip(lines, lines[1:]):
            if "Wojsławick" in line and before.strip():
                assert "Pomocy Rodzinie" not in before.strip().splitlines()[-1], f"{url}: the flats' address under MOPR's name (facts.md §7)"


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("slug", ["chelm", "odplatnosc"])
def test_the_monthly_cost_in_chelm_is_dated(client, lang, slug):
    tree = parse(client.get(page_path(lang, slug)).get_data(as_text=True), slug)
    sentences = [s for p in tree.find(".//div[@class='prose']").iter("p") if p.get("class") != "table-note"
                 for s in re.split(r"(?<=[.!?])\s+(?=[A-ZĄĆĘŁŃÓŚŹŻА-ЯІЇЄҐ])", " ".join(text(p).split()))
                 if "1 498,67" in s.replace("\u00a0", " ")]
    assert sentences, f"/{lang}/{slug}/ should give the monthly cost ({{{{chelm_cost}}}})"
    undated = [s for s in sentences if "2018" not in s]
    assert not undated, f"/{lang}/{slug}/: date the monthly cost (since the 2018 resolution): {undated}"
