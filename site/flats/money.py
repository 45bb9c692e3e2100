"""Money in and out: one parser for what people type, one formatter for the site.

Amounts are always `Decimal`, never float. Every language shows money the
Polish way (pl_PL), because these are Polish zloty on Polish forms:
`format_money(Decimal("1498.67")) == "1\xa0498,67\xa0zł"`.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from babel.numbers import format_currency

from . import vocabulary as vocab

GROSZ = Decimal("0.01")

# How people write an income, as one grammar that Python, JavaScript and the
# OpenAPI document all read, with ordinary, no-break or thin spaces, from 0 to
# vocabulary.INCOME_MAX (a power of ten):
#
# - The amount: 1650 · 1650,5 · 1 650,00 · 1.650,00 (Polish: dot for thousands,
#   comma for grosze) · 1650.00 · 1,650.00 (English: comma for thousands, dot
#   for the cents) · 1650,- (whole złoty).
# - The currency, if any, either after the amount (1650 zł, 1650zł, 1650 zł.)
#   or before it (PLN 1650, zł 1650, PLN 1,650.00), never both, written as
#   people write złoty in Polish (zł, zł., zl, złotych, złote, złoty), English
#   (zloty, zlotys), Ukrainian (зл, зл., злотих, злоті, злотий, злотого) or
#   Russian (злотых, злотые, злотый), or PLN, in any letter case.
# - Ambiguity: a dot or comma followed by exactly three digits and nothing
#   else ("1.650", "1,650", "PLN 1,650") is refused as `ambiguous` whatever the
#   currency: it could be thousands or decimals. With grosze after it, the
#   other mark is read as thousands: "1,650.00" and "1.650,00" are 1650.00.
#   Polish and English both write two digits of grosze, so a mark followed by
#   one or two digits is always the decimal mark ("1650,5", "1650.50").
# - Hryvnias (1650 грн, 1650 гривень, UAH 1650, ₴1650) are read as such and
#   refused as `other_currency`, so that the message can ask for złoty: the
#   named group `foreign` (Python and JavaScript only; the OpenAPI pattern
#   leaves it out, since the API does not accept it either).
_GAP = "[ \u00a0\u202f]"  # between thousands, and between the amount and the currency
_EDGE = "[ \t\n\r\u00a0\u202f]*"  # around the amount
_DASH = "[-\u2013]"  # 1650,- and 1650,–
_AMOUNT_CHARS = "[0-9 \t\n\r\u00a0\u202f.,\u2013-]"  # what may follow a currency written first


def _letters(word: str) -> str:
    """`word` in any letter case, ł also as l: zł -> [zZ][łŁlL]."""
    def one(c: str) -> str:
        if c == "ł":
            return "[łŁlL]"
        return f"[{c.lower()}{c.upper()}]" if c.isalpha() else re.escape(c)
    return "".join(one(c) for c in word)


# Written as few letters as possible: every self-check page ships the grammar.
_L = _letters
_CURRENCY = (f"(?:{_L('zł')}(?:{_L('ot')}(?:{_L('y')}(?:{_L('ch')}|{_L('s')})?|{_L('e')})|\\.)?"  # zł. złotych złoty
             f"|{_L('зл')}(?:{_L('от')}(?:[иИыЫ][хХйЙ]|{_L('і')}|{_L('ого')}|{_L('ые')})|\\.)?"  # зл. злотих злотий
             f"|{_L('pln')})")
_FOREIGN = (f"(?:{_L('гр')}(?:{_L('н')}\\.?|{_L('ив')}(?:[нН][яЯіІаАыЫ]|{_L('ен')}{_L('ь')}?))"  # грн гривня гривень
            f"|{_L('hry')}(?:{_L('w')}(?:[nN][aAyY]|{_L('ien')})|{_L('vn')}(?:{_L('ia')}{_L('s')}?|{_L('ya')}))"
            f"|{_L('uah')}|\u20b4)")  # ₴
WHOLE_GROUPS = ("whole", "dotted", "commaed", "top")
FRACTION_GROUPS = ("fraction", "dfraction", "cfraction")


def income_digits(top: Decimal | None = None) -> int:
    """How many digits an income below the ceiling has at most (5 for 100 000)."""
    top = vocab.INCOME_MAX if top is None else top
    digits = len(str(int(top))) - 1
    if top != Decimal(10) ** digits or not 4 <= digits <= 6:
        raise ValueError(f"INCOME_MAX must be 10 000, 100 000 or 1 000 000, not {top}")
    return digits


def income_grammar(flavour: str = "python") -> str:
    """The income grammar as a regular expression: flavour `python`, `js` (named groups) or `plain`."""
    return _grammar(flavour, vocab.INCOME_MAX)  # written once per ceiling; a changed ceiling takes effect


@lru_cache(maxsize=16)
def _grammar(flavour: str, top: Decimal) -> str:
    def group(name: str, body: str) -> str:
        return {"python": f"(?P<{name}>{body})", "js": f"(?<{name}>{body})", "plain": f"(?:{body})"}[flavour]
    digits = income_digits(top)  # below the top: at most `digits` digits, e.g. 999 999
    head = digits - 3
    below = f"[0-9]{{1,{digits}}}|[0-9]{{1,{head}}}{_GAP}[0-9]{{3}}"
    zeros = "0" * 3
    top = "|".join(f"1{'0' * (digits % 3)}" + f"(?:{sep}{zeros}){{{digits // 3}}}" for sep in ("", _GAP, "\\.", ","))
    alternatives = (
        group("whole", below) + "(?:[.,]" + group("fraction", "[0-9]{1,2}") + f"|[.,]{_DASH})?",
        group("dotted", f"[0-9]{{1,{head}}}\\.[0-9]{{3}}") + "(?:," + group("dfraction", "[0-9]{1,2}") + f"|,{_DASH})",
        group("commaed", f"[0-9]{{1,{head}}},[0-9]{{3}}") + "\\." + group("cfraction", "[0-9]{1,2}"),
        group("top", top) + f"(?:[.,]00?|[.,]{_DASH})?",
    )
    zloty = _in_zloty(f"(?:{'|'.join(alternatives)})")
    if flavour == "plain":  # the OpenAPI pattern: only what the API accepts
        return f"^{_EDGE}{zloty}{_EDGE}$"
    loose = f"[0-9][0-9 \u00a0\u202f.,]*(?:[.,]{_DASH})?"  # any amount, however written
    foreign = group("foreign", f"{_FOREIGN}{_GAP}?{loose}|{loose}{_GAP}?{_FOREIGN}")
    return f"^{_EDGE}(?:{zloty}|{foreign}){_EDGE}$"


def _in_zloty(amount: str) -> str:
    """`amount` with złoty written after it, before it (then nothing but the amount follows) or not at all."""
    return f"(?:{_CURRENCY}{_GAP}?(?={_AMOUNT_CHARS}*$))?{amount}(?:{_GAP}?{_CURRENCY})?"


def ambiguous_grammar() -> str:
    """What could be thousands or decimals: "1.650", "1,650 zł", "PLN 1,650"."""
    return f"^{_EDGE}{_in_zloty('[0-9]{1,3}[.,][0-9]{3}')}{_EDGE}$"


def too_large_grammar() -> str:
    """Money in a plausible form but with more whole digits than the ceiling allows."""
    amount = f"[0-9][0-9 \u00a0\u202f.,]*(?:[.,][0-9]{{1,2}}|[.,]{_DASH})?"
    return f"^{_EDGE}{_in_zloty(amount)}{_EDGE}$"


class IncomeError(ValueError):
    """An income that cannot be read; `kind` says why: ambiguous · too_large · other_currency · not_money."""

    def __init__(self, kind: str, text: str):
        self.kind = kind
        super().__init__(f"{kind}: {text!r}")


def parse_income(text: str) -> Decimal:
    """A monthly income from 0 to vocabulary.INCOME_MAX as people write it; IncomeError otherwise."""
    if not isinstance(text, str) or len(text) > 64:
        raise IncomeError("not_money", str(text)[:64])
    match = re.match(income_grammar(), text)
    if match is None:
        if re.match(ambiguous_grammar(), text):
            raise IncomeError("ambiguous", text)
        if re.match(too_large_grammar(), text) and sum(c.isdigit() for c in text) > income_digits():
            raise IncomeError("too_large", text)
        raise IncomeError("not_money", text)
    if match["foreign"]:
        raise IncomeError("other_currency", text)
    whole = next(match[name] for name in WHOLE_GROUPS if match[name])
    fraction = next((match[name] for name in FRACTION_GROUPS if match[name]), None) or "0"
    return Decimal(re.sub("[^0-9]", "", whole) + "." + fraction.ljust(2, "0")).quantize(GROSZ)


def income_pattern() -> str:
    """The grammar as the OpenAPI document writes it (ECMA-262, no named groups)."""
    return income_grammar("plain")


def format_money(amount: Decimal) -> str:
    """Show an amount the way the whole site does: `1 498,67 zł` (no-break spaces)."""
    _require_decimal(amount)
    return _formatted(amount)


@lru_cache(maxsize=4096)
def _formatted(amount: Decimal) -> str:
    # Babel parses the currency pattern on every call; the same amounts recur on every page.
    return format_currency(amount, "PLN", locale="pl_PL")


# How each language writes a whole percentage: Polish and Ukrainian with a
# no-break space ("30 %"), English without ("30%"). One way per language.
PERCENT = {"pl": "{}\u00a0%", "uk": "{}\u00a0%", "en": "{}%"}


def format_share(value: int, lang: str) -> str:
    """A whole percentage (a share of a cost, a bracket's edge) the way `lang` writes it."""
    if type(value) is not int:
        raise TypeError(f"expected a whole number, got {type(value).__name__}")
    return PERCENT[lang].format(value)


def _require_decimal(value: object) -> None:
    # A float here means money went through binary floating point somewhere.
    if not isinstance(value, Decimal):
        raise TypeError(f"expected Decimal, got {type(value).__name__}")
