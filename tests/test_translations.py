"""Interface strings: every language complete, nothing fuzzy, template current."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "translations"


def ids(catalog) -> set:
    return {m.id for m in catalog if m.id}


def read(path: Path):
    with path.open("rb") as f:
        return read_po(f)


def test_the_catalog_template_is_up_to_date_with_the_code(tmp_path):
    out = tmp_path / "messages.pot"
    pybabel = Path(sys.executable).with_name("pybabel")
    subprocess.run([str(pybabel), "extract", "-F", "babel.cfg", "-k", "_l", "--no-location",
                    "--sort-output", "--omit-header", "-o", str(out), "site/"], cwd=ROOT, check=True)
    fresh, committed = ids(read(out)), ids(read(TRANSLATIONS / "messages.pot"))
    assert fresh == committed, (
        f"translations/messages.pot is out of date (new: {sorted(map(str, fresh - committed))[:5]}, "
        f"gone: {sorted(map(str, committed - fresh))[:5]}). Run `make update-catalogs` and translate.")


@pytest.mark.parametrize("lang", ["pl", "en", "uk"])
def test_every_string_is_translated_and_none_is_fuzzy(lang):
    template = ids(read(TRANSLATIONS / "messages.pot"))
    catalog = read(TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po")
    missing = template - ids(catalog)
    assert not missing, f"{lang}: not in the catalog: {sorted(map(str, missing))[:5]}; run `make update-catalogs`"
    empty = [m.id for m in catalog if m.id and (not m.string or (isinstance(m.string, tuple) and not all(m.string)))]
    assert not empty, f"{lang}: untranslated: {empty[:5]}"
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    assert not fuzzy, f"{lang}: fuzzy (check, then remove the fuzzy flag): {fuzzy[:5]}"
    obsolete = [m.id for m in catalog.obsolete.values()]
    assert not obsolete, f"{lang}: obsolete entries to delete: {obsolete[:5]}"


@pytest.mark.parametrize("lang", ["pl", "uk"])
def test_translations_keep_every_placeholder(lang):
    catalog = read(TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po")
    import re
    pattern = re.compile(r"%\(\w+\)s")
    for m in catalog:
        if m.id and isinstance(m.id, str):
            assert sorted(pattern.findall(m.id)) == sorted(pattern.findall(m.string)), f"{lang}: {m.id!r}"
