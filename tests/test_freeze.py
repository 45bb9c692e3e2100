"""The frozen site: complete, strict, relative, and the same answers as the live site."""
from __future__ import annotations

import gzip
import hashlib
import re
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

import brotli
import pytest

import flats
from flats.assets import served
from flats.urls import frozen_files

import freeze  # importable: conftest.py puts the project root on sys.path
from .frozen import DAY, files
from .pagecheck import PageChecker, parse
from .helpers import ROUTES

STATIC = Path(flats.__file__).with_name("static")
FINGERPRINT = re.compile(r"\.[0-9a-f]{8}\.")  # style.3a6ae0a8.css is listed as style.{hash}.css


def expected_files(app) -> list[str]:
    """What the build must write, derived: every page, the app's other files (answer tables …), every
    static file under its fingerprint, the root's files; each text file with its .br and .gz copies."""
    pages = [url.strip("/") + "/index.html" for url in ROUTES]
    others = [path.lstrip("/") for path in frozen_files(app)]
    static = [f"static/{p.stem}.{{hash}}{p.suffix}" for p in STATIC.rglob("*") if p.is_file()]
    written = pages + others + static + ["404.html", "index.html", "robots.txt", "sitemap.xml"]
    return sorted(name + suffix for name in written for suffix in ("", ".br", ".gz"))


def test_the_build_writes_exactly_the_files_the_site_has(build, app):
    folder, _ = build
    assert sorted(FINGERPRINT.sub(".{hash}.", f) for f in files(folder)) == expected_files(app)


def test_every_text_file_has_gzip_and_brotli_copies_of_the_same_bytes(build):
    folder, _ = build
    texts = [p for p in folder.rglob("*") if p.suffix in (".html", ".css", ".js", ".xml", ".txt")]
    assert len(texts) > 50
    for path in texts:
        original = path.read_bytes()
        assert gzip.decompress(path.with_name(path.name + ".gz").read_bytes()) == original, path
        assert brotli.decompress(path.with_name(path.name + ".br").read_bytes()) == original, path


def test_static_files_are_written_under_their_content_hash(build):
    folder, _ = build
    static = Path(__file__).resolve().parents[1] / "site" / "flats" / "static"
    for source in static.iterdir():
        digest = hashlib.sha256(served(source)).hexdigest()[:8]
        written = folder / "static" / f"{source.stem}.{digest}{source.suffix}"
        assert written.read_bytes() == served(source), written
        assert not (folder / "static" / source.name).exists(), "only the fingerprinted name is written"


def test_every_live_page_is_in_the_build(build):
    folder, _ = build
    for url in ROUTES:
        assert (folder / url.strip("/") / "index.html").is_file(), url


def test_the_root_links_every_language_and_its_script_follows_the_browsers(build):
    """Without script, plain links (Polish first); root.js picks the browser's language (tests/test_home.py)."""
    html = (build[0] / "index.html").read_text()
    tree = parse(html, "/index.html")
    links = [a.get("href") for a in tree.iter("a")]
    assert links[:3] == ["pl/", "en/", "uk/"]
    assert any("root." in (s.get("src") or "") for s in tree.iter("script"))
    assert tree.find(".//meta[@http-equiv='refresh']") is None, "no refresh racing the script"


def test_the_sitemap_lists_every_page_with_its_language_versions(build):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    tree = ET.parse(build[0] / "sitemap.xml")
    urls = tree.findall("s:url", ns)
    assert len(urls) == len(ROUTES)
    for url in urls:
        assert {a.get("hreflang") for a in url.findall("x:link", ns)} == {"pl", "en", "uk"}
    assert "User-agent: *" in (build[0] / "robots.txt").read_text()


def test_the_build_fails_on_a_redirect(tmp_path):
    from flats import urls
    with pytest.raises(Exception, match="(?i)redirect"):
        freeze.build(tmp_path / "b", {"FIXED_DATE": DAY},
                     prepare=lambda app: urls.add(app, pages=lambda app, lang: ["/pl/index/"]))


def test_the_build_fails_on_a_missing_page(tmp_path):
    from flats import urls
    prepare = lambda app: urls.add(app, pages=lambda app, lang: [f"/{lang}/no-such-page/"])  # noqa: E731
    with pytest.raises(Exception, match="404"):
        freeze.build(tmp_path / "b", {"FIXED_DATE": DAY}, prepare=prepare)


class StaticClient:
    """Just enough of a test client for PageChecker, over HTTP."""

    def __init__(self, base: str):
        self.base = base.rstrip("/")

    def get(self, path: str):
        try:
            response = urllib.request.urlopen(self.base + path)
            status = response.status
            response.read()
        except urllib.error.HTTPError as exc:
            status = exc.code
        return type("R", (), {"status_code": status, "close": lambda self: None})()


def html_pages(folder: Path) -> list[str]:
    """Every page with relative links: all but the root redirect and 404.html (absolute links, tested below)."""
    return ["/" + p for p in files(folder) if p.endswith(".html") and p not in ("index.html", "404.html")]


def test_every_frozen_page_passes_the_page_checks_served_from_a_sub_path(build, sub_path):
    checker = PageChecker(StaticClient(sub_path))
    for path in html_pages(build[0]):
        html = urllib.request.urlopen(sub_path.rstrip("/") + path).read().decode()
        url = path.removesuffix("index.html")
        checker.check(url, html, url.split("/")[1])
    assert len(checker.seen) > len(ROUTES), "the check followed the links"


def test_the_404_page_links_absolutely_under_the_base_path_and_every_link_works(build, sub_path):
    html = (build[0] / "404.html").read_text()
    tree = parse(html, "/404.html")
    assert tree.get("lang") == "pl" and "Nie znaleziono strony" in html
    links = [el.get(attr) for tag, attr in (("a", "href"), ("link", "href"), ("script", "src"))
             for el in tree.iter(tag) if el.get(attr) and not el.get(attr).startswith(("#", "data:"))]
    assert links and all(link.startswith("/mieszkania/") for link in links), links
    assert tree.find(".//link[@rel='stylesheet']").get("href").startswith("/mieszkania/static/style.")
    assert {"/mieszkania/pl/", "/mieszkania/en/", "/mieszkania/uk/"} <= set(links), "language links go home"
    origin = sub_path.split("/mieszkania/")[0]
    for link in set(links):
        assert urllib.request.urlopen(origin + link).status == 200, link


@pytest.mark.parametrize("given, site_url, base", [
    (None, "", "/"), (None, "https://example.gov.pl/mieszkania/", "/mieszkania/"),
    (None, "https://example.gov.pl", "/"), ("mieszkania", "https://example.gov.pl/x/", "/mieszkania/"),
    ("/a/b", "", "/a/b/"), ("/", "https://example.gov.pl/x/", "/"),
])
def test_the_base_path_comes_from_the_option_else_site_url(given, site_url, base):
    assert freeze.base_path(given, site_url) == base
