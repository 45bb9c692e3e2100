"""Numbers and punctuation on content pages, the same way in every language.

- No doubled punctuation: a Ukrainian date from a placeholder already ends
  in "р.", so "{{criterion_since}}." shows "2025 р.." on the page.
- Percent one way per language, as flats.money.format_share writes it:
  Polish and Ukrainian "20 %" with a no-break space, English "20%".
Rendered pages are checked, so placeholders' output counts too.
"""
from __future__ import annotations

import re

import pytest

from flats.money import format_share

from .pagecheck import content_urls, parse, text

DOUBLED = re.compile(r"(?<![.…])\.\.(?!\.)|[,;:][.,;:!?]|\s[.,;:!?](?=\s|$)")
PERCENT = re.compile(r"\d[\s\u00a0\u202f]*%")


def shown(client, url) -> str:
    return text(parse(client.get(url).get_data(as_text=True), url).find(".//main"))


def raw(client, url) -> str:
    """The page's text with its spaces as they are (text() folds no-break spaces)."""
    return "".join(parse(client.get(url).get_data(as_text=True), url).find(".//main").itertext())


def test_no_content_page_has_doubled_punctuation(app, client):
    found = {url: m.group(0) for url in content_urls(app) if (m := DOUBLED.search(shown(client, url)))}
    assert not found, ("doubled punctuation (a Ukrainian date placeholder ends in “р.”: "
                       f"do not add a full stop after it): {found}")


@pytest.mark.parametrize("lang", ["pl", "en", "uk"])
def test_percent_is_written_one_way_per_language(app, client, lang):
    way = format_share(20, lang)[2:]  # what stands between the number and the sign, and the sign
    found = {url: [m for m in PERCENT.findall(raw(client, url)) if m[1:] != way] for url in content_urls(app, lang)}
    found = {url: m for url, m in found.items() if m}
    assert not found, f"write percent as “{format_share(20, lang)}” in {lang}: {found}"


def test_the_checks_catch_what_they_should():
    assert DOUBLED.search("з 1 січня 2025 р.. Далі")
    assert DOUBLED.search("kwota ,. dalej") and DOUBLED.search("tekst .")
    assert not DOUBLED.search("ul. Mickiewicza 13, 39-300 Mielec. Tel.: 17 780 53 93… I tak dalej...")
    assert PERCENT.findall("20 % i 30\u00a0% i 40%") == ["0 %", "0\u00a0%", "0%"]
    assert format_share(20, "pl") == "20\u00a0%" and format_share(20, "en") == "20%"


def test_link_targets_are_never_touched_by_typography(app):
    """No-break spaces belong in text, never in an address: a map search with one inside `%C5%82` breaks."""
    import re as _re
    from .helpers import ROUTES
    client = app.test_client()
    bad = []
    for url in ROUTES:
        html = client.get(url).get_data(as_text=True)
        for href in _re.findall(r'href="([^"]*)"', html):
            if any(mark in href for mark in ("\u00a0", "\u202f", "%C2%A0", "%c2%a0", "%E2%80%AF", "%e2%80%af")):
                bad.append(f"{url}: {href}")
    assert not bad, "typography inside link targets:\n" + "\n".join(bad)


# Ukrainian writes its apostrophe one way, the typographic ’ (U+2019), as the content pages do:
# not the typewriter ' nor the modifier letter ʼ (U+02BC) between letters ("сім’я", "з’явиться").
UK_APOSTROPHE = re.compile(r"(?<=[а-щьюяґєії])['\u02bc`´](?=[а-щьюяґєії])", re.IGNORECASE)


def test_ukrainian_uses_one_apostrophe_everywhere():
    from pathlib import Path

    from babel.messages.pofile import read_po
    root = Path(__file__).resolve().parents[1]
    texts = {str(p.relative_to(root)): p.read_text(encoding="utf-8")
             for p in [*sorted((root / "content" / "uk").glob("*.md")),
                       *sorted((root / "content" / "facilities").glob("*/*.yaml")), root / "content" / "glossary.yaml"]}
    with (root / "translations" / "uk" / "LC_MESSAGES" / "messages.po").open("rb") as f:
        for m in read_po(f):
            for s in (m.string if isinstance(m.string, tuple) else (m.string,)):
                if m.id and s:
                    texts[f"translations/uk msgid {str(m.id)[:40]!r}"] = s
    found = [f"{where}: {m.group(0)!r} in “{text[max(0, m.start() - 12):m.end() + 12]}”"
             for where, text in texts.items() for m in UK_APOSTROPHE.finditer(text)]
    assert not found, "write the Ukrainian apostrophe as ’ (сім’я):\n  " + "\n  ".join(found)


def test_the_apostrophe_check_catches_what_it_should():
    assert UK_APOSTROPHE.search("сім'я") and UK_APOSTROPHE.search("сімʼя") and not UK_APOSTROPHE.search("сім’я")
    assert not UK_APOSTROPHE.search("don't 'quoted'")


def test_a_ukrainian_interface_dash_never_starts_a_line():
    """“Ваш дохід — 1 650 zł”: a no-break space before the dash keeps it at the end of the line
    (at 200 % text a line holds some 20 letters, and a dash at a line's start reads as a list)."""
    from pathlib import Path

    from babel.messages.pofile import read_po
    path = Path(__file__).resolve().parents[1] / "translations" / "uk" / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as f:
        loose = [str(m.id)[:50] for m in read_po(f) if m.id
                 for s in (m.string if isinstance(m.string, tuple) else (m.string,)) if re.search(r" [—–]", s)]
    assert not loose, "write a no-break space before a dash (\\u00a0—):\n  " + "\n  ".join(loose)
