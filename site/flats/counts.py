"""A count with its noun in the right form for the number: "22 miejsca", "25 miejsc", "24 місця".

Counts (places, rooms, flats) live once in a facility's rules.yaml and reach
every text from there; Polish and Ukrainian nouns take one of three forms by
the number (Babel's plural rules tell which), English one of two.
"""
from __future__ import annotations

from babel import Locale

NOUNS = {
    "places": {"pl": {"one": "miejsce", "few": "miejsca", "many": "miejsc", "other": "miejsca"},
               "uk": {"one": "місце", "few": "місця", "many": "місць", "other": "місця"},
               "en": {"one": "place", "other": "places"}},
    "rooms": {"pl": {"one": "pokój", "few": "pokoje", "many": "pokoi", "other": "pokoju"},
              "uk": {"one": "кімната", "few": "кімнати", "many": "кімнат", "other": "кімнати"},
              "en": {"one": "room", "other": "rooms"}},
    "flats": {"pl": {"one": "mieszkanie", "few": "mieszkania", "many": "mieszkań", "other": "mieszkania"},
              "uk": {"one": "квартира", "few": "квартири", "many": "квартир", "other": "квартири"},
              "en": {"one": "flat", "other": "flats"}},
}


def count(number: int, noun: str, lang: str) -> str:
    """`number` and `noun` ("places", "rooms", "flats") in `lang`, joined by a no-break space."""
    form = Locale.parse(lang).plural_form(number)
    forms = NOUNS[noun][lang]
    return f"{number}\u00a0{forms.get(form, forms['other'])}"


def fill(text: str, lang: str, **numbers: int) -> str:
    """`text` with each {noun} ({places}, {rooms} …) replaced by its count in words of `lang`."""
    for noun, number in numbers.items():
        key = noun if noun in NOUNS else "places"
        text = text.replace("{" + noun + "}", count(number, key, lang))
    return text
