"""For staff: every page and section with its stable address, review dates, posters."""
from __future__ import annotations

from datetime import date

import pytest

from flats import create_app
from flats.data import site_data
from flats.rules import load_rules, review_dates
from flats.rules.review import add_years
from flats.urls import all_urls

from .pagecheck import parse, text
from .helpers import CONTENT_DIR, with_details

LANGS = ("pl", "en", "uk")
SITE = "https://mieszkania.test"


@pytest.fixture(scope="module")
def addressed():
    """An app whose content/site.yaml would give the site's address."""
    app = create_app({"TESTING": True, "PAGE_CACHE": False})
    app.extensions["flats"] = with_details(site_data(app), site={"url": SITE + "/"})
    return app


def page(client, url: str):
    response = client.get(url)
    assert response.status_code == 200, url
    return parse(response.get_data(as_text=True), url)


def svgs(tree) -> list:
    return [el for el in tree.iter() if isinstance(el.tag, str) and el.tag.endswith("svg")]


def codes(tree) -> list[str]:
    return [text(code) for code in tree.iter("code")]


@pytest.mark.parametrize("lang", LANGS)
def test_the_staff_page_lists_every_page_and_section_with_its_path_when_no_address_is_set(app, client, lang):
    """On the staff page itself, or on the page of addresses of the centre it belongs to, which the staff page
    links under the centre's page (so the staff page keeps its size however many centres there are)."""
    main = page(client, f"/{lang}/dla-pracownikow/")
    hrefs = {a.get("href") for a in main.iter("a")}
    shown = codes(main)
    for code, facility in site_data(app).facilities.items():
        assert f"{code}/" in hrefs, f"the staff page links {code}'s page of addresses"
        block = main.find(f".//h3[@id='adresy-{facility.page}']")
        assert block is not None, f"#adresy-{facility.page} stays, for links made to it"
        own = page(client, f"/{lang}/dla-pracownikow/{code}/")
        shown += codes(own)
    for path in [p for p in all_urls(app) if p.startswith(f"/{lang}/")]:
        assert path in shown, f"{path} is missing from the staff page"
    for (page_lang, slug), found in site_data(app).content.pages.items():
        if page_lang == lang:
            for _, id_, _ in found.headings:
                assert f"{found.path}#{id_}" in shown, f"{found.path}#{id_} is missing"


def test_without_an_address_the_staff_page_says_the_full_address_begins_with_the_sites_and_invents_none(client):
    tree = page(client, "/en/dla-pracownikow/")
    assert all(code.startswith("/en/") for code in codes(tree))
    assert "address is not published yet" in text(tree.find(".//main"))
    assert "site.yaml" not in text(tree.find(".//main")), "a public page names no file for editors"
    assert "http" not in " ".join(codes(tree))


def test_with_an_address_every_stable_url_is_absolute_and_the_links_stay_relative(addressed):
    tree = page(addressed.test_client(), "/pl/dla-pracownikow/")
    shown = codes(tree)
    assert f"{SITE}/pl/odplatnosc/#chelm" in shown
    assert all(code.startswith(SITE + "/pl/") for code in shown)
    hrefs = [a.get("href") for a in tree.iter("a")]
    assert "../odplatnosc/#chelm" in hrefs and not any(h.startswith("http") for h in hrefs)


def test_the_staff_page_links_both_posters_and_says_when_the_rules_were_last_reviewed(client):
    tree = page(client, "/pl/dla-pracownikow/")
    hrefs = {a.get("href") for a in tree.iter("a")}
    assert {"plakat/mielec/", "plakat/chelm/"} <= hrefs
    reviewed = load_rules(CONTENT_DIR).reviewed.isoformat()
    assert reviewed in {t.get("datetime") for t in tree.iter("time")}


def test_every_page_links_the_staff_page_from_the_footer(client):
    footer = page(client, "/uk/kontakt/").find(".//footer")
    assert "../dla-pracownikow/" in {a.get("href") for a in footer.iter("a")}


@pytest.mark.parametrize("day, warned", [("2027-12-31", False), ("2028-01-01", True), ("2029-06-30", True)])
def test_the_staff_page_warns_once_the_criterions_three_year_review_date_has_passed(app, client, day, warned,
                                                                                      monkeypatch):
    monkeypatch.setitem(app.config, "FIXED_DATE", day)
    tree = page(client, "/en/dla-pracownikow/")
    notice = tree.find(".//div[@class='notice warning review-overdue']")
    assert (notice is not None) is warned
    if warned:
        assert "2028-01-01" in {t.get("datetime") for t in notice.iter("time")}


