"""Issue 21, points 3, 4 and 6: wording known to be wrong stays gone, what a citizen also needs is where
they look for it, and the easy-to-read page has pictures with text alternatives and explains its steps.

Facts: ../shared/seeds and ../shared/facts.md (§2 the Chełm cost, §4 the 2023 change, §7, §8).
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from flats import markdown
from flats.content import page_path
from flats.data import site_data

from .pagecheck import parse, section_elements, text

LANGS = ("pl", "en", "uk")
CONTENT = Path(__file__).resolve().parents[1] / "content"
SPACES = re.compile(r"[\s\u00a0\u202f]+")

# (language, pattern, why): said before and wrong. The home page (index) is checked too.
WRONG = [
    ("pl", r"na rękę", "an idiom: say what counts (after tax and contributions)"),
    ("pl", r"prowadzą (?:je )?(?:miejskie )?ośrodki pomocy społecznej", "MOPR is an ośrodek pomocy rodzinie"),
    ("pl", r"mieszkania działają jako mieszkania wspierane", "the 2018 kinds of flat ended on 1 November 2023 (facts.md §4)"),
    ("pl", r"zaczynać? się od 3 miesięcy na próbę", "seed 001: a place for a set time may be a 3-month trial period"),
    ("en", r"pay yourself for", "say “you pay for your own …”"),
    ("en", r"\bover 18\b", "say “18 or older”"),
    ("en", r"\bcare homes?\b", "care institution (placówka) or nursing home (DPS): content/glossary.yaml"),
    ("en", r"flats work as supported-living", "the 2018 kinds of flat ended on 1 November 2023 (facts.md §4)"),
    ("en", r"run by social assistance centres", "MOPR is a family support centre"),
    ("en", r"may start with a 3-month trial", "seed 001: a place for a set time may be a 3-month trial period"),
    ("uk", r"відгук\w* опікун", "опікун is a legal guardian: наставник з питань самостійності"),
    ("uk", r"ухвалила ухвалу", "прийняла ухвалу"),
    ("uk", r"кваліфікує", "a calque: say that the centre agrees to admit you"),
    ("uk", r"Його веде", "Ним керує"),
    ("uk", r"справлят", "давати собі раду, впоратися"),
    ("uk", r"рахуєт|рахуют", "враховують, відлічують, обчислюють"),
    ("uk", r"актуальних обстежень", "нещодавніх обстежень"),
    ("uk", r"пенсі\w* з інвалідності", "пенсія по інвалідності"),
    ("uk", r"Зателефонуйте до житла", "Зателефонуйте за номером житла"),
    ("uk", r"житло працює як підтримуване", "the 2018 kinds of flat ended on 1 November 2023 (facts.md §4)"),
    ("uk", r"ведуть центри соціальної допомоги", "MOPR is a family support centre"),
]
# Pages outside this check's files that still say one of the above (delete when fixed).
KNOWN_ELSEWHERE = {
    ("pl/index", "Prowadzą je miejskie ośrodki pomocy społecznej"),  # content/pl/index.md (the home page, being rewritten)
    ("uk/index", "Його веде"),  # content/uk/index.md
}

# (slug, section): what a citizen also needs, in each language (facts.md §4, §7, §8).
NEEDS = {
    ("jak-zlozyc-wniosek", "krok-kontakt"): {"pl": r"Wszystkie miejsca mogą być zajęte.*lista osób, które czekają",
                                              "en": r"All the places may be taken.*waiting list",
                                              "uk": r"Усі місця можуть бути зайняті.*черга"},
    ("pytania", "wolne-miejsca"): {"pl": r"Wszystkie miejsca mogą być zajęte.*czekają na miejsce",
                                   "en": r"All the places may be taken.*waiting list", "uk": r"Усі місця можуть бути зайняті.*черга"},
    ("chelm", "wniosek"): {"pl": r"Wszystkie miejsca mogą być zajęte", "en": r"All the places may be taken",
                           "uk": r"Усі місця можуть бути зайняті"},
    ("mielec", "jak-dostac-miejsce"): {"pl": r"Wszystkie miejsca mogą być zajęte", "en": r"All the places may be taken",
                                       "uk": r"Усі місця можуть бути зайняті"},
    ("chelm", "koniec-pobytu"): {"pl": r"nie jest najmem.*co dalej", "en": r"not the same as renting.*what comes next",
                                 "uk": r"не оренда.*що далі"},
    ("mielec", "jak-dlugo"): {"pl": r"nie jest najem.*co dalej", "en": r"not the same as renting.*what comes next",
                              "uk": r"не оренда.*що далі"},
    ("pytania", "koniec-pobytu"): {"pl": r"nie jest najem", "en": r"not the same as renting", "uk": r"не оренда"},
    ("mielec", "odplatnosc"): {"pl": r"nie mówi, za co mieszkańcy płacą sami.*Zapytaj",
                               "en": r"does not say what residents pay for themselves.*Ask",
                               "uk": r"не пише, за що мешканці платять самі.*Запитайте"},
    ("odplatnosc", "mielec"): {"pl": r"za co mieszkańcy płacą sami", "en": r"what residents pay for themselves",
                               "uk": r"за що мешканці платять самі"},
    ("jak-zlozyc-wniosek", "jezyk"): {"pl": r"po polsku.*tłumacza.*z rodziny albo znajomy",
                                      "en": r"in Polish.*interpreter.*relative or a friend",
                                      "uk": r"польською.*перекладача.*з родини або знайомий"},
    ("pytania", "jezyk"): {"pl": r"po polsku.*tłumacza.*z rodziny albo znajomy",
                           "en": r"in Polish.*interpreter.*relative or a friend",
                           "uk": r"польською.*перекладача.*з родини або знайомий"},
    ("jak-zlozyc-wniosek", "zanim-zaczniesz"): {"pl": r"obywatelstwa.*art\. 5.*Zapytaj", "en": r"citizenship.*Article 5.*Ask",
                                                 "uk": r"громадянства.*ст\. 5.*Запитайте"},
    ("pytania", "cudzoziemcy"): {"pl": r"art\. 5.*Zapytaj", "en": r"Article 5.*Ask", "uk": r"ст\. 5.*Запитайте"},
    ("jak-zlozyc-wniosek", "odwolanie"): {"pl": r"jest napisane w decyzji", "en": r"The decision says which board",
                                          "uk": r"написано в рішенні"},
    ("pytania", "odwolanie"): {"pl": r"jest napisane w decyzji", "en": r"The decision says which board",
                               "uk": r"написано в рішенні"},
    ("jak-zlozyc-wniosek", "krok-dokumenty"): {"pl": r"zaświadczenie o dochodach netto.*powie Ci ośrodek",
                                                "en": r"certificate of your net income.*centre will tell you",
                                                "uk": r"довідку про чистий дохід.*скаже центр"},
    ("mielec", "dokumenty"): {"pl": r"jakie dokumenty pokażą Twoje dochody", "en": r"which documents show your income",
                              "uk": r"які документи покажуть ваші доходи"},
    # Seed 001 names only the single-person criterion: say where the family rule comes from (art. 97).
    ("chelm", "odplatnosc"): {"pl": r"tylko kryterium dla osoby.*art\. 97", "en": r"only the criterion for a person.*Article 97",
                              "uk": r"лише критерій для людини.*ст\. 97"},
    ("pytania", "czy-bezplatny"): {"pl": r"tylko kryterium dla osoby.*art\. 97", "en": r"only the criterion for a person.*Article 97",
                                   "uk": r"лише критерій для людини.*ст\. 97"},
    ("odplatnosc", "bezplatnie"): {"pl": r"art\. 97.*tylko kryterium dla osoby", "en": r"Article 97.*only the criterion for a person",
                                   "uk": r"ст\. 97.*лише критерій для людини"},
    # facts.md §2: the cost is read from the 2018 table; ask for today's amount.
    ("chelm", "odplatnosc"): {"pl": r"2018.*zapytaj w ośrodku, ile wynosi dziś",
                              "en": r"2018.*ask the centre what it is today",
                              "uk": r"2018.*запитайте в центрі, скільки вона становить сьогодні"},
    ("odplatnosc", "chelm"): {"pl": r"2018.*zapytaj w ośrodku, ile wynosi dziś", "en": r"2018.*ask the centre what it is today",
                              "uk": r"2018.*запитайте в центрі, скільки вона становить сьогодні"},
    # The older-people stay: no set end date, and no trial period said of it (seed 001).
    ("chelm", "jak-dlugo"): {"pl": r"Starsze osoby samotne dostają miejsce bez ustalonej daty końca",
                             "en": r"Older people living alone get a place with no set end date",
                             "uk": r"Літні самотні люди отримують місце без визначеної дати завершення"},
}
# The pictures the easy-to-read page shows, at least.
PICTURES = 6
EXPLAINED_IN_THE_STEPS = {"pl": ["Wniosek to pismo|Napisz w nim", "wywiad środowiskowy", "Decyzja to pismo"],
                          "en": ["Write the application", "home interview", "A decision is a letter"],
                          "uk": ["Напишіть заяву", "співбесіда вдома", "Рішення — це лист"]}
CHECKED_BY_READERS = re.compile(r"sprawdz\w* (?:go |ją |tekst )?osoby z niepełnosprawnością intelektualną|"
                                r"checked by (?:people|readers) with (?:an )?intellectual|"
                                r"перевіри\w* люди з інтелектуальн", re.I)


def flat(el) -> str:
    return SPACES.sub(" ", text(el))


@pytest.fixture(scope="module")
def shown(app):
    client = app.test_client()
    out = {}
    for lang, slug in site_data(app).content.pages:
        url = page_path(lang, slug)
        out[(lang, slug)] = parse(client.get(url).get_data(as_text=True), url)
    return out


def section(tree, section_id: str) -> str:
    return " ".join(flat(el) for el in section_elements(tree, section_id))


def test_wording_known_to_be_wrong_is_not_said_again(shown):
    found = [f"/{lang}/{slug}/: “{m.group(0)}” – {why}"
             for (lang, slug), tree in sorted(shown.items()) for want, pattern, why in WRONG
             if lang == want and (m := re.search(pattern, flat(tree.find(".//main")), re.I))
             and (f"{lang}/{slug}", m.group(0)) not in KNOWN_ELSEWHERE]
    assert not found, "\n".join(found)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("where", sorted(NEEDS), ids="#".join)
def test_what_a_citizen_also_needs_is_where_they_look(shown, lang, where):
    slug, section_id = where
    found = section(shown[(lang, slug)], section_id)
    assert found, f"/{lang}/{slug}/ has no section #{section_id}"
    assert re.search(NEEDS[where][lang], found, re.S), f"/{lang}/{slug}/#{section_id} lacks {NEEDS[where][lang]!r}"


@pytest.mark.parametrize("lang", LANGS)
def test_the_easy_to_read_page_has_pictograms_with_text_alternatives(shown, lang):
    prose = shown[(lang, "tekst-latwy-do-czytania")].find(".//div[@class='prose']")
    images = list(prose.iter("img"))
    assert len(images) >= PICTURES, f"/{lang}/tekst-latwy-do-czytania/: {len(images)} pictures; show at least {PICTURES}"
    for img in images:
        assert (img.get("alt") or "").strip(), f"/{lang}/tekst-latwy-do-czytania/: a picture without a text alternative"
        assert img.get("src", "").startswith("data:image/svg+xml;base64,"), "the site's own pictograms, inlined"
        assert img.get("width") and img.get("height"), "a picture's size is known before it loads (no layout shift)"
    alts = [img.get("alt") for img in images]
    assert len(set(alts)) == len(alts), f"each picture says what it shows: {alts}"


@pytest.mark.parametrize("lang", LANGS)
def test_the_easy_to_read_steps_explain_their_hard_words_inside_the_list(shown, lang):
    steps = shown[(lang, "tekst-latwy-do-czytania")].find(".//div[@class='prose']").find(".//ol")
    found = flat(steps)
    missing = [word for word in EXPLAINED_IN_THE_STEPS[lang] if not re.search(word, found)]
    assert not missing, f"/{lang}/tekst-latwy-do-czytania/: explain inside the steps: {missing}"


@pytest.mark.parametrize("lang", LANGS)
def test_the_easy_to_read_page_claims_no_check_by_readers_it_did_not_have(shown, lang):
    claim = CHECKED_BY_READERS.search(flat(shown[(lang, "tekst-latwy-do-czytania")].find(".//main")))
    assert not claim, f"only if it is true: {claim.group(0)!r}"


def test_markdown_shows_only_the_sites_pictograms_and_each_with_a_text_alternative():
    links = {"page_url": lambda slug, fragment: "", "site_url": lambda path: path}
    good = markdown.render("![A house](pictograms/mieszkanie.svg)", slug="x", **links)
    assert not good.problems and 'alt="A house"' in good.html and 'src="data:image/svg+xml;base64,' in good.html
    bad = markdown.render("![](pictograms/mieszkanie.svg) ![x](https://example.org/a.png) ![y](pictograms/nope.svg)",
                          slug="x", **links)
    messages = " ".join(message for _, message, _ in bad.problems)
    assert "no text alternative" in messages and messages.count("not one of the site's pictograms") == 2
    assert "example.org" not in bad.html.split('src="')[2]


def test_pictograms_are_simple_self_made_svg():
    folder = Path(markdown.PICTOGRAMS)
    files = sorted(folder.glob("*.svg"))
    assert len(files) >= PICTURES
    for path in files:
        svg = path.read_text(encoding="utf-8")
        assert svg.startswith("<svg ") and "<image" not in svg and "href" not in svg and "<script" not in svg, path.name
        assert "style=" not in svg and len(svg) < 1024, f"{path.name}: presentation attributes only, small"


HAND_DATE = {"pl": r"\b\d{1,2} (?:stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia) \d{4}\b(?! r\.)",
             "uk": r"\b\d{1,2} (?:січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня) \d{4}\b(?! р\.)"}


@pytest.mark.parametrize("lang", ["pl", "uk"])
def test_dates_written_by_hand_end_in_the_year_abbreviation(lang):
    """One style per language: "1 stycznia 2025 r.", "1 січня 2025 р." (dates from placeholders: flats.dates)."""
    found = [f"content/{lang}/{path.name}: {m.group(0)!r}" for path in sorted((CONTENT / lang).glob("*.md"))
             for m in re.finditer(HAND_DATE[lang], path.read_text(encoding="utf-8"))]
    assert not found, "write “r.”/“р.” after the year:\n" + "\n".join(found)
