"""Every kind of broken value in content/ stops start-up once, naming the file as loaded, the line and the fix."""
from __future__ import annotations

import shutil

import pytest

from flats import create_app

from .helpers import CONTENT_DIR


@pytest.mark.parametrize("path, old, new, line, says", [
    ("site.yaml", "published: ", "published: 2026-02-30 #", "found", "'2026-02-30' is not a real date"),
    ("site.yaml", 'bip_url: ""', 'bip_url: "javascript:alert(1)//"', "found", "is not a web address"),
    ("site.yaml", 'address: ""', 'address: "ul. Testowa 1, Mielec" #', "found",
     "publisher.address 'ul. Testowa 1, Mielec' is not a postal address on one line"),
    ("site.yaml", 'address: ""', 'address: |\n    ul. Testowa 1\n    39-300 Mielec\n  #', "found",
     "is not a postal address on one line"),
    ("site.yaml", 'url: ""           #', 'url: "www.example.pl"  #', "found", "site.url 'www.example.pl' is not a web address"),
    ("rules/criterion.yaml", "since: 2022-01-01", "since: 2022-02-30", 25, "'2022-02-30' is not a real date"),
    ("facilities/chelm/rules.yaml", "since: 2018-03-21", "since: 2018-02-31", "found", "is not a real date"),
    ("facilities/mielec/facility.yaml", "order: 1", "order: first", 4, "'order' is 'first'"),
    ("facilities/chelm/facility.yaml", '"82 564 21 26"', '"82-564-21-26"', "found", "phone number '82-564-21-26'"),
    # YAML mistakes: the line to fix (where the parser noticed it), and what is wrong in plain words
    ("facilities/chelm/facility.yaml", "  short: MOPR w Chełmie", " short: MOPR w Chełmie", "found",
     "this line is indented differently from the lines above it: line it up"),
    ("facilities/mielec/rules.yaml", "    places: 22", "      places: 22", "found",
     "or a key indented more than the keys above it"),
    ("facilities/chelm/facility.yaml", "  short: MOPR w Chełmie", "\tshort: MOPR w Chełmie", "found",
     "a tab character: indent with spaces only"),
    ("pl/odplatnosc.md", "{{criterion_single}}", "{{criterion_singel}}", 14, "unknown placeholder `{{criterion_singel}}`"),
    ("en/chelm.md", "{{fee_table:chelm}}", "{{fee_table:chelmm}}", None, "`{{fee_table:chelmm}}` names no facility"),
])
def test_a_broken_value_is_reported_with_its_file_line_and_fix(tmp_path, path, old, new, line, says):
    content = tmp_path / "elsewhere"  # not called content/: messages name the folder actually loaded
    shutil.copytree(CONTENT_DIR, content)
    target = content / path
    text = target.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is no longer in {path}; update this test"
    if line == "found":  # the line the value is on today (the files around it may grow)
        line = next(n for n, row in enumerate(text.split("\n"), 1) if old in row)
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(Exception) as caught:
        create_app({"CONTENT_DIR": content})
    message = str(caught.value)
    found = [m for m in message.split("\n") if says in m]
    assert len(found) == 1, f"reported once: {message}"
    assert str(target) in found[0] and "Fix: " in found[0], found[0]
    if line:
        assert f"{target}:{line}" in found[0] or f"{target}, line {line}" in found[0], found[0]


@pytest.mark.parametrize("text, line, says", [
    ("a:\n  b: 1\n c: 2\n", 3, "indented differently"),
    ("a: 1\nb\nc: 2\n", 2, "this line is not `key: value`"),
    ('a: "open\nb: 2\n', 1, "a quotation mark opened on this line is never closed"),
    ("a: [1, 2\nb: 2\n", 1, "a value that starts with `{` or `[`"),
    ("title: {{site_name}}\n", 1, "a value that starts with `{` or `[`: put the whole value in double quotes"),
    ("a: Note: this\n", 1, "a colon and a space inside a value"),
    ("a: *x\n", 1, "starts with `*` or `&`"),
    ("a: 1\n- b\n", 2, "a list item"),
])
def test_a_yaml_mistake_is_told_in_plain_words_at_the_line_to_fix(text, line, says):
    import yaml
    from flats.rules.yamlfile import describe, load_yaml
    with pytest.raises(yaml.YAMLError) as caught:
        load_yaml(text)
    found_line, message = describe(caught.value)
    assert (found_line, says in message) == (line, True), (found_line, message)
    assert "<block" not in message and "but found" not in message, "no parser words"
