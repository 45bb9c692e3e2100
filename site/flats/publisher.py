"""Site and publisher details from content/site.yaml: empty until a real value is given."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import yaml

from .content import ContentError, Problem
from .rules.codes import LANGS
from .rules.yamlfile import describe, load_yaml

FIELDS = {
    "publisher": ("name", "address", "email", "phone", "bip_url"),
    "data_protection_officer": ("email",),
    "site": ("url", "published", "updated"),
    "accessibility": ("statement_prepared", "reviewed"),
}
DATES = {("site", "published"), ("site", "updated"), ("accessibility", "statement_prepared"),
         ("accessibility", "reviewed")}


def _l(text: str) -> str:
    """Marks a message for the catalogs; the staff page translates it where it shows it."""
    return text


# What staff are told is not published yet (staff page, `make check-content`,
# `flask rules check`): each value that public pages say "not published yet" for.
PUBLISHED = {
    ("publisher", "name"): _l("the name of the body that publishes this site"),
    ("publisher", "email"): _l("the publisher's e-mail address"),
    ("publisher", "phone"): _l("the publisher's phone number"),
    ("publisher", "bip_url"): _l("the address of the publisher's Public Information Bulletin (BIP)"),
    ("data_protection_officer", "email"): _l("the data protection officer's e-mail address"),
    ("site", "url"): _l("the site's own public address"),
}


# Values the public pages show only once given, and leave out (saying nothing) while empty:
# for the people who keep the content only, so not translated.
SHOWN_WHEN_GIVEN = {
    ("publisher", "address"): "the publisher's postal address",
}


def missing(site: dict) -> list[tuple[str, str]]:
    """(`section.key`, what it is) for every publisher detail still empty."""
    return [(f"{section}.{key}", what) for (section, key), what in PUBLISHED.items() if not site[section][key]]


def warnings(path: Path, site: dict) -> list[str]:
    """One line per missing detail (and a plain-http address), for the people who keep the content."""
    lines = [f"warning: {path}: {key} is empty, so the public pages say {what} is not published yet. "
             f"Fix: write the confirmed value there." for key, what in missing(site)]
    lines += [f"warning: {path}: {section}.{key} is empty, so the public pages leave out {what}. "
              f"Fix: write the confirmed value there." for (section, key), what in SHOWN_WHEN_GIVEN.items()
              if not site[section][key]]
    if site["publisher"]["address"] and not site["publisher"]["name"]:
        lines.append(f"warning: {path}: publisher.address is given but publisher.name is empty, so the public pages "
                     "leave the address out (they show it after the name). Fix: write the publisher's name too.")
    if site["site"]["url"].lower().startswith("http://"):
        lines.append(f"warning: {path}: site.url starts with http://: visitors' answers would cross the network "
                     "unencrypted. Fix: serve the site over HTTPS and write https://.")
    return lines


def load(path: Path) -> dict:
    """Read and check site.yaml; values are str, or date for the date fields; site.name per language."""
    rel = str(path)
    try:
        data = load_yaml(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        line, what = describe(exc) if isinstance(exc, yaml.YAMLError) else (None, str(exc))
        raise ContentError([Problem(rel, line, f"cannot be read ({what})",
                                    "correct that line; edit values only, keep the keys as they are")]) from None
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
    problems += _address_problems(out["publisher"], data, rel)
    for section, key in (("site", "url"), ("publisher", "bip_url")):
        if out[section][key] and not ADDRESS.match(out[section][key]):
            problems.append(Problem(rel, _line(data, section, key), f"{section}.{key} {out[section][key]!r} is not a "
                                    "web address", "write the whole address, e.g. https://www.example.gov.pl/mieszkania/"))
    if problems:
        raise ContentError(problems)
    return out


# An absolute web address: https (or http, which `make check-content` warns about), a host, a path.
ADDRESS = re.compile(r"^https?://[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?(?::[0-9]{1,5})?(?:/[A-Za-z0-9._~%/-]*)?$", re.I)


# A Polish postal code: two digits, a hyphen, three digits ("39-300").
POSTAL_CODE = re.compile(r"(?<!\d)\d{2}-\d{3}(?!\d)")


def _address_problems(given: dict, data: dict, rel: str) -> list[Problem]:
    """The publisher's postal address: one line, with a postal code."""
    address, line = given["address"], _line(data, "publisher", "address")
    if not address:
        return []
    if "\n" in address or not POSTAL_CODE.search(address):
        return [Problem(rel, line, f"publisher.address {address!r} is not a postal address on one line",
                        "write it as the street, the number, the postal code and the town on one line, "
                        "e.g. ul. Przykładowa 1, 00-001 Przykładowo")]
    return []


def _line(data: dict, section: str, key: str) -> int | None:
    """The line of `section.key` (the loader keeps each key's line), for a message."""
    node = data.get(section)
    return getattr(node, "key_lines", {}).get(key) or getattr(node, "line", None)


def _names(site: dict, rel: str, problems: list) -> dict[str, str]:
    """The site's name in every language: the title of every page and the brand in its header."""
    names = site.get("name")
    if not isinstance(names, dict) or any(not isinstance(names.get(lang), str) or not names[lang].strip()
                                          for lang in LANGS):
        problems.append(Problem(rel, getattr(site, "line", None), "site.name needs a name in every language",
                                f"write site: name: with {', '.join(f'{lang}:' for lang in LANGS)} lines"))
        return {lang: "" for lang in LANGS}
    return {lang: names[lang].strip() for lang in LANGS}


AND = {"pl": "i", "en": "and", "uk": "та"}


def with_places(names: dict[str, str], centres) -> dict[str, str]:
    """The site's names with `{in_towns}` replaced by every facility's `in_town`, in their order, joined
    with "and" ("w A i w B"), so a centre added by data is in the site's name too."""
    def towns(lang: str) -> str:
        parts = [c.in_town[lang] for c in centres]
        return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} {AND[lang]} {parts[-1]}"
    return {lang: name.replace("{in_towns}", towns(lang)) if centres else name for lang, name in names.items()}
