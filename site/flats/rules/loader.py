"""Load and validate the rules: every problem is reported at once, then refused.

The law that applies everywhere lives in content/rules/ (about.yaml,
criterion.yaml); each facility in its own folder, content/facilities/<code>/
(facility.yaml and rules.yaml), read into one Facility by read_facility().
The set of facilities is whatever folders content/facilities/ holds.
"""

from __future__ import annotations

import re
from pathlib import Path
from types import MappingProxyType

from .errors import RulesError
from .facility import Facility
from .facility_yaml import read_about, with_counts
from .model import Criterion, Rules
from .reader import Reader
from .rules_yaml import read_rules

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
    facilities = [f for code, folder in folders.items() if (f := read_facility(folder, code, problems))]
    _check_orders(facilities, content, problems)
    rules = Rules(
        criteria=criteria,
        reviewed=about.date(about.root, "reviewed"),
        review_every_years=every_years,
        facilities=MappingProxyType({f.code: f for f in sorted(facilities, key=lambda f: f.order or 0)}),
    )
    if problems:
        raise RulesError(problems)
    return rules


def read_facility(folder: Path, code: str, problems: list[str]) -> Facility | None:
    """One facility's folder (facility.yaml and rules.yaml) as one Facility; None when either file
    has a problem (each noted in `problems`, with its file, line and fix)."""
    before = len(problems)
    rules = read_rules(Reader(folder / "rules.yaml", problems))
    path = folder / "facility.yaml"
    if not path.is_file():
        problems.append(f"{path}: missing. Fix: add who runs the facility and whom to call "
                        "(see content/README.md, \"Adding a centre\").")
        return None
    about = read_about(Reader(path, problems))
    if len(problems) > before:
        return None
    return Facility(code=code, **with_counts(about, rules), **rules)


def _check_orders(facilities: list[Facility], content: Path, problems: list[str]) -> None:
    """Each facility has its own `order` (its place in menus and lists): a clash names both files."""
    seen: dict[int, str] = {}
    for facility in facilities:
        if facility.order in seen:
            problems.append(f"{content / 'facilities' / facility.code / 'facility.yaml'}: `order: {facility.order}` "
                            f"is also in {content / 'facilities' / seen[facility.order] / 'facility.yaml'}. "
                            "Fix: give each facility its own number.")
        seen[facility.order] = facility.code


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

