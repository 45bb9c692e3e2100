"""Publisher details from content/site.yaml: empty until a real value is given."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from .content import ContentError, Problem

FIELDS = {
    "publisher": ("name", "email", "phone", "bip_url"),
    "data_protection_officer": ("email",),
    "site": ("url", "published", "updated"),
    "accessibility": ("statement_prepared", "reviewed"),
}
DATES = {("site", "published"), ("site", "updated"), ("accessibility", "statement_prepared"),
         ("accessibility", "reviewed")}


def load(path: Path) -> dict:
    """Read and check site.yaml; values are str, or date for the date fields."""
    rel = f"content/{path.name}"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ContentError([Problem(rel, None, f"cannot read ({exc.__class__.__name__})",
                                    "restore the file from the repository and edit values only")])
    problems, out = [], {}
    for section, keys in FIELDS.items():
        values = data.get(section) if isinstance(data.get(section), dict) else {}
        out[section] = {}
        for key in keys:
            value = values.get(key, "")
            if (section, key) in DATES and value not in ("", None):
                if not isinstance(value, dt.date):
                    problems.append(Problem(rel, None, f"{section}.{key} is not a date", "write it as 2026-11-23"))
                out[section][key] = value
            else:
                out[section][key] = "" if value is None else str(value).strip()
    if problems:
        raise ContentError(problems)
    return out
