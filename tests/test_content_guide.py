"""content/README.md stays true: its examples, followed word for word, work."""
from __future__ import annotations

import re
import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from flats import create_app
from flats.content import ContentError
from flats.data import site_data
from flats.rules import assess, load_rules
from flats.rules.yamlfile import load_yaml

from .pagecheck import parse, text
from .helpers import make_answers, next_order

ROOT = Path(__file__).resolve().parents[1]
GUIDE = (ROOT / "content" / "README.md").read_text(encoding="utf-8")
FENCE = re.compile(r"^```(\w+) example=([\w-]+)\n(.*?)^```$", re.M | re.S)
EXAMPLES = {name: body for _, name, body in FENCE.findall(GUIDE)}


@pytest.fixture()
def content(tmp_path) -> Path:
    """A copy of content/ to follow the guide in."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path / "content"


def append(path: Path, example: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n" + example, encoding="utf-8")


def insert_under(path: Path, key: str, example: str) -> None:
    """Add `example` below the last entry of the list under `key:`, as the guide says."""
    lines = path.read_text(encoding="utf-8").split("\n")
    start = next(i for i, line in enumerate(lines) if line.strip() == f"{key}:")
    indent = len(lines[start]) - len(lines[start].lstrip())
    end = next(i for i in range(start + 1, len(lines))
               if lines[i].strip() and not lines[i].strip().startswith("#")
               and len(lines[i]) - len(lines[i].lstrip()) <= indent)
    path.write_text("\n".join(lines[:end] + example.rstrip("\n").split("\n") + lines[end:]), encoding="utf-8")


def test_the_guide_has_every_example_the_tests_follow():
    assert set(EXAMPLES) == {"page", "criterion", "criterion-cases", "cost", "centre-facility", "centre-rules",
                             "centre-page"}


def test_every_placeholder_the_guide_names_exists_and_the_guide_names_every_placeholder(app):
    registry, facilities = app.extensions["placeholders"], site_data(app).facilities
    named = set(re.findall(r"\{\{(\w+)(?::([\w.-]+))?\}\}", GUIDE)) - {("monthly_cost", "<facility>")}
    problems = [registry.problem(name, facility or None, facilities) for name, facility in named]
    assert named and not any(problems), f"placeholders in the guide that do not work: {problems}"
    table = GUIDE[GUIDE.index("| placeholder | what the site shows |"):]
    table = table[:table.index("\n\n")]
    listed = set(re.findall(r"`\{\{(\w+)", table))
    assert listed == set(registry.entries), f"the guide's table and the site differ: {listed ^ set(registry.entries)}"


def test_a_new_criterion_added_as_the_guide_shows_is_in_force_from_its_date(content):
    append(content / "rules" / "criterion.yaml", EXAMPLES["criterion"])
    rules = load_rules(content)
    new = yaml.safe_load(EXAMPLES["criterion"])[0]
    assert rules.criterion_on(new["since"]).single == Decimal(new["single"])
    assert rules.criterion_on(new["since"]).family == Decimal(new["family_per_person"])
    assert rules.criterion_on(date(2027, 12, 31)).single == Decimal("1010.00"), "the day before keeps the old one"


def test_the_guides_test_cases_pass_with_the_guides_criterion(content):
    append(content / "rules" / "criterion.yaml", EXAMPLES["criterion"])
    rules = load_rules(content)
    cases = load_yaml(EXAMPLES["criterion-cases"])
    assert len(cases) == 2
    for case in cases:
        fee = assess(make_answers(case["answers"]), rules, case["on"]).fee
        assert fee.kind == case["fee"]["kind"], case["name"]
        assert fee.criterion == Decimal(case["fee"]["criterion"]), case["name"]


def test_the_guides_test_cases_fail_without_the_new_criterion(content):
    rules = load_rules(content)
    on_the_day = load_yaml(EXAMPLES["criterion-cases"])[1]
    assert assess(make_answers(on_the_day["answers"]), rules, on_the_day["on"]).fee.kind != on_the_day["fee"]["kind"]


def test_a_new_monthly_cost_added_as_the_guide_shows_changes_the_chelm_fees_from_its_date(content):
    insert_under(content / "facilities" / "chelm" / "rules.yaml", "monthly_cost", EXAMPLES["cost"])
    rules = load_rules(content)
    new = yaml.safe_load(EXAMPLES["cost"])[0]
    chelm = rules.facility("chelm")
    assert chelm.monthly_cost_on(new["since"]).amount == Decimal(new["amount"])
    assert chelm.monthly_cost_on(date(2026, 12, 31)).amount == Decimal("1498.67")
    answers = make_answers({"facility": "chelm", "income": "1200.00"})
    assert assess(answers, rules, new["since"]).fee.amount == Decimal(new["amount"]) * 20 / 100


def test_a_section_added_in_every_language_as_the_guide_shows_appears_on_the_page(content):
    for lang in ("pl", "en", "uk"):
        append(content / lang / "pytania.md", "\n" + EXAMPLES["page"])
    app = create_app({"TESTING": True, "PAGE_CACHE": False, "CONTENT_DIR": content, "FIXED_DATE": "2026-11-23"})
    html = app.test_client().get("/pl/pytania/").get_data(as_text=True)
    section = parse(html, "/pl/pytania/").find(".//h2[@id='jak-pomoc']")
    assert section is not None, "the new section has its stable id"
    assert "1 010,00 zł" in text(parse(html, "/pl/pytania/")), "the placeholder shows the amount in force"
    assert 'href="../kontakt/#mielec"' in html, "the link to another page is made relative"


def test_a_section_added_in_one_language_only_is_refused_naming_the_files(content):
    append(content / "pl" / "pytania.md", "\n" + EXAMPLES["page"])
    with pytest.raises(ContentError) as info:
        create_app({"TESTING": True, "CONTENT_DIR": content})
    assert "content/en/pytania.md" in str(info.value) and "jak-pomoc" in str(info.value)


def test_every_change_of_the_criterion_has_a_case_on_its_first_day_as_the_guide_asks():
    rules = load_rules(ROOT / "content")
    cases = load_yaml((ROOT / "tests" / "rules" / "cases" / "criterion_dates.yaml").read_text(encoding="utf-8"))
    days = {case["on"] for case in cases}
    missing = [c.since.isoformat() for c in rules.criteria[1:] if c.since not in days]
    assert not missing, f"add a case on {missing} to tests/rules/cases/criterion_dates.yaml (content/README.md)"


def add_centre_as_the_guide_shows(content: Path) -> None:
    folder = content / "facilities" / "dolina"
    order = next_order(content)  # "the next number after the highest `order:` in the other centres'"
    folder.mkdir()
    (folder / "facility.yaml").write_text(re.sub(r"(?m)^order: \d+$", f"order: {order}", EXAMPLES["centre-facility"]),
                                          encoding="utf-8")
    (folder / "rules.yaml").write_text(EXAMPLES["centre-rules"], encoding="utf-8")
    for lang in ("pl", "en", "uk"):  # the guide's Polish page, standing in for each translation
        (content / lang / "dolina.md").write_text(EXAMPLES["centre-page"], encoding="utf-8")


def test_a_centre_added_as_the_guide_shows_gets_its_self_check_poster_and_footer_line(content):
    add_centre_as_the_guide_shows(content)
    app = create_app({"TESTING": True, "PAGE_CACHE": False, "CONTENT_DIR": content, "FIXED_DATE": "2026-11-23"})
    client = app.test_client()
    start = client.get("/pl/sprawdz/").get_data(as_text=True)
    assert 'href="dolina/"' in start and "Mieszkania Treningowe w Dolinie" in start
    form = client.get("/en/sprawdz/dolina/").get_data(as_text=True)
    assert "Do you live in Dolina?" in form
    result = client.post("/en/sprawdz/dolina/", data={
        "adult": "yes", "resident": "no", "round_the_clock_care": "no", "situations": "illness",
        "household": "single", "income": "500"}).get_data(as_text=True)
    assert "You said you do not live in Dolina." in result and "11 222 33 44" in result
    poster = client.get("/uk/dla-pracownikow/plakat/dolina/")
    assert poster.status_code == 200 and "Зателефонуйте до центру." in poster.get_data(as_text=True)
    assert "Miejski Ośrodek Pomocy Społecznej w Dolinie" in client.get("/pl/").get_data(as_text=True)
    home = parse(client.get("/pl/").get_data(as_text=True), "/pl/")
    menu = {text(a): a.get("href") for a in home.iterfind(".//nav[@class='main-nav']//a")}
    assert menu.get("Dolina") == "dolina/", "its `nav_title:` in the main menu"
    assert "w Dolinie" in text(home.find(".//title")), "its town in the site's name"
    staff = client.get("/pl/dla-pracownikow/").get_data(as_text=True)
    assert 'href="plakat/dolina/"' in staff and 'href="dolina/"' in staff, "its poster and its page of addresses"
    assert "/pl/dolina/#dla-kogo" in client.get("/pl/dla-pracownikow/dolina/").get_data(as_text=True)
    assert text(home.find(".//main/h1")) == text(home.find(".//title")), "the home page's title is the site's name"
    for page in ("kontakt/", "odplatnosc/", "tekst-latwy-do-czytania/"):  # {{contacts}}, {{fee_summary}}, {{phones}}
        assert "Mieszkania Treningowe w Dolinie" in text(parse(client.get(f"/pl/{page}").get_data(as_text=True), page))


def test_a_centre_without_its_facility_file_is_refused_naming_the_file(content):
    add_centre_as_the_guide_shows(content)
    (content / "facilities" / "dolina" / "facility.yaml").unlink()
    with pytest.raises(Exception) as info:
        create_app({"TESTING": True, "CONTENT_DIR": content})
    assert "facilities/dolina/facility.yaml: missing" in str(info.value)


def rule(name: str) -> list[str]:
    """The values in backticks in the guide's bullet `- **<name>** …` (up to the next bullet)."""
    start = GUIDE.index(f"- **{name}**")
    return re.findall(r"`([^`]+)`", GUIDE[start:GUIDE.index("\n- ", start + 1)])


