"""Who runs each facility, where it is, whom to call, and the words to name it.

Read from content/facilities/<code>/facility.yaml, one per facility folder;
the rules of the same facility are in rules.yaml beside it (flats.rules).
Values a page needs in a sentence come in every language, with the
grammatical forms the sentence needs ("w Mielcu", "у Мельці").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

from . import counts
from .rules import RulesError, facility_folders
from .rules.codes import LANGS
from .rules.reader import Node, Reader

Labels = Mapping[str, str]
PHONE = re.compile(r"^[0-9]{2,3}( [0-9]{2,3}){2,3}$")
KEYS = {"order", "page", "name", "town", "in_town", "operator", "address", "contacts_source", "phones",
        "fee_note", "poster"}
OPTIONAL = {"contact_note", "fee_note_when"}
FEE_NOTE_WHEN = ("always", "paid")  # the fee note next to every fee, or only where the stay is paid


@dataclass(frozen=True)
class Phone:
    number: str
    who: Labels

    @property
    def tel(self) -> str:
        return "tel:+48" + self.number.replace(" ", "")


@dataclass(frozen=True)
class Operator:
    name: str  # in Polish: pages mark it lang="pl"
    short: str
    address: str  # "" when the seeds do not give it
    meaning: Labels = field(default_factory=dict)  # what the Polish name means, for en and uk pages


@dataclass(frozen=True)
class Poster:
    lead: Labels
    who: tuple[Labels, ...]
    apply: tuple[Labels, ...]
    fee: Labels


@dataclass(frozen=True)
class Centre:
    code: str
    order: int
    page: str  # slug of the content page about it
    name: Labels
    town: Labels
    in_town: Labels
    operator: Operator
    address: str  # the flats' own address
    source: str
    phones: tuple[Phone, ...]
    fee_note: Labels
    poster: Poster
    contact_note: Labels = field(default_factory=dict)  # under its phones on the contact page; {phone} is the first number
    fee_note_when: str = "always"


def load(content: Path) -> Mapping[str, Centre]:
    """Every facility's facility.yaml, in their `order`; raise RulesError listing every problem."""
    problems: list[str] = []
    centres = []
    for code, folder in facility_folders(content).items():
        path = folder / "facility.yaml"
        if not path.is_file():
            problems.append(f"{path}: missing. Fix: add who runs the facility and whom to call "
                            "(see content/README.md, \"Adding a centre\").")
            continue
        centres.append(_read(Reader(path, problems), code))
    orders = [c.order for c in centres]
    if len(set(orders)) != len(orders):
        problems.append(f"{Path(content) / 'facilities'}: two facilities share an `order` ({sorted(orders)}). "
                        "Fix: give each facility its own number.")
    if problems:
        raise RulesError(problems)
    return MappingProxyType({c.code: c for c in sorted(centres, key=lambda c: c.order or 0)})


def missing_pages(centres: Mapping[str, Centre], content, root: Path) -> list:
    """A problem for each language a centre's page (facility.yaml `page:`) is missing in."""
    from .content import Problem
    from .vocabulary import LANGUAGES
    return [Problem(str(Path(root) / lang / f"{centre.page}.md"), None,
                    f"missing: {centre.code}'s page (`page: {centre.page}` in its facility.yaml) in {LANGUAGES[lang]}",
                    f"write {centre.page}.md in content/{lang}/, as for the other centres")
            for centre in centres.values() for lang in LANGUAGES if content.get(lang, centre.page) is None]


def with_counts(centre: Centre, facility) -> Centre:
    """The centre with every count in its texts from the facility's rules (rules.yaml), in words:
    {places} (all its places), {places:<group code>}, {rooms}, {flats} ("25 miejsc", "24 місця")."""
    numbers = {"places": facility.places, "rooms": facility.rooms or 0, "flats": facility.flats or 0,
               **{f"places:{g.code}": g.places for g in facility.groups}}

    def fill(labels):
        return MappingProxyType({lang: _fill(text, lang, numbers) for lang, text in labels.items()})

    poster = centre.poster
    return replace(centre, fee_note=fill(centre.fee_note), contact_note=fill(centre.contact_note),
                   poster=Poster(fill(poster.lead), tuple(map(fill, poster.who)), tuple(map(fill, poster.apply)),
                                 fill(poster.fee)))


def _fill(text: str, lang: str, numbers: dict) -> str:
    for key, number in numbers.items():
        if "{" + key + "}" in text:
            text = text.replace("{" + key + "}", counts.count(number, key.partition(":")[0], lang))
    return text


def _read(r: Reader, code: str) -> Centre:
    root = r.root
    r.keys(root, KEYS, OPTIONAL)
    operator = r.get(root, "operator", dict, "write operator: with name:, short: and address:") or Node()
    r.keys(operator, {"name", "short", "address"}, {"meaning"})
    poster = r.get(root, "poster", dict, "write poster: with lead:, who:, apply: and fee:") or Node()
    r.keys(poster, {"lead", "who", "apply", "fee"})
    return Centre(
        code=code,
        order=r.integer(root, "order", minimum=1),
        page=r.text(root, "page"),
        name=_texts(r, root, "name"),
        town=_texts(r, root, "town"),
        in_town=_texts(r, root, "in_town"),
        operator=Operator(r.text(operator, "name"), r.text(operator, "short"), _optional(r, operator, "address"),
                          _meaning(r, operator)),
        address=r.text(root, "address"),
        source=r.text(root, "contacts_source"),
        phones=tuple(_phone(r, node) for node in r.nodes(root, "phones")),
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


def _phone(r: Reader, node: Node) -> Phone:
    r.keys(node, {"number", "who"})
    number = r.text(node, "number")
    if number is not None and not PHONE.match(number):
        r.problem(node, f"phone number {number!r}", 'write it in groups of digits, e.g. "17 780 53 94"')
    return Phone(number or "", _texts(r, node, "who"))
