"""One term per thing, per language: content/glossary.yaml, applied to every content page.

- No English or Ukrainian page uses a rendering the glossary forbids.
- When a Polish page uses a term, the same page in English and Ukrainian uses
  that term's one rendering.
- The glossary itself is sound: every rendering matches its own pattern, and
  no two terms share a rendering.
Polish marked {lang=pl} is left out of the English and Ukrainian text.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from flats.content import page_path
from flats.data import site_data

from .pagecheck import parse, text_with_language

GLOSSARY_FILE = Path(__file__).resolve().parents[1] / "content" / "glossary.yaml"
TERMS = yaml.safe_load(GLOSSARY_FILE.read_text(encoding="utf-8"))["terms"]
LANGS = ("pl", "en", "uk")
SPACES = re.compile(r"[\s\u00a0\u202f\u00ad]+")


def own_text(tree, lang: str) -> str:
    """The text of <main> in the page's language: passages marked lang="pl" are dropped from en and uk."""
    pieces = (piece if lang == "pl" or piece_lang != "pl" else " "
              for piece, piece_lang in text_with_language(tree.find(".//main"), lang))
    return SPACES.sub(" ", "".join(pieces).replace("\u00ad", ""))


@pytest.fixture(scope="module")
def pages(app):
    client = app.test_client()
    out = {}
    for lang, slug in sorted(site_data(app).content.pages):
        url = page_path(lang, slug)
        out[(lang, slug)] = own_text(parse(client.get(url).get_data(as_text=True), url), lang)
    return out


# Known to come from a file being rewritten elsewhere. Each entry is (page, the text found);
# delete an entry as soon as its source is fixed.
KNOWN_ELSEWHERE: set[tuple[str, str]] = set()


def search(pattern: str, haystack: str):
    return re.search(pattern, haystack, re.IGNORECASE)


def test_the_glossary_is_complete_and_each_rendering_matches_its_own_pattern():
    problems = []
    for term in TERMS:
        for lang in LANGS:
            if not isinstance(term.get(lang), str) or lang not in term.get("find", {}):
                problems.append(f"{term.get('pl')}: give `{lang}:` and `find: {{{lang}: …}}`")
            elif not search(term["find"][lang], term[lang]):
                problems.append(f"{term['pl']}: find.{lang} {term['find'][lang]!r} does not match {term[lang]!r}")
        for lang, variants in (term.get("avoid") or {}).items():
            bad = [v for v in variants if search(v, term[lang])]
            problems += [f"{term['pl']}: avoid.{lang} {v!r} forbids the rendering itself" for v in bad]
    assert not problems, "content/glossary.yaml:\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("lang", ["en", "uk"])
def test_no_two_terms_share_a_rendering(lang):
    seen: dict[str, str] = {}
    for term in TERMS:
        other = next((pl for rendering, pl in seen.items() if search(term["find"][lang], rendering)), None)
        assert other is None, f"content/glossary.yaml: {term['pl']!r} and {other!r} are both rendered {term[lang]!r}"
        seen[term[lang]] = term["pl"]


@pytest.mark.parametrize("lang", ["en", "uk"])
def test_no_page_uses_a_forbidden_rendering(pages, lang):
    found = []
    for (page_lang, slug), shown in pages.items():
        if page_lang != lang:
            continue
        for term in TERMS:
            for variant in (term.get("avoid") or {}).get(lang, []):
                if (match := search(variant, shown)) and (f"{lang}/{slug}", match.group(0)) not in KNOWN_ELSEWHERE:
                    found.append(f"content/{lang}/{slug}.md: “{match.group(0)}” – write “{term[lang]}” ({term['pl']})")
    assert not found, "renderings content/glossary.yaml forbids:\n  " + "\n  ".join(found)


@pytest.mark.parametrize("lang", ["en", "uk"])
def test_a_term_on_a_polish_page_has_its_one_rendering_on_the_same_page_in_english_and_ukrainian(pages, lang):
    missing = []
    for (page_lang, slug), shown in pages.items():
        if page_lang != "pl":
            continue
        for term in TERMS:
            if (search(term["find"]["pl"], shown) and not search(term["find"][lang], pages[(lang, slug)])
                    and (f"{lang}/{slug}", term["pl"]) not in KNOWN_ELSEWHERE):
                missing.append(f"content/{lang}/{slug}.md: the Polish page says “{term['pl']}”; "
                               f"say “{term[lang]}” (content/glossary.yaml)")
    assert not missing, "\n  ".join(["terms without their rendering:", *missing])


def test_the_text_check_drops_marked_polish_only_outside_polish_pages():
    tree = parse('<!doctype html><html lang="en"><head><title>t</title></head><body><main>'
                 '<p>training flats (<span lang="pl">mieszkania treningowe</span>) tail</p></main></body></html>', "t")
    assert own_text(tree, "en") == "training flats ( ) tail"
    assert "mieszkania treningowe" in own_text(tree, "pl")


def strings_outside_pages(lang: str) -> dict[str, str]:
    """Every other string a person reads in `lang`: the facilities' data texts and the interface strings."""
    from babel.messages.pofile import read_po
    found = {}
    for path in sorted((GLOSSARY_FILE.parent / "facilities").glob("*/*.yaml")):
        def walk(node, where):
            if isinstance(node, dict):
                for key, value in node.items():
                    if key == lang and isinstance(value, str):
                        found[f"{path.relative_to(GLOSSARY_FILE.parent)} {where}"] = value
                    else:
                        walk(value, f"{where}.{key}")
            elif isinstance(node, list):
                for i, item in enumerate(node):
                    walk(item, f"{where}[{i}]")
        walk(yaml.safe_load(path.read_text(encoding="utf-8")), "")
    catalog = GLOSSARY_FILE.parents[1] / "translations" / lang / "LC_MESSAGES" / "messages.po"
    with catalog.open("rb") as f:
        for message in read_po(f):
            for text in (message.string if isinstance(message.string, tuple) else (message.string,)):
                if message.id and text:
                    found[f"translations/{lang} msgid {str(message.id)[:40]!r}"] = text
    return found


@pytest.mark.parametrize("lang", ["en", "uk"])
def test_no_data_text_or_interface_string_uses_a_forbidden_rendering(lang):
    found = []
    for where, shown in strings_outside_pages(lang).items():
        shown = SPACES.sub(" ", shown)
        for term in TERMS:
            for variant in (term.get("avoid") or {}).get(lang, []):
                if match := search(variant, shown):
                    found.append(f"{where}: “{match.group(0)}” – write “{term[lang]}” ({term['pl']})")
    assert not found, "renderings content/glossary.yaml forbids:\n  " + "\n  ".join(found)