def test_the_review_date_is_three_years_after_the_criterion_in_force_took_effect():
    rules = load_rules(CONTENT_DIR)
    dates = review_dates(rules, date(2026, 11, 23))
    assert (dates.criterion_since, dates.due) == (date(2025, 1, 1), date(2028, 1, 1))
    assert not dates.overdue_on(date(2027, 12, 31)) and dates.overdue_on(date(2028, 1, 1))


def test_a_past_review_is_not_overdue_when_a_later_criterion_is_already_in_the_data():
    rules = load_rules(CONTENT_DIR)
    assert not review_dates(rules, date(2021, 12, 1)).overdue_on(date(2021, 12, 1))


def test_a_review_counted_from_29_february_falls_on_28_february():
    assert add_years(date(2024, 2, 29), 3) == date(2027, 2, 28)


@pytest.mark.parametrize("lang, sentence", [("pl", "porównaliśmy z przepisami"), ("en", "against the law on"),
                                            ("uk", "звірили суми та правила")])
def test_the_fees_page_says_when_the_rules_were_last_reviewed(client, lang, sentence):
    tree = page(client, f"/{lang}/odplatnosc/")
    reviewed = load_rules(CONTENT_DIR).reviewed.isoformat()
    paragraph = next(p for p in tree.iter("p") if sentence in text(p))
    assert paragraph.find("time").get("datetime") == reviewed


@pytest.mark.parametrize("facility, phones", [("mielec", ["571 389 067", "17 780 53 94", "17 780 53 93"]),
                                              ("chelm", ["82 564 21 26"])])
@pytest.mark.parametrize("lang", LANGS)
def test_a_poster_names_the_place_and_gives_every_phone_as_a_tel_link(app, client, lang, facility, phones):
    tree = page(client, f"/{lang}/dla-pracownikow/plakat/{facility}/")
    assert text(tree.find(".//h1")) == site_data(app).content.get(lang, facility).title
    tels = {a.get("href") for a in tree.iter("a")}
    for number in phones:
        assert "tel:+48" + number.replace(" ", "") in tels
    data = site_data(app).rules.facility(facility)
    assert data.address in text(tree.find(".//main"))
    assert all(p.who[lang] in text(tree.find(".//main")) for p in data.phones)
    assert tree.find(".//main[@class='wrap poster']") is not None, "the print styles hide the menus by this class"


def test_without_an_address_a_poster_has_no_qr_code_and_says_why_naming_no_file(client):
    tree = page(client, "/pl/dla-pracownikow/plakat/chelm/")
    assert not svgs(tree) and tree.find(".//img") is None
    assert "adres tej strony" in text(tree.find(".//main")) and "site.yaml" not in text(tree.find(".//main"))


def test_the_staff_page_lists_what_is_not_published_yet_and_one_link_for_families(client):
    tree = page(client, "/en/dla-pracownikow/")
    main = text(tree.find(".//main"))
    assert tree.find(".//h2[@id='nieopublikowane']") is not None
    assert "the publisher's e-mail address" in main and "the site's own public address" in main
    families = tree.find(".//h2[@id='dla-rodzin']")
    assert families is not None and "/en/jak-zlozyc-wniosek/" in codes(tree)


def test_missing_publisher_details_are_warnings_for_staff_in_both_checks(tmp_path):
    import subprocess, sys
    done = subprocess.run([sys.executable, "-m", "flats", "check"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "warning: " in done.stdout and "publisher.email is empty" in done.stdout
    result = create_app({"TESTING": True, "LOAD_CONTENT": False}).test_cli_runner().invoke(args=["rules", "check"])
    assert result.exit_code == 0 and "site.url is empty" in result.output


@pytest.mark.parametrize("lang", LANGS)
def test_with_an_address_a_poster_has_an_inline_svg_qr_code_to_the_place_without_style(addressed, lang):
    html = addressed.test_client().get(f"/{lang}/dla-pracownikow/plakat/mielec/").get_data(as_text=True)
    tree = parse(html, "poster")
    [svg] = svgs(tree)
    assert svg.get("role") == "img" and SITE + f"/{lang}/mielec/" in svg.get("aria-label")
    assert "style" not in html.split("<svg", 1)[1].split("</svg>", 1)[0], "the CSP forbids inline styles"
    assert "data:image" not in html.split("<main", 1)[1]
    assert f"{SITE}/{lang}/mielec/" in text(tree.find(".//figcaption"))
