"""Money in and out: one parser for what people type, one formatter for the site.

Amounts are always `Decimal`, never float. Every language shows money the
Polish way (pl_PL), because these are Polish zloty on Polish forms:
`format_money(Decimal("1498.67")) == "1\xa0498,67\xa0zł"`.
"""

from __future__ import annotations

import re
from decimal import Decimal

from babel.numbers import format_currency, format_decimal

from . import vocabulary as vocab

GROSZ = Decimal("0.01")

# Spaces people put between thousands: regular, no-break, narrow no-break.
_SPACE = "[ \u00a0\u202f]"
# ASCII digits only: `\d` would also accept Arabic-Indic and other digits.
_MONEY = re.compile(
    r"(?P<whole>[0-9]{1,3}(?:" + _SPACE + r"[0-9]{3})+|[0-9]+)"
    r"(?:[.,](?P<fraction>[0-9]{1,2}))?"
    r"(?:" + _SPACE + r"?(?:zł|PLN))?",
    re.IGNORECASE,
)


def parse_money(text: str) -> Decimal:
    """Read an amount written as `1234,56`, `1 234,56`, `1234.56`, `1 234,56 zł` or `1234`.

    Raises ValueError for anything else: negative amounts, letters,
    three or more decimals, or mixed separators such as `1.234,56`.
    """
    if not isinstance(text, str):
        raise ValueError(f"expected text, got {type(text).__name__}")
    match = _MONEY.fullmatch(text.strip())
    if match is None:
        raise ValueError(f"not an amount of money: {text!r} (write it like 1234,56)")
    whole = re.sub(_SPACE, "", match["whole"])
    fraction = match["fraction"] or "0"
    return Decimal(f"{whole}.{fraction}").quantize(GROSZ)


_SP = "[ \u00a0\u202f]"


def income_pattern() -> str:
    """The incomes the self-check accepts, from 0 to vocabulary.INCOME_MAX, as one regular expression.

    Shared by the form, the API's validation, the OpenAPI document and the
    frozen site's script; written so Python and JavaScript read it alike.
    """
    top = vocab.INCOME_MAX
    digits = len(str(int(top))) - 1
    if top != Decimal(10) ** digits or digits < 4:
        raise ValueError(f"INCOME_MAX must be a power of ten of at least 10 000, not {top}")
    groups = (digits - 1) // 3  # thousands groups below the top, e.g. 999 999 has one
    head = digits - 3 * groups
    grouped = f"[0-9]{{1,{head}}}(?:{_SP}[0-9]{{3}}){{{groups}}}" + "|" + "|".join(
        f"[0-9]{{1,3}}(?:{_SP}[0-9]{{3}}){{{n}}}" for n in range(1, groups)) if groups > 1 else \
        f"[0-9]{{1,{head}}}{_SP}[0-9]{{3}}"
    top_plain = "1" + "0" * digits
    top_grouped = "1" + "0" * (digits % 3) + f"(?:{_SP}000){{{digits // 3}}}" if digits % 3 == 0 else None
    exact = top_plain + "(?:[.,]00?)?" + (f"|{top_grouped}(?:[.,]00?)?" if top_grouped else "")
    return (
        "^[ \\t\\n\\r]*(?:(?:[0-9]{1," + str(digits) + "}|" + grouped + ")(?:[.,][0-9]{1,2})?"
        "|" + exact + ")"
        "(?:" + _SP + "?(?:[zZ][łŁ]|[pP][lL][nN]))?[ \\t\\n\\r]*$"
    )


def parse_income(text: str) -> Decimal:
    """A monthly income from 0 to vocabulary.INCOME_MAX in one of the accepted formats."""
    if not isinstance(text, str) or not re.match(income_pattern(), text):
        raise ValueError(f"not an income from 0 to {vocab.INCOME_MAX} zł: {text!r}")
    return parse_money(text)


def format_money(amount: Decimal) -> str:
    """Show an amount the way the whole site does: `1 498,67 zł` (no-break spaces)."""
    _require_decimal(amount)
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
