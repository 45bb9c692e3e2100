"""Both centres' addresses and phones, from content/contacts.yaml."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .content import ContentError, Problem

PHONE = re.compile(r"^[0-9]{2,3}( [0-9]{2,3}){2,3}$")


@dataclass(frozen=True)
class Phone:
    number: str
    who: dict

    @property
    def tel(self) -> str:
        return "tel:+48" + self.number.replace(" ", "")


@dataclass(frozen=True)
class Centre:
    operator: str
    address: str
    phones: tuple[Phone, ...]


def load(path: Path) -> dict[str, Centre]:
    rel = f"content/{path.name}"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        centres = {code: Centre(c["operator"], c["address"],
                                tuple(Phone(str(p["number"]), dict(p["who"])) for p in c["phones"]))
                   for code, c in data.items()}
    except (OSError, yaml.YAMLError, KeyError, TypeError, AttributeError) as exc:
        raise ContentError([Problem(rel, None, f"cannot read the contacts ({exc.__class__.__name__}: {exc})",
                                    "each centre needs operator, address and phones with number and who (pl, en, uk)")])
    bad = [p.number for c in centres.values() for p in c.phones if not PHONE.match(p.number)
           or set(p.who) != {"pl", "en", "uk"}]
    if bad or set(centres) != {"mielec", "chelm"}:
        raise ContentError([Problem(rel, None, f"bad entries {bad or sorted(centres)}",
                                    "write numbers like \"17 780 53 94\", give `who` in pl, en and uk, "
                                    "and list exactly mielec and chelm")])
    return centres
