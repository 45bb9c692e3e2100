"""Who runs each facility, where it is, whom to call, and the words to name it.

Read from content/facilities/<code>/facility.yaml, one per facility folder;
the rules of the same facility are in rules.yaml beside it (flats.rules).
Values a page needs in a sentence come in every language, with the
grammatical forms the sentence needs ("w Mielcu", "у Мельці").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

from .rules import RulesError, facility_folders
from .rules.codes import LANGS
from .rules.reader import Node, Reader

Labels = Mapping[str, str]
PHONE = re.compile(r"^[0-9]{2,3}( [0-9]{2,3}){2,3}$")
KEYS = {"order", "page", "name", "town", "in_town", "operator", "address", "contacts_source", "phones",
        "fee_note", "poster"}
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


def _read(r: Reader, code: str) -> Centre:
    root = r.root
    r.keys(root, KEYS, {"fee_note_when"})
    operator = r.get(root, "operator", dict, "write operator: with name:, short: and address:") or Node()
    r.keys(operator, {"name", "short", "address"})
    poster = r.get(root, "poster", dict, "write poster: with lead:, who:, apply: and fee:") or Node()
    r.keys(poster, {"lead", "who", "apply", "fee"})
    return Centre(
        code=code,
        order=r.integer(root, "order", minimum=1),
        page=r.text(root, "page"),
        name=_texts(r, root, "name"),
        town=_texts(r, root, "town"),
        in_town=_texts(r, root, "in_town"),
        operator=Operator(r.text(operator, "name"), r.text(operator, "short"), _optional(r, operator, "address")),
        address=r.text(root, "address"),
        source=r.text(root, "contacts_source"),
        phones=tuple(_phone(r, node) for node in r.nodes(root, "phones")),
        fee_note=_texts(r, root, "fee_note"),
        fee_note_when=_fee_note_when(r, root),
        poster=Poster(_texts(r, poster, "lead"), _list(r, poster, "who"), _list(r, poster, "apply"),
                      _texts(r, poster, "fee")),
    )


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
