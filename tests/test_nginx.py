"""deploy/nginx-flats.conf with Debian's nginx on loopback, serving the frozen build at a sub-path."""
from __future__ import annotations

import gzip
import re
import urllib.error
import urllib.request
from urllib.parse import urljoin

import brotli
import pytest

from .pagecheck import parse
from .servers import nginx as serve_with_nginx


@pytest.fixture(scope="module")
def nginx(build):
    with serve_with_nginx(build[0]) as base:
        yield base


@pytest.fixture(scope="module")
def stylesheet(build):
    """The build's stylesheet, by its fingerprinted name: static/style.<hash>.css."""
    [path] = (build[0] / "static").glob("style.*.css")
    return f"static/{path.name}"


def fetch(url: str, method: str = "GET", headers: dict | None = None):
    try:
        response = urllib.request.urlopen(urllib.request.Request(url, method=method, headers=headers or {}))
    except urllib.error.HTTPError as exc:
        response = exc
    return response.status, dict(response.headers), response.read()


@pytest.mark.parametrize("path", ["", "pl/", "en/sprawdz/chelm/", "STYLESHEET", "static/style.css",
                                  "pl/sprawdz/mielec/dane.js", "sitemap.xml", "no-such-page/"])
def test_nginx_sends_the_same_security_headers(nginx, stylesheet, path):
    status, headers, _ = fetch(nginx + path.replace("STYLESHEET", stylesheet))
    assert status in (200, 404)
    csp = headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert "camera=()" in headers["Permissions-Policy"]
    assert "Set-Cookie" not in headers


def test_fingerprinted_assets_are_immutable_and_pages_revalidated(nginx, stylesheet):
    assert fetch(nginx + stylesheet)[1]["Cache-Control"] == "public, max-age=31536000, immutable"
    assert fetch(nginx + "pl/")[1]["Cache-Control"] == "no-cache"
    assert fetch(nginx + "pl/sprawdz/chelm/dane.js")[1]["Cache-Control"] == "no-cache"
    assert fetch(nginx + "pl/sprawdz/chelm/dane.js")[1]["Content-Type"].split(";")[0] in (
        "application/javascript", "text/javascript")


@pytest.mark.parametrize("encoding, decompress", [("gzip", gzip.decompress), ("br", brotli.decompress)])
@pytest.mark.parametrize("path", ["pl/", "STYLESHEET", "pl/sprawdz/chelm/dane.js", "pl/no-such-page/"])
def test_nginx_sends_the_builds_precompressed_copies(nginx, build, stylesheet, encoding, decompress, path):
    url = nginx + path.replace("STYLESHEET", stylesheet)
    plain_status, plain_headers, plain = fetch(url, headers={"Accept-Encoding": "identity"})
    status, headers, body = fetch(url, headers={"Accept-Encoding": encoding})
    assert status == plain_status and "Content-Encoding" not in plain_headers
    assert headers["Content-Encoding"] == encoding and "Accept-Encoding" in headers["Vary"]
    assert decompress(body) == plain and len(body) < len(plain)


def test_a_missing_page_gets_the_sites_404_page(nginx):
    status, _, body = fetch(nginx + "pl/no-such-page/")
    assert status == 404
    assert "Nie znaleziono strony" in body.decode()


def test_the_sub_path_deployment_works_page_to_page(nginx, stylesheet):
    status, _, body = fetch(nginx)
    assert status == 200 and b'href="pl/"' in body
    status, _, body = fetch(nginx + "pl/")
    html = body.decode()
    assert status == 200 and f'href="../{stylesheet}"' in html
    for href in ("mielec/", "chelm/", "../" + stylesheet, "../en/"):
        assert fetch(nginx + "pl/" + href)[0] == 200, href


@pytest.mark.parametrize("missing", ["nope", "pl/a/b/c/d/e/f/", "en/sprawdz/chelm/x/y/z.html", "static/deep/x.css"])
def test_the_404_page_works_at_any_depth(nginx, missing):
    status, _, body = fetch(nginx + missing)
    assert status == 404
    tree = parse(body.decode(), missing)
    css = tree.find(".//link[@rel='stylesheet']").get("href")
    assert re.fullmatch(r"/mieszkania/static/style\.[0-9a-f]{8}\.css", css), css
    status, headers, sheet = fetch(urljoin(nginx + missing, css))
    assert status == 200 and headers["Content-Type"].startswith("text/css") and b"{" in sheet
    for a in tree.iter("a"):
        if not a.get("href").startswith("#"):
            assert fetch(urljoin(nginx + missing, a.get("href")))[0] == 200, a.get("href")


def test_nginx_refuses_to_change_anything(nginx):
    assert fetch(nginx + "pl/sprawdz/chelm/", "POST")[0] == 405


def no_redirect(url: str):
    """(status, Location) of `url`, without following a redirect."""
    class Stop(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None
    try:
        response = urllib.request.build_opener(Stop).open(url)
    except urllib.error.HTTPError as exc:
        response = exc
    with response:
        response.read()
        return response.status, response.headers.get("Location"), dict(response.headers)


@pytest.mark.parametrize("path, location", [("/mieszkania", "/mieszkania/"), ("/mieszkania?x=1", "/mieszkania/?x=1"),
                                            ("/mieszkania/pl", "/mieszkania/pl/"),
                                            ("/mieszkania/en/sprawdz/chelm", "/mieszkania/en/sprawdz/chelm/")])
def test_redirects_are_relative_and_the_bare_sub_path_goes_to_the_start(nginx, path, location):
    status, sent, headers = no_redirect(urljoin(nginx, path))
    assert status == 301 and sent == location, (status, sent)
    assert headers["Server"] == "nginx" and headers["X-Content-Type-Options"] == "nosniff"
    assert fetch(urljoin(nginx, sent))[0] == 200
