"""Load and validate content/rules/: every problem is reported at once, then refused."""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType

from .codes import FACILITIES, REASONS
from .errors import RulesError
from .facilities import read_facility
from .model import Criterion, Rules
from .reader import Reader

FILES = ("about.yaml", "criterion.yaml") + tuple(f"{code}.yaml" for code in FACILITIES)


def load_rules(folder: Path) -> Rules:
    """Read every rules file in `folder`; raise RulesError listing every problem found."""
    folder = Path(folder)
    problems: list[str] = []
    _check_files(folder, problems)
    if problems:
        raise RulesError(problems)
    about = Reader(folder / "about.yaml", problems)
    about.keys(about.root, {"reviewed"})
    criterion = Reader(folder / "criterion.yaml", problems)
    criteria = _read_criteria(criterion)
    every_years = criterion.integer(criterion.root, "review_every_years", minimum=1)
    facilities = {code: read_facility(Reader(folder / f"{code}.yaml", problems)) for code in FACILITIES}
    _check_shared_codes(facilities, problems)
    rules = Rules(
        criteria=criteria,
        reviewed=about.date(about.root, "reviewed"),
        review_every_years=every_years,
        facilities=MappingProxyType(facilities),
    )
    if problems:
        raise RulesError(problems)
    return rules


def _check_files(folder: Path, problems: list[str]) -> None:
    if not folder.is_dir():
        problems.append(f"{folder}: no such folder. Fix: point load_rules at content/rules.")
        return
    present = {path.name for path in folder.glob("*.yaml")}
    for name in sorted(set(FILES) - present):
        problems.append(f"{name}: missing from {folder}. Fix: restore it from git.")
    for name in sorted(present - set(FILES)):
        problems.append(f"{name}: not a known rules file. Fix: remove it, or use one of {list(FILES)}.")


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


def _check_shared_codes(facilities: dict, problems: list[str]) -> None:
    """Document and stay codes are one namespace: a code must mean one thing site-wide."""
    for kind in ("document_labels", "stay_labels"):
        seen: dict[str, str] = {}
        for code, facility in facilities.items():
            for label in getattr(facility, kind):
                if label in seen:
                    problems.append(
                        f"{code}.yaml: {kind[:-7]} code {label!r} is also defined in {seen[label]}.yaml. "
                        f"Fix: give one of them another code."
                    )
                seen[label] = code
    for code, facility in facilities.items():
        missing = set(REASONS[code]) - set(facility.reason_sources)
        extra = set(facility.reason_sources) - set(REASONS[code])
        if missing or extra:
            problems.append(
                f"{code}.yaml: reason_sources must name exactly {list(REASONS[code])}. "
                f"Fix: add {sorted(missing)}, remove {sorted(extra)}."
            )
