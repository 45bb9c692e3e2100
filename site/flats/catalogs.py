"""Catalog upkeep: `python -m flats.catalogs fill-english` copies each English
msgid into its empty msgstr (the interface is written in English)."""
from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

ENGLISH = Path(__file__).resolve().parents[2] / "translations" / "en" / "LC_MESSAGES" / "messages.po"


def fill_english(path: Path = ENGLISH) -> int:
    with path.open("rb") as f:
        catalog = read_po(f, locale="en")
    filled = 0
    for message in catalog:
        if message.id and not message.string:
            message.string = message.id
            filled += 1
        message.flags.discard("fuzzy")
    with path.open("wb") as f:
        write_po(f, catalog, omit_header=False, width=0, no_location=True)
    return filled


if __name__ == "__main__":
    if sys.argv[1:] != ["fill-english"]:
        sys.exit("usage: python -m flats.catalogs fill-english")
    print(f"filled {fill_english()} English strings")
