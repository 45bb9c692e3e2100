"""Settings. Nothing secret is needed: the site stores nothing and sets no cookie."""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


class Config:
    CONTENT_DIR = Path(os.environ.get("FLATS_CONTENT_DIR", ROOT / "content"))
    TRANSLATIONS_DIR = ROOT / "translations"
    BABEL_DEFAULT_LOCALE = "pl"
    BABEL_DEFAULT_TIMEZONE = "Europe/Warsaw"
    MAX_CONTENT_LENGTH = 64 * 1024
    # The forms change nothing on the server, so a CSRF token would protect
    # nothing and would need a session cookie; see README.
    WTF_CSRF_ENABLED = False
    SESSION_COOKIE_NAME = "none"
    HSTS = os.environ.get("FLATS_HSTS") == "1"
    TESTING = False
