"""The self-check's income question in three languages: money as people type it is read, and every
message about money says what went wrong and explains grosze in that language's plain words."""
from __future__ import annotations

import re

import pytest

from .helpers import PENSIONER
from .pagecheck import parse, text

# What each refusal shows, and a text that leads to it (None: nothing typed).
TYPED = {"required": None, "ambiguous": "1.650", "too_large": "2000000", "other_currency": "1650 грн",
         "not_money": "abc"}
# How each language explains grosze, in every message that speaks of them.
GROSZE = {"pl": "grosz", "en": "grosze (the cents of a złoty)", "uk": "грошів (копійок злотого)"}
# Ukrainian "гроші", "грошей", "грошима", "грошам(и)" mean money, not grosze.
UK_MONEY = re.compile(r"\bгрош(?:і|ей|има|ам|ами|ах)\b", re.IGNORECASE)


def error(client, lang: str, typed: str | None) -> str:
    answers = {k: v for k, v in PENSIONER.items() if k != "income"}
    data = {**answers, "step": "income", **({"income": typed} if typed is not None else {})}
    response = client.post(f"/{lang}/sprawdz/chelm/", data=data)
    assert response.status_code == 200
    tree = parse(response.get_data(as_text=True), f"/{lang}/sprawdz/chelm/")
    summary = next(el for el in tree.iter("div") if el.get("class") == "error-summary")
    return text(summary.find(".//ul")).replace("\u00a0", " ").strip()


@pytest.mark.parametrize("lang", ["pl", "en", "uk"])
@pytest.mark.parametrize("kind", list(TYPED))
def test_every_income_message_explains_grosze_in_plain_words(client, lang, kind):
    message = error(client, lang, TYPED[kind])
    if kind != "other_currency":  # that one asks for złoty and is not about grosze
        assert GROSZE[lang] in message.lower(), message
    assert "1650" in message, "every message shows how to write it"
    if lang == "uk":
        assert not UK_MONEY.search(message), f"“гроші” means money, not grosze: {message}"
    if TYPED[kind] is not None and kind != "too_large":
        assert TYPED[kind] in message, "the message repeats what was typed"


@pytest.mark.parametrize("lang, words", [("pl", "hrywnach"), ("en", "hryvnias"), ("uk", "гривнях")])
@pytest.mark.parametrize("typed", ["1650 грн", "UAH 1650", "₴ 1650", "1 650 гривень"])
def test_an_amount_in_hryvnias_is_refused_asking_for_zloty(client, lang, words, typed):
    message = error(client, lang, typed)
    assert typed in message and words in message and "(zł)" in message, message


def test_no_ukrainian_catalog_entry_about_money_calls_grosze_money():
    from babel.messages.pofile import read_po
    from pathlib import Path
    path = Path(__file__).resolve().parents[1] / "translations" / "uk" / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as f:
        catalog = read_po(f)
    about = [m for m in catalog if m.id and "grosze" in m.id]
    assert len(about) >= 4
    for m in about:
        assert not UK_MONEY.search(m.string) and "грошів" in m.string, m.string


@pytest.mark.parametrize("typed", ["1650 зл", "1650 злотих", "1 650 злотих", "PLN 1650", "PLN 1,650.00", "zł 1650",
                                   "1650 zł.", "1650 злоті", "ZŁ 1650", "1650 zlotys"])
@pytest.mark.parametrize("lang", ["pl", "uk"])
def test_the_form_reads_money_as_people_type_it(client, lang, typed):
    response = client.post(f"/{lang}/sprawdz/chelm/", data={**PENSIONER, "income": typed, "step": "income"})
    tree = parse(response.get_data(as_text=True), f"/{lang}/sprawdz/chelm/")
    found = {el.get("data-fee-amount") for el in tree.iter("div") if "result" in (el.get("class") or "").split()}
    assert "449.60" in found, typed
