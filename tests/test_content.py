"""The content pipeline: front matter, heading ids, links, languages, every problem at once."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from flats.content import ContentError, load as load_content, page_path
from flats.placeholders import Registry


def load(root: Path):
    """Load content with one placeholder, {{today}}, and no facility."""
    registry = Registry()
    registry.register("today")(lambda ctx: "TODAY")
    return load_content(root, lambda path: False, registry, ())

GOOD = "---\ntitle: {title}\ndescription: D\n---\n\n## Part {{#part}}\n\nText [home](index.md) [p](index.md#part)\n"


def make(tmp_path: Path, pages: dict[str, str] | None = None) -> Path:
    root = tmp_path / "content"
    for lang in ("pl", "en", "uk"):
        (root / lang).mkdir(parents=True)
        for slug in ("index", "other"):
            (root / lang / f"{slug}.md").write_text(GOOD.format(title=f"{slug} {lang}"))
    for rel, body in (pages or {}).items():
        (root / rel).write_text(body)
    return root


def problems(root: Path) -> list[str]:
    with pytest.raises(ContentError) as info:
        load(root)
    return [str(p) for p in info.value.problems]


def test_good_content_loads_with_heading_ids_and_relative_links(tmp_path):
    content = load(make(tmp_path))
    page = content.get("en", "other")
    html = page.body.render({})
    assert '<h2 id="part">Part</h2>' in html
    assert 'href="../"' in html and 'href="../#part"' in html
    assert page.headings == ((2, "part", "Part"),)
    assert page_path("en", "index") == "/en/"


def test_raw_html_is_shown_as_text_not_passed_through(tmp_path):
    root = make(tmp_path, {"pl/other.md": GOOD.format(title="x") + "\n<script>alert(1)</script> <b onclick=x>b</b>\n"})
    html = load(root).get("pl", "other").body.render({})
    assert "<script>" not in html and "<b" not in html
    assert "&lt;script&gt;" in html


def test_every_problem_is_reported_at_once_with_file_and_fix(tmp_path):
    root = make(tmp_path, {
        "pl/other.md": "---\ntitle: T\n---\n\n## No id here\n\n[x](missing.md) [y](index.md#nope)\n",
        "en/index.md": "no front matter\n",
        "uk/extra.md": GOOD.format(title="extra"),
        "pl/bad.md": "---\ntitle: [unclosed\ndescription: d\n---\n",
    })
    found = "\n".join(problems(root))
    assert "content/pl/other.md:2: front matter lacks `description`" in found
    assert "content/pl/other.md:5: heading “No id here” has no id" in found
    assert "link to `missing.md`" in found
    assert "link to `#nope` in `index.md`: no such section" in found
    assert "content/en/index.md:1:" in found
    assert "content/pl/extra.md: page missing in this language" in found
    assert "content/pl/bad.md" in found and "not valid YAML" in found
    assert found.count("Fix:") == len(problems(root))


def test_unknown_front_matter_fields_and_placeholders_are_errors(tmp_path):
    root = make(tmp_path, {"en/other.md": "---\ntitle: T\ndescription: D\ntitel: x\n---\n\n## Part {#part}\n\n{{no_such_value}}\n"})
    found = "\n".join(problems(root))
    assert "unknown front matter field `titel`" in found
    assert "unknown placeholder `{{no_such_value}}`" in found


def test_section_ids_must_match_the_polish_page(tmp_path):
    root = make(tmp_path, {"uk/other.md": GOOD.format(title="x").replace("{#part}", "{#czesc}").replace("#part)", ")")})
    assert any("section ids differ" in p and "content/uk/other.md" in p for p in problems(root))


def test_an_h1_in_the_body_and_unsupported_links_are_errors(tmp_path):
    root = make(tmp_path, {"en/other.md": GOOD.format(title="x") + "\n# Big\n\n[a](javascript:alert(1)) [b](other.html)\n"})
    found = "\n".join(problems(root))
    assert "the body has an h1 heading" in found
    assert "link “other.html” is not understood" in found


def test_the_check_command_lists_every_problem(tmp_path, capsys, monkeypatch):
    real = Path(__file__).resolve().parents[1] / "content"
    shutil.copytree(real, tmp_path / "content")
    (tmp_path / "content" / "en" / "kontakt.md").unlink()
    (tmp_path / "content" / "uk" / "mielec.md").write_text("---\ntitle: x\n---\n")
    monkeypatch.setenv("FLATS_CONTENT_DIR", str(tmp_path / "content"))
    from flats import config
    monkeypatch.setattr(config.Config, "CONTENT_DIR", tmp_path / "content")
    from flats.cli import check
    assert check() == 1
    err = capsys.readouterr().err
    assert "content/en/kontakt.md: page missing in this language" in err
    assert "content/uk/mielec.md:2: front matter lacks `description`" in err


def test_the_sites_name_in_a_title_or_description_is_filled_in_and_no_other_placeholder_is(tmp_path):
    named = GOOD.format(title='"{{site_name}}"').replace("description: D", 'description: "{{site_name}}: more"')
    root = make(tmp_path, {"pl/index.md": named})
    registry = Registry()
    content = load_content(root, lambda path: False, registry, (), {"pl": "Mieszkania w A i w B", "en": "x"})
    page = content.get("pl", "index")
    assert (page.title, page.description) == ("Mieszkania w A i w B", "Mieszkania w A i w B: more")
    found = problems(make(tmp_path / "other", {
        "en/index.md": GOOD.format(title='"Fees {{criterion_single}}"'),
        "uk/index.md": GOOD.format(title="{{site_name}}")}))
    assert any("en/index.md:2: `{{criterion_single}}` cannot be used in `title`" in p and "{{site_name}}" in p
               for p in found), found
    assert any("uk/index.md:2: `title` starts with `{` but is not in quotes" in p and 'title: "{{site_name}}' in p
               for p in found), found
