"""Settings: defaults here, then FLATS_* environment variables (app.config.from_prefixed_env).

Nothing secret is needed: the site stores nothing and sets no cookie.
Examples: FLATS_CONTENT_DIR=/srv/flats/content, FLATS_HSTS=true, FLATS_FIXED_DATE='"2026-03-01"'.
"""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


class Config:
    CONTENT_DIR = ROOT / "content"
    TRANSLATIONS_DIR = ROOT / "translations"
    BABEL_DEFAULT_LOCALE = "pl"
    BABEL_DEFAULT_TIMEZONE = "Europe/Warsaw"
    MAX_CONTENT_LENGTH = 64 * 1024
    # The forms change nothing on the server, so a CSRF token would protect
    # nothing and would need a session cookie; see README.
    WTF_CSRF_ENABLED = False
    SESSION_COOKIE_NAME = "none"
    HSTS = False  # set FLATS_HSTS=true once the site is served over HTTPS only
    PAGE_CACHE = True  # rendered GET pages kept in memory for the day (cache.py)
    LOAD_CONTENT = True
    FROZEN_BUILD = False
    FIXED_DATE = None  # "YYYY-MM-DD": the day the site treats as today (tests, reproducible builds)
    TESTING = False
