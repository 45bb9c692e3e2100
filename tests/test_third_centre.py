"""Centres defined by data alone run through the whole site, however many there are.

tests/fixtures/third_centre/ adds a centre in a made-up town, Testowo, with
its own groups, its own bracket fee table on a different monthly cost and its
own contacts; tests/fixtures/fourth_centre/ adds another, in Zmyślin, that sets
its fee itself. Both are added over the real content/ as content/README.md
says (after the centres already there, whatever their number), so the site
runs with two more centres than it has. Nothing under site/ names them (or
any real town).
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import freeze
from flats import create_app
from flats.urls import all_urls

from .browser import served
from .helpers import CONTENT_DIR, HTML_BUDGET, ROOT, add_centres, edited_copy, routes, violations, walk
from .pagecheck import PageChecker, parse, text

FIXTURES = Path(__file__).with_name("fixtures")
EXTRA = ("testowo", "zmyslin")  # the fictional centres, in the order they are added
DAY = "2026-11-23"
LANGS = ("pl", "en", "uk")
SEEN_ALONE = {"adult": "yes", "resident": "yes", "round_the_clock_care": "no", "situations": "older_age",
              "household": "single"}


@pytest.fixture(scope="module")
def content(tmp_path_factory) -> Path:
    """The real content with the two fictional centres added to it."""
    folder = tmp_path_factory.mktemp("third") / "content"
    shutil.copytree(CONTENT_DIR, folder)
    (folder / "README.md").unlink()
    assert add_centres(folder, FIXTURES / "third_centre", FIXTURES / "fourth_centre") == list(EXTRA)
    return folder


@pytest.fixture(scope="module")
def third(content):
    return create_app({"TESTING": True, "PAGE_CACHE": False, "CONTENT_DIR": content, "FIXED_DATE": DAY})


@pytest.fixture()
def client(third):
    return third.test_client()


def text_of(response) -> str:
    return text(parse(response.get_data(as_text=True), "page")).replace("\xa0", " ")


def test_nothing_under_site_names_a_real_or_fictional_town():
    found = []
    for path in sorted((ROOT / "site").rglob("*")):
        if path.suffix not in (".py", ".html", ".js", ".css", ".xml", ".txt") or "egg-info" in str(path):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#")[0] if path.suffix == ".py" else re.sub(r"\{#.*?#\}", "", line)
            if re.search(r"mielec|che[lł]m|testow|zmy[sś]lin", code, re.I):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not found, "facilities are data (content/facilities/); move these out of site/:\n" + "\n".join(found)


def test_the_site_serves_the_pages_its_files_describe_and_each_fictional_centre_has_every_page(third, content):
    urls = all_urls(third)
    assert urls == routes(content), "the route list follows the files, whatever the number of centres"
    for code in EXTRA:
        for lang in LANGS:
            for path in (f"/{lang}/{code}/", f"/{lang}/sprawdz/{code}/", f"/{lang}/dla-pracownikow/plakat/{code}/"):
                assert path in urls


def test_every_page_of_the_site_with_two_more_centres_passes_the_page_checks(third):
    checker = PageChecker(third.test_client())
    for url in all_urls(third):
        response = checker.client.get(url)
        assert response.status_code == 200, url
        checker.check(url, response.get_data(as_text=True), url.split("/")[1])


def test_every_page_with_two_more_centres_keeps_to_the_html_budget(third):
    client = third.test_client()
    heavy = {url: size for url in all_urls(third) if (size := len(client.get(url).data)) > HTML_BUDGET}
    assert not heavy, f"over {HTML_BUDGET} B: {heavy}"


def facility(content: Path, code: str) -> dict:
    return yaml.safe_load((content / "facilities" / code / "facility.yaml").read_text(encoding="utf-8"))


def in_order(content: Path) -> list[str]:
    """Every centre's code, in their `order:`."""
    codes = [path.parent.name for path in (content / "facilities").glob("*/facility.yaml")]
    return sorted(codes, key=lambda code: facility(content, code)["order"])


