"""Hostile input never gets a 500; every response carries the security headers and no cookie."""
from __future__ import annotations

import os

import json
import shutil
from pathlib import Path
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flats import create_app

from .pagecheck import parse, text
from .helpers import CODES, CONTENT_DIR, LANGS, ROUTES

ROOT = Path(__file__).resolve().parents[1]
SETTINGS = settings(max_examples=200 if os.environ.get("FLATS_THOROUGH") else 40, deadline=None, suppress_health_check=list(HealthCheck))
METHODS = st.sampled_from(["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE"])
SEGMENT = st.one_of(st.sampled_from(["pl", "en", "uk", "sprawdz", "chelm", "mielec", "api", "v1", "assessment",
                                     "static", "..", ".", "%2e%2e", "style.css", "", "health"]),
                    st.text(max_size=12).map(lambda t: quote(t, safe="%")))
# Any characters, percent-encoded as a client would send them; the app decodes them.
PATHS = st.lists(SEGMENT, max_size=5).map(lambda parts: "/" + "/".join(parts).lstrip("/"))
HEADERS = st.dictionaries(
    st.sampled_from(["Accept-Language", "Accept", "Content-Type", "If-Modified-Since", "Range", "X-Forwarded-For",
                     "Cookie", "Referer", "User-Agent"]),
    st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=40), max_size=4)
FORMS = st.dictionaries(st.sampled_from(["adult", "resident", "round_the_clock_care", "situations", "household",
                                         "household_size", "income", "change", "zzz"]),
                        st.text(max_size=30), max_size=8)
JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
                    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children,
                                                                                      max_size=6), max_leaves=20)


def assert_sane(response):
    assert response.status_code < 500, response.status_code
    assert "Set-Cookie" not in response.headers
    assert "unsafe-inline" not in response.headers["Content-Security-Policy"]


@SETTINGS
@given(method=METHODS, path=PATHS, headers=HEADERS)
def test_arbitrary_requests_never_get_a_500(app, method, path, headers):
    with app.test_client() as client:
        response = client.open(path, method=method, headers=headers)
        assert_sane(response)
        response.close()


@SETTINGS
@given(form=FORMS, lang=st.sampled_from(["pl", "en", "uk"]), facility=st.sampled_from(CODES))
def test_arbitrary_form_posts_never_get_a_500(app, form, lang, facility):
    response = app.test_client().post(f"/{lang}/sprawdz/{facility}/", data=form)
    assert_sane(response)
    assert response.status_code == 200


@SETTINGS
@given(body=JSON)
def test_arbitrary_json_gets_a_result_or_a_400(app, body):
    response = app.test_client().post("/api/v1/assessment", json=body)
    assert_sane(response)
    assert response.status_code in (200, 400)


def test_every_kind_of_response_carries_the_security_headers(client):
    responses = [client.get(u) for u in ("/pl/", "/static/style.css", "/api/v1/openapi.json", "/health",
                                         "/pl/nope/", "/")]
    responses += [client.post("/api/v1/assessment", json={}), client.delete("/pl/")]
    for r in responses:
        csp = r.headers["Content-Security-Policy"]
        for directive in ("default-src 'none'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'",
                          "base-uri 'none'", "form-action 'self'"):
            assert directive in csp, (r.request.path, directive)
        assert "unsafe-eval" not in csp and "unsafe-inline" not in csp
        assert r.headers["X-Content-Type-Options"] == "nosniff"
        assert r.headers["Referrer-Policy"] == "no-referrer"
        assert "camera=()" in r.headers["Permissions-Policy"] and "geolocation=()" in r.headers["Permissions-Policy"]
        assert "Strict-Transport-Security" not in r.headers
        assert "Set-Cookie" not in r.headers
        r.close()


def test_hsts_is_sent_when_configured_for_https():
    response = create_app({"HSTS": True}).test_client().get("/pl/")
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")


@pytest.mark.parametrize("path", ["/static/../../pyproject.toml", "/static/%2e%2e/%2e%2e/pyproject.toml",
                                  "/static/..%2f..%2fpyproject.toml", "/pl/../../etc/passwd", "/static//etc/passwd"])
def test_path_traversal_finds_nothing(client, path):
    response = client.get(path)
    assert response.status_code in (404, 308, 301), path
    assert b"[project]" not in response.data


