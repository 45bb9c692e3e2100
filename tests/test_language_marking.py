"""Polish inside English and Ukrainian pages is marked as Polish (WCAG 2.1, 3.1.2).

A screen reader reads a passage in the language of its nearest `lang`
ancestor. Names of institutions, documents, addresses and quoted terms in
Polish must sit inside a `lang="pl"` element, or an English or Ukrainian
voice mangles them. Content marks them as `[ul. Mickiewicza 13]{lang=pl}`
(see content/README.md). Polish letters are the tell-tale sign checked here;
the town name Chełm and the currency sign zł are used as they are in English
and Ukrainian text and need no marking.
"""
from __future__ import annotations

import re

import pytest

from flats.data import site_data

from .helpers import CARE_LEAVER, NEEDS_CARE, NOT_RESIDENT_FAMILY, PENSIONER, ROUTES
from .pagecheck import content_urls, parse, text_with_language, without_templates

POLISH_LETTERS = re.compile(r"[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]")
# Words that stand in English and Ukrainian text as they are.
ALLOWED = re.compile(r"\bChełm\b|\bzłoty\b|(?<=\d)[\s\u00a0\u202f]*zł\b|\bzł(?=[\s\u00a0\u202f]*\d)")


def unmarked_polish(tree) -> list[str]:
    """Text with Polish letters whose nearest `lang` ancestor is not Polish."""
    return [" ".join(piece.split()) for piece, lang in text_with_language(tree)
            if lang != "pl" and POLISH_LETTERS.search(ALLOWED.sub("", piece))]


@pytest.mark.parametrize("lang", ["en", "uk"])
def test_polish_on_english_and_ukrainian_content_pages_is_marked_as_polish(app, client, lang):
    problems = {}
    for url in content_urls(app, lang):
        if found := unmarked_polish(parse(client.get(url).get_data(as_text=True), url)):
            problems[url] = found
    assert not problems, (
        "Polish text outside a lang=\"pl\" element; in content/<lang>/*.md write it as "
        "[Polish words]{lang=pl} (a link: [text](page.md){lang=pl}):\n"
        + "\n".join(f"  {url}: {text!r}" for url, texts in problems.items() for text in texts))


def test_the_check_finds_unmarked_polish_and_accepts_marked_polish():
    tree = parse('<!doctype html><html lang="en"><head><title>Chełm</title></head><body>'
                 '<p>The <span lang="pl">Miejski Ośrodek</span> in Chełm, 1 010,00 zł a month.</p>'
                 '<p>Bring your <b>dowód osobisty</b>.</p><p lang="pl">Wniosek <b>złożony</b></p>'
                 '<p>tail <i>x</i> ulica Wojsławicka</p></body></html>', "test")
    assert unmarked_polish(tree) == ["dowód osobisty", "ulica Wojsławicka"]


def test_spans_written_in_content_render_as_lang_pl():
    from flats import markdown
    out = markdown.render("The [Miejski Ośrodek Pomocy Społecznej w Mielcu]{lang=pl} and "
                          "[Regulamin](kontakt.md){lang=pl}.", slug="x",
                          page_url=lambda slug, fragment: f"../{slug}/", site_url=lambda path: path)
    assert '<span lang="pl">Miejski Ośrodek Pomocy Społecznej w Mielcu</span>' in out.html
    assert '<a href="../kontakt/" lang="pl">Regulamin</a>' in out.html
    assert not out.problems


@pytest.mark.parametrize("lang", ["en", "uk"])
def test_polish_on_every_other_english_and_ukrainian_page_is_marked_too(app, client, lang):
    """Self-check steps, the staff page, posters, error pages: everything not written in Markdown."""
    problems = {}
    for url in [u for u in ROUTES if u.startswith(f"/{lang}/")] + [f"/{lang}/no-such-page/"]:
        tree = without_templates(parse(client.get(url).get_data(as_text=True), url))
        if found := unmarked_polish(tree):
            problems[url] = found
    assert not problems, "Polish text outside a lang=\"pl\" element:\n" + "\n".join(
        f"  {url}: {text!r}" for url, texts in problems.items() for text in texts)


