"""Money as people type it, and money as the site shows it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from flats.money import format_money, format_share, parse_money

NBSP, NNBSP = "\u00a0", "\u202f"


@pytest.mark.parametrize("text, amount", [
    ("1234,56", "1234.56"),
    ("1 234,56", "1234.56"),
    ("1234.56", "1234.56"),
    ("1 234,56 zł", "1234.56"),
    ("1234", "1234.00"),
    (f"1{NBSP}234,56", "1234.56"),
    (f"1{NNBSP}234,56{NBSP}zł", "1234.56"),
    ("1 000 000", "1000000.00"),
    ("  1234,5  ", "1234.50"),
    ("1234 PLN", "1234.00"),
    ("1234zł", "1234.00"),
    ("0", "0.00"),
    ("0,01", "0.01"),
])
def test_parse_money_reads_the_ways_people_write_amounts(text, amount):
    parsed = parse_money(text)
    assert parsed == Decimal(amount) and parsed.as_tuple().exponent == -2


@pytest.mark.parametrize("text", [
    "", " ", "-100", "-1,00", "+100", "abc", "12a", "1234,567", "1.234,56", "1,234.56",
    "1 23,00", "12 34", "1  234", "1e3", "NaN", "Infinity", "1,", ",50", "zł", "١٢٣",
    "1234 EUR", "1234 zł zł", "1_234",
])
def test_parse_money_refuses_anything_else(text):
    with pytest.raises(ValueError):
        parse_money(text)


def test_parse_money_refuses_non_text():
    with pytest.raises(ValueError):
        parse_money(12.5)


@pytest.mark.parametrize("amount, shown", [
    ("1498.67", f"1{NBSP}498,67{NBSP}zł"),
    ("299.73", f"299,73{NBSP}zł"),
    ("0", f"0,00{NBSP}zł"),
    ("1000000", f"1{NBSP}000{NBSP}000,00{NBSP}zł"),
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
    for amount in ("0.01", "1498.67", "1234567.89"):
        assert parse_money(format_money(Decimal(amount))) == Decimal(amount)
