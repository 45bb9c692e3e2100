"""A result page, rendered once for each state and filled with what the person typed.

A result page depends on the facility, the language, the day, the choices
made (yes/no, situations, household) and the outcome — a bounded set — and
on a few strings of the person's own: the income and household size as
typed, the fee sentence that names the income, and those answers in the
summary. The page is rendered once per state with markers in their place;
each request only puts its own strings, escaped, where the markers stand.
Nothing typed is kept: the stored page holds the markers, never a value.
"""
from __future__ import annotations

import re

from markupsafe import escape

from ..money import format_money
from .steps import ENGINE

# NUL characters never occur in a page, so a marker cannot be mistaken for text.
MARKERS = {name: f"\x00{name}\x00" for name in ("income_typed", "size_typed", "income_answer", "fee_text")}
STORE = "flats.result_pages"  # in app.extensions, through cache.remember
LIMIT = 512  # states kept: every facility and language of a few days over
_SPLIT = re.compile("\x00(" + "|".join(MARKERS) + ")\x00")


def key(page: dict, outcome) -> tuple:
    """Everything the page shows except the person's own strings."""
    given, raw = page["given"], page["posted"].raw
    chosen = tuple((name, given[name]) for name in ENGINE if name in given)
    # Whether a text box was posted at all changes the page (a marker, or no hidden answer to carry).
    posted = tuple(bool(raw.get(name)) for name in ("household_size", "income"))
    fee = outcome.fee
    return (page["facility"], page["lang"], page["today"], page["frozen"], chosen, given.get("household_size"),
            "income" in given, posted, outcome.status, outcome.reasons, outcome.documents, outcome.stay,
            None if fee is None else (fee.kind, fee.amount))


def typed(posted) -> dict[str, str]:
    """{marker name: what the person typed} for the text answers (forms.Posted)."""
    return {"income_typed": (posted.raw.get("income") or [""])[0],
            "size_typed": (posted.raw.get("household_size") or [""])[0]}


def put_markers(form) -> None:
    """Markers in place of what was typed, for rendering the page to keep (the form is used up by it)."""
    for name, marker in (("income", MARKERS["income_typed"]), ("household_size", MARKERS["size_typed"])):
        field = form[name]
        field.raw_data, field.data = ([marker], marker) if field.raw_data else (field.raw_data, field.data)


def keep(page: str) -> tuple:
    """The page as it is kept: its UTF-8 bytes cut at the markers, with each marker's name between.

    (bytes, name, bytes, name, …, bytes): filling it is one join, with no search and no re-encoding.
    """
    parts = _SPLIT.split(page)
    return tuple(part.encode() if i % 2 == 0 else part for i, part in enumerate(parts))


def fill(kept: tuple, values: dict[str, str]) -> bytes:
    """The kept page with the person's strings, escaped, where the markers stood."""
    parts = list(kept)
    for i in range(1, len(parts), 2):
        parts[i] = str(escape(values[parts[i]])).encode()
    return b"".join(parts)


def values(page: dict) -> dict[str, str]:
    """{marker name: this person's string} for the kept page (see fill)."""
    return {**typed(page["posted"]), **income_answer(page["given"]), "fee_text": page["fee_text"]}


def income_answer(given: dict) -> dict[str, str]:
    """The summary's income, as the site writes it."""
    return {"income_answer": format_money(given["income"]) if "income" in given else ""}