@pytest.mark.parametrize("lang", ["en", "uk"])
@pytest.mark.parametrize("facility, answers", [("chelm", PENSIONER), ("mielec", CARE_LEAVER),
                                               ("chelm", NEEDS_CARE), ("mielec", NOT_RESIDENT_FAMILY)])
def test_polish_on_every_kind_of_self_check_result_is_marked(client, lang, facility, answers):
    url = f"/{lang}/sprawdz/{facility}/"
    data = {**answers, "step": "result", "action": "lang"}
    tree = without_templates(parse(client.post(url, data=data).get_data(as_text=True), url))
    assert tree.find(".//div[@data-status]") is not None, "a result was shown"
    assert not unmarked_polish(tree), unmarked_polish(tree)


def polish_names(app) -> set[str]:
    """The Polish names the data holds: each centre's name, its flats' name, its operator and addresses."""
    names = set()
    for facility in site_data(app).facilities.values():
        names |= {facility.name["pl"], facility.name["pl"].split(" w ")[0], facility.operator.name,
                  facility.operator.short, facility.address, facility.operator.address}
    return {n for n in names if n and len(n) > 5}


ENGLISH_WORDS = re.compile(r"\b(or|and|the|of|street|for)\b")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def mislabelled(tree, names: set[str]) -> list[str]:
    """Polish names outside a lang="pl" element (with or without Polish letters), and English or Ukrainian
    words inside one."""
    found = []
    for piece, lang in text_with_language(tree):
        flat = " ".join(piece.split())
        if not flat:
            continue
        if lang != "pl":
            found += [f"unmarked Polish name {n!r} in {flat!r}" for n in names if n in flat]
        elif CYRILLIC.search(flat) or ENGLISH_WORDS.search(flat):
            found.append(f"not Polish inside lang=pl: {flat!r}")
    return found


@pytest.mark.parametrize("lang", ["en", "uk"])
def test_polish_names_from_the_data_are_marked_and_polish_spans_hold_only_polish(app, client, lang):
    """Names without Polish letters too ("Mieszkania Wieloprofilowe Chronione"), on every page, poster and
    result; and never "[OPS, MOPS or GOPS]{lang=pl}" or "[вулиця Mickiewicza 13]{lang=pl}"."""
    names = polish_names(app)
    pages = {url: client.get(url) for url in ROUTES if url.startswith(f"/{lang}/")}
    for facility in site_data(app).facilities:
        for answers in (PENSIONER, CARE_LEAVER, NEEDS_CARE, NOT_RESIDENT_FAMILY):
            pages[f"/{lang}/sprawdz/{facility}/ {sorted(answers)}"] = client.post(
                f"/{lang}/sprawdz/{facility}/", data={**answers, "step": "income"})
    problems = {url: found for url, response in pages.items()
                if (found := mislabelled(without_templates(parse(response.get_data(as_text=True), url)), names))}
    assert not problems, "\n".join(f"  {url}: {p}" for url, found in problems.items() for p in found)


def test_the_name_check_can_fail():
    tree = parse('<!doctype html><html lang="en"><head><title>x</title></head><body>'
                 '<p>Call the flats (Mieszkania Wieloprofilowe Chronione).</p>'
                 '<p><span lang="pl">OPS, MOPS or GOPS</span> <span lang="pl">вулиця Mickiewicza 13</span></p>'
                 '<p><span lang="pl">Mieszkania Treningowe</span></p></body></html>', "test")
    found = mislabelled(tree, {"Mieszkania Wieloprofilowe Chronione", "Mieszkania Treningowe"})
    assert len(found) == 3 and "Mieszkania Treningowe" not in found[0]