def test_an_oversized_body_gets_413_with_a_real_page(client):
    response = client.post("/pl/sprawdz/chelm/", data={"income": "1" * 70000})
    assert response.status_code == 413
    assert "<h1>" in response.get_data(as_text=True)


@pytest.mark.parametrize("lang, heading", [("pl", "Tego adresu nie można użyć w ten sposób"),
                                           ("en", "This address cannot be used in this way")])
def test_a_wrong_method_gets_405_with_a_real_page_in_the_right_language(client, checker, lang, heading):
    response = client.delete(f"/{lang}/mielec/")
    assert response.status_code == 405
    assert "GET" in response.headers["Allow"]
    html = response.get_data(as_text=True)
    assert text(parse(html, "x").find(".//h1")) == heading
    checker.check(f"/{lang}/mielec/", html, lang)


@pytest.mark.parametrize("value", ["", ";;;", "xx-YY;q=abc", "*;q=0", "pl;q=1.5,en;q=-1", "\u00ff" * 20,
                                   "a" * 2000])
def test_malformed_accept_language_is_harmless(client, value):
    response = client.get("/en/", headers={"Accept-Language": value})
    assert response.status_code == 200
    assert '<html lang="en">' in response.get_data(as_text=True)


@pytest.fixture(scope="module")
def both_ways():
    """Clients of an app without and with the page cache: HEAD through Flask, and from memory."""
    return [create_app({"TESTING": True, "PAGE_CACHE": cached, "FIXED_DATE": "2026-11-23"}).test_client()
            for cached in (False, True)]


@pytest.mark.parametrize("url", ROUTES + ["/", "/health", "/sitemap.xml", "/robots.txt", "/api/v1/openapi.json",
                                 "/pl/sprawdz/chelm/dane.js", "/pl/no-such-page/"])
def test_head_answers_exactly_like_get_without_the_body_on_every_page(both_ways, url):
    for client in both_ways:
        get, head = client.get(url), client.head(url)
        assert head.status_code == get.status_code and head.data == b"", url
        for name in ("Content-Type", "Content-Length", "Cache-Control", "Content-Security-Policy", "ETag"):
            assert head.headers.get(name) == get.headers.get(name), (url, name)


@pytest.mark.parametrize("file, breakage, named", [
    ("rules/criterion.yaml", "values: [oops\n", "criterion.yaml"),
    ("facilities/chelm/rules.yaml", None, "facilities/chelm/rules.yaml"),
    ("pl/odplatnosc.md", "---\ntitle: x\n---\n", "content/pl/odplatnosc.md"),
    ("site.yaml", "publisher: [\n", "content/site.yaml"),
    ("facilities/mielec/facility.yaml", "order: 1\norder: 2\n", "content/facilities/mielec/facility.yaml, line 2"),
])
def test_a_broken_content_or_rules_file_stops_start_up_naming_it(tmp_path, file, breakage, named):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    target = tmp_path / "content" / file
    if breakage is None:
        target.unlink()
    else:
        target.write_text(breakage)
    with pytest.raises(Exception) as info:
        create_app({"CONTENT_DIR": tmp_path / "content"})
    assert named in str(info.value)


def test_the_health_endpoint_reports_what_is_loaded(client):
    body = client.get("/health").get_json()
    pages = sum(len(list((CONTENT_DIR / lang).glob("*.md"))) for lang in LANGS)  # a centre added adds 3
    assert body["status"] == "ok" and body["pages"] == pages and body["criterion_since"]


def test_odd_input_found_by_the_review_gets_400_not_500():
    client = create_app({"FIXED_DATE": "2026-12-02"}).test_client()
    dated = client.post("/api/v1/assessment", data='{"facility": "chelm", "on": "2026-01-01\\n"}',
                        content_type="application/json")
    assert dated.status_code == 400 and "on" in dated.get_json()["errors"]
    surrogate = client.post("/api/v1/assessment", data='{"\\ud800": 1}', content_type="application/json")
    assert surrogate.status_code == 400 and b'"\\ud800":"unknown field"' in surrogate.data
    json.loads(surrogate.data)  # still valid JSON
    for host in ("a" * 64, "a" * 300 + ".pl", "x" * 63 + "." + "y" * 64):
        for path in ("/pl/", "/uk/sprawdz/chelm/", "/no-such/"):
            response = client.get(path, headers={"Host": host})
            assert response.status_code == 400 and response.data == b"Bad request\n"
