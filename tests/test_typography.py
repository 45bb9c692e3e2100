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
