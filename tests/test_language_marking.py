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

from .helpers import CARE_LEAVER, NEEDS_CARE, NOT_RESIDENT_FAMILY, PENSIONER, ROUTES
from .pagecheck import content_urls, parse, text_with_language, without_templates

POLISH_LETTERS = re.compile(r"[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]")
# Words that stand in English and Ukrainian text as they are.
ALLOWED = re.compile(r"\bChełm\b|(?<=\d)[\s\u00a0\u202f]*zł\b|\bzł(?=[\s\u00a0\u202f]*\d)")


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
