"""Caching headers: answers never stored, pages 5 minutes with an ETag, static files fingerprinted for a year."""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from flats import create_app
from flats.assets import fingerprints, served

from .pagecheck import parse, resolve
from .helpers import ROUTES

STATIC = Path(__file__).resolve().parents[1] / "site" / "flats" / "static"
ANSWERS = {"adult": "yes", "resident": "yes", "round_the_clock_care": "no", "situations": "illness",
           "household": "single", "income": "4321,98"}
FINGERPRINTED = re.compile(r"^(.+)\.([0-9a-f]{8})(\.[a-z]+)$")


@pytest.fixture(scope="module")
def cached_client():
    """The app as served, page cache on."""
    return create_app({"FIXED_DATE": "2026-11-23"}).test_client()


@pytest.mark.parametrize("lang, facility", [("pl", "chelm"), ("en", "mielec"), ("uk", "chelm")])
def test_self_check_results_and_form_errors_stay_in_the_persons_own_browser_only(cached_client, lang, facility):
    """`private`: for Back in that tab (the privacy page says so), never in a shared cache."""
    result = cached_client.post(f"/{lang}/sprawdz/{facility}/", data=ANSWERS)
    assert result.status_code == 200 and "4 321,98" in result.get_data(as_text=True).replace("\u00a0", " ")
    assert result.headers["Cache-Control"] == "private, max-age=1800" and "ETag" not in result.headers
    errors = cached_client.post(f"/{lang}/sprawdz/{facility}/", data={"income": "abc"})
    assert errors.headers["Cache-Control"] == "private, max-age=1800"


def test_api_answers_are_never_stored(cached_client):
    for response in (cached_client.post("/api/v1/assessment", json={"facility": "chelm"}),
                     cached_client.post("/api/v1/assessment", json=[1]),
                     cached_client.get("/api/v1/openapi.json"),
                     cached_client.get("/api/v1/nothing"),
                     cached_client.get("/health")):
        assert response.headers["Cache-Control"] == "no-store", response.request.path


@pytest.mark.parametrize("url", ROUTES[::5] + ["/pl/sprawdz/chelm/dane.js"])
def test_pages_are_public_for_five_minutes_and_revalidated_by_etag(cached_client, url):
    for attempt in ("rendered", "from memory"):
        response = cached_client.get(url)
        assert response.status_code == 200
        assert response.headers["Cache-Control"] == "public, max-age=300", attempt
        etag = response.headers["ETag"]
        again = cached_client.get(url, headers={"If-None-Match": etag})
        assert again.status_code == 304 and again.data == b"", attempt
        assert again.headers["ETag"] == etag and "Content-Length" not in again.headers
        assert "default-src 'none'" in again.headers["Content-Security-Policy"]
        other = cached_client.get(url, headers={"If-None-Match": '"something-else"'})
        assert other.status_code == 200 and other.data == response.data


def test_the_etag_changes_with_the_page():
    app = create_app({"FIXED_DATE": "2026-11-23"})
    client = app.test_client()
    today = client.get("/pl/odplatnosc/").headers["ETag"]
    app.config["FIXED_DATE"] = "2024-12-31"
    older = client.get("/pl/odplatnosc/", headers={"If-None-Match": today})
    assert older.status_code == 200 and older.headers["ETag"] != today


def test_errors_and_redirects_are_never_stored(cached_client):
    for response in (cached_client.get("/pl/no-such-page/"), cached_client.get("/"), cached_client.delete("/pl/"),
                     cached_client.get("/pl/mielec")):
        assert response.status_code in (302, 308, 404, 405)
        assert response.headers["Cache-Control"] == "no-store", response.request.path


def static_links(client) -> set[str]:
    """Every static file that some page links to, as site paths."""
    links = set()
    for url in ROUTES:
        tree = parse(client.get(url).get_data(as_text=True), url)
        for tag, attr in (("link", "href"), ("script", "src")):
            for el in tree.iter(tag):
                target = resolve(url, el.get(attr) or "")
                if target and target.startswith("/static/"):
                    links.add(target)
    return links


def test_every_static_link_is_fingerprinted(cached_client):
    links = static_links(cached_client)
    assert links and all(FINGERPRINTED.match(p.removeprefix("/static/")) for p in links), links


def test_every_static_file_is_served_under_its_content_hash_for_a_year(cached_client):
    from flask import url_for
    files = [p.relative_to(STATIC).as_posix() for p in STATIC.rglob("*") if p.is_file()]
    assert {"style.css", "check.js"} <= set(files)
    for name in files:
        with cached_client.application.test_request_context("/pl/"):
            path = url_for("static", filename=name)
        stem, digest, extension = FINGERPRINTED.match(path.removeprefix("/static/")).groups()
        content = served(STATIC / name)  # scripts and stylesheets minified
        assert stem + extension == name and hashlib.sha256(content).hexdigest()[:8] == digest, path
        response = cached_client.get(path)
        assert response.status_code == 200 and response.data == content
        assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
        response.close()


def test_a_plain_static_name_still_answers_but_is_revalidated(cached_client):
    response = cached_client.get("/static/style.css")
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-cache"
    response.close()
    assert cached_client.get("/static/style.00000000.css").status_code == 404


def test_a_changed_file_gets_a_new_name(tmp_path):
    (tmp_path / "css").mkdir()
    (tmp_path / "css" / "a.css").write_text("a{}")
    first = fingerprints(tmp_path)
    (tmp_path / "css" / "a.css").write_text("a{color:red}")
    second = fingerprints(tmp_path)
    assert FINGERPRINTED.match(first["css/a.css"]) and first["css/a.css"].startswith("css/a.")
    assert first["css/a.css"] != second["css/a.css"]


@pytest.mark.parametrize("value", ["*", "W/\"x\", \"y\"", "\"unterminated", ",,,", "\u00ff" * 10, "a" * 3000])
def test_odd_if_none_match_values_are_harmless(cached_client, value):
    response = cached_client.get("/pl/", headers={"If-None-Match": value})
    assert response.status_code in (200, 304)
    assert response.status_code == 304 or response.data


def test_scripts_and_stylesheets_are_served_minified_and_still_work(cached_client):
    source = (STATIC / "check.js").read_bytes()
    with cached_client.application.test_request_context("/pl/"):
        from flask import url_for
        sent = cached_client.get(url_for("static", filename="check.js")).data
    assert len(sent) < 0.85 * len(source) and b"flatsLookup" in sent and b"/* " not in sent