def test_the_guides_percent_and_date_rules_are_what_the_formatters_write(app):
    from flask_babel import force_locale

    from flats.dates import format_day
    from flats.money import format_share
    assert rule("Percent")[:3] == ["flats.money.format_share", "20 %", "20%"]
    assert rule("Dates")[:4] == ["flats.dates.format_day", "1 stycznia 2025 r.", "1 January 2025", "1 січня 2025 р."]
    percent = {"pl": "20 %", "en": "20%", "uk": "20 %"}  # "Polish and Ukrainian with a no-break space …"
    day = dict(zip(("pl", "en", "uk"), rule("Dates")[1:4]))
    with app.test_request_context("/"):
        for lang in ("pl", "en", "uk"):
            with force_locale(lang):
                assert format_share(20, lang) == percent[lang].replace(" ", "\xa0"), lang  # the space: a no-break one
                assert format_day(date(2025, 1, 1)).replace("\xa0", " ") == day[lang], lang


def test_the_guides_table_of_conditions_is_the_engines():
    from flats.rules import CONDITIONS
    table = GUIDE[GUIDE.index("| condition | met when |"):]
    rows = [re.findall(r"\|([^|]*)", line)[:4] for line in table[:table.index("\n\n")].split("\n")[2:]]
    listed = {row[0].strip(" `"): (row[2].split("(")[0].strip(), row[3].strip(" `")) for row in rows}
    assert listed == {code: (c.status, c.reason) for code, c in CONDITIONS.items()}
