"""Regular expressions generated from the vocabulary, read alike by Python and JavaScript.

The OpenAPI document, the API's validation and the frozen site's script use
the same text, so what the schema allows is exactly what is accepted.
"""
from __future__ import annotations

import calendar
import datetime as dt

LAST_YEAR = 2099  # dates the API takes run to the end of this year


def number_range(low: int, high: int, width: int) -> str:
    """A regex for the integers low..high written with exactly `width` digits (zero-padded)."""
    if low > high:
        raise ValueError(f"empty range {low}..{high}")
    lo, hi = f"{low:0{width}d}", f"{high:0{width}d}"
    if len(lo) != width or len(hi) != width:
        raise ValueError(f"{high} does not fit in {width} digits")
    return "(?:" + "|".join(_ranges(lo, hi)) + ")"


def _ranges(lo: str, hi: str) -> list[str]:
    """Alternatives matching every digit string from lo to hi (same length)."""
    if not lo:
        return [""]
    if lo == hi:
        return [lo]
    if lo[0] == hi[0]:
        return [lo[0] + rest for rest in _ranges(lo[1:], hi[1:])]
    rest = len(lo) - 1
    nines, zeros = "9" * rest, "0" * rest
    out = [lo[0] + r for r in _ranges(lo[1:], nines)] if lo[1:] != zeros else []
    first = int(lo[0]) + (0 if lo[1:] == zeros else 1)
    last = int(hi[0]) - (0 if hi[1:] == nines else 1)
    if first <= last:
        digit = str(first) if first == last else f"[{first}-{last}]"
        out.append(digit + "[0-9]" * rest)
    if hi[1:] != nines:
        out += [hi[0] + r for r in _ranges(zeros, hi[1:])]
    return out


def _days(year_pattern: str, months: range, first_day: int = 1) -> list[str]:
    """Month-day alternatives for the given months, February without its 29th."""
    out = []
    for month in months:
        last = 28 if month == 2 else calendar.monthrange(2001, month)[1]
        if first_day <= last:
            out.append(f"{month:02d}-{number_range(first_day, last, 2)}")
        first_day = 1
    return [f"{year_pattern}-(?:{'|'.join(out)})"] if out else []


def date_pattern(first: dt.date, last_year: int = LAST_YEAR) -> str:
    """Every real calendar date from `first` to the end of `last_year`, as YYYY-MM-DD."""
    y, m, d = first.year, first.month, first.day
    parts = _days(str(y), range(m, m + 1), d) + _days(str(y), range(m + 1, 13))
    if y < last_year:
        parts += _days(number_range(y + 1, last_year, 4), range(1, 13))
    leap = [str(year) for year in range(y, last_year + 1)
            if calendar.isleap(year) and dt.date(year, 2, 29) >= first]
    if leap:
        parts.append(f"(?:{'|'.join(leap)})-02-29")
    return "^(?:" + "|".join(parts) + ")$"
