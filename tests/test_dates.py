"""Dates one way per language (flats.dates): "1 stycznia 2025 r.", "1 January 2025", "1 січня 2025 р.".

A Polish or Ukrainian date ends in the year's abbreviation and its full stop,
so no text may put another full stop right after a date: not the content
pages (tests/test_typography.py reads them rendered), not the interface
strings, not the staff page's review notes.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from flask_babel import force_locale

from flats import create_app
from flats.dates import format_day

from .pagecheck import parse, text

ROOT = Path(__file__).resolve().parents[1]
# The interface strings' parameters that are dates (format_day or the staff page's time()).
DATE_PARAMS = ("date", "due", "since")
DOUBLED = re.compile(r"(?<![.…])\.\.(?!\.)")


@pytest.mark.parametrize("lang, shown", [("pl", "1 stycznia 2025 r."), ("en", "1 January 2025"),
                                         ("uk", "1 січня 2025 р.")])
def test_a_date_is_written_one_way_per_language(app, lang, shown):
    with app.test_request_context(), force_locale(lang):
        assert format_day(dt.date(2025, 1, 1)) == shown
        assert format_day(dt.date(2026, 11, 23)).startswith("23 ")


@pytest.mark.parametrize("lang", ["pl", "uk"])  # an English date has no abbreviation
def test_no_interface_string_puts_a_full_stop_right_after_a_date(lang):
    with (ROOT / "translations" / lang / "LC_MESSAGES" / "messages.po").open("rb") as f:
        catalog = read_po(f)
    after_date = re.compile(r"%\((?:" + "|".join(DATE_PARAMS) + r")\)s\.")
    found = [s for m in catalog if m.id
             for s in (m.string if isinstance(m.string, tuple) else (m.string,)) if after_date.search(s or "")]
    assert not found, f"translations/{lang}: a date already ends in its full stop; reword so it is not last:\n" \
                      + "\n".join(found)


@pytest.mark.parametrize("lang", ["pl", "uk"])
def test_the_staff_page_review_notes_have_no_doubled_full_stop_even_when_the_review_is_due(lang):
    client = create_app({"TESTING": True, "PAGE_CACHE": False, "FIXED_DATE": "2028-01-02"}).test_client()
    shown = text(parse(client.get(f"/{lang}/dla-pracownikow/").get_data(as_text=True), lang).find(".//main"))
    assert "2028" in shown and not DOUBLED.search(shown), DOUBLED.search(shown)
