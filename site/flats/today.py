"""What "today" is: only views ask, and the engine is always given a date."""
from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from flask import current_app, has_app_context

WARSAW = ZoneInfo("Europe/Warsaw")


def today() -> dt.date:
    """Today in Warsaw, or the configured FIXED_DATE (tests, reproducible builds)."""
    return today_for(current_app.config if has_app_context() else {})


def today_for(config) -> dt.date:
    fixed = config.get("FIXED_DATE")
    if fixed:
        return fixed if isinstance(fixed, dt.date) else dt.date.fromisoformat(fixed)
    return dt.datetime.now(WARSAW).date()
