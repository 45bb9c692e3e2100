"""Site and publisher details from content/site.yaml: empty until a real value is given."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from .content import ContentError, Problem
from .rules.codes import LANGS
from .rules.yamlfile import load_yaml

FIELDS = {
    "publisher": ("name", "email", "phone", "bip_url"),
    "data_protection_officer": ("email",),
    "site": ("url", "published", "updated"),
    "accessibility": ("statement_prepared", "reviewed"),
}
DATES = {("site", "published"), ("site", "updated"), ("accessibility", "statement_prepared"),
         ("accessibility", "reviewed")}


def load(path: Path) -> dict:
    """Read and check site.yaml; values are str, or date for the date fields; site.name per language."""
    rel = str(path)
    try:
        data = load_yaml(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ContentError([Problem(rel, mark.line + 1 if mark else None, f"cannot be read ({exc})",
                                    "restore the file from the repository and edit values only")]) from None
    problems, out = [], {}
    for section, keys in FIELDS.items():
        values = data.get(section) if isinstance(data.get(section), dict) else {}
        out[section] = {}
        for key in keys:
            value = values.get(key, "")
            if (section, key) in DATES and value not in ("", None):
                if not isinstance(value, dt.date):
                    problems.append(Problem(rel, getattr(values, "line", None), f"{section}.{key} is not a date",
                                            "write it as 2026-11-23"))
                out[section][key] = value
            else:
                out[section][key] = "" if value is None else str(value).strip()
    out["site"]["name"] = _names(data.get("site") or {}, rel, problems)
    if problems:
        raise ContentError(problems)
    return out


def _names(site: dict, rel: str, problems: list) -> dict[str, str]:
    """The site's name in every language: the title of every page and the brand in its header."""
    names = site.get("name")
    if not isinstance(names, dict) or any(not isinstance(names.get(lang), str) or not names[lang].strip()
                                          for lang in LANGS):
        problems.append(Problem(rel, getattr(site, "line", None), "site.name needs a name in every language",
                                f"write site: name: with {', '.join(f'{lang}:' for lang in LANGS)} lines"))
        return {lang: "" for lang in LANGS}
    return {lang: names[lang].strip() for lang in LANGS}
