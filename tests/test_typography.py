"""Numbers and punctuation on content pages, the same way in every language.

- No doubled punctuation: a Ukrainian date from a placeholder already ends
  in "р.", so "{{criterion_since}}." shows "2025 р.." on the page.
- Percent as Babel (Unicode CLDR) writes it for pl, en and uk: "20%", no space.
Rendered pages are checked, so placeholders' output counts too.
"""
from __future__ import annotations

import re

import pytest
from babel.numbers import format_percent

from .pagecheck import content_urls, parse, text

DOUBLED = re.compile(r"(?<![.…])\.\.(?!\.)|[,;:][.,;:!?]|\s[.,;:!?](?=\s|$)")
SPACED_PERCENT = re.compile(r"\d[\s\u00a0\u202f]+%")


def shown(client, url) -> str:
    return text(parse(client.get(url).get_data(as_text=True), url).find(".//main"))


def test_no_content_page_has_doubled_punctuation(app, client):
    found = {url: m.group(0) for url in content_urls(app) if (m := DOUBLED.search(shown(client, url)))}
    assert not found, ("doubled punctuation (a Ukrainian date placeholder ends in “р.”: "
                       f"do not add a full stop after it): {found}")


@pytest.mark.parametrize("lang", ["pl", "en", "uk"])
def test_percent_is_written_as_babel_writes_it_for_the_language(app, client, lang):
    assert format_percent(0.2, locale=lang) == "20%", f"CLDR changed the {lang} percent format: update content and this test"
    found = {url: m.group(0) for url in content_urls(app, lang) if (m := SPACED_PERCENT.search(shown(client, url)))}
    assert not found, f"write percent with no space, as “20%”: {found}"


def test_the_checks_catch_what_they_should():
    assert DOUBLED.search("з 1 січня 2025 р.. Далі")
    assert DOUBLED.search("kwota ,. dalej") and DOUBLED.search("tekst .")
    assert not DOUBLED.search("ul. Mickiewicza 13, 39-300 Mielec. Tel.: 17 780 53 93… I tak dalej...")
    assert SPACED_PERCENT.search("20 %") and SPACED_PERCENT.search("20\u00a0%") and not SPACED_PERCENT.search("20%")