@pytest.mark.parametrize("code", EXTRA)
@pytest.mark.parametrize("lang", LANGS)
def test_it_is_everywhere_the_others_are_menu_name_home_contact_fees_staff_and_easy_to_read(client, content, lang,
                                                                                              code):
    """Added by data alone: the menu (in `order`), the site's name, the home, contact, fees, self-check, staff
    and easy-to-read pages list it, as they list every centre."""
    codes = in_order(content)
    name, town = facility(content, code)["name"][lang], facility(content, code)["in_town"][lang].split(" ", 1)[1]
    home = parse(client.get(f"/{lang}/").get_data(as_text=True), "home")
    menu = [a.get("href") for a in home.iterfind(".//nav[@class='main-nav']//a")]
    assert [h for h in menu if h.rstrip("/") in codes] == [f"{c}/" for c in codes], "every centre's page, in order"
    assert town in text(home.find(".//title")), "its town is in the site's name"
    assert name in text(home.find(".//main")), "the home page lists it"
    contact = client.get(f"/{lang}/kontakt/").get_data(as_text=True)
    assert f'id="{code}"' in contact and "tel:+48" in contact.split(f'id="{code}"')[1].split("<h2")[0]
    for page in ("odplatnosc/", "tekst-latwy-do-czytania/", "sprawdz/", "dla-pracownikow/"):
        assert name in text_of(client.get(f"/{lang}/{page}")), f"/{lang}/{page} lists it"


def test_its_page_shows_its_own_cost_and_fee_table(client):
    page = text_of(client.get("/en/testowo/"))
    assert "A place costs 2 000,00 zł a month, since 1 January 2020." in page
    assert "500,00 zł" in page and "1 000,00 zł" in page and "2 000,00 zł" in page, "25 %, 50 %, 100 % of 2000"
    assert "2 020,00 zł" in page, "the 200 % edge for the 1010 zł criterion"


def test_the_form_asks_about_its_town_and_the_result_uses_its_table(client):
    assert "Czy mieszkasz w Testowie?" in text_of(client.get("/pl/sprawdz/testowo/"))
    result = client.post("/en/sprawdz/testowo/", data={**SEEN_ALONE, "income": "2500", "step": "income"})
    page = text_of(result)
    assert "You probably meet the criteria" in page
    assert ("Your income is 2 500,00 zł a month. That is more than 2 020,00 zł but not more than 3 030,00 zł, "
            "so you pay 50% of the cost of a place: 1 000,00 zł a month.") in page
    assert "You fit the group of 6 places for older people in Testowo." in page
    assert "99 111 22 33" in page and "In Testowo you always pay for your own food." in page
    assert "A doctor's note (test)." in page


def test_its_living_alone_group_and_undecided_group_follow_the_generic_rules(client):
    family = text_of(client.post("/en/sprawdz/testowo/", data={
        **SEEN_ALONE, "household": "family", "household_size": "2", "income": "100", "step": "income"}))
    assert "The centre will need to look at your situation" in family
    assert "The places that fit your answers are meant for people who live alone." in family
    both = text_of(client.post("/uk/sprawdz/testowo/", data={
        **SEEN_ALONE, "situations": ["older_age", "leaving_care"], "income": "100", "step": "income"}))
    assert "Запитайте центр (тест)." in both, "two fitting groups: the centre decides, so the undecided stay"


def test_the_api_answers_for_it_and_documents_it(client):
    body = client.post("/api/v1/assessment", json={
        "facility": "testowo", "adult": "yes", "resident": "yes", "round_the_clock_care": "no",
        "situations": ["illness"], "household": "single", "income": "3100.00", "on": "2026-03-01"}).get_json()
    assert body["status"] == "likely" and body["reasons"][0]["code"] == "group_testowo_seniors"
    assert body["fee"]["kind"] == "bracket" and body["fee"]["percent_of_cost"] == 100
    assert body["fee"]["amount"] == "2000.00"
    early = client.post("/api/v1/assessment", json={
        "facility": "testowo", "adult": "yes", "resident": "yes", "round_the_clock_care": "no",
        "household": "single", "income": "1", "on": "2019-12-31"})
    assert early.status_code == 400 and "2020-01-01" in early.get_json()["errors"]["on"]
    doc = client.get("/api/v1/openapi.json").get_json()
    assert "Answers_testowo_single" in doc["components"]["schemas"]
    assert "testowo" in doc["components"]["schemas"]["Outcome"]["properties"]["facility"]["enum"]


def test_the_staff_page_and_its_poster(client):
    staff = client.get("/pl/dla-pracownikow/").get_data(as_text=True)
    assert 'href="plakat/testowo/"' in staff
    poster = client.get("/en/dla-pracownikow/plakat/testowo/")
    tree = parse(poster.get_data(as_text=True), "poster")
    assert text(tree.find(".//h1")) == "Supported flats in Testowo"
    assert {"tel:+48991112233", "tel:+48999000111"} <= {a.get("href") for a in tree.iter("a")}
    assert "Young adults starting to live on their own." in text(tree.find(".//main"))


