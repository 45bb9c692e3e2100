"""Load and validate the rules: every problem is reported at once, then refused.

The law that applies everywhere lives in content/rules/ (about.yaml,
criterion.yaml); each facility's own rules in content/facilities/<code>/rules.yaml.
The set of facilities is whatever folders content/facilities/ holds.
"""

from __future__ import annotations

import re
from pathlib import Path
from types import MappingProxyType

from .errors import RulesError
from .facilities import read_facility
from .model import Criterion, Rules
from .reader import Reader

LAW_FILES = ("about.yaml", "criterion.yaml")
CODE = re.compile(r"^[a-z][a-z0-9-]{0,39}$")  # a facility's code is its folder's name and part of its URLs


def facility_folders(content: Path) -> dict[str, Path]:
    """content/facilities/<code>/ by code, in alphabetical order."""
    folder = Path(content) / "facilities"
    return {path.name: path for path in sorted(folder.iterdir()) if path.is_dir()} if folder.is_dir() else {}


def load_rules(content: Path) -> Rules:
    """Read every rules file under the content folder; raise RulesError listing every problem found."""
    content = Path(content)
    problems: list[str] = []
    folders = _check_files(content, problems)
    if problems:
        raise RulesError(problems)
    law = content / "rules"
    about = Reader(law / "about.yaml", problems)
    about.keys(about.root, {"reviewed"})
    criterion = Reader(law / "criterion.yaml", problems)
    criteria = _read_criteria(criterion)
    every_years = criterion.integer(criterion.root, "review_every_years", minimum=1)
    facilities = {code: read_facility(Reader(folder / "rules.yaml", problems), code) for code, folder in folders.items()}
    _check_shared_codes(facilities, folders, problems)
    rules = Rules(
        criteria=criteria,
        reviewed=about.date(about.root, "reviewed"),
        review_every_years=every_years,
        facilities=MappingProxyType(facilities),
    )
    if problems:
        raise RulesError(problems)
    return rules


def _check_files(content: Path, problems: list[str]) -> dict[str, Path]:
    law = content / "rules"
    if not law.is_dir():
        problems.append(f"{law}: no such folder. Fix: point the site at a content folder with rules/ in it.")
        return {}
    present = {path.name for path in law.glob("*.yaml")}
    for name in sorted(set(LAW_FILES) - present):
        problems.append(f"{law / name}: missing. Fix: restore it from git.")
    for name in sorted(present - set(LAW_FILES)):
        problems.append(f"{law / name}: not a known rules file. Fix: remove it, or use one of {list(LAW_FILES)}; "
                        "a facility's rules go in facilities/<code>/rules.yaml.")
    folders = facility_folders(content)
    if not folders:
        problems.append(f"{content / 'facilities'}: no facility folders. Fix: add one folder per facility "
                        "(see content/README.md, \"Adding a centre\").")
    for code, folder in folders.items():
        if not CODE.match(code):
            problems.append(f"{folder}: the folder name is the facility's code and part of its addresses. "
                            "Fix: rename it with lowercase letters, digits and hyphens, e.g. `ostroleka`.")
        if not (folder / "rules.yaml").is_file():
            problems.append(f"{folder / 'rules.yaml'}: missing. Fix: add the facility's rules (see content/README.md).")
    return {code: folder for code, folder in folders.items() if (folder / "rules.yaml").is_file()}


def _read_criteria(reader: Reader) -> tuple[Criterion, ...]:
    root = reader.root
    reader.keys(root, {"description", "unit", "review_every_years", "values"})
    criteria = []
    for entry in reader.dated(root, "values"):
        reader.keys(entry, {"since", "single", "family_per_person", "source"})
        criteria.append(
            Criterion(
                since=reader.date(entry, "since"),
                single=reader.money(entry, "single"),
                family=reader.money(entry, "family_per_person"),
                source=reader.text(entry, "source"),
            )
        )
    return tuple(criteria)


def _check_shared_codes(facilities: dict, folders: dict, problems: list[str]) -> None:
    """Document and stay codes are one namespace: a code must mean one thing site-wide."""
    for kind in ("document_labels", "stay_labels"):
        seen: dict[str, str] = {}
        for code, facility in facilities.items():
            for label in getattr(facility, kind):
                if label in seen:
                    problems.append(
                        f"{folders[code] / 'rules.yaml'}: {kind[:-7]} code {label!r} is also defined in "
                        f"{folders[seen[label]] / 'rules.yaml'}. Fix: give one of them another code."
                    )
                seen[label] = code
