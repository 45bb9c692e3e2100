"""Catalog upkeep after `pybabel update`: `python -m flats.catalogs fill-english`
copies each English msgid into its empty msgstr (the interface is written in
English) and gives every catalog a clean, non-fuzzy header."""
from __future__ import annotations

import sys
from datetime import datetime, timezone
from pathlib import Path

from babel.messages.pofile import read_po, write_po

TRANSLATIONS = Path(__file__).resolve().parents[2] / "translations"
ENGLISH = TRANSLATIONS / "en" / "LC_MESSAGES" / "messages.po"
HEADER = "Interface strings of the flats site. Edit msgstr lines only; see README."


def fill_english(path: Path = ENGLISH) -> int:
    with path.open("rb") as f:
        catalog = read_po(f, locale="en")
    filled = 0
    for message in catalog:
        if message.id and not (all(message.string) if isinstance(message.string, tuple) else message.string):
            message.string = message.id  # a plural's (singular, plural) is English's two forms
            filled += 1
        message.flags.discard("fuzzy")
    with path.open("wb") as f:
        write_po(f, catalog, omit_header=False, width=0, no_location=True)
    return filled


def clean_headers() -> None:
    for path in sorted(TRANSLATIONS.glob("*/LC_MESSAGES/messages.po")):
        with path.open("rb") as f:
            catalog = read_po(f, locale=path.parts[-3])
        catalog.fuzzy = False
        catalog.revision_date = datetime.now(timezone.utc)
        catalog.project, catalog.version = "flats", "1"
        catalog.header_comment = "# " + HEADER
        catalog.msgid_bugs_address = ""
        catalog.last_translator = catalog.language_team = "flats team"
        with path.open("wb") as f:
            write_po(f, catalog, width=0, no_location=True)


if __name__ == "__main__":
    if sys.argv[1:] != ["fill-english"]:
        sys.exit("usage: python -m flats.catalogs fill-english")
    print(f"filled {fill_english()} English strings")
    clean_headers()
