"""Read who runs a facility, where it is and whom to call (content/facilities/<code>/facility.yaml):
the fields of its Facility that facility.yaml gives. Values a page needs in a sentence come in every
language, with the grammatical forms the sentence needs ("w Mielcu", "у Мельці")."""

from __future__ import annotations

import re
from types import MappingProxyType

from .. import counts
from .codes import LANGS
from .facility import Labels, Operator, Phone, Poster
from .reader import Node, Reader

PHONE = re.compile(r"^[0-9]{2,3}( [0-9]{2,3}){2,3}$")
PHONE_CODE = re.compile(r"^[a-z0-9_]+$")
KEYS = {"order", "page", "name", "town", "in_town", "operator", "address", "contacts_source", "phones",
        "fee_note", "poster"}
OPTIONAL = {"contact_note", "fee_note_when"}
FEE_NOTE_WHEN = ("always", "paid")  # the fee note next to every fee, or only where the stay is paid


def read_about(r: Reader) -> dict:
    """The fields of a Facility that facility.yaml gives, by name; every problem noted on `r`."""
    root = r.root
    r.keys(root, KEYS, OPTIONAL)
    operator = r.get(root, "operator", dict, "write operator: with name:, short: and address:") or Node()
    r.keys(operator, {"name", "short", "address"}, {"meaning"})
    poster = r.get(root, "poster", dict, "write poster: with lead:, who:, apply: and fee:") or Node()
    r.keys(poster, {"lead", "who", "apply", "fee"})
    return dict(
        order=r.integer(root, "order", minimum=1),
        page=r.text(root, "page"),
        name=_texts(r, root, "name"),
        town=_texts(r, root, "town"),
        in_town=_texts(r, root, "in_town"),
        operator=Operator(r.text(operator, "name"), r.text(operator, "short"), _optional(r, operator, "address"),
                          _meaning(r, operator)),
        address=r.text(root, "address"),
        source=r.text(root, "contacts_source"),
        phones=_phones(r, root),
        fee_note=_texts(r, root, "fee_note"),
        fee_note_when=_fee_note_when(r, root),
        poster=Poster(_texts(r, poster, "lead"), _list(r, poster, "who"), _list(r, poster, "apply"),
                      _texts(r, poster, "fee")),
        contact_note=_texts(r, root, "contact_note") if "contact_note" in root else MappingProxyType({}),
    )


def _meaning(r: Reader, operator: Node) -> Labels:
    """What the operator's Polish name means, in English and Ukrainian (optional)."""
    if "meaning" not in operator:
        return MappingProxyType({})
    node = r.get(operator, "meaning", dict, "write meaning: with en: and uk: lines") or Node()
    r.keys(node, {"en", "uk"})
    return MappingProxyType({lang: r.text(node, lang) for lang in ("en", "uk")})


def _fee_note_when(r: Reader, node: Node) -> str:
    value = r.get(node, "fee_note_when", str, f"write one of {', '.join(FEE_NOTE_WHEN)}") or "always"
    if value not in FEE_NOTE_WHEN:
        r.problem(node, f"fee_note_when {value!r}", f"write one of {', '.join(FEE_NOTE_WHEN)}")
    return value


def _texts(r: Reader, node: Node, key: str) -> Labels:
    return MappingProxyType(r.texts(node, key))


def _list(r: Reader, node: Node, key: str) -> tuple[Labels, ...]:
    items = r.nodes(node, key)
    if key in node and not items:
        r.problem(node, f"{key!r} is empty", "add at least one item with pl:, en: and uk:")
    out = []
    for item in items:
        r.keys(item, set(LANGS))
        out.append(MappingProxyType({lang: r.text(item, lang) for lang in LANGS}))
    return tuple(out)


def _optional(r: Reader, node: Node, key: str) -> str:
    """A text that may be "" when the sources do not give it (never a made-up value)."""
    value = r.get(node, key, str, f"write {key!r} as text, or \"\" when it is not known")
    return (value or "").strip()


def _phones(r: Reader, root: Node) -> tuple[Phone, ...]:
    nodes = r.nodes(root, "phones")
    phones = tuple(_phone(r, node) for node in nodes)
    seen = set()
    for node, phone in zip(nodes, phones):
        if phone.code and phone.code in seen:
            r.problem(node, f"two phones with code {phone.code!r}", "give each phone its own code:")
        seen.add(phone.code)
    return phones


def _phone(r: Reader, node: Node) -> Phone:
    r.keys(node, {"number", "who"}, {"code"})
    number = r.text(node, "number")
    if number is not None and not PHONE.match(number):
        r.problem(node, f"phone number {number!r}", 'write it in groups of digits, e.g. "17 780 53 94"')
    code = _optional(r, node, "code") if "code" in node else ""
    if code and not PHONE_CODE.match(code):
        r.problem(node, f"phone code {code!r}", "write lowercase letters, digits and _, e.g. coordinator")
    return Phone(number or "", _texts(r, node, "who"), code)


def with_counts(about: dict, rules: dict) -> dict:
    """facility.yaml's texts with every count from rules.yaml in words: {places} (all its places),
    {places:<group code>}, {rooms}, {flats} ("25 miejsc", "24 місця"). A new mapping: `about` is kept."""
    groups = rules.get("groups") or ()
    numbers = {"places": sum(g.places or 0 for g in groups), "rooms": rules.get("rooms") or 0,
               "flats": rules.get("flats") or 0, **{f"places:{g.code}": g.places for g in groups}}

    def fill(labels: Labels) -> Labels:
        return MappingProxyType({lang: _fill(text, lang, numbers) if text else text for lang, text in labels.items()})

    poster = about["poster"]
    return {**about, "fee_note": fill(about["fee_note"]), "contact_note": fill(about["contact_note"]),
            "poster": Poster(fill(poster.lead), tuple(map(fill, poster.who)), tuple(map(fill, poster.apply)),
                             fill(poster.fee))}


def _fill(text: str, lang: str, numbers: dict) -> str:
    for key, number in numbers.items():
        if "{" + key + "}" in text:
            text = text.replace("{" + key + "}", counts.count(number, key.partition(":")[0], lang))
    return text
