"""Money in and out: one parser for what people type, one formatter for the site.

Amounts are always `Decimal`, never float. Every language shows money the
Polish way (pl_PL), because these are Polish zloty on Polish forms:
`format_money(Decimal("1498.67")) == "1\xa0498,67\xa0zł"`.
"""

from __future__ import annotations

import re
from decimal import Decimal

from babel.numbers import format_currency, format_decimal

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
# The incomes the self-check accepts, as one regular expression shared by the
# form, the API's OpenAPI document and the frozen site's script: the formats
# above, from 0 to 1 000 000 zł. Written so Python and JavaScript read it alike.
INCOME_PATTERN = (
    "^[ \\t\\n\\r]*(?:(?:[0-9]{1,6}|[0-9]{1,3}" + _SP + "[0-9]{3})(?:[.,][0-9]{1,2})?"
    "|1(?:000){2}(?:[.,]00?)?|1(?:" + _SP + "000){2}(?:[.,]00?)?)"
    "(?:" + _SP + "?(?:[zZ][łŁ]|[pP][lL][nN]))?[ \\t\\n\\r]*$"
)
_INCOME = re.compile(INCOME_PATTERN)


def parse_income(text: str) -> Decimal:
    """A monthly income from 0 to 1 000 000 zł in one of the accepted formats."""
    if not isinstance(text, str) or not _INCOME.match(text):
        raise ValueError(f"not an income from 0 to 1 000 000 zł: {text!r}")
    return parse_money(text)


def format_money(amount: Decimal) -> str:
    """Show an amount the way the whole site does: `1 498,67 zł` (no-break spaces)."""
    _require_decimal(amount)
    return format_currency(amount, "PLN", locale="pl_PL")


def format_percent(value: Decimal) -> str:
    """Show a percentage with two decimals, Polish style: `138,61 %` (no-break space)."""
    _require_decimal(value)
    return format_decimal(value, format="#,##0.00", locale="pl_PL") + "\u00a0%"


def _require_decimal(value: object) -> None:
    # A float here means money went through binary floating point somewhere.
    if not isinstance(value, Decimal):
        raise TypeError(f"expected Decimal, got {type(value).__name__}")
