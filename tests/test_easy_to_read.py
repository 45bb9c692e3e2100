"""The easy-to-read page follows what can be checked of Inclusion Europe's "Information for all".

One sentence per line, whole złoty, no percentages, the 3-month trial in
Chełm, and a title that calls the page easy to read (tekst łatwy do
czytania), not plain language. Explaining every hard word where it first
appears cannot be checked by a program: read the page.
"""
from __future__ import annotations

import re

import pytest

from .pagecheck import parse, text

URL = "/{lang}/tekst-latwy-do-czytania/"
EASY_TO_READ = {"pl": r"łatw\w* do czytania", "en": r"easy-to-read", "uk": r"легк\w* читанн"}  # "легке читання", the Ukrainian name of the format
PLAIN_LANGUAGE = {"pl": r"prost\w* język|język\w* prost", "en": r"plain (?:language|English)",
                  "uk": r"прост\w* мов"}
TRIAL = {"pl": r"3 miesiące .*okres\w* próbn", "en": r"3 months .*trial period", "uk": r"3 місяці .*випробувальн"}
SENTENCE_END = re.compile(r"[.!?…](?=[\s\u00a0\u202f]+\S)")
BLOCKS = ("p", "li", "h2", "h3", "td", "th")


@pytest.fixture(params=["pl", "en", "uk"])
def lang(request):
    return request.param


def prose(client, lang):
    url = URL.format(lang=lang)
    return parse(client.get(url).get_data(as_text=True), url).find(".//div[@class='prose']")


def lines(block) -> list[str]:
    """A block's text cut at each <br>; a <time> counts as one word (its "р." is not a full stop)."""
    out, current = [], [block.text or ""]

    def walk(el):
        for child in el:
            if child.tag == "br":
                out.append("".join(current))
                current.clear()
            elif child.tag == "time":
                current.append("DATE")
            elif child.tag not in BLOCKS:
                current.append(child.text or "")
                walk(child)
            current.append(child.tail or "")

    walk(block)
    out.append("".join(current))
    return [" ".join(line.split()) for line in out if line.strip()]


def test_the_page_has_one_sentence_per_line(client, lang):
    long = [line for el in prose(client, lang).iter() if el.tag in BLOCKS for line in lines(el)
            if len(SENTENCE_END.findall(line)) > 0]
    assert not long, (f"{URL.format(lang=lang)}: put each sentence on its own line "
                      f"(end the line with a backslash, or start a new list item): {long}")


def test_amounts_are_whole_zloty_and_there_are_no_percentages(client, lang):
    shown = text(prose(client, lang))
    decimals = re.findall(r"\d+[.,]\d+", shown)
    assert not decimals, f"{URL.format(lang=lang)}: write whole złoty ({{{{criterion_single_whole}}}}), not {decimals}"
    assert "%" not in shown, f"{URL.format(lang=lang)}: no percentages in easy-to-read text"


def test_the_page_calls_itself_easy_to_read_not_plain_language(client, lang):
    tree = parse(client.get(URL.format(lang=lang)).get_data(as_text=True), lang)
    assert re.search(EASY_TO_READ[lang], text(tree.find(".//h1")), re.I), "the title names the page easy to read"
    shown = text(tree.find(".//main"))
    assert re.search(EASY_TO_READ[lang], shown, re.I)
    plain = re.search(PLAIN_LANGUAGE[lang], shown, re.I)
    assert not plain, f"easy-to-read text is not plain language: {plain.group(0)!r}"


def test_the_page_names_the_3_month_trial_in_chelm(client, lang):
    shown = " ".join(text(prose(client, lang)).split())
    assert re.search(TRIAL[lang], shown, re.I), "seed 001: a place in Chełm may start with a 3-month trial"


def test_the_line_splitter_sees_two_sentences_on_one_line():
    block = parse("<!doctype html><html lang=pl><head><title>t</title></head><body><p>Jedno zdanie.<br>"
                  "Dwa zdania. Tu drugie.<br>Od <time datetime='2025-01-01'>1 січня 2025 р.</time> діє.</p>"
                  "</body></html>", "t").find(".//p")
    assert lines(block) == ["Jedno zdanie.", "Dwa zdania. Tu drugie.", "Od DATE діє."]
    assert [len(SENTENCE_END.findall(line)) for line in lines(block)] == [0, 1, 0]