def test_flask_rules_show_lists_its_conditions_groups_and_table(content):
    result = create_app({"TESTING": True, "LOAD_CONTENT": False, "CONTENT_DIR": content}).test_cli_runner().invoke(
        args=["rules", "show", "--on", "2026-03-01"])
    out = result.output.replace("\xa0", " ")
    assert result.exit_code == 0, out
    testowo = out[out.index("\ntestowo:"):]
    assert "group testowo_seniors: 6 places, for illness, older_age, for people living alone" in testowo
    assert "monthly cost of a place: 2 000,00 zł since 2020-01-01" in testowo
    assert "50 % of the cost = 1 000,00 zł" in testowo


def test_the_frozen_build_answers_for_it_from_the_engines_tables(content, tmp_path):
    urls = freeze.build(tmp_path / "build", {"FIXED_DATE": DAY, "CONTENT_DIR": content})
    assert "/pl/sprawdz/testowo/dane.js" in urls and "/uk/dla-pracownikow/plakat/testowo/" in urls
    script = (tmp_path / "build" / "en" / "sprawdz" / "testowo" / "dane.js").read_text(encoding="utf-8")
    table = json.loads(script.removeprefix("window.FLATS_ANSWERS = ").rstrip(";\n"))
    single = table["fees"]["tables"][""]["rows"]  # "": the household size is not asked of a person alone
    assert [row.get("up_to") for row in single] == [101000, 202000, 303000, None]
    kinds = [table["fees"]["kinds"][row["fee"]] for row in single]
    assert [(k["kind"], k["percent_of_cost"], k["amount"]) for k in kinds] == [
        ("free", None, None), ("bracket", 25, "500.00"), ("bracket", 50, "1000.00"), ("bracket", 100, "2000.00")]
    assert "group_testowo_young" in table["texts"]["reasons"]


def test_axe_finds_nothing_on_its_pages_and_results(third, page):
    with served(third) as base:
        for lang in LANGS:
            for url in (f"/{lang}/testowo/", f"/{lang}/sprawdz/testowo/", f"/{lang}/dla-pracownikow/plakat/testowo/"):
                page.goto(base + url)
                assert not violations(page), (url, violations(page))
            page.goto(f"{base}/{lang}/sprawdz/testowo/")
            walk(page, {**SEEN_ALONE, "situations": ["older_age"], "income": "2500"})
            assert page.locator("main .result").get_attribute("data-fee-amount") == "1000.00"
            assert not violations(page), (lang, "result", violations(page))


def test_python_m_flats_check_accepts_the_added_centres(content):
    result = subprocess.run([sys.executable, "-m", "flats", "check"], capture_output=True, text=True, timeout=120,
                            env={"FLATS_CONTENT_DIR": str(content), "FLATS_FIXED_DATE": json.dumps(DAY),
                                 "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr


def flats_check(content: Path, monkeypatch, capsys) -> list[str]:
    """`python -m flats check` on `content`, in this process: the problems it lists."""
    from flats import cli
    monkeypatch.setenv("FLATS_CONTENT_DIR", str(content))
    code = cli.check()
    problems = [line.strip() for line in capsys.readouterr().err.splitlines()[1:]]
    assert code == (1 if problems else 0)
    return problems


def broken(content: Path, tmp_path: Path, path: str, old: str, new: str) -> Path:
    """A copy of `content` with one mistake in `path` (`old`, there once, becomes `new`)."""
    return edited_copy(content, tmp_path / "content", [(path, old, new, 1)])


def test_one_mistake_in_an_added_centres_rules_gives_one_message(content, tmp_path, monkeypatch, capsys):
    copy = broken(content, tmp_path, "facilities/zmyslin/rules.yaml", "stay: fixed_term", "stay: fixed_trem")
    problems = flats_check(copy, monkeypatch, capsys)
    assert len(problems) == 1 and "zmyslin/rules.yaml" in problems[0] and "fixed_trem" in problems[0], problems


def test_two_centres_with_one_order_are_reported_naming_both_files(content, tmp_path, monkeypatch, capsys):
    order = yaml.safe_load((content / "facilities" / "testowo" / "facility.yaml").read_text(encoding="utf-8"))["order"]
    copy = broken(content, tmp_path, "facilities/zmyslin/facility.yaml", f"order: {order + 1}", f"order: {order}")
    problems = flats_check(copy, monkeypatch, capsys)
    assert len(problems) == 1, problems
    assert "facilities/testowo/facility.yaml" in problems[0] and "facilities/zmyslin/facility.yaml" in problems[0], \
        problems
