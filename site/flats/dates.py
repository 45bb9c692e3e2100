"""Dates as the site writes them: one format per language, day before month."""
from __future__ import annotations

import datetime as dt

from flask_babel import format_date, get_locale

# One style per language, day before month: "1 stycznia 2025 r.", "1 January 2025",
# "1 січня 2025 р.". CLDR's "long" date would be "January 1, 2025" in English and
# leaves the "r." out in Polish, so the site spells its own patterns out.
# A Polish or Ukrainian date ends in the year's abbreviation and its full stop:
# a text never puts another full stop right after a date (content/README.md,
# tests/test_typography.py).
PATTERNS = {"pl": "d MMMM y 'r.'", "en": "d MMMM y", "uk": "d MMMM y 'р.'"}


def format_day(day: dt.date) -> str:
    """`day` in the current language: "24 listopada 2026 r.", "24 November 2026", "24 листопада 2026 р."."""
    locale = get_locale()
    return format_date(day, PATTERNS.get(locale.language if locale else "", PATTERNS["pl"]))
