"""deploy/nginx-flats.conf with Debian's nginx on loopback, serving the frozen build at a sub-path."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from .test_freeze import build  # noqa: F401  (fixture)

ROOT = Path(__file__).resolve().parents[1]
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def nginx(build, tmp_path_factory):  # noqa: F811
    assert Path(NGINX).exists(), "nginx is missing: `make test` installs Debian's nginx"
    folder, _ = build
    work = tmp_path_factory.mktemp("nginx")
    site = (ROOT / "deploy" / "nginx-flats.conf").read_text()
    site = site.replace("/srv/flats/build/", f"{folder}/").replace(
        "/etc/nginx/flats/security-headers.conf", str(ROOT / "deploy" / "security-headers.conf"))
    port = free_port()
    (work / "nginx.conf").write_text(f"""
{"user root;" if os.geteuid() == 0 else ""}
worker_processes 1;
daemon off;
pid {work}/nginx.pid;
error_log {work}/error.log;
events {{}}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {work}/body; proxy_temp_path {work}/proxy; fastcgi_temp_path {work}/fastcgi;
    uwsgi_temp_path {work}/uwsgi; scgi_temp_path {work}/scgi;
    server {{
        listen 127.0.0.1:{port};
        server_tokens off;
        {site}
    }}
}}
""")
    process = subprocess.Popen([NGINX, "-c", str(work / "nginx.conf"), "-p", str(work)])
    base = f"http://127.0.0.1:{port}/mieszkania/"
    for _ in range(50):
        try:
            urllib.request.urlopen(base)
            break
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.1)
    yield base
    process.terminate()
    process.wait(timeout=10)


def fetch(url: str, method: str = "GET"):
    try:
        response = urllib.request.urlopen(urllib.request.Request(url, method=method))
    except urllib.error.HTTPError as exc:
        response = exc
    return response.status, dict(response.headers), response.read()


@pytest.mark.parametrize("path", ["", "pl/", "en/sprawdz/chelm/", "static/style.css", "pl/sprawdz/mielec/dane.js",
                                  "sitemap.xml", "no-such-page/"])
def test_nginx_sends_the_same_security_headers(nginx, path):
    status, headers, _ = fetch(nginx + path)
    assert status in (200, 404)
    csp = headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert "camera=()" in headers["Permissions-Policy"]
    assert "Set-Cookie" not in headers


def test_static_assets_are_cached_and_pages_revalidated(nginx):
    assert "max-age=86400" in fetch(nginx + "static/style.css")[1]["Cache-Control"]
    assert fetch(nginx + "pl/")[1]["Cache-Control"] == "no-cache"
    assert fetch(nginx + "pl/sprawdz/chelm/dane.js")[1]["Content-Type"].split(";")[0] in (
        "application/javascript", "text/javascript")


def test_a_missing_page_gets_the_sites_404_page(nginx):
    status, _, body = fetch(nginx + "pl/no-such-page/")
    assert status == 404
    assert "Nie znaleziono strony" in body.decode()


def test_the_sub_path_deployment_works_page_to_page(nginx):
    status, _, body = fetch(nginx)
    assert status == 200 and b'url=pl/' in body
    status, _, body = fetch(nginx + "pl/")
    html = body.decode()
    assert status == 200 and 'href="../static/style.css"' in html
    for href in ("mielec/", "chelm/", "../static/style.css", "../en/"):
        assert fetch(nginx + "pl/" + href)[0] == 200, href


def test_nginx_refuses_to_change_anything(nginx):
    assert fetch(nginx + "pl/sprawdz/chelm/", "POST")[0] == 405
