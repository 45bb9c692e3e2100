"""Money as people type it, and money as the site shows it."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from flats.money import IncomeError, format_money, format_share, income_grammar, income_pattern, parse_income

NBSP, NNBSP = "\u00a0", "\u202f"


# Every way of writing an income the site reads, with its value. The same table
# is read by check.js in Chromium (tests/test_money_browser.py).
ACCEPTED = [
    ("1650", "1650.00"), ("1650,5", "1650.50"), ("1 650,00", "1650.00"), ("1.650,00", "1650.00"),
    ("1650.00", "1650.00"), ("1650,-", "1650.00"), ("1650,–", "1650.00"), ("1650 zł", "1650.00"),
    ("1650 zl", "1650.00"), ("1650 złotych", "1650.00"), ("1650 zlotych", "1650.00"), ("1650 PLN", "1650.00"),
    ("1650zł", "1650.00"), ("1650 ZŁ", "1650.00"), (f"1{NBSP}650,00{NBSP}zł", "1650.00"),
    (f"1{NNBSP}650", "1650.00"), ("1,650.00", "1650.00"), ("12.345,67", "12345.67"), ("  1234,5  ", "1234.50"),
    ("0", "0.00"), ("0,01", "0.01"), ("999999,99", "999999.99"), ("1 000 000", "1000000.00"),
    ("1.000.000,00 zł", "1000000.00"), ("1000000,00", "1000000.00"),
    # the currency after the amount, as Polish, English, Ukrainian and Russian speakers write złoty
    ("1650 zł.", "1650.00"), ("1650 zl.", "1650.00"), ("1650,50 zł.", "1650.50"), ("1650 złote", "1650.00"),
    ("1650 złoty", "1650.00"), ("1650 zloty", "1650.00"), ("1650 zlotys", "1650.00"), ("1650 pln", "1650.00"),
    ("1650 зл", "1650.00"), ("1650 зл.", "1650.00"), ("1650зл", "1650.00"), ("1650 ЗЛ", "1650.00"),
    ("1650 злотих", "1650.00"), ("1 650 злотих", "1650.00"), ("1650 злоті", "1650.00"),
    ("1650 злотий", "1650.00"), ("1650 Злотих", "1650.00"), ("1650 злотых", "1650.00"),
    (f"1{NBSP}650,50{NBSP}зл", "1650.50"),
    # the currency before the amount
    ("PLN 1650", "1650.00"), ("PLN1650", "1650.00"), ("pln 1650", "1650.00"), ("PLN 1,650.00", "1650.00"),
    ("PLN 1.650,00", "1650.00"), ("PLN 1 650,50", "1650.50"), ("PLN 1650.5", "1650.50"), ("zł 1650", "1650.00"),
    ("zł. 1650", "1650.00"), ("zl 1650", "1650.00"), ("зл 1650", "1650.00"), ("  PLN 1650  ", "1650.00"),
    ("PLN 1 000 000", "1000000.00"),
]
REFUSED = [
    ("1.650", "ambiguous"), ("1,650", "ambiguous"), ("1,650 zł", "ambiguous"), ("99.999", "ambiguous"),
    ("PLN 1,650", "ambiguous"), ("PLN 1.650", "ambiguous"), ("1.650 зл", "ambiguous"), ("zł 1,650", "ambiguous"),
    ("1 000 001", "too_large"), ("2000000", "too_large"), ("2 000 000 zł", "too_large"),
    ("PLN 2000000", "too_large"), ("2000000 злотих", "too_large"),
    ("1650 грн", "other_currency"), ("1650 грн.", "other_currency"), ("1650грн", "other_currency"),
    ("1 650 гривень", "other_currency"), ("1650 гривні", "other_currency"), ("1650 UAH", "other_currency"),
    ("UAH 1650", "other_currency"), ("₴1650", "other_currency"), ("1650 ₴", "other_currency"),
    ("1650 hrywien", "other_currency"), ("1650 hryvnias", "other_currency"), ("1.650 грн", "other_currency"),
    ("", "not_money"), (" ", "not_money"), ("-100", "not_money"), ("+100", "not_money"), ("abc", "not_money"),
    ("1e3", "not_money"), ("NaN", "not_money"), ("12 34", "not_money"), ("1  234", "not_money"),
    ("1234 EUR", "not_money"), ("1234 zł zł", "not_money"), ("١٢٣", "not_money"), ("1_234", "not_money"),
    (",50", "not_money"), ("1,", "not_money"), ("9" * 5000, "not_money"),
    ("PLN 1650 zł", "not_money"), ("zł 1650 PLN", "not_money"), ("zł", "not_money"), ("PLN", "not_money"),
    ("грн", "not_money"), ("1650 zł..", "not_money"), ("1650 злотийх", "not_money"), ("1650 гроші", "not_money"),
    ("PLN -1650", "not_money"), ("1650 PLN.", "not_money"), ("1650 zł 50 gr", "not_money"),
]


@pytest.mark.parametrize("text, amount", ACCEPTED)
def test_an_income_is_read_however_people_write_it(text, amount):
    parsed = parse_income(text)
    assert parsed == Decimal(amount) and parsed.as_tuple().exponent == -2


@pytest.mark.parametrize("text, kind", REFUSED)
def test_anything_else_is_refused_saying_why(text, kind):
    with pytest.raises(IncomeError) as caught:
        parse_income(text)
    assert caught.value.kind == kind


def test_python_javascript_and_openapi_read_the_same_grammar():
    python, js, plain = income_grammar("python"), income_grammar("js"), income_pattern()
    assert js == python.replace("(?P<", "(?<")
    # The OpenAPI pattern is the same grammar without names and without the hryvnia branch.
    edge = "[ \t\n\r\u00a0\u202f]*"
    zloty = plain.removeprefix(f"^{edge}").removesuffix(f"{edge}$")
    assert re.sub(r"\(\?P<\w+>", "(?:", python).startswith(f"^{edge}(?:{zloty}|(?:")
    for text, _ in ACCEPTED:
        assert re.match(plain, text) and re.match(python, text)
    for text, kind in REFUSED:
        assert not re.match(plain, text), text
        assert bool(re.match(python, text)) == (kind == "other_currency"), text


@pytest.mark.parametrize("amount, shown", [
    ("0", f"0,00{NBSP}zł"), ("1498.67", f"1{NBSP}498,67{NBSP}zł"), ("1010", f"1{NBSP}010,00{NBSP}zł"),
    ("1234567.89", f"1{NBSP}234{NBSP}567,89{NBSP}zł"),
])
def test_format_money_shows_polish_zloty_with_no_break_spaces(amount, shown):
    assert format_money(Decimal(amount)) == shown


@pytest.mark.parametrize("lang, shown", [("pl", f"30{NBSP}%"), ("uk", f"30{NBSP}%"), ("en", "30%")])
def test_a_share_is_a_whole_percentage_written_one_way_per_language(lang, shown):
    assert format_share(30, lang) == shown


def test_formatters_refuse_floats():
    with pytest.raises(TypeError):
        format_money(1498.67)
    with pytest.raises(TypeError):
        format_share(30.0, "pl")


def test_what_the_site_shows_reads_back_as_the_same_amount():
    for amount in ("0.01", "1498.67", "999999.99"):
        assert parse_income(format_money(Decimal(amount))) == Decimal(amount)
