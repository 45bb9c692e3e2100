"""Every route in every language passes the page checks; the route list is deliberate."""
from __future__ import annotations

from pathlib import Path

import pytest

from flats import create_app
from flats.data import site_data
from flats.urls import all_urls

from .helpers import ROUTES, with_details
from .pagecheck import parse, text


def test_the_site_serves_exactly_the_pages_its_content_and_facilities_give(app):
    assert all_urls(app) == ROUTES, (
        "The site's URLs differ from what content/ gives (tests/helpers.py: routes, SITE_PAGES, FACILITY_PAGES). "
        "If a page was added to the site itself, add its pattern there.")


@pytest.mark.parametrize("url", ROUTES)
def test_every_page_passes_the_page_checks(client, checker, url):
    response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    assert response.mimetype == "text/html"
    checker.check(url, response.get_data(as_text=True), url.split("/")[1])


def test_the_root_redirects_to_polish(client):
    response = client.get("/")
    assert response.status_code in (301, 302, 308)
    assert response.headers["Location"].endswith("/pl/")


@pytest.mark.parametrize("url, lang, heading", [
    ("/en/no-such-page/", "en", "Page not found"),
    ("/uk/no-such-page/", "uk", "Сторінку не знайдено"),
    ("/pl/no-such-page/", "pl", "Nie znaleziono strony"),
    ("/xx/", "pl", "Nie znaleziono strony"),
    ("/de/mielec/", "pl", "Nie znaleziono strony"),
    ("/pl/mielec/extra/", "pl", "Nie znaleziono strony"),
])
def test_an_unknown_page_gets_a_real_404_in_the_right_language(client, checker, url, lang, heading):
    response = client.get(url)
    assert response.status_code == 404
    html = response.get_data(as_text=True)
    tree = parse(html, url)
    assert tree.get("lang") == lang
    assert text(tree.find(".//h1")) == heading
    checker.check(url, html, lang)


def test_the_language_switcher_keeps_you_on_the_same_page(client):
    tree = parse(client.get("/en/chelm/").get_data(as_text=True), "/en/chelm/")
    switch = {a.get("hreflang"): a.get("href") for a in tree.findall(".//nav[@class='languages']//a")}
    assert switch == {"pl": "../../pl/chelm/", "en": "./", "uk": "../../uk/chelm/"}
    alternates = {l.get("hreflang"): l.get("href") for l in tree.findall(".//link[@rel='alternate']")}
    assert alternates == {}, "no hreflang while site.url is empty: never an address from the request's Host"


def test_hreflang_alternates_come_from_site_url_and_never_from_the_host_header(monkeypatch):
    app = create_app({"TESTING": True, "PAGE_CACHE": False})
    monkeypatch.setitem(app.extensions, "flats", with_details(site_data(app), site={"url": "https://mieszkania.example.gov.pl/"}))
    html = app.test_client().get("/en/chelm/", headers={"Host": "evil.example"}).get_data(as_text=True)
    tree = parse(html, "/en/chelm/")
    alternates = {l.get("hreflang"): l.get("href") for l in tree.findall(".//link[@rel='alternate']")}
    assert alternates == {lang: f"https://mieszkania.example.gov.pl/{lang}/chelm/" for lang in ("pl", "en", "uk")}
    assert "evil.example" not in html


@pytest.mark.parametrize("url", ROUTES)
def test_page_slugs_are_the_same_in_every_language(url):
    rest = url.split("/", 2)[2]
    for other in ("pl", "en", "uk"):
        assert f"/{other}/{rest}" in ROUTES, f"{url} has no /{other}/{rest}"


def test_the_footer_names_both_operators_and_links_the_required_pages(client):
    tree = parse(client.get("/uk/").get_data(as_text=True), "/uk/")
    footer = tree.find(".//footer")
    assert "Miejski Ośrodek Pomocy Społecznej w Mielcu" in text(footer)
    assert "Miejski Ośrodek Pomocy Rodzinie w Chełmie" in text(footer)
    hrefs = {a.get("href") for a in footer.iter("a")}
    assert {"kontakt/", "deklaracja-dostepnosci/", "ochrona-danych/"} <= hrefs


def test_every_page_has_a_skip_link_to_main(client):
    for url in ROUTES:
        tree = parse(client.get(url).get_data(as_text=True), url)
        first_link = tree.find(".//body//a")
        assert first_link.get("href") == "#main", f"{url}: the first link must skip to #main"
        assert tree.find(".//main[@id='main']") is not None


def test_no_response_sets_a_cookie(client):
    for url in ROUTES + ["/", "/pl/nope/"]:
        assert "Set-Cookie" not in client.get(url).headers, url


def test_the_home_page_links_both_facilities_and_the_pages_load_without_javascript(client):
    html = client.get("/pl/").get_data(as_text=True)
    assert 'href="mielec/"' in html and 'href="chelm/"' in html


def test_a_broken_content_file_stops_start_up_naming_the_file(tmp_path):
    import shutil
    root = Path(__file__).resolve().parents[1] / "content"
    shutil.copytree(root, tmp_path / "content")
    (tmp_path / "content" / "en" / "mielec.md").write_text("no front matter\n")
    from flats.content import ContentError
    with pytest.raises(ContentError) as info:
        create_app({"CONTENT_DIR": tmp_path / "content"})
    assert "content/en/mielec.md" in str(info.value)
    assert "Fix:" in str(info.value)


@pytest.mark.parametrize("lang, heading", [("pl", "Przepraszamy, coś poszło nie tak"), ("uk", None), ("en", "Sorry, something went wrong")])
def test_an_unexpected_error_gets_a_real_500_page_in_the_right_language(lang, heading):
    app = create_app({"TESTING": False, "PAGE_CACHE": False})

    @app.get("/<any(pl,en,uk):lang>/broken/")
    def broken():
        raise RuntimeError("a bug")

    response = app.test_client().get(f"/{lang}/broken/")
    assert response.status_code == 500
    tree = parse(response.get_data(as_text=True), "/broken/")
    assert tree.get("lang") == lang
    if heading:
        assert text(tree.find(".//h1")) == heading
    assert "a bug" not in response.get_data(as_text=True)
