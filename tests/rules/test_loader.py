"""Bad rules data stops the site with every problem: the file, the line and the fix."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from flats.rules import RulesError, load_rules

from ..helpers import CONTENT_DIR

# Where each file the tests edit lives in a content folder.
FILES = {"criterion.yaml": "rules/criterion.yaml", "about.yaml": "rules/about.yaml",
         "chelm.yaml": "facilities/chelm/rules.yaml", "mielec.yaml": "facilities/mielec/rules.yaml"}


@pytest.fixture()
def copy(tmp_path) -> Path:
    """A copy of the rules data (the law and every facility) to break."""
    folder = tmp_path / "content"
    for part in ("rules", "facilities"):
        shutil.copytree(CONTENT_DIR / part, folder / part)
    return folder


def at(folder: Path, name: str) -> str:
    """How problems name the file: its path as loaded."""
    return str(folder / FILES[name])


def edit(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / FILES[name]
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is no longer in {name}; update this test"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems(folder: Path) -> tuple[str, ...]:
    with pytest.raises(RulesError) as caught:
        load_rules(folder)
    assert str(caught.value).startswith(f"the data in the content folder has {len(caught.value.problems)} problem(s)")
    return caught.value.problems


def only(folder: Path) -> str:
    found = problems(folder)
    assert len(found) == 1, found
    return found[0]


def test_the_real_rules_load_without_problems():
    load_rules(CONTENT_DIR)


def test_dates_out_of_order_are_refused(copy):
    edit(copy, "criterion.yaml", "since: 2022-01-01", "since: 2018-01-01")
    message = only(copy)
    assert message.startswith(at(copy, "criterion.yaml") + ", line ")
    assert "not ascending" in message and "Fix: order the entries by `since`" in message


def test_the_same_date_twice_is_refused(copy):
    edit(copy, "chelm.yaml", "tables:\n    - since: 2018-03-21", "tables:\n    - since: 2018-03-21")
    edit(copy, "criterion.yaml", "since: 2018-10-01", "since: 2015-10-01")
    assert "not ascending" in only(copy)


def test_a_value_without_its_legal_source_is_refused(copy):
    edit(copy, "criterion.yaml", "    source: rozporządzenie RM z 14.07.2015\n", "")
    message = only(copy)
    assert message.startswith(at(copy, "criterion.yaml") + ", line 17: missing 'source'") and "Fix: add `source:`" in message


def test_an_empty_source_is_refused(copy):
    edit(copy, "chelm.yaml", "amount: \"1498.67\"\n      source: uchwała Nr XXXVI/429/18 Rady Miasta Chełm z dnia 21 marca 2018 r.",
         "amount: \"1498.67\"\n      source: \"  \"")
    assert at(copy, "chelm.yaml") in only(copy) and "'source' is empty" in only(copy)


def test_brackets_with_a_gap_are_refused(copy):
    edit(copy, "chelm.yaml", "{above: 150, up_to: 200", "{above: 151, up_to: 200")
    message = only(copy)
    assert message.startswith(at(copy, "chelm.yaml") + ", line ")
    assert "starts above 151 %, but the one before ends at 150 %" in message and "write `above: 150`" in message


def test_brackets_that_do_not_start_at_the_criterion_are_refused(copy):
    edit(copy, "chelm.yaml", "{above: 100, up_to: 150", "{above: 101, up_to: 150")
    assert "write `above: 100`" in only(copy)


def test_a_last_bracket_with_a_limit_is_refused(copy):
    edit(copy, "chelm.yaml", "{above: 350, up_to: null", "{above: 350, up_to: 400")
    assert "end with a bracket `up_to: null`" in only(copy)


def test_an_open_bracket_in_the_middle_is_refused(copy):
    edit(copy, "chelm.yaml", "{above: 300, up_to: 350", "{above: 300, up_to: null")
    assert "only the last bracket may have `up_to: null`" in "".join(problems(copy))


def test_money_written_as_a_bare_number_is_refused(copy):
    edit(copy, "chelm.yaml", 'amount: "1498.67"', "amount: 1498.67")
    message = only(copy)
    assert at(copy, "chelm.yaml") + ", line" in message and "not an amount of money" in message
    assert 'write it in quotes with a dot and two decimals, e.g. `amount: "1498.67"`' in message


@pytest.mark.parametrize("bad", ['"1498,67"', '"1498.6"', '"-5.00"', '"abc"', "1498"])
def test_money_in_any_other_form_is_refused(copy, bad):
    edit(copy, "criterion.yaml", 'single: "634.00"', f"single: {bad}")
    assert "not an amount of money" in only(copy)


def test_a_date_in_quotes_is_refused(copy):
    edit(copy, "about.yaml", "reviewed: 2026-11-23", 'reviewed: "23.11.2026"')
    assert at(copy, "about.yaml") + ", line" in only(copy) and "write it as YYYY-MM-DD" in only(copy)


def test_a_missing_translation_is_refused(copy):
    edit(copy, "mielec.yaml", "    uk: Заява про місце в тренувальному житлі.\n", "")
    message = only(copy)
    assert at(copy, "mielec.yaml") + ", line" in message and "missing 'uk'" in message


def test_a_document_code_without_texts_is_refused(copy):
    edit(copy, "chelm.yaml", "health_certificate, income", "health_certifcate, income")
    assert "names unknown documents ['health_certifcate']" in only(copy)


def test_a_stay_code_without_texts_is_refused(copy):
    edit(copy, "mielec.yaml", "stay: fixed_term", "stay: forever")
    assert "stay 'forever' has no texts" in only(copy)


def test_document_and_stay_codes_belong_to_their_facility(rules):
    """Each facility names its own documents and stays: the same code in two facilities is two things."""
    chelm, mielec = rules.facility("chelm"), rules.facility("mielec")
    assert chelm.document_label("application", "en") != mielec.document_label("application", "en")


def test_a_misspelt_key_is_refused(copy):
    edit(copy, "criterion.yaml", "family_per_person: \"823.00\"", "family_per_persn: \"823.00\"")
    found = problems(copy)
    assert any("unknown key 'family_per_persn'" in p for p in found)
    assert any("missing 'family_per_person'" in p for p in found)


def test_an_unknown_situation_is_refused(copy):
    edit(copy, "chelm.yaml", "situations: [leaving_care]", "situations: [leaving_home]")
    assert "unknown situations ['leaving_home']" in only(copy)


def test_a_condition_without_its_source_is_refused(copy):
    edit(copy, "mielec.yaml", "    source: art. 101 ust. 1 ustawy o pomocy społecznej\n", "")
    message = only(copy)
    assert message.startswith(at(copy, "mielec.yaml") + ", line") and "missing 'source'" in message


def test_conditions_written_without_sources_get_one_message_saying_how(copy):
    path = copy / FILES["mielec.yaml"]
    text = path.read_text(encoding="utf-8")
    start, end = text.index("conditions:\n"), text.index("\n\n", text.index("conditions:\n"))
    path.write_text(text[:start] + "conditions: [adult, no_round_the_clock_care, some_situation, fitting_group]"
                    + text[end:], encoding="utf-8")
    message = only(copy)
    assert message.startswith(at(copy, "mielec.yaml") + ", line") and "have no `source:`" in message
    assert "`- code: adult` with `source:`" in message


def test_a_group_without_its_source_is_refused(copy):
    edit(copy, "mielec.yaml", "  - code: adults_needing_support\n    source: art. 53 ustawy o pomocy społecznej\n",
         "  - code: adults_needing_support\n")
    assert "missing 'source'" in only(copy)


def test_each_reason_names_the_source_written_beside_its_rule(rules):
    chelm = rules.facility("chelm")
    assert chelm.reason_source("not_resident") == "art. 101 ust. 1 ustawy o pomocy społecznej"
    assert chelm.reason_source("group_leaving_care") == next(g.source for g in chelm.groups if g.code == "leaving_care")


def test_a_missing_file_is_refused(copy):
    (copy / "rules" / "criterion.yaml").unlink()
    assert only(copy) == f"{copy / 'rules' / 'criterion.yaml'}: missing. Fix: restore it from git."


def test_a_facility_folder_without_rules_is_refused(copy):
    (copy / FILES["mielec.yaml"]).unlink()
    assert only(copy).startswith(f"{copy / FILES['mielec.yaml']}: missing. Fix: add the facility's rules")


def test_an_unknown_file_among_the_law_is_refused(copy):
    (copy / "rules" / "warsaw.yaml").write_text("code: warsaw\n", encoding="utf-8")
    assert "warsaw.yaml: not a known rules file" in only(copy)


def test_a_facility_folder_whose_name_cannot_be_an_address_is_refused(copy):
    shutil.copytree(copy / "facilities" / "mielec", copy / "facilities" / "Nowy Targ")
    assert "the folder name is the facility's code" in "".join(problems(copy))


def test_a_key_written_twice_is_refused_with_both_lines(copy):
    edit(copy, "chelm.yaml", "rooms: 12\n", "rooms: 12\nrooms: 13\n")
    message = only(copy)
    assert message.startswith(at(copy, "chelm.yaml") + ", line 9: cannot be read")
    assert "found the key 'rooms' twice (first on line 8)" in message


def test_an_unknown_condition_is_refused(copy):
    edit(copy, "mielec.yaml", "  - code: resident ", "  - code: lives_nearby ")
    found = "".join(problems(copy))
    assert "names unknown conditions ['lives_nearby']" in found


def test_yaml_that_does_not_parse_is_refused(copy):
    edit(copy, "about.yaml", "reviewed: 2026-11-23", "reviewed: [2026-11-23")
    assert only(copy).startswith(at(copy, "about.yaml") + ", line 5: cannot be read")


def test_every_problem_is_listed_at_once(copy):
    edit(copy, "criterion.yaml", "since: 2022-01-01", "since: 2018-01-01")
    edit(copy, "criterion.yaml", "    source: rozporządzenie RM z 14.07.2015\n", "")
    edit(copy, "chelm.yaml", "{above: 150, up_to: 200", "{above: 160, up_to: 200")
    edit(copy, "chelm.yaml", 'amount: "1498.67"', "amount: 1498.67")
    found = problems(copy)
    assert len(found) == 4, found
    assert all("Fix: " in p for p in found)
    assert [p.split(",")[0] for p in found] == [at(copy, "criterion.yaml")] * 2 + [at(copy, "chelm.yaml")] * 2


def test_two_facilities_with_one_order_are_refused_naming_both_files(copy):
    mielec, chelm = (copy / "facilities" / code / "facility.yaml" for code in ("mielec", "chelm"))
    mielec.write_text(mielec.read_text(encoding="utf-8").replace("order: 1", "order: 2"), encoding="utf-8")
    assert only(copy) == f"{mielec}: `order: 2` is also in {chelm}. Fix: give each facility its own number."
