"""Dates as the site writes them: one format per language, day before month."""
from __future__ import annotations

import datetime as dt

from flask_babel import format_date, get_locale

# CLDR's "long" date is "November 24, 2026" in English (US order) and ends in
# "р." in Ukrainian, which doubles the full stop at the end of a sentence. The
# site writes "24 November 2026" and "24 листопада 2026".
PATTERNS = {"en": "d MMMM y", "uk": "d MMMM y"}


def format_day(day: dt.date) -> str:
    """`day` in the current language: "24 listopada 2026", "24 November 2026", "24 листопада 2026"."""
    locale = get_locale()
    return format_date(day, PATTERNS.get(locale.language if locale else "", "long"))
