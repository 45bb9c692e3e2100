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

from markupsafe import escape

from ..money import format_money
from .steps import ENGINE

# NUL characters never occur in a page, so a marker cannot be mistaken for text.
MARKERS = {name: f"\x00{name}\x00" for name in ("income_typed", "size_typed", "income_answer", "fee_text")}
LIMIT = 512  # states kept: every facility and language of a few days over


def key(page: dict, outcome, rules_date) -> tuple:
    """Everything the page shows except the person's own strings."""
    given, form = page["given"], page["form"]
    chosen = tuple((name, given[name]) for name in ENGINE if name in given)
    # Whether a text box was posted at all changes the page (a marker, or no hidden answer to carry).
    posted = tuple(bool(form[name].raw_data) for name in ("household_size", "income"))
    fee = outcome.fee
    return (page["facility"], page["lang"], rules_date, page["frozen"], chosen, given.get("household_size"),
            "income" in given, posted, outcome.status, outcome.reasons, outcome.documents, outcome.stay,
            None if fee is None else (fee.kind, fee.amount))


def typed(form) -> dict[str, str]:
    """{marker: what the person typed} for the text answers."""
    return {MARKERS["income_typed"]: (form.income.raw_data or [""])[0],
            MARKERS["size_typed"]: (form.household_size.raw_data or [""])[0]}


def put_markers(form) -> None:
    """Markers in place of what was typed, for rendering the page to keep (the form is used up by it)."""
    for name, marker in (("income", MARKERS["income_typed"]), ("household_size", MARKERS["size_typed"])):
        field = form[name]
        field.raw_data, field.data = ([marker], marker) if field.raw_data else (field.raw_data, field.data)


def fill(page: str, values: dict[str, str]) -> str:
    """The stored page with the person's strings, escaped, where the markers stand."""
    for marker, value in values.items():
        page = page.replace(marker, str(escape(value)))
    return page


def income_answer(given: dict) -> dict[str, str]:
    """The summary's income, as the site writes it."""
    return {MARKERS["income_answer"]: format_money(given["income"]) if "income" in given else ""}
